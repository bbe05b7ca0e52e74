/* Training: the lexicons are counted from the treebanks, the tagger and the
 * parser are averaged perceptrons trained over shuffled sentences (a seeded
 * generator, so the same files give the same bytes). The parser learns from
 * a dynamic oracle (Goldberg and Nivre 2012), exploring its own mistakes
 * after the first epoch, on trees made projective by lifting; it is trained
 * on tags predicted by taggers that did not see the sentence (jackknifing),
 * as it will meet them. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "parse_int.h"

#define JACKKNIFE 4

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

static double rng_unit(rng *r)
{
    return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static void shuffle(size_t *order, size_t n, rng *r)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(r) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

/* ---- counting tables --------------------------------------------------------- */

typedef struct choice {
    uint32_t a, b, count;
    struct choice *next;
} choice;

typedef struct tally {
    choice *first;
    uint32_t total;
} tally;

typedef struct trainer {
    ng_model *m;
    ng_pool *pool;
    ng_buf strings;
    ng_map *str_offsets; /* string -> offset + 1 */
    ng_map *labels, *featsets, *rules;
    ng_map *lex, *sufx, *masks, *mwt, *clitics, *hosts;
    ng_buf tmp, tmp2;
    FILE *log;
    ng_error *err;
    uint32_t min_count;
    float eps;    /* averaged weights nearer zero are dropped */
    int ndomains; /* treebanks (distinct files) */
    int *domain;  /* treebank of each sentence */
    size_t domain_cap;
    uint32_t weight;  /* of what is counted now: the first treebank's words count more */
    int *file_domain; /* treebank of each file named */
    size_t file_domain_cap;
} trainer;

static int oom(trainer *t)
{
    return ng_error_set(t->err, NG_ENOMEM, "out of memory while training");
}

static int str_intern(trainer *t, const char *s, uint32_t *off)
{
    size_t n = strlen(s);
    void *v = ng_map_get(t->str_offsets, s, n);
    if (v) {
        *off = (uint32_t)((uintptr_t)v - 1);
        return 0;
    }
    *off = (uint32_t)t->strings.len;
    if (ng_buf_add(&t->strings, s, n + 1) ||
        ng_map_put(t->str_offsets, s, n, (void *)(uintptr_t)(*off + 1)))
        return NG_ENOMEM;
    return 0;
}

/* Index of s in an id map, adding it at the end when new. */
static int id_of(ng_map *map, const char *s, uint32_t *id)
{
    size_t n = strlen(s);
    void *v = ng_map_get(map, s, n);
    if (v) {
        *id = (uint32_t)((uintptr_t)v - 1);
        return 0;
    }
    *id = (uint32_t)ng_map_count(map);
    return ng_map_put(map, s, n, (void *)(uintptr_t)(*id + 1));
}

static int tally_addn(trainer *t, ng_map *map, const char *key, uint32_t a, uint32_t b,
                      uint32_t weight);

static int tally_add(trainer *t, ng_map *map, const char *key, uint32_t a, uint32_t b)
{
    return tally_addn(t, map, key, a, b, t->weight);
}

static int tally_addn(trainer *t, ng_map *map, const char *key, uint32_t a, uint32_t b,
                      uint32_t weight)
{
    size_t n = strlen(key);
    tally *ty = ng_map_get(map, key, n);
    if (!ty) {
        ty = ng_pool_alloc(t->pool, sizeof *ty);
        if (!ty || ng_map_put(map, key, n, ty)) return NG_ENOMEM;
        memset(ty, 0, sizeof *ty);
    }
    ty->total += weight;
    choice **pp = &ty->first;
    for (; *pp; pp = &(*pp)->next)
        if ((*pp)->a == a && (*pp)->b == b) {
            (*pp)->count += weight;
            return 0;
        }
    choice *c = ng_pool_alloc(t->pool, sizeof *c);
    if (!c) return NG_ENOMEM;
    *c = (choice){a, b, weight, NULL};
    *pp = c;
    return 0;
}

/* The most frequent choice; the first seen among equals. */
static const choice *tally_best(const tally *ty)
{
    const choice *best = NULL;
    for (const choice *c = ty->first; c; c = c->next)
        if (!best || c->count > best->count) best = c;
    return best;
}

static int lower_into(ng_buf *out, const char *s)
{
    out->len = 0;
    return ng_lower_append(out, s, strlen(s)) || !ng_buf_cstr(out) ? NG_ENOMEM : 0;
}

static size_t nchars(const char *s)
{
    return ng_utf8_count(s, strlen(s));
}

static size_t skip_chars(const char *s, size_t k)
{
    return ng_utf8_skip(s, strlen(s), k);
}

static int has_upper(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = ng_utf8_decode(s + i, n - i, &cp);
        if (l <= 0) return 0;
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU) return 1;
        i += (size_t)l;
    }
    return 0;
}

/* The rule that rewrites form into lemma: lower-case or not, cut the last
 * characters, append the rest. */
static int lemma_rule(trainer *t, const char *form, const char *lemma, uint32_t *rule)
{
    if (strcmp(lemma, "_") == 0) lemma = form;
    int lower = !has_upper(lemma); /* rules of lower-case lemmas work on the lower-cased form */
    const char *base = form;
    if (lower) {
        if (lower_into(&t->tmp2, form)) return NG_ENOMEM;
        base = t->tmp2.data;
    }
    size_t i = 0, ci = 0;
    while (base[i] && base[i] == lemma[i])
        i++;
    while (i > 0 && ((unsigned char)base[i] & 0xC0) == 0x80)
        i--; /* back to the start of a code point */
    for (size_t k = 0; k < i;) {
        k++;
        while (k < i && ((unsigned char)base[k] & 0xC0) == 0x80)
            k++;
        ci++;
    }
    size_t cut = nchars(base) - ci;
    if (cut > 255) cut = 255;
    uint32_t add;
    if (str_intern(t, lemma + i, &add)) return NG_ENOMEM;
    char key[64];
    snprintf(key, sizeof key, "%d|%zu|%u", lower, cut, add);
    if (id_of(t->rules, key, rule)) return NG_ENOMEM;
    return 0;
}

