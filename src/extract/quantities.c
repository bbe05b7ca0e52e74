/* Quantities: numbers in either convention ("10.000", "10,000", "3,5",
 * "1.2"), number words ("dos", "miles"), multipliers ("2.500 millones",
 * "1.2 million"), bounds ("más de", "at least"), currencies ("$3 billion")
 * and the noun they count ("soldados" -> soldado), from numbers.tsv,
 * units.tsv and cues.tsv. */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

/* A digit string with separators: a separator followed by exactly three digits
 * groups thousands, otherwise it is the decimal mark; with both kinds, the
 * last one is the decimal mark. */
static int parse_number(const char *s, size_t n, double *out)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf) return 0;
    long last_dot = -1, last_comma = -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            last_dot = (long)i;
        else if (s[i] == ',')
            last_comma = (long)i;
        else if (s[i] < '0' || s[i] > '9')
            return 0;
    }
    long dec = -1;
    if (last_dot >= 0 && last_comma >= 0) {
        dec = last_dot > last_comma ? last_dot : last_comma;
    } else if (last_dot >= 0 || last_comma >= 0) {
        long sep = last_dot >= 0 ? last_dot : last_comma;
        char c = s[sep];
        int groups_of_three = (long)n - sep - 1 == 3;
        for (size_t i = 0; i < n && groups_of_three; i++)
            if (s[i] == c && i + 4 <= n && (i + 4 < n && s[i + 4] != c)) groups_of_three = 0;
        if (!groups_of_three) dec = sep;
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if ((long)i == dec)
            buf[w++] = '.';
        else if (s[i] >= '0' && s[i] <= '9')
            buf[w++] = s[i];
    }
    buf[w] = '\0';
    *out = strtod(buf, NULL);
    return 1;
}

static const ng_number *number_word(const ng_extractor *x, size_t i)
{
    if (i >= x->seg.ntokens) return NULL;
    return x->toks[i].w->number;
}

static const char *unit_of(const ng_extractor *x, size_t i)
{
    if (i >= x->seg.ntokens) return NULL;
    return x->toks[i].w->unit;
}

/* The counted noun after a number: a unit from units.tsv, else the lemma of
 * a plain word ("soldados" -> "soldado"), skipping "de" ("miles de
 * soldados"). */
static const char *counted(const ng_extractor *x, size_t *j, size_t end)
{
    size_t k = *j;
    if (k < end && ng__tok_cue(x, k, NG_CUE_GENITIVE)) k++;
    if (k >= end) return NULL;
    const char *u = unit_of(x, k);
    if (!u) {
        const xtok *t = &x->toks[k];
        if (!(t->flags & NG_TOK_WORD) || (t->flags & NG_TOK_UPPER) || t->mention >= 0 ||
            ng__tok_cue(x, k, NG_CUE_STOP) || ng__tok_cue(x, k, NG_CUE_PREP) ||
            ng__tok_cue(x, k, NG_CUE_DETERMINER) || !t->lemmas)
            return NULL;
        u = t->lemmas; /* first lemma: the singular */
    }
    *j = k + 1;
    return u;
}

/* Number at i: value, bound and end; 0 when there is none. */
static int number_at(const ng_extractor *x, size_t i, size_t end, qty_mention *q)
{
    const xtok *t = &x->toks[i];
    double v;
    ng_bound bound = NG_BOUND_EXACT;
    const ng_number *w = NULL;
    if (t->in_date) return 0;
    if (t->flags & NG_TOK_NUM) {
        const ng_token *k = &x->seg.tokens[i];
        if (!parse_number(x->text + k->start, k->end - k->start, &v)) return 0;
    } else if ((w = number_word(x, i)) && w->kind != NG_NUM_MULTIPLIER &&
               !ng__tok_cue(x, i, NG_CUE_DETERMINER)) { /* "una orden" is no count */
        v = w->value;
        if (w->kind == NG_NUM_APPROX) bound = NG_BOUND_MIN; /* "miles" = at least 1000 */
    } else {
        return 0;
    }
    size_t j = i + 1;
    /* 2.500 millones, 1.2 million, mil millones */
    for (int n = 0; n < 2 && j < end; n++) {
        const ng_number *m = number_word(x, j);
        if (!m || m->kind != NG_NUM_MULTIPLIER) break;
        v *= m->value;
        j++;
    }
    /* a bare number word like "un"/"one" counts only with a unit-like noun */
    const char *unit = NULL;
    size_t start = i;
    if (i > 0 && unit_of(x, i - 1) && (x->toks[i - 1].flags & NG_TOK_PUNCT)) {
        unit = unit_of(x, i - 1); /* $3 billion */
        start = i - 1;
    }
    size_t after = j;
    const char *noun = counted(x, &after, end);
    if (noun) {
        if (!unit) unit = noun;
        j = after;
    }
    if (w && w->kind == NG_NUM_NUMBER && !noun) return 0;
    q->t0 = (uint32_t)start;
    q->t1 = (uint32_t)j;
    q->q.present = 1;
    q->q.value = v;
    q->q.bound = bound;
    q->q.unit = unit;
    return 1;
}

