/* The entity tagger at run time: token atoms, features, Viterbi decoding,
 * the model file and a folder of models. */
#include <float.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ner_int.h"
#include "newsgraph/parse.h"

static const char *const class_names[NG_NER_NCLASSES] = {"O", "PER", "ORG", "LOC", "MISC"};

const char *ng_ner_class_name(ng_ner_class c)
{
    return (unsigned)c < NG_NER_NCLASSES ? class_names[c] : "O";
}

ng_ner_class ng_ner_class_from_name(const char *name)
{
    for (int c = 1; c < NG_NER_NCLASSES; c++)
        if (strcmp(name, class_names[c]) == 0) return (ng_ner_class)c;
    return NG_NER_O;
}

/* ---- atoms ----------------------------------------------------------------------- */

static void case_of(const char *s, size_t n, uint8_t *cap, uint8_t *alpha)
{
    int letters = 0, upper = 0, first_upper = -1;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = ng_utf8_decode(s + i, n - i, &cp);
        if (l <= 0) break;
        i += (size_t)l;
        int c = ng_utf8_category(cp);
        int is_up = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        if (is_up || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LO) {
            if (first_upper < 0) first_upper = is_up;
            letters++;
            upper += is_up;
        }
    }
    *alpha = letters > 0;
    *cap = letters >= 2 && upper == letters ? 2 : first_upper == 1 ? 1 : 0;
}

/* A short lower-case word between two capitalised ones joins a name ("Liga
 * de Campeones", "Bank of America"). */
static int joiner(const ner_work *w, const ng_ner_token *toks, size_t n, size_t i)
{
    return i > 0 && i + 1 < n && !w->atoms[i].cap && w->atoms[i].alpha && toks[i].len <= 4 &&
           w->atoms[i - 1].cap &&
           (w->atoms[i + 1].cap ||
            (i + 2 < n && w->atoms[i + 2].cap && !w->atoms[i + 1].cap && toks[i + 1].len <= 4));
}

/* The first and last words of the name run each token is in: the head
 * word of a name ("Hospital", "Liga", "Universidad") tells its class. */
static void name_runs(ner_work *w, const ng_ner_token *toks, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (!w->atoms[i].cap) {
            w->atoms[i].name_first = w->atoms[i].name_last = 0;
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && (w->atoms[j].cap || joiner(w, toks, n, j)))
            j++;
        for (size_t k = i; k < j; k++) {
            w->atoms[k].name_first = w->atoms[i].a.w;
            w->atoms[k].name_last = w->atoms[j - 1].a.w;
            w->atoms[k].run_start = (uint32_t)i;
            w->atoms[k].run_end = (uint32_t)j;
        }
        i = j;
    }
}

static const ner_word *word_of(ner_work *w, const char *form, size_t len)
{
    if ((!w->words && !(w->words = ng_map_new())) || (!w->pool && !(w->pool = ng_pool_new())))
        return NULL;
    const ner_word *hit = ng_map_get(w->words, form, len);
    if (hit) return hit;
    if (ng_map_count(w->words) >= NG_NER_WORD_CACHE_MAX) {
        ng_map_clear(w->words);
        ng_pool_reset(w->pool);
    }
    ner_word *word = ng_pool_alloc(w->pool, sizeof *word);
    if (!word || ng_atoms_make(&word->a, form, len, &w->lower)) return NULL;
    word->written = ng_hash64(form, len);
    case_of(form, len, &word->cap, &word->alpha);
    return ng_map_put(w->words, form, len, word) ? NULL : word;
}

int ng__ner_atoms(ner_work *w, const ng_ner_token *toks, size_t n)
{
    if (n > w->cap) {
        ner_atoms *a = realloc(w->atoms, n * sizeof *a);
        if (!a) return NG_ENOMEM;
        w->atoms = a;
        w->cap = n;
    }
    for (size_t i = 0; i < n; i++) {
        ner_atoms *a = &w->atoms[i];
        const ner_word *word = word_of(w, toks[i].form, toks[i].len);
        if (!word) return NG_ENOMEM;
        a->a = word->a;
        a->a.cls = toks[i].cls;
        a->written = word->written;
        a->cap = word->cap;
        a->alpha = word->alpha;
        a->upos = toks[i].upos;
        a->gaz = toks[i].gaz;
        a->dict = toks[i].dict;
        a->rule = toks[i].rule;
    }
    for (size_t i = 0; i < n; i++) {
        ner_atoms *a = &w->atoms[i];
        int prev = i > 0 && w->atoms[i - 1].cap, next = i + 1 < n && w->atoms[i + 1].cap;
        a->run = !a->cap ? 0 : prev && next ? 2 : next ? 1 : prev ? 3 : 4;
        a->deprel = toks[i].deprel ? ng_hash64(toks[i].deprel, strlen(toks[i].deprel)) : 0;
        a->head = toks[i].head ? ng_hash64(toks[i].head, strlen(toks[i].head)) : 0;
    }
    name_runs(w, toks, n);
    return 0;
}

