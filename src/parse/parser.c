/* The dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011) with
 * the root at the end of the buffer, chosen greedily by an averaged
 * perceptron; the relation of each arc is chosen when the arc is made, by a
 * second perceptron that sees the dependent with all of its own dependents. */
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

int ng_config_init(ng_config *c, size_t n)
{
    if (n + 2 > c->cap) {
        size_t cap = n + 2;
        uint32_t **arrs[] = {&c->stack, &c->head, &c->label, &c->lc1, &c->lc2, &c->rc1, &c->rc2};
        for (size_t k = 0; k < sizeof arrs / sizeof *arrs; k++) {
            uint32_t *p = realloc(*arrs[k], cap * sizeof *p);
            if (!p) return NG_ENOMEM;
            *arrs[k] = p;
        }
        uint8_t *nl = realloc(c->nl, cap), *nr = nl ? realloc(c->nr, cap) : NULL;
        if (nl) c->nl = nl;
        if (!nl || !nr) return NG_ENOMEM;
        c->nr = nr;
        uint64_t *ls = realloc(c->lset, cap * sizeof *ls),
                 *rs = ls ? realloc(c->rset, cap * sizeof *rs) : NULL;
        if (ls) c->lset = ls;
        if (!ls || !rs) return NG_ENOMEM;
        c->rset = rs;
        c->cap = cap;
    }
    c->n = n;
    c->depth = 0;
    c->b = 1;
    size_t bytes = (n + 2) * sizeof(uint32_t);
    memset(c->head, 0, bytes);
    memset(c->label, 0, bytes);
    memset(c->lc1, 0, bytes);
    memset(c->lc2, 0, bytes);
    memset(c->rc1, 0, bytes);
    memset(c->rc2, 0, bytes);
    memset(c->nl, 0, n + 2);
    memset(c->lset, 0, (n + 2) * sizeof *c->lset);
    memset(c->rset, 0, (n + 2) * sizeof *c->rset);
    memset(c->nr, 0, n + 2);
    return 0;
}

void ng_config_free(ng_config *c)
{
    free(c->stack);
    free(c->head);
    free(c->label);
    free(c->lc1);
    free(c->lc2);
    free(c->rc1);
    free(c->rc2);
    free(c->nl);
    free(c->nr);
    free(c->lset);
    free(c->rset);
    memset(c, 0, sizeof *c);
}

int ng_config_valid(const ng_config *c, int t)
{
    uint32_t root = (uint32_t)c->n + 1;
    switch (t) {
    case NG_T_SHIFT:
        return c->b < root;
    case NG_T_LEFT:
        return c->depth >= 1 && (c->b < root || c->depth == 1);
    case NG_T_RIGHT:
        return c->depth >= 2;
    default:
        return 0;
    }
}

int ng_config_done(const ng_config *c)
{
    return c->depth == 0 && c->b == c->n + 1;
}

static void add_left_child(ng_config *c, uint32_t h, uint32_t d)
{
    c->lset[h] |= 1ULL << (c->label[d] & 63);
    c->lc2[h] = c->lc1[h];
    c->lc1[h] = d;
    if (c->nl[h] < 255) c->nl[h]++;
}

static void add_right_child(ng_config *c, uint32_t h, uint32_t d)
{
    c->rset[h] |= 1ULL << (c->label[d] & 63);
    c->rc2[h] = c->rc1[h];
    c->rc1[h] = d;
    if (c->nr[h] < 255) c->nr[h]++;
}

void ng_config_apply(ng_config *c, int t, uint32_t label)
{
    uint32_t root = (uint32_t)c->n + 1;
    if (t == NG_T_SHIFT) {
        c->stack[c->depth++] = c->b++;
        return;
    }
    uint32_t d = c->stack[--c->depth];
    uint32_t h = t == NG_T_LEFT ? c->b : c->stack[c->depth - 1];
    c->head[d] = h == root ? 0 : h;
    c->label[d] = label;
    if (h == root) return;
    if (t == NG_T_LEFT)
        add_left_child(c, h, d);
    else
        add_right_child(c, h, d);
}

/* Gold heads use 0 for the root; the configuration puts it at n+1. */
static uint32_t gold_of(const uint32_t *gold, uint32_t d, size_t n)
{
    return gold[d] == 0 ? (uint32_t)n + 1 : gold[d];
}

