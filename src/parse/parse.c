/* The parse stage: segmenter tokens (or gold words) in, syntactic words with
 * tags, features, lemmas and a dependency tree out. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "parse_int.h"

static const char *const upos_names[NG_UPOS_COUNT] = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *ng_upos_name(ng_upos u)
{
    return (unsigned)u < NG_UPOS_COUNT ? upos_names[u] : "X";
}

int ng_upos_from_name(const char *s, size_t n)
{
    for (int i = 0; i < NG_UPOS_COUNT; i++)
        if (strlen(upos_names[i]) == n && memcmp(upos_names[i], s, n) == 0) return i;
    return -1;
}

int ng_parse_new(ng_parse **out, ng_error *err)
{
    ng_parse *p = calloc(1, sizeof *p);
    if (!p || !(p->pool = ng_pool_new())) {
        free(p);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    *out = p;
    return 0;
}

void ng_parse_free(ng_parse *p)
{
    if (!p) return;
    ng_pool_free(p->pool);
    free(p->words);
    free(p->sents);
    free(p->lemmas);
    ng_psent_free(&p->ps);
    ng_buf_free(&p->lower);
    ng_buf_free(&p->scratch);
    if (p->cfg) ng_config_free(p->cfg);
    free(p->cfg);
    free(p);
}

void ng_parse_reset(ng_parse *p)
{
    ng_pool_reset(p->pool);
    p->nwords = p->nsents = 0;
}

size_t ng_parse_word_count(const ng_parse *p)
{
    return p->nwords;
}

const ng_word *ng_parse_word(const ng_parse *p, size_t i)
{
    return i < p->nwords ? &p->words[i] : NULL;
}

size_t ng_parse_sentence_count(const ng_parse *p)
{
    return p->nsents;
}

const ng_parse_sentence *ng_parse_sentence_at(const ng_parse *p, size_t i)
{
    return i < p->nsents ? &p->sents[i] : NULL;
}

static int grow_array(void **arr, size_t cap, size_t size)
{
    void *p = realloc(*arr, cap * size);
    if (!p) return NG_ENOMEM;
    *arr = p;
    return 0;
}
#define GROW_TO(arr, cap) grow_array((void **)&(arr), (cap), sizeof *(arr))

int ng_psent_reserve(ng_psent *s, size_t n)
{
    if (n <= s->cap) return 0;
    size_t cap = n < 64 ? 64 : n;
    if (GROW_TO(s->forms, cap) || GROW_TO(s->lower, cap) || GROW_TO(s->atoms, cap) ||
        GROW_TO(s->upos, cap) || GROW_TO(s->feats, cap) || GROW_TO(s->fhash, cap) ||
        GROW_TO(s->head, cap) || GROW_TO(s->label, cap) || GROW_TO(s->agr, cap))
        return NG_ENOMEM;
    s->cap = cap;
    return 0;
}

void ng_psent_free(ng_psent *s)
{
    free(s->forms);
    free(s->lower);
    free(s->atoms);
    free(s->upos);
    free(s->feats);
    free(s->fhash);
    free(s->head);
    free(s->label);
    free(s->agr);
    memset(s, 0, sizeof *s);
}

/* Tag, analyse and parse words [first, first+n) of the result. */
static int run_sentence(ng_parse *p, const ng_model *m, size_t first, size_t n)
{
    ng_psent *s = &p->ps;
    if (ng_psent_reserve(s, n) || NG_GROW(p->lemmas, p->lemmas_cap, n)) return NG_ENOMEM;
    s->n = n;
    s->classes = m->clusters.count > 0;
    for (size_t i = 0; i < n; i++) {
        const char *form = p->words[first + i].form;
        s->forms[i] = form;
        if (ng_watoms_make(&s->atoms[i], form, strlen(form), &p->lower, m)) return NG_ENOMEM;
        s->lower[i] = ng_pool_strndup(p->pool, p->lower.data ? p->lower.data : "", p->lower.len);
        if (!s->lower[i]) return NG_ENOMEM;
    }
    ng_tagger_run(m, s);
    ng_morph_run(m, s, p->lemmas, &p->scratch, p->pool);
    if (!p->cfg && !(p->cfg = calloc(1, sizeof *p->cfg))) return NG_ENOMEM;
    ng_parser_run(m, s, p->cfg);
    for (size_t i = 0; i < n; i++) {
        ng_word *w = &p->words[first + i];
        w->upos = (ng_upos)s->upos[i];
        w->feats = ng_model_str(m, m->feats[s->feats[i]]);
        w->lemma = p->lemmas[i];
        w->head = s->head[i];
        w->cls = s->atoms[i].cls;
        w->deprel = ng_model_str(m, m->deprel[s->label[i] < m->ndeprels ? s->label[i] : 0]);
    }
    if (NG_GROW(p->sents, p->sents_cap, p->nsents + 1)) return NG_ENOMEM;
    p->sents[p->nsents++] = (ng_parse_sentence){(uint32_t)first, (uint32_t)n};
    return 0;
}