/* ---- lexicons ----------------------------------------------------------------- */

static int count_word(trainer *t, const ng_cword *w, int upos)
{
    uint32_t feats, rule;
    if (lower_into(&t->tmp, w->form)) return NG_ENOMEM;
    char *lw = ng_pool_strdup(t->pool, t->tmp.data);
    if (!lw || id_of(t->featsets, w->feats, &feats) || lemma_rule(t, w->form, w->lemma, &rule))
        return NG_ENOMEM;
    ng_buf key = {0};
    int rc = ng_buf_printf(&key, "%d\t%s", upos, lw) || tally_add(t, t->lex, key.data, feats, rule);
    size_t len = nchars(lw);
    for (size_t k = 1; !rc && k <= 6 && k < len; k++) {
        key.len = 0;
        rc = ng_buf_printf(&key, "%d\t%zu\t%s", upos, k, lw + skip_chars(lw, len - k)) ||
             tally_add(t, t->sufx, key.data, feats, rule);
    }
    if (!rc) rc = tally_addn(t, t->masks, lw, (uint32_t)upos, 0, 1); /* occurrences */
    ng_buf_free(&key);
    return rc ? NG_ENOMEM : 0;
}

static int is_clitic_host(const ng_csent *s, uint32_t from, uint32_t to)
{
    const char *u = s->words[from - 1].upos;
    if (strcmp(u, "VERB") && strcmp(u, "AUX")) return 0;
    for (uint32_t k = from + 1; k <= to; k++)
        if (strcmp(s->words[k - 1].upos, "PRON")) return 0;
    return to > from;
}

/* A verb with clitics: the clitic ending and its words, and how the end of
 * the host is written inside the token and as a word ("dár" -> "dar"). */
static int count_clitics(trainer *t, const ng_csent *s, const char *surface, uint32_t from,
                         uint32_t to)
{
    ng_buf suf = {0}, words = {0}, host = {0};
    int rc = 0;
    for (uint32_t k = from + 1; k <= to && !rc; k++) {
        rc = lower_into(&t->tmp, s->words[k - 1].form) || ng_buf_adds(&suf, t->tmp.data) ||
             (words.len && ng_buf_addc(&words, ' ')) || ng_buf_adds(&words, t->tmp.data);
    }
    size_t sl = suf.len, n = strlen(surface);
    if (!rc && sl < n && memcmp(surface + n - sl, suf.data, sl) == 0) {
        rc = ng_buf_add(&host, surface, n - sl) || !ng_buf_cstr(&host) ||
             lower_into(&t->tmp, s->words[from - 1].form);
        const char *hs = host.data, *hw = t->tmp.data;
        size_t lcp = 0, cl = 0, hcn = rc ? 0 : nchars(hs);
        while (!rc && hs[lcp] && hs[lcp] == hw[lcp])
            lcp++;
        while (lcp > 0 && ((unsigned char)hs[lcp] & 0xC0) == 0x80)
            lcp--;
        cl = rc ? 0 : ng_utf8_count(hs, lcp);
        if (!rc && hcn >= 3) {
            size_t start = cl < hcn - 2 ? cl : hcn - 2;
            size_t bs = skip_chars(hs, start), bw = skip_chars(hw, start);
            uint32_t a, b, w;
            rc = str_intern(t, hs + bs, &a) || str_intern(t, hw + bw, &b) ||
                 str_intern(t, words.data, &w) || tally_add(t, t->hosts, hs + bs, a, b) ||
                 tally_add(t, t->clitics, suf.data, w, 0);
        }
    }
    ng_buf_free(&suf);
    ng_buf_free(&words);
    ng_buf_free(&host);
    return rc ? NG_ENOMEM : 0;
}

static int count_mwt(trainer *t, const ng_csent *s, const ng_cline *line)
{
    char *copy = ng_pool_strdup(t->pool, line->text), *f[10];
    if (!copy) return NG_ENOMEM;
    if (ng_split_tabs(copy, f, 10) < 2 || line->to > s->n) return 0;
    ng_buf words = {0};
    int rc = 0;
    for (uint32_t k = line->from; k <= line->to && !rc; k++)
        rc = lower_into(&t->tmp, s->words[k - 1].form) || (words.len && ng_buf_addc(&words, ' ')) ||
             ng_buf_adds(&words, t->tmp.data);
    uint32_t off;
    if (!rc) rc = lower_into(&t->tmp2, f[1]);
    char *surface = rc ? NULL : ng_pool_strdup(t->pool, t->tmp2.data);
    if (!rc && !surface) rc = NG_ENOMEM;
    if (!rc) rc = str_intern(t, words.data, &off) || tally_add(t, t->mwt, surface, off, 0);
    if (!rc && is_clitic_host(s, line->from, line->to))
        rc = count_clitics(t, s, surface, line->from, line->to);
    ng_buf_free(&words);
    return rc ? NG_ENOMEM : 0;
}

/* A multiword split stands for what a form usually is: every time a form
 * is one word in a treebank that splits it elsewhere, that counts against
 * the split (EWT splits "its" once as "it s", and writes it whole a
 * thousand times). A treebank that never splits a form ("del" in this
 * AnCora) follows other conventions and does not count. */