void ng__ner_work_free(ner_work *w)
{
    free(w->atoms);
    ng_buf_free(&w->lower);
    ng_map_free(w->words);
    ng_pool_free(w->pool);
    memset(w, 0, sizeof *w);
}

/* ---- features --------------------------------------------------------------------- */

enum {
    F_BIAS = 1,
    F_W0,
    F_WRITTEN,
    F_WM1,
    F_WP1,
    F_WM2,
    F_WP2,
    F_WM1W0,
    F_W0WP1,
    F_SUF1,
    F_SUF2,
    F_SUF3,
    F_SUF4,
    F_PRE1,
    F_PRE2,
    F_SH0,
    F_SHM1,
    F_SHP1,
    F_SHM1SH0,
    F_SH0SHP1,
    F_UP0,
    F_UPM1,
    F_UPP1,
    F_UPM1UP0,
    F_UP0UPP1,
    F_UP0W0,
    F_GAZ0,
    F_GAZM1,
    F_GAZP1,
    F_GAZ0UP0,
    F_DICTCAP,
    F_FIRSTCAP,
    F_RUN,
    F_RUNW0,
    F_WM1CAP,
    F_WP1CAP,
    F_WM2WM1CAP,
    F_LEN,
    F_HL_BIAS,
    F_HL_W0,
    F_HL_GAZ,
    F_HL_DICT,
    F_HL_WM1W0,
    F_CAPM1CAP0,
    F_DEPREL,
    F_HEAD,
    F_HEADDEP,
    F_NAMEFIRST,
    F_NAMELAST,
    F_NAMEFL,
    F_RUNPREV,
    F_RUNPREV2,
    F_RUNNEXT,
    F_RUNHEAD,
    F_RULE,
    F_RULEW0,
    F_RULEM1P1,
    F_PLAIN,
    F_CLS0,
    F_CLS0C,
    F_CLSM1,
    F_CLSP1,
    F_CLSM1CLS0,
    F_HL_CLS0
};

#define BOS 0x5bd1e995u
#define EOS 0x1b873593u

static uint64_t lw(const ner_work *w, size_t n, long i)
{
    return i < 0 ? BOS : (size_t)i >= n ? EOS : w->atoms[i].a.w;
}

static uint64_t shp(const ner_work *w, size_t n, long i)
{
    return i < 0 ? BOS : (size_t)i >= n ? EOS : w->atoms[i].a.shape;
}

static uint64_t tg(const ner_work *w, size_t n, long i)
{
    return i < 0 ? 90 : (size_t)i >= n ? 91 : w->atoms[i].upos;
}

static uint64_t gz(const ner_work *w, size_t n, long i)
{
    return i < 0 ? 90 : (size_t)i >= n ? 91 : w->atoms[i].gaz;
}

static uint64_t rl(const ner_work *w, size_t n, long i)
{
    return i < 0 ? 90 : (size_t)i >= n ? 91 : w->atoms[i].rule;
}

static uint64_t cp(const ner_work *w, size_t n, long i)
{
    return i < 0 ? 90 : (size_t)i >= n ? 91 : w->atoms[i].cap;
}

/* Word classes from the parse model: the fine one, the coarse one. */
static uint64_t cls_fine(const ner_work *w, size_t n, long i)
{
    return i < 0 ? 0x10001 : (size_t)i >= n ? 0x10002 : w->atoms[i].a.cls & 0xffff;
}

static uint64_t cls_coarse(const ner_work *w, size_t n, long i)
{
    return i < 0 ? 0x10001 : (size_t)i >= n ? 0x10002 : w->atoms[i].a.cls >> 16;
}

/* Features that do not depend on case or parts of speech, which a headline
 * lacks: the words, their affixes, the gazetteer and the dictionary. */