static int deps_in_buffer(const ng_config *c, uint32_t d, const uint32_t *gold)
{
    int cost = 0;
    for (uint32_t k = c->b; k <= c->n; k++)
        if (gold_of(gold, k, c->n) == d) cost++;
    return cost;
}

int ng_config_cost(const ng_config *c, int t, const uint32_t *gold)
{
    size_t n = c->n;
    if (t == NG_T_SHIFT) {
        uint32_t b = c->b, hb = gold_of(gold, b, n);
        int cost = 0;
        for (size_t i = 0; i < c->depth; i++) {
            uint32_t k = c->stack[i];
            if (i + 1 < c->depth && hb == k) cost++;
            if (gold_of(gold, k, n) == b) cost++;
        }
        return cost;
    }
    uint32_t s0 = c->stack[c->depth - 1], h = gold_of(gold, s0, n);
    int cost = deps_in_buffer(c, s0, gold);
    if (t == NG_T_LEFT) {
        uint32_t s1 = c->depth >= 2 ? c->stack[c->depth - 2] : 0;
        if ((s1 && h == s1) || h > c->b) cost++;
    } else {
        if (h >= c->b) cost++;
    }
    return cost;
}

static int dominates(const uint32_t *head, size_t n, uint32_t h, uint32_t k)
{
    for (size_t steps = 0; k && steps <= n; steps++) {
        if (k == h) return 1;
        k = head[k];
    }
    return h == 0;
}

/* The first arc (by dependent) that some word between its ends escapes. */
static uint32_t nonprojective_arc(const uint32_t *head, size_t n)
{
    for (uint32_t d = 1; d <= n; d++) {
        uint32_t h = head[d];
        uint32_t lo = h < d ? h : d, hi = h < d ? d : h;
        if (h == 0) lo = 0, hi = d; /* the root sits before word 1 */
        for (uint32_t k = lo + 1; k < hi; k++)
            if (!dominates(head, n, h, k)) return d;
    }
    return 0;
}

int ng_is_projective(const uint32_t *head, size_t n)
{
    return nonprojective_arc(head, n) == 0;
}

void ng_projectivize(uint32_t *head, size_t n)
{
    for (size_t guard = 0; guard < n * n + 1; guard++) {
        uint32_t d = nonprojective_arc(head, n);
        if (!d || head[d] == 0) return;
        head[d] = head[head[d]];
    }
}

/* ---- features ---------------------------------------------------------------- */

enum {
    PF_S0W = 1,
    PF_S0T,
    PF_S0WT,
    PF_S1W,
    PF_S1T,
    PF_S1WT,
    PF_B0W,
    PF_B0T,
    PF_B0WT,
    PF_B1W,
    PF_B1T,
    PF_B1WT,
    PF_B2T,
    PF_S2T,
    PF_S0TB0T,
    PF_S0WB0W,
    PF_S0WTB0T,
    PF_S0TB0WT,
    PF_S1TS0T,
    PF_S1WS0W,
    PF_S1TS0TB0T,
    PF_S0TB0TB1T,
    PF_B0TB1TB2T,
    PF_S2TS1TS0T,
    PF_S0LT,
    PF_S0LL,
    PF_S0RT,
    PF_S0RL,
    PF_B0LT,
    PF_B0LL,
    PF_S1RT,
    PF_S1RL,
    PF_S0TLLRL,
    PF_B0TLL2,
    PF_S1TRT,
    PF_DIST_S0B0,
    PF_DIST_S1S0,
    PF_S0VAL,
    PF_B0VAL,
    PF_S0F,
    PF_B0F,
    PF_S1F,
    PF_PUNCT,
    PF_S0TS0LTS0L2T,
    PF_S1TS0TS0LT,
    PF_S1TS1RTS0T,
    PF_S0WS1T,
    PF_B0WS0T,
    PF_S1LT,
    PF_S0SUF,
    PF_B0SUF,
    PF_S0L2L,
    PF_S0R2L,
    PF_B0L2L,
    PF_S2W,
    PF_B3T,
    PF_S0WB0TB1T,
    PF_S1WS0TB0T,
    PF_DISTS0W,
    PF_DISTB0W,
    PF_S0LSET,
    PF_S0RSET,
    PF_B0LSET,
    PF_S0WVAL,
    PF_B0WVAL,
    PF_AGR_S0B0,
    PF_AGR_S1S0,
    PF_S0LW,
    PF_S0RW,
    PF_B0LW,
    PF_S0NEXT,
    PF_B0PREV,
    PF_S0C,
    PF_B0C,
    PF_S1C,
    PF_B1C,
    PF_S0CB0C,
    PF_S0CB0T,
    PF_S0TB0C,
    PF_S1CS0C,
    PF_S0CB0CB1C,
    PF_S0TB0TC
};