#define MWT_WHOLE UINT32_MAX
static int inside_mwt(const ng_csent *s, size_t k)
{
    for (size_t l = 0; l < s->nlines; l++)
        if (s->lines[l].is_mwt && s->lines[l].from <= k + 1 && k + 1 <= s->lines[l].to) return 1;
    return 0;
}

static int mark_splitters(trainer *t, const ng_treebank *tb, ng_map *splitters)
{
    for (size_t i = 0; i < tb->n; i++) {
        const ng_csent *s = &tb->sents[i];
        uintptr_t bit = (uintptr_t)1 << (t->domain[i] % (8 * sizeof bit));
        for (size_t l = 0; l < s->nlines; l++) {
            char *copy = s->lines[l].is_mwt ? ng_pool_strdup(t->pool, s->lines[l].text) : NULL,
                 *f[3];
            if (!copy || ng_split_tabs(copy, f, 3) < 2) continue;
            if (lower_into(&t->tmp, f[1])) return oom(t);
            uintptr_t had = (uintptr_t)ng_map_get(splitters, t->tmp.data, t->tmp.len);
            if (ng_map_put(splitters, t->tmp.data, t->tmp.len, (void *)(had | bit))) return oom(t);
        }
    }
    return 0;
}

static int count_whole(trainer *t, const ng_treebank *tb)
{
    ng_map *splitters = ng_map_new();
    if (!splitters || mark_splitters(t, tb, splitters)) {
        ng_map_free(splitters);
        return oom(t);
    }
    int rc = 0;
    for (size_t i = 0; i < tb->n && !rc; i++) {
        const ng_csent *s = &tb->sents[i];
        uintptr_t bit = (uintptr_t)1 << (t->domain[i] % (8 * sizeof bit));
        t->weight = t->ndomains > 1 && t->domain[i] == 0 ? 3 : 1;
        for (size_t k = 0; k < s->n && !rc; k++) {
            if (inside_mwt(s, k)) continue;
            if (lower_into(&t->tmp, s->words[k].form)) rc = oom(t);
            uintptr_t by = rc ? 0 : (uintptr_t)ng_map_get(splitters, t->tmp.data, t->tmp.len);
            if ((by & bit) && tally_add(t, t->mwt, t->tmp.data, MWT_WHOLE, 0)) rc = oom(t);
        }
    }
    ng_map_free(splitters);
    return rc;
}

static int count_treebank(trainer *t, const ng_treebank *tb)
{
    for (size_t i = 0; i < tb->n; i++) {
        const ng_csent *s = &tb->sents[i];
        t->weight = t->ndomains > 1 && t->domain[i] == 0 ? 3 : 1;
        for (size_t k = 0; k < s->n; k++) {
            uint32_t id;
            int upos = ng_upos_from_name(s->words[k].upos, strlen(s->words[k].upos));
            if (upos < 0) upos = NG_UPOS_X;
            if (id_of(t->labels, s->words[k].deprel, &id) || count_word(t, &s->words[k], upos))
                return oom(t);
        }
        for (size_t k = 0; k < s->nlines; k++)
            if (s->lines[k].is_mwt && count_mwt(t, s, &s->lines[k])) return oom(t);
    }
    return count_whole(t, tb);
}

/* Sorted copies of an id map's keys, renumbered, so that tables do not
 * depend on the order the treebank showed them in. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int sorted_ids(trainer *t, ng_map *map, const char *first, uint32_t **offs, uint32_t *n,
                      uint32_t **remap)
{
    size_t count = ng_map_count(map), it = 0, k = 0;
    const char **keys = malloc((count + 1) * sizeof *keys);
    *offs = malloc((count + 1) * sizeof **offs);
    *remap = malloc((count + 1) * sizeof **remap);
    if (!keys || !*offs || !*remap) {
        free(keys);
        return NG_ENOMEM;
    }
    const char *key;
    while (ng_map_next(map, &it, &key, NULL))
        keys[k++] = key;
    qsort(keys, k, sizeof *keys, cmp_str);
    /* `first` (e.g. "_") gets index 0 */
    for (size_t i = 0; first && i < k; i++)
        if (strcmp(keys[i], first) == 0) {
            memmove(keys + 1, keys, i * sizeof *keys);
            keys[0] = first;
        }
    for (size_t i = 0; i < k; i++) {
        uint32_t old = (uint32_t)((uintptr_t)ng_map_get(map, keys[i], strlen(keys[i])) - 1);
        (*remap)[old] = (uint32_t)i;
        if (str_intern(t, keys[i], &(*offs)[i])) {
            free(keys);
            return NG_ENOMEM;
        }
    }
    *n = (uint32_t)k;
    free(keys);
    return 0;
}

static int build_rules(trainer *t)
{
    ng_model *m = t->m;
    size_t n = ng_map_count(t->rules), it = 0;
    m->rules = calloc(n ? n : 1, sizeof *m->rules);
    if (!m->rules) return NG_ENOMEM;
    const char *key;
    void *v;
    while (ng_map_next(t->rules, &it, &key, &v)) {
        int lower;
        size_t cut;
        uint32_t add;
        if (sscanf(key, "%d|%zu|%u", &lower, &cut, &add) != 3) return NG_EDATA;
        m->rules[(uintptr_t)v - 1] = (ng_lemma_rule){(uint8_t)lower, (uint8_t)cut, add};
    }
    m->nrules = (uint32_t)n;
    return 0;
}

/* The suffix entry for k characters is dropped when the entry for k-1
 * characters (which a lookup reaches next) gives the same answer. */