static size_t caseless_features(const ner_work *w, size_t n, size_t i, uint64_t *f)
{
    const ner_atoms *a = &w->atoms[i];
    long j = (long)i;
    size_t k = 0;
    f[k++] = ng_fkey(F_W0, a->a.w, 0, 0);
    f[k++] = ng_fkey(F_WM1, lw(w, n, j - 1), 0, 0);
    f[k++] = ng_fkey(F_WP1, lw(w, n, j + 1), 0, 0);
    f[k++] = ng_fkey(F_WM2, lw(w, n, j - 2), 0, 0);
    f[k++] = ng_fkey(F_WP2, lw(w, n, j + 2), 0, 0);
    f[k++] = ng_fkey(F_WM1W0, lw(w, n, j - 1), a->a.w, 0);
    f[k++] = ng_fkey(F_W0WP1, a->a.w, lw(w, n, j + 1), 0);
    for (int s = 0; s < 4; s++)
        if (a->a.len > (uint32_t)s + 1) f[k++] = ng_fkey(F_SUF1 + (uint32_t)s, a->a.suf[s], 0, 0);
    for (int p = 0; p < 2; p++)
        if (a->a.len > (uint32_t)p + 1) f[k++] = ng_fkey(F_PRE1 + (uint32_t)p, a->a.pre[p], 0, 0);
    f[k++] = ng_fkey(F_GAZ0, a->gaz, 0, 0);
    f[k++] = ng_fkey(F_RULE, a->rule, 0, 0);
    f[k++] = ng_fkey(F_RULEW0, a->rule, a->a.w, 0);
    f[k++] = ng_fkey(F_RULEM1P1, rl(w, n, j - 1), a->rule, rl(w, n, j + 1));
    f[k++] = ng_fkey(F_GAZM1, gz(w, n, j - 1), a->gaz, 0);
    f[k++] = ng_fkey(F_GAZP1, a->gaz, gz(w, n, j + 1), 0);
    return k;
}

/* A common word in lower case, outside the gazetteer and the rules' names,
 * is O or the inside of a name around it ("Ministerio de Sanidad"): the
 * words, cases and hints around it tell which, and a few features do, at
 * a quarter of the lookups. Models trained so say it (NG_NER_QUICK_COMMON). */
static int plain(const ner_work *w, const ner_atoms *a, size_t i, int headline)
{
    return w->quick_common && !headline && i > 0 && !a->cap && a->alpha && a->dict == 1 &&
           !a->gaz && !a->rule;
}

static size_t plain_features(const ner_work *w, size_t n, size_t i, uint64_t *f)
{
    const ner_atoms *a = &w->atoms[i];
    long j = (long)i;
    size_t k = 0;
    f[k++] = ng_fkey(F_PLAIN, 0, 0, 0);
    f[k++] = ng_fkey(F_W0, a->a.w, 0, 0);
    f[k++] = ng_fkey(F_WM1W0, lw(w, n, j - 1), a->a.w, 0);
    f[k++] = ng_fkey(F_W0WP1, a->a.w, lw(w, n, j + 1), 0);
    f[k++] = ng_fkey(F_GAZM1, gz(w, n, j - 1), a->gaz, 0);
    f[k++] = ng_fkey(F_GAZP1, a->gaz, gz(w, n, j + 1), 0);
    f[k++] = ng_fkey(F_RULEM1P1, rl(w, n, j - 1), a->rule, rl(w, n, j + 1));
    f[k++] = ng_fkey(F_CAPM1CAP0, cp(w, n, j - 1), a->cap, cp(w, n, j + 1));
    f[k++] = ng_fkey(F_UPM1UP0, tg(w, n, j - 1), a->upos, 0);
    f[k++] = ng_fkey(F_UP0UPP1, a->upos, tg(w, n, j + 1), 0);
    if (a->deprel) f[k++] = ng_fkey(F_HEADDEP, a->head, a->deprel, a->cap);
    return k;
}