int ng__find_quantities(ng_extractor *x, ng_error *err)
{
    x->nqtys = 0;
    for (size_t s = 0; s < x->seg.nsentences; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        size_t end = z->first + z->count;
        for (size_t i = z->first; i < end; i++) {
            qty_mention q = {0};
            if (!number_at(x, i, end, &q)) continue;
            /* más de / at least / unos: up to three words before */
            /* "más de 10.000", "more than $3 billion": the cue ends where it starts */
            size_t s0 = q.t0;
            static const int kinds[] = {NG_CUE_QTY_MIN, NG_CUE_QTY_MAX, NG_CUE_QTY_APPROX};
            static const ng_bound bounds[] = {NG_BOUND_MIN, NG_BOUND_MAX, NG_BOUND_APPROX};
            for (size_t b = s0 > z->first + 3 ? s0 - 3 : z->first; b < s0; b++)
                for (int k = 0; k < 3; k++) {
                    int n = ng__cue_at(x, kinds[k], b, s0, NULL);
                    if (n && b + (size_t)n == s0) q.q.bound = bounds[k], q.t0 = (uint32_t)b;
                }
            q.sent = (uint32_t)s;
            if (NG_GROW(x->qtys, x->qtys_cap, x->nqtys + 1))
                return ng_error_set(err, NG_ENOMEM, "out of memory");
            x->qtys[x->nqtys++] = q;
            for (size_t k = q.t0; k < q.t1; k++)
                x->toks[k].in_qty = 1;
            i = q.t1 - 1;
        }
    }
    x->out.stats.quantities = x->nqtys;
    return 0;
}

/* ---- qualifying claims ------------------------------------------------------ */

/* Whether a clause boundary ("que", "that", ";") lies between a and b. */
static int clause_between(const ng_extractor *x, size_t a, size_t b)
{
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    for (size_t i = a + 1; i < b; i++)
        if (ng__tok_cue(x, i, NG_CUE_COMPLEMENTIZER) || ng__tok_is(x, i, ";")) return 1;
    return 0;
}

static size_t distance(size_t a, size_t b)
{
    return a > b ? a - b : b - a;
}

/* The claim site nearest to token t of sentence sent, in the same clause:
 * returns the claim index or -1. */
static long nearest_claim(const ng_extractor *x, uint32_t sent, size_t t)
{
    long best = -1;
    size_t best_d = (size_t)-1;
    for (size_t c = 0; c < x->out.nclaims; c++) {
        const claim_site *cs = &x->sites[c];
        for (int k = 0; k < cs->n; k++) {
            if (cs->sent[k] != sent || clause_between(x, cs->anchor[k], t)) continue;
            if (distance(cs->anchor[k], t) < best_d) {
                best = (long)c;
                best_d = distance(cs->anchor[k], t);
            }
        }
    }
    return best;
}

/* Each date and each quantity qualifies the one claim read nearest to it. */
void ng__qualify_claims(ng_extractor *x)
{
    for (size_t w = 0; w < x->nwhens; w++) {
        long c = nearest_claim(x, x->whens[w].sent, x->whens[w].t0);
        if (c >= 0 && x->out.claims[c].when.kind == NG_WHEN_NONE)
            x->out.claims[c].when = x->whens[w].when;
    }
    for (size_t q = 0; q < x->nqtys; q++) {
        long c = nearest_claim(x, x->qtys[q].sent, x->qtys[q].t0);
        if (c >= 0 && !x->out.claims[c].quantity.present) x->out.claims[c].quantity = x->qtys[q].q;
    }
}