/* Parse words [first, nwords) as one sentence, or, when longer than the
 * parser takes, as several that each end with a whole token. */
static int run_words(ng_parse *p, const ng_model *m, size_t first)
{
    for (size_t i = first, k; i < p->nwords; i += k) {
        k = p->nwords - i < NG_PARSE_MAX_WORDS ? p->nwords - i : NG_PARSE_MAX_WORDS;
        while (i + k < p->nwords && k > 1 && p->words[i + k].token == p->words[i + k - 1].token)
            k--;
        for (size_t j = i; j < i + k; j++)
            p->words[j].sentence = (uint32_t)p->nsents;
        if (run_sentence(p, m, i, k)) return NG_ENOMEM;
    }
    return 0;
}

static ng_word *new_word(ng_parse *p)
{
    if (NG_GROW(p->words, p->words_cap, p->nwords + 1)) return NULL;
    ng_word *w = &p->words[p->nwords++];
    memset(w, 0, sizeof *w);
    return w;
}

int ng_parse_words(ng_parse *p, const ng_model *m, const char *const *forms, size_t n,
                   ng_error *err)
{
    size_t first = p->nwords;
    uint32_t bytes = 0, chars = 0;
    for (size_t i = 0; i < n; i++) {
        ng_word *w = new_word(p);
        if (!w) return ng_error_set(err, NG_ENOMEM, "out of memory");
        size_t len = strlen(forms[i]);
        w->form = ng_pool_strndup(p->pool, forms[i], len);
        if (!w->form) return ng_error_set(err, NG_ENOMEM, "out of memory");
        w->sentence = (uint32_t)p->nsents;
        w->token = (uint32_t)i;
        w->byte_start = bytes;
        w->byte_end = bytes + (uint32_t)len;
        w->char_start = chars;
        w->char_end = chars + (uint32_t)ng_utf8_count(forms[i], len);
        bytes = w->byte_end + 1;
        chars = w->char_end + 1;
    }
    if (run_words(p, m, first)) return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

/* ---- multiword tokens ------------------------------------------------------------ */

typedef struct piece {
    const char *form;
    size_t len;      /* bytes of the form */
    size_t from, to; /* bytes of the surface it stands for */
} piece;

#define MAX_PIECES 6

static size_t count_chars(const char *s, size_t n)
{
    return ng_utf8_count(s, n);
}

/* Give each word its part of the surface: its own spelling where the
 * surface starts with it ("de" of "del"), else as many characters as it
 * has ("dár" for "dar"); the last word takes what is left. */
static void assign_spans(piece *pc, size_t n, const char *lower, size_t len)
{
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        pc[i].from = pos;
        if (i + 1 == n) {
            pc[i].to = len;
            break;
        }
        size_t take;
        if (pc[i].len <= len - pos && memcmp(lower + pos, pc[i].form, pc[i].len) == 0)
            take = pc[i].len;
        else
            take = ng_utf8_skip(lower + pos, len - pos, count_chars(pc[i].form, pc[i].len));
        size_t left = n - i - 1; /* keep at least a byte for each word after */
        if (pos + take + left > len) take = len - pos > left ? len - pos - left : 0;
        pos += take;
        pc[i].to = pos;
    }
}

static size_t split_words(const char *words, piece *pc, size_t max)
{
    size_t n = 0;
    const char *s = words;
    while (*s && n < max) {
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        pc[n++] = (piece){s, len, 0, 0};
        if (!e) break;
        s = e + 1;
    }
    return n;
}

static const ng_host_rule *host_rule(const ng_model *m, const char *host, size_t len)
{
    for (size_t k = 4; k >= 2; k--) {
        size_t nchars = count_chars(host, len);
        if (nchars <= k) continue;
        size_t start = ng_utf8_skip(host, len, nchars - k);
        for (uint32_t i = 0; i < m->nhosts; i++) {
            const char *f = ng_model_str(m, m->hosts[i].from);
            if (strlen(f) == len - start && memcmp(f, host + start, len - start) == 0)
                return &m->hosts[i];
        }
    }
    return NULL;
}