static int suffix_redundant(trainer *t, const char *key, const choice *best)
{
    int upos;
    size_t k;
    int used = 0;
    if (sscanf(key, "%d\t%zu\t%n", &upos, &k, &used) != 2 || k <= 1) return 0;
    const char *suf = key + used;
    ng_buf shorter = {0};
    int same = 0;
    if (ng_buf_printf(&shorter, "%d\t%zu\t%s", upos, k - 1, suf + skip_chars(suf, 1)) == 0) {
        tally *ty = ng_map_get(t->sufx, shorter.data, shorter.len);
        const choice *b = ty ? tally_best(ty) : NULL;
        same = b && b->a == best->a && b->b == best->b;
    }
    ng_buf_free(&shorter);
    return same;
}

static int build_lex(trainer *t, const uint32_t *feats_remap)
{
    ng_model *m = t->m;
    size_t it = 0;
    const char *key;
    void *v;
    while (ng_map_next(t->lex, &it, &key, &v)) {
        const choice *b = tally_best(v);
        int upos = atoi(key);
        const char *form = strchr(key, '\t') + 1;
        uint64_t k = ng_lex_key(ng_hash64(form, strlen(form)), (uint32_t)upos);
        if (ng_lex_put(&m->lex, k, feats_remap[b->a], b->b)) return NG_ENOMEM;
    }
    it = 0;
    while (ng_map_next(t->sufx, &it, &key, &v)) {
        const tally *ty = v;
        const choice *b = tally_best(ty);
        if (b->count < 2 || suffix_redundant(t, key, b)) continue;
        int upos;
        size_t k;
        int used = 0;
        if (sscanf(key, "%d\t%zu\t%n", &upos, &k, &used) != 2) continue;
        const char *suf = key + used;
        uint64_t h = ng_sufx_key(ng_hash64(suf, strlen(suf)), (uint32_t)k, (uint32_t)upos);
        if (ng_lex_put(&m->sufx, h, feats_remap[b->a], b->b)) return NG_ENOMEM;
    }
    /* forms seen once say little about their tags: the tagger treats them
     * as it will treat unknown words */
    it = 0;
    while (ng_map_next(t->masks, &it, &key, &v)) {
        const tally *ty = v;
        if (ty->total < 2) continue;
        uint32_t mask = 0;
        for (const choice *c = ty->first; c; c = c->next)
            mask |= 1u << c->a;
        if (ng_lex_put(&m->masks, ng_hash64(key, strlen(key)), mask, 0)) return NG_ENOMEM;
    }
    it = 0;
    while (ng_map_next(t->mwt, &it, &key, &v)) {
        const choice *b = tally_best(v);
        if (b->a == MWT_WHOLE) continue;
        if (ng_lex_put(&m->mwt, ng_hash64(key, strlen(key)), b->a, 0)) return NG_ENOMEM;
    }
    return 0;
}

typedef struct pair_item {
    const char *key;
    uint32_t a, b, count;
} pair_item;

static int cmp_pair(const void *x, const void *y)
{
    const pair_item *a = x, *b = y;
    size_t la = strlen(a->key), lb = strlen(b->key);
    if (la != lb) return la > lb ? -1 : 1; /* longest first */
    return strcmp(a->key, b->key);
}

/* Clitic endings and host endings seen at least twice, longest first. */
static int build_pairs(ng_map *map, uint32_t **out, uint32_t *n)
{
    size_t count = ng_map_count(map), it = 0, k = 0;
    pair_item *items = malloc((count + 1) * sizeof *items);
    *out = malloc((count + 1) * 2 * sizeof **out);
    if (!items || !*out) {
        free(items);
        return NG_ENOMEM;
    }
    const char *key;
    void *v;
    while (ng_map_next(map, &it, &key, &v)) {
        const tally *ty = v;
        const choice *b = tally_best(ty);
        if (ty->total >= 2) items[k++] = (pair_item){key, b->a, b->b, ty->total};
    }
    qsort(items, k, sizeof *items, cmp_pair);
    *n = (uint32_t)k;
    for (size_t i = 0; i < k; i++) {
        (*out)[2 * i] = items[i].a;
        (*out)[2 * i + 1] = items[i].b;
    }
    free(items);
    return 0;
}

static int build_clitics(trainer *t)
{
    ng_model *m = t->m;
    uint32_t *pairs, n;
    /* clitics: suffix -> words; the suffix itself is the map key */
    size_t it = 0;
    const char *key;
    void *v;
    while (ng_map_next(t->clitics, &it, &key, &v)) {
        uint32_t off;
        if (str_intern(t, key, &off)) return NG_ENOMEM;
        ((tally *)v)->first->b = off;
        for (choice *c = ((tally *)v)->first; c; c = c->next)
            c->b = off;
    }
    if (build_pairs(t->clitics, &pairs, &n)) return NG_ENOMEM;
    m->clitics = malloc((n ? n : 1) * sizeof *m->clitics);
    if (!m->clitics) {
        free(pairs);
        return NG_ENOMEM;
    }
    for (uint32_t i = 0; i < n; i++)
        m->clitics[i] = (ng_clitic){pairs[2 * i + 1], pairs[2 * i]};
    m->nclitics = n;
    free(pairs);
    if (build_pairs(t->hosts, &pairs, &n)) return NG_ENOMEM;
    m->hosts = (ng_host_rule *)pairs;
    m->nhosts = n;
    return 0;
}