size_t ng__ner_features(const ner_work *w, size_t n, size_t i, int headline, uint64_t *f)
{
    const ner_atoms *a = &w->atoms[i];
    long j = (long)i;
    if (plain(w, a, i, headline)) return plain_features(w, n, i, f);
    size_t k = caseless_features(w, n, i, f);
    uint64_t len = a->a.len < 4 ? a->a.len : a->a.len < 8 ? 4 : 5;
    /* word classes stand in for words the corpus showed too rarely */
    int classes = a->a.cls != 0;
    if (headline) {
        if (classes) f[k++] = ng_fkey(F_HL_CLS0, cls_fine(w, n, j), 0, 0);
        f[k++] = ng_fkey(F_HL_BIAS, 0, 0, 0);
        f[k++] = ng_fkey(F_HL_W0, a->a.w, 0, 0);
        f[k++] = ng_fkey(F_HL_GAZ, a->gaz, gz(w, n, j - 1), gz(w, n, j + 1));
        f[k++] = ng_fkey(F_HL_DICT, a->dict, a->alpha, len);
        f[k++] = ng_fkey(F_HL_WM1W0, lw(w, n, j - 1), a->a.w, a->dict);
        return k;
    }
    uint64_t first = i == 0;
    f[k++] = ng_fkey(F_BIAS, 0, 0, 0);
    f[k++] = ng_fkey(F_WRITTEN, a->written, 0, 0);
    f[k++] = ng_fkey(F_SH0, a->a.shape, 0, 0);
    f[k++] = ng_fkey(F_SHM1, shp(w, n, j - 1), 0, 0);
    f[k++] = ng_fkey(F_SHP1, shp(w, n, j + 1), 0, 0);
    f[k++] = ng_fkey(F_SHM1SH0, shp(w, n, j - 1), a->a.shape, 0);
    f[k++] = ng_fkey(F_SH0SHP1, a->a.shape, shp(w, n, j + 1), 0);
    f[k++] = ng_fkey(F_UP0, a->upos, 0, 0);
    f[k++] = ng_fkey(F_UPM1, tg(w, n, j - 1), 0, 0);
    f[k++] = ng_fkey(F_UPP1, tg(w, n, j + 1), 0, 0);
    f[k++] = ng_fkey(F_UPM1UP0, tg(w, n, j - 1), a->upos, 0);
    f[k++] = ng_fkey(F_UP0UPP1, a->upos, tg(w, n, j + 1), 0);
    f[k++] = ng_fkey(F_UP0W0, a->upos, a->a.w, 0);
    f[k++] = ng_fkey(F_GAZ0UP0, a->gaz, a->upos, a->cap);
    f[k++] = ng_fkey(F_DICTCAP, a->dict, a->cap, first);
    f[k++] = ng_fkey(F_FIRSTCAP, first, a->cap, a->upos);
    f[k++] = ng_fkey(F_RUN, a->run, a->dict, a->upos);
    f[k++] = ng_fkey(F_RUNW0, a->run, a->a.w, 0);
    f[k++] = ng_fkey(F_WM1CAP, lw(w, n, j - 1), a->cap, 0);
    f[k++] = ng_fkey(F_WP1CAP, lw(w, n, j + 1), a->cap, 0);
    f[k++] = ng_fkey(F_WM2WM1CAP, lw(w, n, j - 2), lw(w, n, j - 1), a->cap);
    f[k++] = ng_fkey(F_CAPM1CAP0, cp(w, n, j - 1), a->cap, cp(w, n, j + 1));
    f[k++] = ng_fkey(F_LEN, len, a->cap, 0);
    if (classes) {
        f[k++] = ng_fkey(F_CLS0, cls_fine(w, n, j), a->cap, 0);
        f[k++] = ng_fkey(F_CLS0C, cls_coarse(w, n, j), a->cap, a->upos);
        f[k++] = ng_fkey(F_CLSM1, cls_coarse(w, n, j - 1), a->cap, 0);
        f[k++] = ng_fkey(F_CLSP1, cls_coarse(w, n, j + 1), a->cap, 0);
        f[k++] = ng_fkey(F_CLSM1CLS0, cls_coarse(w, n, j - 1), cls_fine(w, n, j), 0);
    }
    if (a->deprel) {
        f[k++] = ng_fkey(F_DEPREL, a->deprel, a->cap, 0);
        f[k++] = ng_fkey(F_HEAD, a->head, a->cap, 0);
        f[k++] = ng_fkey(F_HEADDEP, a->head, a->deprel, a->cap);
    }
    if (a->name_first) {
        f[k++] = ng_fkey(F_NAMEFIRST, a->name_first, 0, 0);
        f[k++] = ng_fkey(F_NAMELAST, a->name_last, 0, 0);
        f[k++] = ng_fkey(F_NAMEFL, a->name_first, a->name_last, 0);
        /* what surrounds the whole name, and what the name depends on */
        long rs = (long)a->run_start, re = (long)a->run_end;
        f[k++] = ng_fkey(F_RUNPREV, lw(w, n, rs - 1), 0, 0);
        f[k++] = ng_fkey(F_RUNPREV2, lw(w, n, rs - 2), lw(w, n, rs - 1), 0);
        f[k++] = ng_fkey(F_RUNNEXT, lw(w, n, re), 0, 0);
        const ner_atoms *h = &w->atoms[rs];
        if (h->deprel) f[k++] = ng_fkey(F_RUNHEAD, h->head, h->deprel, 0);
    }
    return k;
}