/* The plain letter the treebank writes for cp in a host word, when some
 * learnt host rule rewrites exactly that letter ("éndo" -> "endo" teaches
 * é -> e); cp itself otherwise. */
static int32_t learnt_plain(const ng_model *m, int32_t cp)
{
    for (uint32_t i = 0; i < m->nhosts; i++) {
        const char *f = ng_model_str(m, m->hosts[i].from), *t = ng_model_str(m, m->hosts[i].to);
        size_t fl = strlen(f), tl = strlen(t), fi = 0, ti = 0;
        int32_t from = 0, to = 0;
        int diffs = 0;
        while (fi < fl && ti < tl && diffs < 2) {
            int32_t a, b;
            int la = ng_utf8_decode(f + fi, fl - fi, &a), lb = ng_utf8_decode(t + ti, tl - ti, &b);
            if (la <= 0 || lb <= 0) break;
            if (a != b) diffs++, from = a, to = b;
            fi += (size_t)la;
            ti += (size_t)lb;
        }
        if (diffs == 1 && fi == fl && ti == tl && from == cp) return to;
    }
    return cp;
}

/* The host word of a host written host[0..len): by a learnt host rule, or
 * with its letters written plain as the treebank does ("dár" -> "dar")
 * when that gives a learnt host ending. NULL when neither. */
static const char *host_word(ng_parse *p, const ng_model *m, const char *host, size_t len)
{
    const ng_host_rule *r = host_rule(m, host, len);
    ng_buf *b = &p->scratch;
    b->len = 0;
    if (!r) {
        for (size_t i = 0; i < len;) {
            int32_t cp;
            int l = ng_utf8_decode(host + i, len - i, &cp);
            if (l <= 0) return NULL;
            i += (size_t)l;
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(learnt_plain(m, cp), enc);
            if (ng_buf_add(b, enc, (size_t)el)) return NULL;
        }
        if (b->len == len && memcmp(b->data, host, len) == 0) return NULL;
        r = host_rule(m, b->data, b->len);
        if (!r) return NULL;
        host = ng_pool_strndup(p->pool, b->data, b->len);
        if (!host) return NULL;
        len = strlen(host);
        b->len = 0;
    }
    const char *from = ng_model_str(m, r->from), *to = ng_model_str(m, r->to);
    if (ng_buf_add(b, host, len - strlen(from)) || ng_buf_adds(b, to)) return NULL;
    return ng_pool_strndup(p->pool, b->data, b->len);
}

/* The longest learnt clitic ending of lower[0..len) that leaves a host of at
 * least three letters, or -1. */
static long clitic_at_end(const ng_model *m, const char *lower, size_t len)
{
    for (uint32_t c = 0; c < m->nclitics; c++) {
        const char *suf = ng_model_str(m, m->clitics[c].suffix);
        size_t sl = strlen(suf);
        if (sl < len && memcmp(lower + len - sl, suf, sl) == 0 && count_chars(lower, len - sl) >= 3)
            return c;
    }
    return -1;
}

#define MAX_CLITICS 3

/* A verb with clitics the treebank never showed as one token ("dárselo"):
 * up to three learnt clitic endings peeled off the end, before a learnt
 * verb ending. */
static size_t split_clitics(ng_parse *p, const ng_model *m, const char *lower, size_t len,
                            piece *pc)
{
    long peeled[MAX_CLITICS];
    size_t np = 0, hl = len;
    const char *host = NULL;
    while (np < MAX_CLITICS && !host) {
        long c = clitic_at_end(m, lower, hl);
        if (c < 0) return 0;
        peeled[np++] = c;
        hl -= strlen(ng_model_str(m, m->clitics[c].suffix));
        host = host_word(p, m, lower, hl);
    }
    if (!host) return 0;
    pc[0] = (piece){host, strlen(host), 0, hl};
    size_t n = 1, pos = hl;
    for (size_t k = np; k-- > 0 && n < MAX_PIECES;) {
        size_t w =
            split_words(ng_model_str(m, m->clitics[peeled[k]].words), pc + n, MAX_PIECES - n);
        for (size_t i = n; i < n + w; i++) {
            pc[i].from = pos;
            pos = pos + pc[i].len <= len ? pos + pc[i].len : len;
            pc[i].to = pos;
        }
        n += w;
    }
    pc[n - 1].to = len;
    return n;
}

