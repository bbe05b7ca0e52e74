/* Averaged perceptron weights: dense rows while training (so that an update
 * touches one row per feature), sparse rows of averaged weights at run time
 * (so that the model stays small and scoring touches only non-zero cells). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "learn.h"

int ng_wtrain_init(ng_wtrain *t, uint32_t nclasses)
{
    memset(t, 0, sizeof *t);
    t->nclasses = nclasses;
    t->cap = 1 << 16;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->rows = calloc(t->cap, sizeof *t->rows);
    return t->keys && t->rows ? 0 : NG_ENOMEM;
}

void ng_wtrain_free(ng_wtrain *t)
{
    free(t->keys);
    free(t->rows);
    free(t->w);
    free(t->tot);
    free(t->ts);
    free(t->freq);
    memset(t, 0, sizeof *t);
}

static size_t wtrain_slot(const ng_wtrain *t, uint64_t key)
{
    size_t mask = t->cap - 1, i = (size_t)(key >> 7) & mask;
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

static long wtrain_find(const ng_wtrain *t, uint64_t key)
{
    size_t i = wtrain_slot(t, key);
    return t->keys[i] ? (long)t->rows[i] : -1;
}

static int wtrain_rehash(ng_wtrain *t)
{
    size_t ocap = t->cap;
    uint64_t *ok = t->keys;
    uint32_t *orows = t->rows;
    t->cap *= 2;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->rows = calloc(t->cap, sizeof *t->rows);
    if (!t->keys || !t->rows) return NG_ENOMEM;
    for (size_t i = 0; i < ocap; i++) {
        if (!ok[i]) continue;
        size_t j = wtrain_slot(t, ok[i]);
        t->keys[j] = ok[i];
        t->rows[j] = orows[i];
    }
    free(ok);
    free(orows);
    return 0;
}

static int wtrain_grow_rows(ng_wtrain *t)
{
    size_t ncap = t->rows_cap ? t->rows_cap * 2 : 1 << 14, nc = t->nclasses;
    float *w = realloc(t->w, ncap * nc * sizeof *w);
    if (w) t->w = w;
    double *tot = realloc(t->tot, ncap * nc * sizeof *tot);
    if (tot) t->tot = tot;
    uint32_t *ts = realloc(t->ts, ncap * nc * sizeof *ts);
    if (ts) t->ts = ts;
    uint32_t *fr = realloc(t->freq, ncap * sizeof *fr);
    if (fr) t->freq = fr;
    if (!w || !tot || !ts || !fr) return NG_ENOMEM;
    t->rows_cap = ncap;
    return 0;
}

static long wtrain_add(ng_wtrain *t, uint64_t key)
{
    size_t i = wtrain_slot(t, key);
    if (t->keys[i]) return t->rows[i];
    if ((t->count + 1) * 2 > t->cap) {
        if (wtrain_rehash(t)) return -1;
        i = wtrain_slot(t, key);
    }
    if (t->count == t->rows_cap && wtrain_grow_rows(t)) return -1;
    size_t r = t->count++, nc = t->nclasses;
    memset(t->w + r * nc, 0, nc * sizeof *t->w);
    memset(t->tot + r * nc, 0, nc * sizeof *t->tot);
    memset(t->ts + r * nc, 0, nc * sizeof *t->ts);
    t->freq[r] = 0;
    t->keys[i] = key;
    t->rows[i] = (uint32_t)r;
    return (long)r;
}

void ng_wtrain_score(const ng_wtrain *t, const uint64_t *f, size_t nf, float *scores)
{
    memset(scores, 0, t->nclasses * sizeof *scores);
    for (size_t k = 0; k < nf; k++) {
        long r = wtrain_find(t, f[k]);
        if (r < 0) continue;
        const float *w = t->w + (size_t)r * t->nclasses;
        for (uint32_t c = 0; c < t->nclasses; c++)
            scores[c] += w[c];
    }
}

int ng_wtrain_count(ng_wtrain *t, const uint64_t *f, size_t nf)
{
    for (size_t k = 0; k < nf; k++) {
        long r = wtrain_add(t, f[k]);
        if (r < 0) return NG_ENOMEM;
        t->freq[r]++;
    }
    return 0;
}

static void cell_add(ng_wtrain *t, size_t cell, float d)
{
    t->tot[cell] += (double)(t->now - t->ts[cell]) * t->w[cell];
    t->ts[cell] = t->now;
    t->w[cell] += d;
}

int ng_wtrain_update(ng_wtrain *t, const uint64_t *f, size_t nf, uint32_t gold, uint32_t guess)
{
    t->now++;
    if (gold == guess) return 0;
    for (size_t k = 0; k < nf; k++) {
        long r = wtrain_add(t, f[k]);
        if (r < 0) return NG_ENOMEM;
        size_t base = (size_t)r * t->nclasses;
        cell_add(t, base + gold, 1.0f);
        cell_add(t, base + guess, -1.0f);
    }
    return 0;
}

int ng_wtrain_add(ng_wtrain *t, const uint64_t *f, size_t nf, uint32_t cls, float delta)
{
    for (size_t k = 0; k < nf; k++) {
        long r = wtrain_add(t, f[k]);
        if (r < 0) return NG_ENOMEM;
        cell_add(t, (size_t)r * t->nclasses + cls, delta);
    }
    return 0;
}

/* ---- run time ----------------------------------------------------------------
 * Each feature's weights are a full row of every class: frequent features,
 * the ones met most, have weights for most classes, and a row adds faster
 * than a list of (class, weight) pairs. With three classes or fewer (the
 * parser's transitions) the row sits beside its key, so that a lookup is one
 * cache miss. A slot holds 32 bits of the key (its other bits chose the
 * slot); the full keys are kept aside, for writing and merging. */

