/* Nominal relations over the dependency tree: what noun phrases say of the
 * names in them.
 *
 *   tree:nationality  an organisation beside a noun with a nationality ("la
 *                     chilena Codelco", "el fabricante alemán BMW") is
 *                     locatedIn that country
 *   tree:state-owned  and owned by it when the noun is the state's ("la
 *                     petrolera estatal peruana Petroperú")
 *   copula:role       a role noun with a copula gives its subject the role
 *                     ("Sánchez es el presidente de España") */
#include "tree_int.h"

#include <string.h>

static int demonym_at(const ng_tree *t, size_t i)
{
    int m = t->x->toks[W(t, i)->token].mention;
    return m >= 0 && t->x->ms[m].kind == MK_DEMONYM ? m : -1;
}

/* "la chilena Codelco", "el fabricante alemán BMW", "la petrolera estatal
 * peruana Petroperú": an organisation named beside a noun that carries a
 * nationality is based in that country (locatedIn), and owned by it when
 * the noun is also the state's (cues.tsv: state). */
static int nationality(ng_tree *t, size_t name)
{
    ng_extractor *x = t->x;
    int org = x->toks[W(t, name)->token].mention;
    size_t h = parent(t, name);
    if (org < 0 || h == (size_t)-1 || x->ents[x->ms[org].ent].type != NG_TYPE_ORGANIZATION ||
        !(rel_is(W(t, name), "appos") || rel_is(W(t, name), "flat")) ||
        x->toks[W(t, h)->token].mention == org)
        return 0;
    int state = 0, rc = 0;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != h) continue;
        if (rel_is(W(t, c), "amod") && ng__tok_cue(x, W(t, c)->token, NG_CUE_STATE)) state = 1;
        /* "el exministro francés Nicolas Hulot, la ONG …": the noun is a
         * person's, and the organisation only hangs on it */
        int m = x->toks[W(t, c)->token].mention;
        if (c != name && rel_is(W(t, c), "appos") && m >= 0 &&
            x->ents[x->ms[m].ent].type == NG_TYPE_PERSON)
            return 0;
    }
    for (size_t c = 0; c < t->n && !rc; c++) {
        int d = (c == h || (parent(t, c) == h && rel_is(W(t, c), "amod"))) ? demonym_at(t, c) : -1;
        if (d < 0 || x->ms[d].ent == x->ms[org].ent) continue;
        t->anchor = W(t, c)->token;
        rc = ng__add_claim(x, org, d, "locatedIn", "tree:nationality", t->sent, t->anchor,
                           TREE_CONFIDENCE) ||
             (state && ng__add_claim(x, d, org, "ownerOf", "tree:state-owned", t->sent, t->anchor,
                                     TREE_CONFIDENCE));
    }
    return rc;
}

/* "Pedro Sánchez es el presidente de España", "Kim was the leader of North
 * Korea": a role noun with a copula holds its subject, and its owner is a
 * name after "de"/"of" or a nationality on it (roles.tsv). */
static int copular_role(ng_tree *t, size_t r)
{
    ng_extractor *x = t->x;
    const ng_word *w = W(t, r);
    if (w->upos != NG_UPOS_NOUN) return 0;
    const ng_sentence *z = &x->seg.sentences[t->sent];
    const ng_role *role = NULL;
    /* the role may start before its noun: "primer ministro" */
    size_t from = w->token, end = z->first + z->count;
    for (size_t c = 0; c < r; c++)
        if (parent(t, c) == r && rel_is(W(t, c), "amod") && W(t, c)->token < from &&
            (size_t)ng__role_at(x, W(t, c)->token, end, NULL) > w->token - W(t, c)->token)
            from = W(t, c)->token;
    if (!ng__role_at(x, from, end, &role) || !role) return 0;
    int cop = 0;
    for (size_t c = 0; c < t->n && !cop; c++)
        cop = parent(t, c) == r && rel_is(W(t, c), "cop");
    arg holder[MAX_ARGS];
    size_t nh = cop ? ng__tree_subjects(t, r, holder) : 0;
    int rc = 0;
    t->anchor = w->token;
    for (size_t c = 0; c < t->n && nh && !rc; c++) {
        if (parent(t, c) != r) continue;
        int owner = -1;
        if (rel_is(W(t, c), "nmod")) {
            const char *m = ng__tree_marker(t, c);
            if (strcmp(m, "de") == 0 || strcmp(m, "of") == 0) owner = ng__tree_mention(t, c);
        } else if (rel_is(W(t, c), "amod")) {
            owner = demonym_at(t, c);
        }
        /* a role is of a body or a place, never of a person or a name of
         * no known class ("la reina de la Navidad … Luis Fonsi") */
        ng_type ot = owner < 0 ? NG_TYPE_ENTITY : x->ents[x->ms[owner].ent].type;
        if (ot == NG_TYPE_ENTITY || ot == NG_TYPE_PERSON) continue;
        for (size_t k = 0; k < nh && !rc; k++) {
            int h = ng__tree_mention(t, holder[k].word);
            if (h < 0 || x->ms[h].ent == x->ms[owner].ent ||
                x->ents[x->ms[h].ent].type != NG_TYPE_PERSON)
                continue;
            if (!role->property) continue;
            int s = role->inverse ? owner : h, o = role->inverse ? h : owner;
            rc = ng__add_claim(x, s, ng__government_of(x, o), role->property, "copula:role",
                               t->sent, t->anchor, TREE_CONFIDENCE);
        }
    }
    return rc;
}

int ng__tree_nominals(ng_extractor *x, uint32_t sent)
{
    ng_tree t;
    if (!ng__tree_of(x, sent, &t)) return 0;
    int rc = 0;
    for (size_t i = 0; i < t.n && !rc; i++)
        rc = nationality(&t, i) || copular_role(&t, i);
    ng_buf_free(&t.fold);
    return rc;
}