#define NOWORD 0x243F6A8885A308D3ULL
#define ROOTWORD 0x13198A2E03707344ULL

/* w, t, f: the word, its tag, its features; c, cc: its fine and coarse
 * word class (0 when it has none) */
typedef struct pos_atoms {
    uint64_t w, t, f, c, cc;
} pos_atoms;

static pos_atoms atoms_at(const ng_psent *s, const ng_config *c, uint32_t i)
{
    if (i == 0) return (pos_atoms){NOWORD, 90, NOWORD, 0x10001, 0x10001};
    if (i == c->n + 1) return (pos_atoms){ROOTWORD, 91, ROOTWORD, 0x10002, 0x10002};
    uint32_t cls = s->atoms[i - 1].cls;
    return (pos_atoms){s->atoms[i - 1].w, s->upos[i - 1], s->fhash[i - 1], cls & 0xffff, cls >> 16};
}

static uint64_t tag_at(const ng_psent *s, const ng_config *c, uint32_t i)
{
    return i == 0 ? 90 : i == c->n + 1 ? 91 : s->upos[i - 1];
}

static uint64_t agree_at(const ng_psent *s, const ng_config *c, uint32_t a, uint32_t b)
{
    if (!a || !b || a > c->n || b > c->n) return 99;
    return ng_agree(s->agr[a - 1], s->agr[b - 1]);
}

static uint64_t dist_bucket(uint32_t a, uint32_t b)
{
    uint32_t d = a > b ? a - b : b - a;
    return d < 5 ? d : d < 10 ? 5 : 6;
}

static uint64_t lab(const ng_config *c, uint32_t i)
{
    return i ? c->label[i] + 1 : 0;
}

static uint64_t commas_between(const ng_psent *s, uint32_t a, uint32_t b)
{
    uint64_t k = 0;
    for (uint32_t i = a + 1; i < b && i - 1 < s->n; i++)
        if (s->upos[i - 1] == NG_UPOS_PUNCT) k++;
    return k < 3 ? k : 3;
}

