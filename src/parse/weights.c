/* Averaged perceptron weights: dense rows while training (so that an update
 * touches one row per feature), sparse rows of averaged weights at run time
 * (so that the model stays small and scoring touches only non-zero cells). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

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

/* ---- run time ---------------------------------------------------------------- */

static size_t wtab_slot(const ng_wtab *t, uint64_t key)
{
    size_t mask = t->cap - 1, i = (size_t)(key >> 7) & mask;
    while (t->slots[i].key && t->slots[i].key != key)
        i = (i + 1) & mask;
    return i;
}

static int wtab_alloc(ng_wtab *t, uint32_t nclasses, size_t count, size_t nentries)
{
    memset(t, 0, sizeof *t);
    t->nclasses = nclasses;
    t->cap = 16;
    while (t->cap < count * 2 + 2)
        t->cap *= 2;
    t->slots = calloc(t->cap, sizeof *t->slots);
    t->cls = malloc(nentries ? nentries : 1);
    t->w = malloc((nentries ? nentries : 1) * sizeof *t->w);
    return t->slots && t->cls && t->w ? 0 : NG_ENOMEM;
}

static void wtab_put(ng_wtab *t, uint64_t key, uint32_t off, uint32_t n)
{
    size_t i = wtab_slot(t, key);
    t->slots[i] = (ng_wslot){key, off, n};
    t->count++;
}

int ng_wtab_from_train(ng_wtab *out, const ng_wtrain *t, uint32_t min_count, float eps)
{
    size_t nc = t->nclasses, keep = 0, nent = 0;
    double now = t->now ? (double)t->now : 1.0;
    float *avg = malloc(nc * sizeof *avg);
    if (!avg) return NG_ENOMEM;
    /* two passes over the rows in key order of the training table, which is
     * itself deterministic: count, then fill */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && wtab_alloc(out, t->nclasses, keep, nent)) {
            free(avg);
            return NG_ENOMEM;
        }
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->keys[i]) continue;
            size_t r = t->rows[i];
            if (t->freq[r] < min_count) continue;
            uint32_t n = 0;
            for (size_t c = 0; c < nc; c++) {
                size_t cell = r * nc + c;
                double tot = t->tot[cell] + (double)(t->now - t->ts[cell]) * t->w[cell];
                avg[c] = (float)(tot / now);
                if (fabsf(avg[c]) > eps) n++;
            }
            if (!n) continue;
            if (pass == 0) {
                keep++;
                nent += n;
                continue;
            }
            uint32_t off = (uint32_t)out->nentries;
            for (size_t c = 0; c < nc; c++) {
                if (fabsf(avg[c]) <= eps) continue;
                out->cls[out->nentries] = (uint8_t)c;
                out->w[out->nentries++] = avg[c];
            }
            wtab_put(out, t->keys[i], off, n);
        }
    }
    free(avg);
    return 0;
}

void ng_wtab_score(const ng_wtab *t, const uint64_t *f, size_t nf, float *scores)
{
    memset(scores, 0, t->nclasses * sizeof *scores);
    if (!t->cap) return;
    for (size_t k = 0; k < nf; k++) {
        size_t i = wtab_slot(t, f[k]);
        const ng_wslot *s = &t->slots[i];
        if (!s->key) continue;
        for (uint32_t e = s->off; e < s->off + s->n; e++)
            scores[t->cls[e]] += t->w[e];
    }
}

void ng_wtab_free(ng_wtab *t)
{
    free(t->slots);
    free(t->cls);
    free(t->w);
    memset(t, 0, sizeof *t);
}

static int put_u32(ng_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return ng_buf_add(b, c, 4);
}

/* Written in slot order: the bytes depend only on the table's contents. */
int ng_wtab_write(const ng_wtab *t, ng_buf *b)
{
    if (put_u32(b, t->nclasses) || put_u32(b, (uint32_t)t->count) ||
        put_u32(b, (uint32_t)t->nentries))
        return NG_ENOMEM;
    for (size_t i = 0; i < t->cap; i++) {
        const ng_wslot *s = &t->slots[i];
        if (!s->key) continue;
        if (ng_buf_add(b, &s->key, 8) || ng_buf_addc(b, (char)s->n)) return NG_ENOMEM;
        for (uint32_t e = s->off; e < s->off + s->n; e++)
            if (ng_buf_addc(b, (char)t->cls[e]) || ng_buf_add(b, &t->w[e], 4)) return NG_ENOMEM;
    }
    return 0;
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
    if (nc == 0 || nc > 256 || (size_t)(end - *p) / 9 < count || (size_t)(end - *p) / 5 < nent)
        return NG_EFORMAT;
    if (wtab_alloc(t, nc, count, nent)) return NG_ENOMEM;
    for (uint32_t k = 0; k < count; k++) {
        if (end - *p < 9) goto bad;
        uint64_t key;
        memcpy(&key, *p, 8);
        uint32_t n = (*p)[8];
        *p += 9;
        if (!key || n == 0 || (size_t)(end - *p) < (size_t)n * 5 || t->nentries + n > nent)
            goto bad;
        if (t->slots[wtab_slot(t, key)].key) goto bad;
        uint32_t off = (uint32_t)t->nentries;
        for (uint32_t e = 0; e < n; e++) {
            if ((*p)[0] >= nc) goto bad;
            t->cls[t->nentries] = (*p)[0];
            memcpy(&t->w[t->nentries], *p + 1, 4);
            if (!isfinite(t->w[t->nentries])) goto bad;
            t->nentries++;
            *p += 5;
        }
        wtab_put(t, key, off, n);
    }
    return 0;
bad:
    ng_wtab_free(t);
    return NG_EFORMAT;
}