/* ---- decoding ---------------------------------------------------------------------- */

uint64_t ng__ner_trans_key(uint32_t prev)
{
    return ng_fkey(200, prev, 0, 0);
}

int ng__ner_allowed(uint32_t prev, uint32_t y)
{
    if (!y || ng_ner_label_begins((uint8_t)y)) return 1;
    /* I-c continues B-c or I-c */
    return prev != NG_NER_START && prev &&
           ng_ner_label_class((uint8_t)prev) == ng_ner_label_class((uint8_t)y);
}

void ng__ner_viterbi(const float *em, size_t n, const float tr[][NG_NER_NLABELS], uint8_t *back,
                     uint8_t *out)
{
    enum { L = NG_NER_NLABELS };
    float cur[L], nxt[L];
    for (uint32_t y = 0; y < L; y++)
        cur[y] = ng__ner_allowed(NG_NER_START, y) ? tr[NG_NER_START][y] + em[y] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        for (uint32_t y = 0; y < L; y++) {
            float best = -FLT_MAX;
            uint8_t arg = 0;
            for (uint32_t p = 0; p < L; p++) {
                if (cur[p] == -FLT_MAX || !ng__ner_allowed(p, y)) continue;
                float s = cur[p] + tr[p][y];
                if (s > best) {
                    best = s;
                    arg = (uint8_t)p;
                }
            }
            nxt[y] = best == -FLT_MAX ? best : best + em[i * L + y];
            back[i * L + y] = arg;
        }
        memcpy(cur, nxt, sizeof cur);
    }
    uint8_t y = 0;
    for (uint32_t k = 1; k < L; k++)
        if (cur[k] > cur[y]) y = (uint8_t)k;
    for (size_t i = n; i-- > 0;) {
        out[i] = y;
        if (i) y = back[i * L + y];
    }
}

/* ---- tagging ------------------------------------------------------------------------ */

struct ng_ner_tagger {
    ner_work w;
    float *em;
    uint8_t *back;
    size_t cap;
};