static int build_lexicons(trainer *t)
{
    ng_model *m = t->m;
    uint32_t *feats_remap = NULL, *label_remap = NULL;
    int rc = sorted_ids(t, t->featsets, "_", &m->feats, &m->nfeats, &feats_remap) ||
             sorted_ids(t, t->labels, NULL, &m->deprel, &m->ndeprels, &label_remap) ||
             build_rules(t) || build_lex(t, feats_remap) || build_clitics(t);
    if (!rc) {
        m->root_label = m->punct_label = 0;
        for (uint32_t i = 0; i < m->ndeprels; i++) {
            const char *l = (const char *)t->strings.data + m->deprel[i];
            if (strcmp(l, "root") == 0) m->root_label = i;
            if (strcmp(l, "punct") == 0) m->punct_label = i;
        }
    }
    free(feats_remap);
    free(label_remap);
    return rc ? oom(t) : 0;
}

/* The model's string table is the trainer's; later interning extends it. */
static int sync_strings(trainer *t)
{
    ng_model *m = t->m;
    free(m->strings);
    m->strings = malloc(t->strings.len ? t->strings.len : 1);
    if (!m->strings) return oom(t);
    memcpy(m->strings, t->strings.data, t->strings.len);
    m->strings_len = t->strings.len;
    return 0;
}

/* ---- the sentences as the tagger and parser see them --------------------------- */

typedef struct tsent {
    size_t n;
    int domain; /* which treebank: 0 is the one whose conventions the model follows */
    const char **forms;
    ng_watoms *atoms;
    uint8_t *gold_upos;
    uint32_t *gold_head, *gold_label; /* heads 0 = root; projectivised */
    uint8_t *pred_upos;               /* from a tagger that did not see it */
    uint32_t *feats;
    uint64_t *fhash;
    uint8_t *agr;
    int classes; /* the model has word classes */
} tsent;

typedef struct tdata {
    tsent *s;
    size_t n;
    ng_pool *pool;
} tdata;

static int label_index(const ng_model *m, const char *deprel)
{
    for (uint32_t i = 0; i < m->ndeprels; i++)
        if (strcmp(ng_model_str(m, m->deprel[i]), deprel) == 0) return (int)i;
    return 0;
}

static int make_tdata(trainer *t, const ng_treebank *tb, tdata *d)
{
    d->pool = ng_pool_new();
    d->s = calloc(tb->n ? tb->n : 1, sizeof *d->s);
    if (!d->pool || !d->s) return oom(t);
    d->n = tb->n;
    ng_buf lower = {0};
    for (size_t i = 0; i < tb->n; i++) {
        const ng_csent *cs = &tb->sents[i];
        tsent *s = &d->s[i];
        size_t n = cs->n;
        s->n = n;
        s->domain = t->domain[i];
        s->classes = t->m->clusters.count > 0;
        s->forms = ng_pool_alloc(d->pool, n * sizeof *s->forms);
        s->atoms = ng_pool_alloc(d->pool, n * sizeof *s->atoms);
        s->gold_upos = ng_pool_alloc(d->pool, n);
        s->pred_upos = ng_pool_alloc(d->pool, n);
        s->gold_head = ng_pool_alloc(d->pool, (n + 2) * sizeof *s->gold_head);
        s->gold_label = ng_pool_alloc(d->pool, (n + 2) * sizeof *s->gold_label);
        s->feats = ng_pool_alloc(d->pool, n * sizeof *s->feats);
        s->fhash = ng_pool_alloc(d->pool, n * sizeof *s->fhash);
        s->agr = ng_pool_alloc(d->pool, n ? n : 1);
        if (!s->forms || !s->atoms || !s->gold_upos || !s->pred_upos || !s->gold_head ||
            !s->gold_label || !s->feats || !s->fhash || !s->agr)
            return oom(t);
        s->gold_head[0] = 0;
        for (size_t k = 0; k < n; k++) {
            const ng_cword *w = &cs->words[k];
            int u = ng_upos_from_name(w->upos, strlen(w->upos));
            s->forms[k] = w->form;
            s->gold_upos[k] = (uint8_t)(u < 0 ? NG_UPOS_X : u);
            s->gold_head[k + 1] = w->head;
            s->gold_label[k + 1] = (uint32_t)label_index(t->m, w->deprel);
            if (ng_watoms_make(&s->atoms[k], w->form, strlen(w->form), &lower, t->m)) {
                ng_buf_free(&lower);
                return oom(t);
            }
        }
        ng_projectivize(s->gold_head, n);
    }
    ng_buf_free(&lower);
    return 0;
}

static void tdata_free(tdata *d)
{
    free(d->s);
    ng_pool_free(d->pool);
    memset(d, 0, sizeof *d);
}

/* A working sentence over a training sentence, with the given tags. */
static int psent_of(ng_psent *ps, const tsent *s, const uint8_t *tags)
{
    if (ng_psent_reserve(ps, s->n)) return NG_ENOMEM;
    ps->n = s->n;
    ps->classes = s->classes;
    for (size_t k = 0; k < s->n; k++) {
        ps->forms[k] = s->forms[k];
        ps->atoms[k] = s->atoms[k];
        ps->upos[k] = tags ? tags[k] : 0;
        ps->feats[k] = s->feats[k];
        ps->fhash[k] = s->fhash[k];
        ps->agr[k] = s->agr[k];
    }
    return 0;
}

/* ---- tagger ---------------------------------------------------------------------- */