static uint32_t fp_of(uint64_t key)
{
    return (uint32_t)(key >> 32) | 1u;
}

static uint32_t slot_fp(const ng_wtab *t, size_t i)
{
    return t->dense ? t->dense[i].fp : t->rslots[i].fp;
}

/* The slot of key, or the empty slot where it would go. */
static size_t wtab_slot(const ng_wtab *t, uint64_t key)
{
    size_t mask = t->cap - 1, i = (size_t)(key >> 7) & mask;
    uint32_t fp = fp_of(key);
    while (slot_fp(t, i) && slot_fp(t, i) != fp)
        i = (i + 1) & mask;
    return i;
}

static float *row_at(const ng_wtab *t, size_t i)
{
    return t->dense ? t->dense[i].w : t->rows + (size_t)t->rslots[i].off * t->nclasses;
}

/* Zeroed memory for a table read at random on every decision: a big one
 * asks for huge pages, since with 4 KiB pages nearly every lookup also
 * misses the TLB. Freed with free(). */
#define HUGE_PAGE ((size_t)2 << 20)
static void *table_calloc(size_t n, size_t size)
{
    size_t bytes = n * size;
    if (n && bytes / n != size) return NULL;
    if (bytes < HUGE_PAGE) return calloc(n ? n : 1, size);
    size_t whole = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, whole)) return NULL;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, whole, MADV_HUGEPAGE); /* a hint: without it, small pages */
#endif
    memset(p, 0, bytes);
    return p;
}

/* Room for count features, at most half full: most lookups miss. */
static int wtab_init(ng_wtab *t, uint32_t nclasses, size_t count)
{
    memset(t, 0, sizeof *t);
    t->nclasses = nclasses;
    t->cap = 16;
    while (t->cap < count * 2 + 2)
        t->cap *= 2;
    t->keys = calloc(t->cap, sizeof *t->keys);
    if (nclasses <= NG_DENSE_MAX) {
        t->dense = table_calloc(t->cap, sizeof *t->dense);
        return t->keys && t->dense ? 0 : NG_ENOMEM;
    }
    t->rslots = table_calloc(t->cap, sizeof *t->rslots);
    t->rows = table_calloc(count ? count * nclasses : 1, sizeof *t->rows);
    t->rows_cap = count;
    return t->keys && t->rslots && t->rows ? 0 : NG_ENOMEM;
}

/* The row of a new feature, zeroed for the caller to fill; NULL when the
 * table already has it (or a key alike in its 32 bits), or is full. */
static float *wtab_add(ng_wtab *t, uint64_t key)
{
    size_t i = wtab_slot(t, key);
    if (slot_fp(t, i) || t->count >= (t->dense ? t->cap / 2 : t->rows_cap)) return NULL;
    t->keys[i] = key;
    if (t->dense)
        t->dense[i].fp = fp_of(key);
    else
        t->rslots[i] = (ng_wslot){fp_of(key), (uint32_t)t->count};
    t->count++;
    return row_at(t, i);
}

static long wtab_find(const ng_wtab *t, uint64_t key)
{
    if (!t->cap) return -1;
    size_t i = wtab_slot(t, key);
    return slot_fp(t, i) && t->keys[i] == key ? (long)i : -1;
}

