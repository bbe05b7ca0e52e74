/* Morphology and lemmas from what the treebank showed: the features and lemma
 * a form had most often with its part of speech, else those of the longest
 * known ending of the form; and the multiword tokens the treebank splits. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "parse_int.h"

uint64_t ng_lex_key(uint64_t form, uint32_t upos)
{
    return ng_fkey(0x7001, form, upos, 0);
}

uint64_t ng_sufx_key(uint64_t suffix, uint32_t len, uint32_t upos)
{
    return ng_fkey(0x7002, suffix, len, upos);
}

static size_t lex_slot(const ng_lex *l, uint64_t key)
{
    size_t mask = l->cap - 1, i = (size_t)(key >> 5) & mask;
    while (l->slots[i].key && l->slots[i].key != key)
        i = (i + 1) & mask;
    return i;
}

const ng_lex_entry *ng_lex_find(const ng_lex *l, uint64_t key)
{
    if (!l->cap) return NULL;
    const ng_lex_entry *e = &l->slots[lex_slot(l, key)];
    return e->key ? e : NULL;
}

int ng_lex_put(ng_lex *l, uint64_t key, uint32_t feats, uint32_t rule)
{
    if ((l->count + 1) * 2 > l->cap) {
        size_t ocap = l->cap, ncap = ocap ? ocap * 2 : 64;
        ng_lex_entry *old = l->slots, *slots = calloc(ncap, sizeof *slots);
        if (!slots) return NG_ENOMEM;
        l->slots = slots;
        l->cap = ncap;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].key) l->slots[lex_slot(l, old[i].key)] = old[i];
        free(old);
    }
    ng_lex_entry *e = &l->slots[lex_slot(l, key)];
    if (!e->key) l->count++;
    *e = (ng_lex_entry){key, feats, rule};
    return 0;
}

uint32_t ng_model_mask(const ng_model *m, uint64_t form)
{
    const ng_lex_entry *e = ng_lex_find(&m->masks, form);
    return e ? e->feats : 0;
}

const char *ng_model_str(const ng_model *m, uint32_t off)
{
    return off < m->strings_len ? m->strings + off : "";
}

int ng_lemma_apply(const ng_model *m, const ng_lemma_rule *r, const char *form, ng_buf *out)
{
    out->len = 0;
    size_t n = strlen(form);
    if (r->lower ? ng_lower_append(out, form, n) : ng_buf_add(out, form, n)) return NG_ENOMEM;
    out->len = ng_utf8_last(out->data, out->len, r->cut);
    return ng_buf_adds(out, ng_model_str(m, r->add)) || !ng_buf_cstr(out) ? NG_ENOMEM : 0;
}

static uint8_t feat_value(const char *feats, const char *name, const char *const *values)
{
    const char *p = strstr(feats, name);
    if (!p) return 0;
    p += strlen(name);
    for (uint8_t i = 0; values[i]; i++)
        if (strncmp(p, values[i], strlen(values[i])) == 0) return (uint8_t)(i + 1);
    return 0;
}

uint8_t ng_agreement(const char *feats)
{
    static const char *const number[] = {"Sing", "Plur", NULL};
    static const char *const gender[] = {"Masc", "Fem", NULL};
    static const char *const person[] = {"1", "2", "3", NULL};
    return (uint8_t)(feat_value(feats, "Number=", number) |
                     feat_value(feats, "Gender=", gender) << 2 |
                     feat_value(feats, "Person=", person) << 4);
}

uint64_t ng_agree(uint8_t a, uint8_t b)
{
    uint64_t code = 0;
    for (int shift = 0; shift < 6; shift += 2) {
        unsigned x = (a >> shift) & 3, y = (b >> shift) & 3;
        code = code * 3 + (!x || !y ? 0 : x == y ? 1 : 2);
    }
    return code;
}

static const ng_lex_entry *morph_lookup(const ng_model *m, const ng_psent *s, size_t i)
{
    const ng_lex_entry *e = ng_lex_find(&m->lex, ng_lex_key(s->atoms[i].w, s->upos[i]));
    if (e) return e;
    const char *lw = s->lower[i];
    size_t n = strlen(lw), len = s->atoms[i].len;
    for (size_t k = len > 6 ? 6 : len; k >= 1; k--) {
        size_t from = ng_utf8_last(lw, n, k);
        e = ng_lex_find(&m->sufx,
                        ng_sufx_key(ng_hash64(lw + from, n - from), (uint32_t)k, s->upos[i]));
        if (e) return e;
    }
    return NULL;
}

void ng_morph_run(const ng_model *m, ng_psent *s, char **lemmas, ng_buf *scratch, ng_pool *pool)
{
    static const ng_lemma_rule same = {0, 0, 0};
    for (size_t i = 0; i < s->n; i++) {
        const ng_lex_entry *e = morph_lookup(m, s, i);
        uint32_t feats = e ? e->feats : 0;
        const ng_lemma_rule *r = e && e->rule < m->nrules ? &m->rules[e->rule] : &same;
        s->feats[i] = feats < m->nfeats ? feats : 0;
        const char *fs = m->nfeats ? ng_model_str(m, m->feats[s->feats[i]]) : "_";
        s->fhash[i] = ng_hash64(fs, strlen(fs));
        s->agr[i] = ng_agreement(fs);
        if (!lemmas) continue;
        lemmas[i] = NULL;
        if (ng_lemma_apply(m, r, s->forms[i], scratch) == 0 && scratch->len)
            lemmas[i] = ng_pool_strndup(pool, scratch->data, scratch->len);
        if (!lemmas[i]) lemmas[i] = (char *)s->forms[i];
    }
}