static int train_tagger_on(trainer *t, const tdata *d, const size_t *sel, size_t nsel, int epochs,
                           uint64_t seed, ng_wtab *out, int count)
{
    ng_dtrain w;
    ng_psent ps = {0};
    size_t *order = malloc((nsel ? nsel : 1) * sizeof *order);
    if (!order || ng_dtrain_init(&w, NG_UPOS_COUNT, t->ndomains)) {
        free(order);
        return oom(t);
    }
    memcpy(order, sel, nsel * sizeof *order);
    rng r = {seed * 2654435761u + 1};
    uint64_t f[NG_MAX_FEATS];
    float scores[NG_UPOS_COUNT];
    int rc = 0;
    for (int e = 0; e < epochs && !rc; e++) {
        shuffle(order, nsel, &r);
        size_t right = 0, all = 0;
        for (size_t oi = 0; oi < nsel && !rc; oi++) {
            const tsent *s = &d->s[order[oi]];
            if (psent_of(&ps, s, NULL)) rc = NG_ENOMEM;
            for (size_t i = 0; i < s->n && !rc; i++) {
                size_t nf = ng_tagger_features(&ps, i, f);
                ng_dtrain_score(&w, f, nf, s->domain, scores);
                uint32_t guess = 0;
                for (uint32_t c = 1; c < NG_UPOS_COUNT; c++)
                    if (scores[c] > scores[guess]) guess = c;
                if (e == 0 && ng_dtrain_count(&w, f, nf)) rc = NG_ENOMEM;
                if (ng_dtrain_update(&w, f, nf, s->domain, s->gold_upos[i], guess)) rc = NG_ENOMEM;
                right += guess == s->gold_upos[i];
                all++;
                ps.upos[i] = (uint8_t)guess;
            }
        }
        if (count && t->log)
            fprintf(t->log, "  tagger epoch %d: train %.2f%%\n", e + 1,
                    100.0 * right / (all ? all : 1));
    }
    if (!rc && ng_dtrain_compile(out, &w, t->min_count, t->eps)) rc = NG_ENOMEM;
    ng_dtrain_free(&w);
    ng_psent_free(&ps);
    free(order);
    return rc ? oom(t) : 0;
}

static void tag_with(const ng_model *m, const ng_wtab *tab, const tsent *s, ng_psent *ps,
                     uint8_t *out)
{
    ng_model view = *m;
    view.tagger = *tab;
    if (psent_of(ps, s, NULL)) return;
    ng_tagger_run(&view, ps);
    memcpy(out, ps->upos, s->n);
}

/* Tags for every training sentence from taggers trained on the other folds. */
static int jackknife(trainer *t, const tdata *d, int epochs, uint64_t seed)
{
    size_t *sel = malloc((d->n ? d->n : 1) * sizeof *sel);
    ng_psent ps = {0};
    if (!sel) return oom(t);
    int rc = 0;
    for (int fold = 0; fold < JACKKNIFE && !rc; fold++) {
        size_t nsel = 0;
        for (size_t i = 0; i < d->n; i++)
            if ((int)(i % JACKKNIFE) != fold) sel[nsel++] = i;
        ng_wtab tab;
        rc = train_tagger_on(t, d, sel, nsel, epochs, seed + 101 + (uint64_t)fold, &tab, 0);
        if (rc) break;
        for (size_t i = fold; i < d->n; i += JACKKNIFE)
            tag_with(t->m, &tab, &d->s[i], &ps, d->s[i].pred_upos);
        ng_wtab_free(&tab);
        if (t->log) fprintf(t->log, "  jackknife fold %d/%d tagged\n", fold + 1, JACKKNIFE);
    }
    free(sel);
    ng_psent_free(&ps);
    return rc;
}

/* FEATS of the training words from the lexicon, given the tags the parser
 * will see. */
static void analyse(const ng_model *m, tdata *d)
{
    ng_psent ps = {0};
    ng_pool *pool = ng_pool_new();
    ng_buf lower = {0};
    for (size_t i = 0; i < d->n && pool; i++) {
        tsent *s = &d->s[i];
        if (psent_of(&ps, s, s->pred_upos)) break;
        for (size_t k = 0; k < s->n; k++) {
            if (lower_into(&lower, s->forms[k])) break;
            ps.lower[k] = ng_pool_strdup(pool, lower.data);
            if (!ps.lower[k]) ps.lower[k] = "";
        }
        ng_morph_run(m, &ps, NULL, NULL, NULL);
        memcpy(s->feats, ps.feats, s->n * sizeof *s->feats);
        memcpy(s->fhash, ps.fhash, s->n * sizeof *s->fhash);
        memcpy(s->agr, ps.agr, s->n);
        ng_pool_reset(pool);
    }
    ng_pool_free(pool);
    ng_buf_free(&lower);
    ng_psent_free(&ps);
}

/* ---- parser ------------------------------------------------------------------------ */

typedef struct ptrain {
    ng_dtrain trans, labels;
    ng_config c;
    ng_psent ps;
    rng r;
    int explore;
    size_t right, all;
} ptrain;

static int zero_cost_best(const ng_config *c, const float *scores, const uint32_t *gold, int *costs)
{
    int best = -1;
    for (int k = 0; k < NG_T_COUNT; k++) {
        costs[k] = ng_config_valid(c, k) ? ng_config_cost(c, k, gold) : -1;
        if (costs[k] == 0 && (best < 0 || scores[k] > scores[best])) best = k;
    }
    return best;
}

static int train_label(trainer *t, ptrain *pt, const tsent *s, int tr, uint32_t *label, int first)
{
    const ng_config *c = &pt->c;
    uint32_t d = c->stack[c->depth - 1];
    uint32_t h = tr == NG_T_LEFT ? c->b : c->stack[c->depth - 2];
    if (h == c->n + 1) {
        *label = t->m->root_label;
        return 0;
    }
    uint64_t f[NG_MAX_FEATS];
    float scores[256];
    size_t nf = ng_labeller_features(&pt->ps, c, h, d, f);
    ng_dtrain_score(&pt->labels, f, nf, s->domain, scores);
    uint32_t guess = t->m->root_label == 0 ? 1 : 0;
    for (uint32_t l = 0; l < pt->labels.gen.nclasses; l++)
        if (l != t->m->root_label && scores[l] > scores[guess]) guess = l;
    *label = guess;
    if (s->gold_head[d] != h) return 0; /* a wrong arc teaches nothing about labels */
    uint32_t gold = s->gold_label[d];
    if (first && ng_dtrain_count(&pt->labels, f, nf)) return NG_ENOMEM;
    if (ng_dtrain_update(&pt->labels, f, nf, s->domain, gold, guess)) return NG_ENOMEM;
    *label = gold;
    return 0;
}