static size_t nonzero(const float *row, size_t nc)
{
    size_t n = 0;
    for (size_t c = 0; c < nc; c++)
        n += row[c] != 0.0f;
    return n;
}

/* Counted in pass 0, stored in pass 1 (the table then has room for
 * exactly what pass 0 counted); weights within eps of zero are left out. */
static int emit_row(ng_wtab *out, int pass, uint64_t key, float *row, size_t nc, float eps,
                    size_t *keep)
{
    for (size_t c = 0; c < nc; c++)
        if (fabsf(row[c]) <= eps) row[c] = 0.0f;
    size_t n = nonzero(row, nc);
    if (!n) return 0;
    if (pass == 0) {
        (*keep)++;
        return 0;
    }
    float *dst = wtab_add(out, key);
    if (!dst) return NG_ENOMEM;
    memcpy(dst, row, nc * sizeof *row);
    out->nentries += n;
    return 0;
}

/* The average of a cell over all steps so far (now is the global step). */
static float cell_avg(const ng_wtrain *t, size_t cell, uint32_t now)
{
    double tot = t->tot[cell] + (double)(now - t->ts[cell]) * t->w[cell];
    return (float)(tot / (now ? (double)now : 1.0));
}

/* Averaged weights of row r of t, plus those of the same feature in extra. */
static void row_avg(const ng_wtrain *t, size_t r, const ng_wtrain *extra, uint64_t key, float *avg)
{
    size_t nc = t->nclasses;
    for (size_t c = 0; c < nc; c++)
        avg[c] = cell_avg(t, r * nc + c, t->now);
    long er = extra ? wtrain_find(extra, key) : -1;
    for (size_t c = 0; er >= 0 && c < nc; c++)
        avg[c] += cell_avg(extra, (size_t)er * nc + c, t->now);
}

int ng_wtab_from_train(ng_wtab *out, const ng_wtrain *t, const ng_wtrain *extra, uint32_t min_count,
                       float eps)
{
    size_t nc = t->nclasses, keep = 0;
    float *avg = malloc(nc * sizeof *avg);
    if (!avg) return NG_ENOMEM;
    int rc = 0;
    /* two passes over the rows in the training table's slot order, which is
     * itself deterministic: count, then fill */
    for (int pass = 0; pass < 2 && !rc; pass++) {
        if (pass == 1 && wtab_init(out, t->nclasses, keep)) rc = NG_ENOMEM;
        for (size_t i = 0; i < t->cap && !rc; i++) {
            if (!t->keys[i]) continue;
            size_t r = t->rows[i];
            if (t->freq[r] < min_count) continue;
            row_avg(t, r, extra, t->keys[i], avg);
            rc = emit_row(out, pass, t->keys[i], avg, nc, eps, &keep);
        }
    }
    free(avg);
    return rc;
}

/* ---- weights shared by all treebanks, plus weights of each treebank ------------ */

int ng_dtrain_init(ng_dtrain *t, uint32_t nclasses, int ndom)
{
    memset(t, 0, sizeof *t);
    t->ndom = ndom > 1 ? (ndom < NG_MAX_DOMAINS ? ndom : NG_MAX_DOMAINS) : 0;
    if (ng_wtrain_init(&t->gen, nclasses)) return NG_ENOMEM;
    for (int d = 0; d < t->ndom; d++)
        if (ng_wtrain_init(&t->dom[d], nclasses)) return NG_ENOMEM;
    return 0;
}

void ng_dtrain_free(ng_dtrain *t)
{
    ng_wtrain_free(&t->gen);
    for (int d = 0; d < NG_MAX_DOMAINS; d++)
        if (t->dom[d].keys) ng_wtrain_free(&t->dom[d]);
}

static const ng_wtrain *dom_of(const ng_dtrain *t, int dom)
{
    return t->ndom && dom >= 0 ? &t->dom[dom < t->ndom ? dom : t->ndom - 1] : NULL;
}

void ng_dtrain_score(const ng_dtrain *t, const uint64_t *f, size_t nf, int dom, float *scores)
{
    ng_wtrain_score(&t->gen, f, nf, scores);
    const ng_wtrain *d = dom_of(t, dom);
    if (!d) return;
    float extra[256];
    ng_wtrain_score(d, f, nf, extra);
    for (uint32_t c = 0; c < t->gen.nclasses; c++)
        scores[c] += extra[c];
}