size_t ng_parser_features(const ng_psent *s, const ng_config *c, uint64_t *f)
{
    uint32_t s0 = c->depth >= 1 ? c->stack[c->depth - 1] : 0;
    uint32_t s1 = c->depth >= 2 ? c->stack[c->depth - 2] : 0;
    uint32_t s2 = c->depth >= 3 ? c->stack[c->depth - 3] : 0;
    uint32_t b0 = c->b, root = (uint32_t)c->n + 1;
    uint32_t b1 = b0 < root ? b0 + 1 : 0, b2 = b1 && b1 < root ? b1 + 1 : 0;
    pos_atoms S0 = atoms_at(s, c, s0), S1 = atoms_at(s, c, s1), B0 = atoms_at(s, c, b0),
              B1 = atoms_at(s, c, b1);
    uint64_t S2t = tag_at(s, c, s2), B2t = tag_at(s, c, b2);
    uint32_t s0l = s0 ? c->lc1[s0] : 0, s0r = s0 ? c->rc1[s0] : 0, s0l2 = s0 ? c->lc2[s0] : 0;
    uint32_t b0l = b0 < root ? c->lc1[b0] : 0, b0l2 = b0 < root ? c->lc2[b0] : 0;
    uint32_t s1r = s1 ? c->rc1[s1] : 0, s1l = s1 ? c->lc1[s1] : 0;
    uint64_t s0lt = tag_at(s, c, s0l), s0rt = tag_at(s, c, s0r), b0lt = tag_at(s, c, b0l),
             s1rt = tag_at(s, c, s1r);
    size_t k = 0;
    f[k++] = ng_fkey(PF_S0W, S0.w, 0, 0);
    f[k++] = ng_fkey(PF_S0T, S0.t, 0, 0);
    f[k++] = ng_fkey(PF_S0WT, S0.w, S0.t, 0);
    f[k++] = ng_fkey(PF_S1W, S1.w, 0, 0);
    f[k++] = ng_fkey(PF_S1T, S1.t, 0, 0);
    f[k++] = ng_fkey(PF_S1WT, S1.w, S1.t, 0);
    f[k++] = ng_fkey(PF_B0W, B0.w, 0, 0);
    f[k++] = ng_fkey(PF_B0T, B0.t, 0, 0);
    f[k++] = ng_fkey(PF_B0WT, B0.w, B0.t, 0);
    f[k++] = ng_fkey(PF_B1W, B1.w, 0, 0);
    f[k++] = ng_fkey(PF_B1T, B1.t, 0, 0);
    f[k++] = ng_fkey(PF_B1WT, B1.w, B1.t, 0);
    f[k++] = ng_fkey(PF_B2T, B2t, 0, 0);
    f[k++] = ng_fkey(PF_S2T, S2t, 0, 0);
    f[k++] = ng_fkey(PF_S0TB0T, S0.t, B0.t, 0);
    f[k++] = ng_fkey(PF_S0WB0W, S0.w, B0.w, 0);
    f[k++] = ng_fkey(PF_S0WTB0T, S0.w, S0.t, B0.t);
    f[k++] = ng_fkey(PF_S0TB0WT, S0.t, B0.w, B0.t);
    f[k++] = ng_fkey(PF_S1TS0T, S1.t, S0.t, 0);
    f[k++] = ng_fkey(PF_S1WS0W, S1.w, S0.w, 0);
    f[k++] = ng_fkey(PF_S1TS0TB0T, S1.t, S0.t, B0.t);
    f[k++] = ng_fkey(PF_S0TB0TB1T, S0.t, B0.t, B1.t);
    f[k++] = ng_fkey(PF_B0TB1TB2T, B0.t, B1.t, B2t);
    f[k++] = ng_fkey(PF_S2TS1TS0T, S2t, S1.t, S0.t);
    f[k++] = ng_fkey(PF_S0LT, S0.t, s0lt, 0);
    f[k++] = ng_fkey(PF_S0LL, S0.t, lab(c, s0l), 0);
    f[k++] = ng_fkey(PF_S0RT, S0.t, s0rt, 0);
    f[k++] = ng_fkey(PF_S0RL, S0.t, lab(c, s0r), 0);
    f[k++] = ng_fkey(PF_B0LT, B0.t, b0lt, 0);
    f[k++] = ng_fkey(PF_B0LL, B0.t, lab(c, b0l), 0);
    f[k++] = ng_fkey(PF_S1RT, S1.t, s1rt, 0);
    f[k++] = ng_fkey(PF_S1RL, S1.t, lab(c, s1r), 0);
    f[k++] = ng_fkey(PF_S0TLLRL, S0.t, lab(c, s0l), lab(c, s0r));
    f[k++] = ng_fkey(PF_B0TLL2, B0.t, lab(c, b0l), lab(c, b0l2));
    f[k++] = ng_fkey(PF_S1TRT, S1.t, s1rt, S0.t);
    f[k++] = ng_fkey(PF_DIST_S0B0, s0 ? dist_bucket(s0, b0) : 9, S0.t, B0.t);
    f[k++] = ng_fkey(PF_DIST_S1S0, s1 ? dist_bucket(s1, s0) : 9, S1.t, S0.t);
    f[k++] = ng_fkey(PF_S0VAL, S0.t, s0 ? c->nl[s0] : 0, s0 ? c->nr[s0] : 0);
    f[k++] = ng_fkey(PF_B0VAL, B0.t, b0 < root ? c->nl[b0] : 0, 0);
    f[k++] = ng_fkey(PF_S0F, S0.f, S0.t, 0);
    f[k++] = ng_fkey(PF_B0F, B0.f, B0.t, 0);
    f[k++] = ng_fkey(PF_S1F, S1.f, S1.t, 0);
    f[k++] = ng_fkey(PF_PUNCT, s0 ? commas_between(s, s0, b0) : 9, S0.t, B0.t);
    f[k++] = ng_fkey(PF_S0TS0LTS0L2T, S0.t, s0lt, tag_at(s, c, s0l2));
    f[k++] = ng_fkey(PF_S1TS0TS0LT, S1.t, S0.t, s0lt);
    f[k++] = ng_fkey(PF_S1TS1RTS0T, S1.t, lab(c, s1r), S0.t);
    f[k++] = ng_fkey(PF_S0WS1T, S0.w, S1.t, 0);
    f[k++] = ng_fkey(PF_B0WS0T, B0.w, S0.t, 0);
    f[k++] = ng_fkey(PF_S1LT, S1.t, tag_at(s, c, s1l), lab(c, s1l));
    uint64_t s0suf = s0 && s0 <= c->n ? s->atoms[s0 - 1].suf[2] : NOWORD;
    uint64_t b0suf = b0 <= c->n ? s->atoms[b0 - 1].suf[2] : NOWORD;
    uint32_t s0r2 = s0 ? c->rc2[s0] : 0;
    uint32_t b3 = b2 && b2 < root ? b2 + 1 : 0;
    uint64_t dsb = s0 ? dist_bucket(s0, b0) : 9;
    f[k++] = ng_fkey(PF_S0SUF, s0suf, S0.t, 0);
    f[k++] = ng_fkey(PF_B0SUF, b0suf, B0.t, 0);
    f[k++] = ng_fkey(PF_S0L2L, S0.t, lab(c, s0l), lab(c, s0l2));
    f[k++] = ng_fkey(PF_S0R2L, S0.t, lab(c, s0r), lab(c, s0r2));
    f[k++] = ng_fkey(PF_B0L2L, B0.t, lab(c, b0l2), tag_at(s, c, b0l2));
    f[k++] = ng_fkey(PF_S2W, s2 ? s->atoms[s2 - 1].w : NOWORD, S2t, 0);
    f[k++] = ng_fkey(PF_B3T, tag_at(s, c, b3), B2t, 0);
    f[k++] = ng_fkey(PF_S0WB0TB1T, S0.w, B0.t, B1.t);
    f[k++] = ng_fkey(PF_S1WS0TB0T, S1.w, S0.t, B0.t);
    f[k++] = ng_fkey(PF_DISTS0W, dsb, S0.w, 0);
    f[k++] = ng_fkey(PF_DISTB0W, dsb, B0.w, 0);
    f[k++] = ng_fkey(PF_S0LSET, S0.t, s0 ? c->lset[s0] : 0, 0);
    f[k++] = ng_fkey(PF_S0RSET, S0.t, s0 ? c->rset[s0] : 0, 0);
    f[k++] = ng_fkey(PF_B0LSET, B0.t, b0 < root ? c->lset[b0] : 0, 0);
    f[k++] = ng_fkey(PF_S0WVAL, S0.w, s0 ? c->nl[s0] : 0, s0 ? c->nr[s0] : 0);
    f[k++] = ng_fkey(PF_B0WVAL, B0.w, b0 < root ? c->nl[b0] : 0, 0);
    f[k++] = ng_fkey(PF_AGR_S0B0, S0.t, B0.t, agree_at(s, c, s0, b0));
    f[k++] = ng_fkey(PF_AGR_S1S0, S1.t, S0.t, agree_at(s, c, s1, s0));
    /* the words of the nearest children, and the tags just inside s0 and b0 */
    f[k++] = ng_fkey(PF_S0LW, s0l ? s->atoms[s0l - 1].w : NOWORD, s0lt, S0.t);
    f[k++] = ng_fkey(PF_S0RW, s0r ? s->atoms[s0r - 1].w : NOWORD, s0rt, S0.t);
    f[k++] = ng_fkey(PF_B0LW, b0l ? s->atoms[b0l - 1].w : NOWORD, b0lt, B0.t);
    f[k++] = ng_fkey(PF_S0NEXT, S0.t, s0 && s0 < c->n ? s->upos[s0] : 95, B0.t);
    f[k++] = ng_fkey(PF_B0PREV, B0.t, b0 > 1 && b0 <= c->n ? s->upos[b0 - 2] : 95, S0.t);
    if (!s->classes) return k;
    /* word classes stand in for words the treebank showed too rarely */
    f[k++] = ng_fkey(PF_S0C, S0.c, S0.t, 0);
    f[k++] = ng_fkey(PF_B0C, B0.c, B0.t, 0);
    f[k++] = ng_fkey(PF_S1C, S1.c, S1.t, 0);
    f[k++] = ng_fkey(PF_B1C, B1.c, B1.t, 0);
    f[k++] = ng_fkey(PF_S0CB0C, S0.cc, B0.cc, 0);
    f[k++] = ng_fkey(PF_S0CB0T, S0.c, B0.t, 0);
    f[k++] = ng_fkey(PF_S0TB0C, S0.t, B0.c, 0);
    f[k++] = ng_fkey(PF_S1CS0C, S1.cc, S0.cc, 0);
    f[k++] = ng_fkey(PF_S0CB0CB1C, S0.cc, B0.cc, B1.cc);
    f[k++] = ng_fkey(PF_S0TB0TC, S0.t, B0.t, S0.cc * 65536 + B0.cc);
    return k;
}

