/* Word classes from plain text by the exchange algorithm (Kneser and Ney
 * 1993), in the predictive form of Uszkoreit and Brants (2008): every word
 * is predicted through its class from the word before it and, in a second
 * model, from the word after it. Moving one word to another class changes
 * only the counts of its own contexts, so one pass over the vocabulary costs
 * the number of distinct (word, context) pairs times the number of classes.
 * Counts are integers and words are visited in id order, so the result is
 * the same on every run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "learn.h"

/* Contexts beyond this many words share one context: the rare words tell
 * little as neighbours and would make the count table large. */
#define MAX_CTX_WORDS 16384u

typedef struct xc {
    uint32_t nwords, nctx, nclasses;
    uint32_t *start; /* per word: its first (context, count) entry */
    uint32_t *ctx, *cnt;
    uint32_t *occ;  /* occurrences of each word */
    uint32_t *n;    /* nctx * nclasses: how often a context precedes a class */
    uint32_t *ncls; /* occurrences of each class */
    double *f;      /* f[x] = x log x for every count that can occur */
    double *gain;
} xc;

static uint32_t ctx_of(uint32_t w, uint32_t ncw, int after)
{
    uint32_t c = w < ncw ? w : ncw; /* ncw: the shared rare context */
    return after ? ncw + 1 + c : c;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The (word, context) pairs of seq, counted, as one row per word. */
static int build_rows(xc *x, const uint32_t *seq, size_t n)
{
    uint32_t ncw = x->nwords < MAX_CTX_WORDS ? x->nwords : MAX_CTX_WORDS;
    x->nctx = 2 * (ncw + 1);
    uint64_t *pairs = malloc((2 * n + 1) * sizeof *pairs);
    if (!pairs) return NG_ENOMEM;
    size_t np = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t w = seq[i];
        if (!w) continue;
        uint32_t before = i ? seq[i - 1] : 0, after = i + 1 < n ? seq[i + 1] : 0;
        pairs[np++] = (uint64_t)w << 32 | ctx_of(before, ncw, 0);
        pairs[np++] = (uint64_t)w << 32 | ctx_of(after, ncw, 1);
        x->occ[w]++;
    }
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    x->ctx = malloc((np + 1) * sizeof *x->ctx);
    x->cnt = malloc((np + 1) * sizeof *x->cnt);
    if (!x->ctx || !x->cnt) {
        free(pairs);
        return NG_ENOMEM;
    }
    size_t k = 0;
    uint32_t w = 0;
    for (size_t i = 0; i < np; i++) {
        uint32_t pw = (uint32_t)(pairs[i] >> 32), pc = (uint32_t)pairs[i];
        while (w < pw)
            x->start[++w] = (uint32_t)k;
        if (k > x->start[w] && x->ctx[k - 1] == pc) {
            x->cnt[k - 1]++;
        } else {
            x->ctx[k] = pc;
            x->cnt[k++] = 1;
        }
    }
    while (w < x->nwords)
        x->start[++w] = (uint32_t)k;
    free(pairs);
    return 0;
}

static void move_word(xc *x, uint32_t w, uint32_t c, int sign)
{
    for (uint32_t e = x->start[w]; e < x->start[w + 1]; e++) {
        uint32_t *cell = &x->n[(size_t)x->ctx[e] * x->nclasses + c];
        *cell = sign > 0 ? *cell + x->cnt[e] : *cell - x->cnt[e];
    }
    x->ncls[c] = sign > 0 ? x->ncls[c] + x->occ[w] : x->ncls[c] - x->occ[w];
}

/* The class that, once w is out of every class, gains most by taking it;
 * its current class a unless another gains strictly more. */
static uint32_t best_class(xc *x, uint32_t w, uint32_t a)
{
    uint32_t C = x->nclasses, o = x->occ[w];
    const double *f = x->f;
    for (uint32_t c = 0; c < C; c++)
        x->gain[c] = -2.0 * (f[x->ncls[c] + o] - f[x->ncls[c]]);
    for (uint32_t e = x->start[w]; e < x->start[w + 1]; e++) {
        const uint32_t *row = &x->n[(size_t)x->ctx[e] * C];
        uint32_t k = x->cnt[e];
        for (uint32_t c = 0; c < C; c++)
            x->gain[c] += f[row[c] + k] - f[row[c]];
    }
    uint32_t best = a;
    for (uint32_t c = 0; c < C; c++)
        if (x->gain[c] > x->gain[best] + 1e-9) best = c;
    return best;
}

static void xc_free(xc *x)
{
    free(x->start);
    free(x->ctx);
    free(x->cnt);
    free(x->occ);
    free(x->n);
    free(x->ncls);
    free(x->f);
    free(x->gain);
}

int ng_exchange_clusters(const uint32_t *seq, size_t n, uint32_t nwords, uint32_t nclasses,
                         int iters, uint32_t *cls, uint32_t *moves)
{
    if (nclasses < 1 || nwords < 1) return NG_EINVAL;
    xc x = {0};
    x.nwords = nwords;
    x.nclasses = nclasses;
    x.start = calloc((size_t)nwords + 1, sizeof *x.start);
    x.occ = calloc(nwords, sizeof *x.occ);
    x.ncls = calloc(nclasses, sizeof *x.ncls);
    x.gain = malloc(nclasses * sizeof *x.gain);
    x.f = malloc((n + 2) * sizeof *x.f);
    int rc = !x.start || !x.occ || !x.ncls || !x.gain || !x.f ? NG_ENOMEM : build_rows(&x, seq, n);
    if (!rc && !(x.n = calloc((size_t)x.nctx * nclasses, sizeof *x.n))) rc = NG_ENOMEM;
    if (rc) {
        xc_free(&x);
        return rc;
    }
    for (size_t i = 0; i < n + 2; i++)
        x.f[i] = i ? (double)i * log((double)i) : 0.0;
    cls[0] = 0;
    for (uint32_t w = 1; w < nwords; w++) {
        cls[w] = (w - 1) % nclasses;
        move_word(&x, w, cls[w], +1);
    }
    for (int it = 0; it < iters; it++) {
        uint32_t moved = 0;
        for (uint32_t w = 1; w < nwords; w++) {
            move_word(&x, w, cls[w], -1);
            uint32_t c = best_class(&x, w, cls[w]);
            moved += c != cls[w];
            cls[w] = c;
            move_word(&x, w, c, +1);
        }
        if (moves) moves[it] = moved;
        if (!moved) {
            for (int k = it + 1; moves && k < iters; k++)
                moves[k] = 0;
            break;
        }
    }
    xc_free(&x);
    return 0;
}