int ng_dtrain_count(ng_dtrain *t, const uint64_t *f, size_t nf)
{
    return ng_wtrain_count(&t->gen, f, nf);
}

int ng_dtrain_update(ng_dtrain *t, const uint64_t *f, size_t nf, int dom, uint32_t gold,
                     uint32_t guess)
{
    if (ng_wtrain_update(&t->gen, f, nf, gold, guess)) return NG_ENOMEM;
    ng_wtrain *d = (ng_wtrain *)dom_of(t, dom);
    if (!d) return 0;
    d->now = t->gen.now - 1; /* one clock for all tables */
    return ng_wtrain_update(d, f, nf, gold, guess);
}

int ng_dtrain_add(ng_dtrain *t, const uint64_t *f, size_t nf, int dom, uint32_t cls, float delta)
{
    if (ng_wtrain_add(&t->gen, f, nf, cls, delta)) return NG_ENOMEM;
    ng_wtrain *d = (ng_wtrain *)dom_of(t, dom);
    if (!d) return 0;
    d->now = t->gen.now;
    return ng_wtrain_add(d, f, nf, cls, delta);
}

/* Shared weights plus those of the first treebank, whose conventions the
 * model follows. */
int ng_dtrain_compile(ng_wtab *out, const ng_dtrain *t, uint32_t min_count, float eps)
{
    return ng_wtab_from_train(out, &t->gen, dom_of(t, 0), min_count, eps);
}

/* Tables of few classes (the parser's transitions) get a copy with each
 * row beside its key, so that a lookup is one cache miss, not two. */
static void score_dense(const ng_wtab *t, const uint64_t *f, size_t nf, float *scores)
{
    size_t mask = t->cap - 1;
    for (size_t k = 0; k < nf; k++)
        __builtin_prefetch(&t->dense[(size_t)(f[k] >> 7) & mask]);
    for (size_t k = 0; k < nf; k++) {
        size_t i = (size_t)(f[k] >> 7) & mask;
        uint32_t fp = fp_of(f[k]);
        while (t->dense[i].fp && t->dense[i].fp != fp)
            i = (i + 1) & mask;
        if (!t->dense[i].fp) continue;
        for (uint32_t c = 0; c < NG_DENSE_MAX; c++)
            scores[c] += t->dense[i].w[c];
    }
}

static void score_rows(const ng_wtab *t, const uint64_t *f, size_t nf, float *scores)
{
    size_t mask = t->cap - 1, nc = t->nclasses;
    for (size_t k = 0; k < nf; k++)
        __builtin_prefetch(&t->rslots[(size_t)(f[k] >> 7) & mask]);
    /* the rows are a second round of misses: all are fetched before any
     * is added */
    const float *hit[NG_MAX_FEATS];
    size_t nhit = 0;
    for (size_t k = 0; k < nf && k < NG_MAX_FEATS; k++) {
        size_t i = (size_t)(f[k] >> 7) & mask;
        uint32_t fp = fp_of(f[k]);
        while (t->rslots[i].fp && t->rslots[i].fp != fp)
            i = (i + 1) & mask;
        if (!t->rslots[i].fp) continue;
        const float *row = t->rows + (size_t)t->rslots[i].off * nc;
        for (size_t c = 0; c < nc; c += 16)
            __builtin_prefetch(row + c);
        hit[nhit++] = row;
    }
    for (size_t k = 0; k < nhit; k++)
        for (size_t c = 0; c < nc; c++)
            scores[c] += hit[k][c];
}

/* The slots of all features are fetched before any is read: the lookups
 * are cache misses, and this lets them overlap. */
void ng_wtab_score(const ng_wtab *t, const uint64_t *f, size_t nf, float *scores)
{
    memset(scores, 0, t->nclasses * sizeof *scores);
    if (!t->cap) return;
    if (t->dense) {
        float dense[NG_DENSE_MAX] = {0};
        score_dense(t, f, nf, dense);
        memcpy(scores, dense, t->nclasses * sizeof *scores);
    } else {
        score_rows(t, f, nf, scores);
    }
}

/* The sum of two tables of the same classes (the model of an ensemble:
 * scores are linear, so summing weights sums the members' scores). */