enum {
    LF_DW = 1,
    LF_DT,
    LF_DWT,
    LF_HW,
    LF_HT,
    LF_HWT,
    LF_DTHT,
    LF_DWHT,
    LF_DTHW,
    LF_DIR,
    LF_DIST,
    LF_DLC,
    LF_DRC,
    LF_DLCW,
    LF_DF,
    LF_DFHT,
    LF_HF,
    LF_DVAL,
    LF_DPREV,
    LF_DNEXT,
    LF_DLCTHT,
    LF_HLL,
    LF_DLC2W,
    LF_HTDTDIRDIST,
    LF_DWHW,
    LF_AGR,
    LF_DC,
    LF_HC,
    LF_DCHC
};

size_t ng_labeller_features(const ng_psent *s, const ng_config *c, uint32_t h, uint32_t d,
                            uint64_t *f)
{
    pos_atoms D = atoms_at(s, c, d), H = atoms_at(s, c, h);
    uint32_t root = (uint32_t)c->n + 1;
    uint64_t dir = h < d ? 1 : 2, dist = dist_bucket(h, d);
    uint32_t dl = c->lc1[d], dr = c->rc1[d], dl2 = c->lc2[d];
    uint64_t dlw = dl ? s->atoms[dl - 1].w : NOWORD, dl2w = dl2 ? s->atoms[dl2 - 1].w : NOWORD;
    uint32_t hl = h < root ? c->lc1[h] : 0;
    size_t k = 0;
    f[k++] = ng_fkey(LF_DW, D.w, 0, 0);
    f[k++] = ng_fkey(LF_DWT, D.w, D.t, 0);
    f[k++] = ng_fkey(LF_DT, D.t, 0, 0);
    f[k++] = ng_fkey(LF_HT, H.t, 0, 0);
    f[k++] = ng_fkey(LF_DIR, dir, D.t, H.t);
    f[k++] = ng_fkey(LF_DIST, dist, D.t, H.t);
    f[k++] = ng_fkey(LF_DLCTHT, lab(c, dl), D.t, H.t);
    f[k++] = ng_fkey(LF_HF, H.f, H.t, 0);
    f[k++] = ng_fkey(LF_DVAL, D.t, c->nl[d], c->nr[d]);
    f[k++] = ng_fkey(LF_HW, H.w, 0, 0);
    f[k++] = ng_fkey(LF_HWT, H.w, H.t, 0);
    f[k++] = ng_fkey(LF_DTHT, D.t, H.t, 0);
    f[k++] = ng_fkey(LF_DWHT, D.w, H.t, 0);
    f[k++] = ng_fkey(LF_DTHW, D.t, H.w, 0);
    f[k++] = ng_fkey(LF_DLC, D.t, lab(c, dl), tag_at(s, c, dl));
    f[k++] = ng_fkey(LF_DRC, D.t, lab(c, dr), tag_at(s, c, dr));
    f[k++] = ng_fkey(LF_DLCW, D.t, dlw, 0);
    f[k++] = ng_fkey(LF_DF, D.f, D.t, 0);
    f[k++] = ng_fkey(LF_DFHT, D.f, D.t, H.t);
    f[k++] = ng_fkey(LF_DPREV, d > 1 ? s->upos[d - 2] : 90, D.t, dir);
    f[k++] = ng_fkey(LF_DNEXT, d < c->n ? s->upos[d] : 91, D.t, dir);
    f[k++] = ng_fkey(LF_HLL, H.t, lab(c, hl), dir);
    f[k++] = ng_fkey(LF_DLC2W, D.t, dl2w, dlw);
    f[k++] = ng_fkey(LF_HTDTDIRDIST, H.t, D.t, dir * 16 + dist);
    f[k++] = ng_fkey(LF_DWHW, D.w, H.w, 0);
    f[k++] = ng_fkey(LF_AGR, D.t, H.t, agree_at(s, c, d, h));
    if (!s->classes) return k;
    f[k++] = ng_fkey(LF_DC, D.c, D.t, dir);
    f[k++] = ng_fkey(LF_HC, H.c, H.t, dir);
    f[k++] = ng_fkey(LF_DCHC, D.cc, H.cc, dir);
    return k;
}