static int train_sentence(trainer *t, ptrain *pt, const tsent *s, int first)
{
    ng_config *c = &pt->c;
    if (psent_of(&pt->ps, s, s->pred_upos) || ng_config_init(c, s->n)) return NG_ENOMEM;
    uint64_t f[NG_MAX_FEATS];
    float scores[NG_T_COUNT];
    int costs[NG_T_COUNT];
    while (!ng_config_done(c)) {
        size_t nf = ng_parser_features(&pt->ps, c, f);
        ng_dtrain_score(&pt->trans, f, nf, s->domain, scores);
        int guess = -1;
        for (int k = 0; k < NG_T_COUNT; k++)
            if (ng_config_valid(c, k) && (guess < 0 || scores[k] > scores[guess])) guess = k;
        int best = zero_cost_best(c, scores, s->gold_head, costs);
        if (best < 0) best = guess; /* nothing left to save */
        uint32_t wrong = costs[guess] == 0 ? (uint32_t)best : (uint32_t)guess;
        if (first && ng_dtrain_count(&pt->trans, f, nf)) return NG_ENOMEM;
        if (ng_dtrain_update(&pt->trans, f, nf, s->domain, (uint32_t)best, wrong)) return NG_ENOMEM;
        int next = best;
        if (costs[guess] == 0 || (pt->explore && rng_unit(&pt->r) < 0.9)) next = guess;
        uint32_t label = 0;
        if (next != NG_T_SHIFT && train_label(t, pt, s, next, &label, first)) return NG_ENOMEM;
        ng_config_apply(c, next, label);
    }
    for (size_t k = 1; k <= s->n; k++) {
        pt->right += c->head[k] == s->gold_head[k];
        pt->all++;
    }
    return 0;
}

static int train_parser(trainer *t, const tdata *d, int epochs, uint64_t seed)
{
    ptrain pt;
    memset(&pt, 0, sizeof pt);
    size_t *order = malloc((d->n ? d->n : 1) * sizeof *order);
    if (!order || ng_dtrain_init(&pt.trans, NG_T_COUNT, t->ndomains) ||
        ng_dtrain_init(&pt.labels, t->m->ndeprels, t->ndomains)) {
        free(order);
        return oom(t);
    }
    for (size_t i = 0; i < d->n; i++)
        order[i] = i;
    pt.r.s = seed * 0x9E3779B97F4A7C15ULL + 7;
    int rc = 0;
    for (int e = 0; e < epochs && !rc; e++) {
        shuffle(order, d->n, &pt.r);
        pt.explore = e >= 1;
        pt.right = pt.all = 0;
        for (size_t i = 0; i < d->n && !rc; i++)
            rc = train_sentence(t, &pt, &d->s[order[i]], e == 0);
        if (t->log)
            fprintf(t->log, "  parser epoch %d: train UAS %.2f%%\n", e + 1,
                    100.0 * pt.right / (pt.all ? pt.all : 1));
    }
    if (!rc && (ng_dtrain_compile(&t->m->parser, &pt.trans, t->min_count, t->eps) ||
                ng_dtrain_compile(&t->m->labeller, &pt.labels, t->min_count, t->eps)))
        rc = NG_ENOMEM;
    ng_dtrain_free(&pt.trans);
    ng_dtrain_free(&pt.labels);
    ng_config_free(&pt.c);
    ng_psent_free(&pt.ps);
    free(order);
    return rc ? oom(t) : 0;
}

/* ---- scoring on a held-out file -------------------------------------------------- */

static int label_base_eq(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

static void score_dev(trainer *t, const ng_treebank *dev)
{
    ng_parse *p;
    if (ng_parse_new(&p, NULL)) return;
    size_t all = 0, upos = 0, uas = 0, las = 0;
    const char **forms = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < dev->n; i++) {
        const ng_csent *cs = &dev->sents[i];
        if (NG_GROW(forms, cap, cs->n)) break;
        for (size_t k = 0; k < cs->n; k++)
            forms[k] = cs->words[k].form;
        ng_parse_reset(p);
        if (ng_parse_words(p, t->m, forms, cs->n, NULL)) break;
        for (size_t k = 0; k < cs->n; k++) {
            const ng_word *w = ng_parse_word(p, k);
            all++;
            upos += strcmp(ng_upos_name(w->upos), cs->words[k].upos) == 0;
            if (w->head == cs->words[k].head) {
                uas++;
                las += label_base_eq(w->deprel, cs->words[k].deprel);
            }
        }
    }
    free(forms);
    ng_parse_free(p);
    if (t->log && all)
        fprintf(t->log, "  dev: UPOS %.2f UAS %.2f LAS %.2f (%zu words)\n", 100.0 * upos / all,
                100.0 * uas / all, 100.0 * las / all, all);
}

/* ---- the whole run ---------------------------------------------------------------- */

static int trainer_init(trainer *t, ng_model *m, FILE *log, ng_error *err)
{
    memset(t, 0, sizeof *t);
    t->m = m;
    t->log = log;
    t->err = err;
    t->pool = ng_pool_new();
    ng_map **maps[] = {&t->str_offsets, &t->labels, &t->featsets, &t->rules,   &t->lex,
                       &t->sufx,        &t->masks,  &t->mwt,      &t->clitics, &t->hosts};
    for (size_t i = 0; i < sizeof maps / sizeof *maps; i++)
        if (!(*maps[i] = ng_map_new())) return oom(t);
    /* offset 0 is the empty string */
    uint32_t off;
    if (!t->pool || str_intern(t, "", &off)) return oom(t);
    return 0;
}