int ng_ner_tagger_new(ng_ner_tagger **out, ng_error *err)
{
    if (!(*out = calloc(1, sizeof **out))) return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

void ng_ner_tagger_free(ng_ner_tagger *t)
{
    if (!t) return;
    ng__ner_work_free(&t->w);
    free(t->em);
    free(t->back);
    free(t);
}

static int tagger_reserve(ng_ner_tagger *t, size_t n)
{
    if (n <= t->cap) return 0;
    float *em = realloc(t->em, n * NG_NER_NLABELS * sizeof *em);
    if (em) t->em = em;
    uint8_t *back = realloc(t->back, n * NG_NER_NLABELS);
    if (back) t->back = back;
    if (!em || !back) return NG_ENOMEM;
    t->cap = n;
    return 0;
}

static int tag_part(ng_ner_tagger *t, const ng_ner_model *m, const ng_ner_token *toks, size_t n,
                    int headline, uint8_t *labels)
{
    if (tagger_reserve(t, n) || ng__ner_atoms(&t->w, toks, n)) return NG_ENOMEM;
    t->w.quick_common = (m->flags & NG_NER_QUICK_COMMON) != 0;
    uint64_t f[NG_MAX_FEATS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = ng__ner_features(&t->w, n, i, headline, f);
        ng_wtab_score(&m->emit, f, nf, t->em + i * NG_NER_NLABELS);
    }
    ng__ner_viterbi(t->em, n, m->tr, t->back, labels);
    return 0;
}

int ng_ner_tag(ng_ner_tagger *t, const ng_ner_model *m, const ng_ner_token *toks, size_t n,
               int headline, uint8_t *labels, ng_error *err)
{
    for (size_t at = 0; at < n; at += NG_NER_MAX_TOKENS) {
        size_t part = n - at < NG_NER_MAX_TOKENS ? n - at : NG_NER_MAX_TOKENS;
        if (tag_part(t, m, toks + at, part, headline, labels + at))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    return 0;
}

/* ---- the model file: header, then the emission and transition tables ----------------- */

void ng__ner_fill_transitions(ng_ner_model *m)
{
    for (uint32_t p = 0; p <= NG_NER_NLABELS; p++) {
        uint64_t key = ng__ner_trans_key(p);
        ng_wtab_score(&m->trans, &key, 1, m->tr[p]);
    }
}

int ng_ner_model_save(const ng_ner_model *m, const char *path, ng_error *err)
{
    ng_buf payload = {0};
    unsigned char flags[4] = {(unsigned char)m->flags, (unsigned char)(m->flags >> 8),
                              (unsigned char)(m->flags >> 16), (unsigned char)(m->flags >> 24)};
    int rc = ng_buf_add(&payload, flags, 4) || ng_wtab_write(&m->emit, &payload) ||
                     ng_wtab_write(&m->trans, &payload)
                 ? ng_error_set(err, NG_ENOMEM, "%s: out of memory", path)
                 : ng_container_save(path, NG_NER_MAGIC, NG_NER_VERSION, m->lang, &payload, err);
    ng_buf_free(&payload);
    return rc;
}

int ng_ner_model_load(ng_ner_model **out, const char *path, ng_error *err)
{
    ng_ner_model *m = calloc(1, sizeof *m);
    if (!m) return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    char *data = NULL;
    size_t len = 0;
    int rc = ng_container_load(path, NG_NER_MAGIC, NG_NER_VERSION, "entity model", m->lang, &data,
                               &len, err);
    if (!rc) {
        const unsigned char *p = (const unsigned char *)data + NG_CONTAINER_HEADER,
                            *end = (const unsigned char *)data + len;
        int r = end - p < 4 ? NG_EFORMAT : 0;
        if (!r) {
            m->flags =
                (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
            p += 4;
            if (m->flags & ~NG_NER_QUICK_COMMON) r = NG_EFORMAT;
        }
        if (!r) r = ng_wtab_read(&m->emit, &p, end);
        if (!r) r = ng_wtab_read(&m->trans, &p, end);
        if (r == NG_ENOMEM)
            rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
        else if (r || p != end || m->emit.nclasses != NG_NER_NLABELS ||
                 m->trans.nclasses != NG_NER_NLABELS)
            rc = ng_error_set(err, NG_EFORMAT, "%s: damaged entity model (inconsistent tables)",
                              path);
    }
    free(data);
    if (rc) {
        ng_ner_model_free(m);
        return rc;
    }
    ng__ner_fill_transitions(m);
    *out = m;
    return 0;
}

void ng_ner_model_free(ng_ner_model *m)
{
    if (!m) return;
    ng_wtab_free(&m->emit);
    ng_wtab_free(&m->trans);
    free(m);
}

const char *ng_ner_model_lang(const ng_ner_model *m)
{
    return m->lang;
}

/* ---- a folder of models -------------------------------------------------------------- */

struct ng_ner_models {
    ng_mfolder f;
};

static int load_any(void **out, const char *path, ng_error *err)
{
    return ng_ner_model_load((ng_ner_model **)out, path, err);
}

static void free_any(void *m)
{
    ng_ner_model_free(m);
}

static const char *lang_any(const void *m)
{
    return ng_ner_model_lang(m);
}

int ng_ner_models_new(ng_ner_models **out, const char *dir, ng_error *err)
{
    ng_ner_models *ms = calloc(1, sizeof *ms);
    if (!ms) return ng_error_set(err, NG_ENOMEM, "out of memory");
    int rc = ng_mfolder_init(&ms->f, dir, ".ner.ngm", load_any, free_any, lang_any, err);
    if (rc) {
        free(ms);
        return rc;
    }
    *out = ms;
    return 0;
}

void ng_ner_models_free(ng_ner_models *ms)
{
    if (!ms) return;
    ng_mfolder_clear(&ms->f);
    free(ms);
}

int ng_ner_models_get(ng_ner_models *ms, const char *lang, const ng_ner_model **out, ng_error *err)
{
    void *m;
    int rc = ng_mfolder_get(&ms->f, lang, &m, err);
    if (!rc) *out = m;
    return rc;
}