static int best_valid(const ng_config *c, const float *scores)
{
    int best = -1;
    for (int t = 0; t < NG_T_COUNT; t++)
        if (ng_config_valid(c, t) && (best < 0 || scores[t] > scores[best])) best = t;
    return best;
}

/* The one transition possible (an empty stack, an exhausted buffer), or -1
 * when there is a choice: a forced move needs no scores. */
static int only_valid(const ng_config *c)
{
    int only = -1;
    for (int t = 0; t < NG_T_COUNT; t++)
        if (ng_config_valid(c, t)) {
            if (only >= 0) return -1;
            only = t;
        }
    return only;
}

static uint32_t best_label(const ng_model *m, const float *scores)
{
    uint32_t best = m->root_label == 0 ? 1 : 0;
    for (uint32_t l = 0; l < m->labeller.nclasses; l++)
        if (l != m->root_label && scores[l] > scores[best]) best = l;
    return best;
}

/* The features of the arc transition t would make (s0's head: b0 for LEFT,
 * s1 for RIGHT); 0 when that head is the root, whose arc is always "root". */
static size_t arc_features(const ng_psent *s, const ng_config *c, int t, uint64_t *f)
{
    if (!ng_config_valid(c, t)) return 0;
    uint32_t d = c->stack[c->depth - 1];
    uint32_t h = t == NG_T_LEFT ? c->b : c->stack[c->depth - 2];
    return h == c->n + 1 ? 0 : ng_labeller_features(s, c, h, d, f);
}