static size_t split_token(ng_parse *p, const ng_model *m, const char *lower, size_t len, piece *pc)
{
    uint64_t h = ng_hash64(lower, len);
    const ng_lex_entry *e = ng_lex_find(&m->mwt, h);
    if (e) {
        size_t n = split_words(ng_model_str(m, e->feats), pc, MAX_PIECES);
        if (n >= 2) {
            assign_spans(pc, n, lower, len);
            return n;
        }
    }
    if (m->nclitics && !ng_model_mask(m, h)) return split_clitics(p, m, lower, len, pc);
    return 0;
}

/* A word of a split token written as its surface is: "Al" -> "A" "el",
 * "DEL" -> "DE" "EL". */
static const char *cased(ng_parse *p, const char *form, size_t len, int first_upper, int all_upper,
                         int first)
{
    if (!all_upper && !(first_upper && first)) return ng_pool_strndup(p->pool, form, len);
    p->scratch.len = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int l = ng_utf8_decode(form + i, len - i, &cp);
        if (l <= 0) break;
        if (all_upper || i == 0) cp = utf8proc_toupper(cp);
        i += (size_t)l;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(cp, enc);
        if (ng_buf_add(&p->scratch, enc, (size_t)el)) return NULL;
    }
    return ng_pool_strndup(p->pool, p->scratch.data ? p->scratch.data : "", p->scratch.len);
}

/* Code point offset of byte b, counting on from a cursor (tokens come in
 * order). */
typedef struct char_cursor {
    const char *text;
    size_t byte, chars;
} char_cursor;

static uint32_t char_at(char_cursor *c, size_t b)
{
    if (b < c->byte) {
        c->byte = 0;
        c->chars = 0;
    }
    c->chars += ng_utf8_count(c->text + c->byte, b - c->byte);
    c->byte = b;
    return (uint32_t)c->chars;
}

static int add_token_words(ng_parse *p, const ng_model *m, const char *text, const ng_token *t,
                           uint32_t ti, uint32_t sent, int no_space_after, char_cursor *cc)
{
    const char *s = text + t->start;
    size_t len = t->end - t->start;
    piece pc[MAX_PIECES + 1];
    size_t n = 0;
    if (t->flags & NG_TOK_WORD) {
        p->lower.len = 0;
        if (ng_lower_append(&p->lower, s, len)) return NG_ENOMEM;
        char *lower = ng_pool_strndup(p->pool, p->lower.data, p->lower.len);
        if (!lower) return NG_ENOMEM;
        /* offsets into the token hold only when lower-casing kept its length */
        if (p->lower.len == len) n = split_token(p, m, lower, len, pc);
    }
    if (n < 2) {
        n = 1;
        pc[0] = (piece){s, len, 0, len};
    }
    int first_upper = (t->flags & NG_TOK_UPPER) != 0, all_upper = (t->flags & NG_TOK_ALLCAPS) != 0;
    for (size_t i = 0; i < n; i++) {
        ng_word *w = new_word(p);
        if (!w) return NG_ENOMEM;
        w->form = n == 1 ? ng_pool_strndup(p->pool, s, len)
                         : cased(p, pc[i].form, pc[i].len, first_upper, all_upper, i == 0);
        if (!w->form) return NG_ENOMEM;
        w->sentence = sent;
        w->token = ti;
        w->byte_start = t->start + (uint32_t)pc[i].from;
        w->byte_end = t->start + (uint32_t)pc[i].to;
        w->char_start = char_at(cc, w->byte_start);
        w->char_end = char_at(cc, w->byte_end);
        w->mwt = n > 1;
        w->no_space = i + 1 == n && no_space_after;
    }
    return 0;
}

int ng_parse_text(ng_parse *p, const ng_model *m, const char *text, const ng_segmentation *seg,
                  ng_error *err)
{
    ng_parse_reset(p);
    char_cursor cc = {text, 0, 0};
    for (size_t si = 0; si < seg->nsentences; si++) {
        const ng_sentence *st = &seg->sentences[si];
        size_t first = p->nwords;
        for (uint32_t k = 0; k < st->count; k++) {
            uint32_t ti = st->first + k;
            int nospace = ti + 1 < seg->ntokens && (seg->tokens[ti + 1].flags & NG_TOK_NOSPACE);
            if (add_token_words(p, m, text, &seg->tokens[ti], ti, (uint32_t)p->nsents, nospace,
                                &cc))
                return ng_error_set(err, NG_ENOMEM, "out of memory");
        }
        if (run_words(p, m, first)) return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    return 0;
}