static void trainer_free(trainer *t)
{
    ng_map *maps[] = {t->str_offsets, t->labels, t->featsets, t->rules,   t->lex,
                      t->sufx,        t->masks,  t->mwt,      t->clitics, t->hosts};
    for (size_t i = 0; i < sizeof maps / sizeof *maps; i++)
        ng_map_free(maps[i]);
    ng_pool_free(t->pool);
    free(t->domain);
    free(t->file_domain);
    ng_buf_free(&t->strings);
    ng_buf_free(&t->tmp);
    ng_buf_free(&t->tmp2);
}

/* Each distinct file is a treebank of its own; a file named twice counts
 * twice in the data (a way to weigh it) but is one treebank. */
static int read_all(trainer *t, const ng_train_options *o, ng_treebank *tb, ng_error *err)
{
    for (size_t i = 0; i < o->ntrain; i++) {
        int dom = -1;
        for (size_t k = 0; k < i && dom < 0; k++)
            if (strcmp(o->train[k], o->train[i]) == 0) dom = -2 - (int)k;
        size_t before = tb->n;
        int rc = ng_treebank_read(tb, o->train[i], err);
        if (rc) return rc;
        if (dom == -1)
            dom = t->ndomains < NG_MAX_DOMAINS ? t->ndomains++ : NG_MAX_DOMAINS - 1;
        else
            dom = t->file_domain[-2 - dom];
        if (NG_GROW(t->file_domain, t->file_domain_cap, i + 1) ||
            NG_GROW(t->domain, t->domain_cap, tb->n))
            return oom(t);
        t->file_domain[i] = dom;
        for (size_t k = before; k < tb->n; k++)
            t->domain[k] = dom;
    }
    if (tb->n == 0) return ng_error_set(err, NG_EEMPTY, "no sentences to train on");
    return 0;
}

static int train_models(trainer *t, const ng_train_options *o, ng_treebank *tb)
{
    tdata d = {0};
    int rc = make_tdata(t, tb, &d);
    if (!rc) rc = jackknife(t, &d, o->tagger_epochs, o->seed);
    if (!rc) {
        analyse(t->m, &d);
        size_t *all = malloc(d.n * sizeof *all);
        if (!all) rc = oom(t);
        for (size_t i = 0; !rc && i < d.n; i++)
            all[i] = i;
        if (!rc) {
            if (t->log) fprintf(t->log, "tagger (%zu sentences)\n", d.n);
            rc = train_tagger_on(t, &d, all, d.n, o->tagger_epochs, o->seed, &t->m->tagger, 1);
        }
        free(all);
    }
    /* an ensemble of parsers trained on different orders of the data, in one
     * table (their weights summed) */
    int members = o->parsers;
    for (int k = 0; !rc && k < members; k++) {
        ng_wtab parser = t->m->parser, labeller = t->m->labeller;
        memset(&t->m->parser, 0, sizeof t->m->parser);
        memset(&t->m->labeller, 0, sizeof t->m->labeller);
        if (t->log) fprintf(t->log, "parser %d of %d\n", k + 1, members);
        rc = train_parser(t, &d, o->parser_epochs, o->seed + 7919 * (uint64_t)k);
        if (!rc && k > 0) {
            ng_wtab sp, sl;
            if (ng_wtab_sum(&sp, &parser, &t->m->parser) ||
                ng_wtab_sum(&sl, &labeller, &t->m->labeller))
                rc = oom(t);
            else {
                ng_wtab_free(&t->m->parser);
                ng_wtab_free(&t->m->labeller);
                t->m->parser = sp;
                t->m->labeller = sl;
            }
        }
        ng_wtab_free(&parser);
        ng_wtab_free(&labeller);
    }
    tdata_free(&d);
    return rc;
}

int ng_train(const ng_train_options *o, const char *path, FILE *log, ng_error *err)
{
    if (!o || o->version != NG_TRAIN_OPTIONS_VERSION || !o->lang || !o->ntrain ||
        o->tagger_epochs < 1 || o->parser_epochs < 1 || o->parsers < 1 || o->parsers > 16 ||
        o->clusters < 0 || o->clusters == 1 || o->clusters > 4096)
        return ng_error_set(err, NG_EINVAL, "training: bad options");
    ng_treebank tb = {0}, dev = {0};
    ng_model m;
    memset(&m, 0, sizeof m);
    memcpy(m.lang, o->lang, strnlen(o->lang, sizeof m.lang - 1));
    trainer t;
    int rc = trainer_init(&t, &m, log, err);
    t.min_count = o->min_count > 0 ? (uint32_t)o->min_count : 1;
    t.eps = 1e-3f;
    if (!rc) rc = read_all(&t, o, &tb, err);
    if (!rc && o->dev) rc = ng_treebank_read(&dev, o->dev, err);
    if (!rc && o->clusters) rc = ng_train_clusters(&m, &tb, o, log, err);
    if (!rc) rc = count_treebank(&t, &tb);
    if (!rc) rc = build_lexicons(&t);
    if (!rc) rc = sync_strings(&t);
    if (!rc) rc = train_models(&t, o, &tb);
    if (!rc && o->dev) score_dev(&t, &dev);
    if (!rc) rc = ng_model_save(&m, path, err);
    trainer_free(&t);
    ng_model_clear(&m);
    ng_treebank_free(&tb);
    ng_treebank_free(&dev);
    return rc;
}