static uint32_t choose_label(const ng_model *m, const ng_config *c, int t, const uint64_t *f,
                             size_t nf)
{
    float scores[256];
    if (t == NG_T_LEFT && c->b == c->n + 1) return m->root_label;
    ng_wtab_score(&m->labeller, f, nf, scores);
    return best_label(m, scores);
}

void ng_parser_run(const ng_model *m, ng_psent *s, ng_config *cfg)
{
    ng_config *c = cfg;
    if (ng_config_init(c, s->n)) {
        /* out of memory: a flat tree keeps every word attached */
        for (size_t i = 0; i < s->n; i++) {
            s->head[i] = i == 0 ? 0 : 1;
            s->label[i] = m->root_label;
        }
        return;
    }
    uint64_t f[NG_MAX_FEATS], fl[NG_MAX_FEATS];
    float scores[NG_T_COUNT];
    while (!ng_config_done(c)) {
        int t = only_valid(c);
        if (t < 0) {
            size_t nf = ng_parser_features(s, c, f);
            ng_wtab_score(&m->parser, f, nf, scores);
            t = best_valid(c, scores);
        }
        uint32_t label = 0;
        if (t != NG_T_SHIFT) {
            size_t nl = arc_features(s, c, t, fl);
            label = choose_label(m, c, t, fl, nl);
        }
        ng_config_apply(c, t, label);
    }
    for (size_t i = 0; i < s->n; i++) {
        s->head[i] = c->head[i + 1];
        s->label[i] = c->label[i + 1];
    }
}
