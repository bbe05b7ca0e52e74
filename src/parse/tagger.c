/* The part-of-speech tagger: greedy, left to right, an averaged perceptron
 * over the word, its affixes and shape, its neighbours, the tags already
 * given to the two words before it, and the tags the word had in training. */
#include <string.h>
#include <utf8proc.h>

#include "parse_int.h"

int ng_watoms_make(ng_watoms *a, const char *form, size_t len, ng_buf *lower, const ng_model *m)
{
    if (ng_atoms_make(a, form, len, lower)) return NG_ENOMEM;
    a->mask = m ? ng_model_mask(m, a->w) : 0;
    a->cls = m ? ng_model_class(m, a->w) : 0;
    return 0;
}

enum {
    TF_BIAS = 1,
    TF_W0,
    TF_WM1,
    TF_WP1,
    TF_WM2,
    TF_WP2,
    TF_SUF1,
    TF_SUF2,
    TF_SUF3,
    TF_SUF4,
    TF_PRE1,
    TF_PRE2,
    TF_SHAPE,
    TF_TM1,
    TF_TM2TM1,
    TF_TM1W0,
    TF_SUFM1,
    TF_SUFP1,
    TF_WM1W0,
    TF_W0WP1,
    TF_MASK0,
    TF_MASKP1,
    TF_MASKP2,
    TF_MASK0TM1,
    TF_SHAPEFIRST,
    TF_SHAPEP1,
    TF_TM1SUF3,
    TF_C0,
    TF_C0COARSE,
    TF_CM1,
    TF_CP1,
    TF_CM1C0,
    TF_C0CP1
};

/* Word classes (ng_watoms.cls): the fine one, the coarse one. */
static uint64_t fine(const ng_watoms *a)
{
    return a ? a->cls & 0xffff : 0x10000;
}

static uint64_t coarse(const ng_watoms *a)
{
    return a ? a->cls >> 16 : 0x10000;
}

#define NONE_ATOM 0x5bd1e995ULL

size_t ng_tagger_features(const ng_psent *s, size_t i, uint64_t *f)
{
    const ng_watoms *a = &s->atoms[i];
    const ng_watoms *m1 = i >= 1 ? &s->atoms[i - 1] : NULL, *m2 = i >= 2 ? &s->atoms[i - 2] : NULL;
    const ng_watoms *p1 = i + 1 < s->n ? &s->atoms[i + 1] : NULL;
    const ng_watoms *p2 = i + 2 < s->n ? &s->atoms[i + 2] : NULL;
    uint64_t t1 = i >= 1 ? s->upos[i - 1] : 99, t2 = i >= 2 ? s->upos[i - 2] : 99;
    size_t k = 0;
    f[k++] = ng_fkey(TF_BIAS, 0, 0, 0);
    f[k++] = ng_fkey(TF_W0, a->w, 0, 0);
    f[k++] = ng_fkey(TF_WM1, m1 ? m1->w : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_WP1, p1 ? p1->w : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_WM2, m2 ? m2->w : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_WP2, p2 ? p2->w : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_SUF1, a->suf[0], 0, 0);
    f[k++] = ng_fkey(TF_SUF2, a->suf[1], 0, 0);
    f[k++] = ng_fkey(TF_SUF3, a->suf[2], 0, 0);
    f[k++] = ng_fkey(TF_SUF4, a->suf[3], 0, 0);
    f[k++] = ng_fkey(TF_PRE1, a->pre[0], 0, 0);
    f[k++] = ng_fkey(TF_PRE2, a->pre[1], 0, 0);
    f[k++] = ng_fkey(TF_SHAPE, a->shape, 0, 0);
    f[k++] = ng_fkey(TF_TM1, t1, 0, 0);
    f[k++] = ng_fkey(TF_TM2TM1, t2, t1, 0);
    f[k++] = ng_fkey(TF_TM1W0, t1, a->w, 0);
    f[k++] = ng_fkey(TF_SUFM1, m1 ? m1->suf[2] : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_SUFP1, p1 ? p1->suf[2] : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_WM1W0, m1 ? m1->w : NONE_ATOM, a->w, 0);
    f[k++] = ng_fkey(TF_W0WP1, a->w, p1 ? p1->w : NONE_ATOM, 0);
    f[k++] = ng_fkey(TF_MASK0, a->mask, 0, 0);
    f[k++] = ng_fkey(TF_MASKP1, p1 ? p1->mask : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_MASKP2, p2 ? p2->mask : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_MASK0TM1, a->mask, t1, 0);
    f[k++] = ng_fkey(TF_SHAPEFIRST, a->shape, i == 0, 0);
    f[k++] = ng_fkey(TF_SHAPEP1, p1 ? p1->shape : NONE_ATOM, 0, 0);
    f[k++] = ng_fkey(TF_TM1SUF3, t1, a->suf[2], 0);
    if (!a->cls) return k;
    f[k++] = ng_fkey(TF_C0, fine(a), 0, 0);
    f[k++] = ng_fkey(TF_C0COARSE, coarse(a), 0, 0);
    f[k++] = ng_fkey(TF_CM1, fine(m1), 0, 0);
    f[k++] = ng_fkey(TF_CP1, fine(p1), 0, 0);
    f[k++] = ng_fkey(TF_CM1C0, coarse(m1), fine(a), 0);
    f[k++] = ng_fkey(TF_C0CP1, fine(a), coarse(p1), 0);
    return k;
}

static int best_class(const float *scores, int n)
{
    int best = 0;
    for (int c = 1; c < n; c++)
        if (scores[c] > scores[best]) best = c;
    return best;
}

void ng_tagger_run(const ng_model *m, ng_psent *s)
{
    uint64_t f[NG_MAX_FEATS];
    float scores[NG_UPOS_COUNT];
    for (size_t i = 0; i < s->n; i++) {
        size_t nf = ng_tagger_features(s, i, f);
        ng_wtab_score(&m->tagger, f, nf, scores);
        s->upos[i] = (uint8_t)best_class(scores, NG_UPOS_COUNT);
    }
}