int ng_wtab_sum(ng_wtab *out, const ng_wtab *a, const ng_wtab *b)
{
    size_t nc = a->nclasses, keep = 0;
    float *row = malloc(nc * sizeof *row);
    if (!row) return NG_ENOMEM;
    int rc = 0;
    for (int pass = 0; pass < 2 && !rc; pass++) {
        if (pass == 1 && wtab_init(out, a->nclasses, keep)) rc = NG_ENOMEM;
        for (int side = 0; side < 2 && !rc; side++) {
            const ng_wtab *t = side ? b : a, *o = side ? a : b;
            for (size_t i = 0; i < t->cap && !rc; i++) {
                if (!slot_fp(t, i)) continue;
                uint64_t key = t->keys[i];
                long os = wtab_find(o, key);
                if (side && os >= 0) continue; /* summed from a's side */
                memcpy(row, row_at(t, i), nc * sizeof *row);
                const float *other = os >= 0 ? row_at(o, (size_t)os) : NULL;
                for (size_t c = 0; other && c < nc; c++)
                    row[c] += other[c];
                rc = emit_row(out, pass, key, row, nc, 0.0f, &keep);
            }
        }
    }
    free(row);
    return rc;
}

void ng_wtab_free(ng_wtab *t)
{
    free(t->keys);
    free(t->dense);
    free(t->rslots);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

static int put_u32(ng_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return ng_buf_add(b, c, 4);
}

typedef struct keyed_slot {
    uint64_t key;
    size_t slot;
} keyed_slot;

static int cmp_keyed(const void *a, const void *b)
{
    uint64_t x = ((const keyed_slot *)a)->key, y = ((const keyed_slot *)b)->key;
    return x < y ? -1 : x > y;
}

/* Features in key order, each with its non-zero weights: the bytes depend
 * only on the contents (slot order depends on the order of insertion). */
int ng_wtab_write(const ng_wtab *t, ng_buf *b)
{
    if (put_u32(b, t->nclasses) || put_u32(b, (uint32_t)t->count) ||
        put_u32(b, (uint32_t)t->nentries))
        return NG_ENOMEM;
    keyed_slot *order = malloc((t->count ? t->count : 1) * sizeof *order);
    size_t n = 0;
    if (!order) return NG_ENOMEM;
    for (size_t i = 0; i < t->cap; i++)
        if (slot_fp(t, i)) order[n++] = (keyed_slot){t->keys[i], i};
    qsort(order, n, sizeof *order, cmp_keyed);
    int rc = 0;
    for (size_t k = 0; !rc && k < n; k++) {
        const float *row = row_at(t, order[k].slot);
        rc = ng_buf_add(b, &order[k].key, 8) || ng_buf_addc(b, (char)nonzero(row, t->nclasses));
        for (uint32_t c = 0; !rc && c < t->nclasses; c++)
            if (row[c] != 0.0f) rc = ng_buf_addc(b, (char)c) || ng_buf_add(b, &row[c], 4);
    }
    free(order);
    return rc ? NG_ENOMEM : 0;
}

static int get_u32(const unsigned char **p, const unsigned char *end, uint32_t *v)
{
    if (end - *p < 4) return -1;
    const unsigned char *c = *p;
    *v = (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
    *p += 4;
    return 0;
}

int ng_wtab_read(ng_wtab *t, const unsigned char **p, const unsigned char *end)
{
    uint32_t nc, count, nent;
    memset(t, 0, sizeof *t);
    if (get_u32(p, end, &nc) || get_u32(p, end, &count) || get_u32(p, end, &nent))
        return NG_EFORMAT;
    if (nc == 0 || nc > 255 || (size_t)(end - *p) / 9 < count || (size_t)(end - *p) / 5 < nent)
        return NG_EFORMAT;
    if (wtab_init(t, nc, count)) {
        ng_wtab_free(t);
        return NG_ENOMEM;
    }
    for (uint32_t k = 0; k < count; k++) {
        if (end - *p < 9) goto bad;
        uint64_t key;
        memcpy(&key, *p, 8);
        uint32_t n = (*p)[8];
        *p += 9;
        if (!key || n == 0 || n > nc || (size_t)(end - *p) < (size_t)n * 5 ||
            t->nentries + n > nent)
            goto bad;
        float *row = wtab_add(t, key); /* NULL: twice, or two keys alike */
        if (!row) goto bad;
        for (uint32_t e = 0; e < n; e++) {
            uint8_t c = (*p)[0];
            float w;
            memcpy(&w, *p + 1, 4);
            if (c >= nc || !isfinite(w) || w == 0.0f || row[c] != 0.0f) goto bad;
            row[c] = w;
            *p += 5;
        }
        t->nentries += n;
    }
    if (t->nentries != nent) goto bad;
    return 0;
bad:
    ng_wtab_free(t);
    return NG_EFORMAT;
}
