/* Coreference inside an article: what a third-person pronoun (él, ella,
 * he, she, him), a possessive (his, her) or a definite
 * description ("la compañía", "the carmaker", "el mandatario peruano")
 * refers to, over the parse.
 *
 * Words are read in text order. Every name seen so far, and every
 * reference resolved so far, is a candidate, for two sentences back (three
 * for descriptions). A candidate must agree with the word: the class its
 * features allow (pronouns: people of their gender, where the article
 * shows a person's), and a pronoun is never its own clause's argument
 * ("Lula lo recibió": "lo" is not Lula). Pronouns take the most salient
 * candidate: nearer sentences, subjects, then objects, names mentioned
 * more than once. A description takes the one entity of its class in reach
 * and none when there are several; with a nationality ("el mandatario
 * peruano") only an entity seen beside that country.
 *
 * The rules are named in the claims they take part in (coref:pronoun,
 * coref:possessive, coref:description). */
#include "extract_int.h"
#include "newsgraph/parse.h"

#include <string.h>

#define PRONOUN_REACH 2     /* sentences back */
#define ROLES_SEEN 4        /* nouns remembered per entity */
#define DESCRIPTION_REACH 3 /* sentences back */

enum gender { G_ANY, G_MASC, G_FEM };

/* What a reference may point at. */
typedef struct want {
    uint32_t classes; /* bit per ng_type */
    int gender;
    int unique;       /* descriptions: only when one entity fits */
    int country;      /* descriptions with a nationality: an entity seen with it, else -1 */
    const char *role; /* role descriptions without one: an entity seen with that noun, or NULL */
} want;

/* A name or a resolved reference, in text order. */
typedef struct seen {
    int mention; /* the name's mention, or the reference's antecedent */
    size_t word; /* global word index */
    uint32_t sent;
    int role; /* 2 subject, 1 object, 0 other */
} seen;

typedef struct coref {
    ng_extractor *x;
    const ng_parse *p;
    size_t nwords;
    int *head_of;                     /* per word: the mention whose head it is, or -1 */
    int *gender;                      /* per entity (root) */
    int *country;                     /* per entity (root): the country it was seen beside, or -1 */
    int *count;                       /* per entity (root): names and references seen */
    const char *(*roles)[ROLES_SEEN]; /* per entity (root): nouns seen beside it, folded */
    seen *seen;
    size_t nseen;
    ng_buf fold;
} coref;

#define CLASS(t) ((uint32_t)1 << (t))

static const ng_word *W(const coref *c, size_t i)
{
    return ng_parse_word(c->p, i);
}

/* The parent of global word i, or (size_t)-1 for a root. */
static size_t parent(const coref *c, size_t i)
{
    const ng_word *w = W(c, i);
    if (!w->head) return (size_t)-1;
    const ng_parse_sentence *s = ng_parse_sentence_at(c->p, w->sentence);
    return s->first + w->head - 1;
}

static int feat(const ng_word *w, const char *kv)
{
    size_t n = strlen(kv);
    for (const char *f = strstr(w->feats, kv); f; f = strstr(f + 1, kv))
        if ((f == w->feats || f[-1] == '|') && (f[n] == '\0' || f[n] == '|')) return 1;
    return 0;
}

static int root_of(const coref *c, int m)
{
    return ng__root(c->x, c->x->ms[m].ent);
}

static ng_type type_of(const coref *c, int m)
{
    return c->x->ents[root_of(c, m)].type;
}

static int role_of(const ng_word *w)
{
    if (rel_family(w, "nsubj")) return 2;
    return rel_is(w, "obj") || rel_is(w, "iobj") ? 1 : 0;
}

static int english(const coref *c)
{
    return strcmp(c->x->out.lang, "en") == 0;
}

/* The first word of each mention whose parent lies outside it. */
static void find_heads(coref *c)
{
    for (size_t i = 0; i < c->nwords; i++) {
        const ng_word *w = W(c, i);
        int m = c->x->toks[w->token].mention;
        c->head_of[i] = -1;
        if (m < 0 || c->x->ms[m].kind == MK_DEMONYM) continue;
        size_t h = parent(c, i);
        int inside = h != (size_t)-1 && c->x->toks[W(c, h)->token].mention == m;
        if (inside) continue;
        /* only the first such word heads it */
        int before = 0;
        for (size_t k = i; k-- > 0 && W(c, k)->sentence == w->sentence;)
            if (c->x->toks[W(c, k)->token].mention == m) before |= c->head_of[k] == m;
        if (!before) c->head_of[i] = m;
    }
}

/* The gender words tied to a person's name show: the noun it stands in
 * apposition to or beside ("la ministra Ana Díaz"), a noun in apposition
 * to it, its determiner. */
static int gender_near(const coref *c, size_t h)
{
    size_t p = parent(c, h);
    const ng_word *w = W(c, h);
    if (p != (size_t)-1 && (rel_is(w, "appos") || rel_is(w, "flat") || rel_is(w, "nmod")) &&
        W(c, p)->upos == NG_UPOS_NOUN) {
        if (feat(W(c, p), "Gender=Masc")) return G_MASC;
        if (feat(W(c, p), "Gender=Fem")) return G_FEM;
    }
    const ng_parse_sentence *s = ng_parse_sentence_at(c->p, w->sentence);
    for (size_t k = s->first; k < s->first + s->count; k++) {
        if (parent(c, k) != h) continue;
        const ng_word *d = W(c, k);
        if (!(rel_is(d, "appos") && d->upos == NG_UPOS_NOUN) && !rel_is(d, "det")) continue;
        if (feat(d, "Gender=Masc")) return G_MASC;
        if (feat(d, "Gender=Fem")) return G_FEM;
    }
    return G_ANY;
}

/* A country's mention beside word h: a nationality on it or on the noun
 * it hangs on, or a "de"/"of" name there ("Pedro Castillo, presidente de
 * Perú"). */
static int country_near(const coref *c, size_t h)
{
    size_t p = parent(c, h);
    size_t around[2] = {h, p};
    const ng_parse_sentence *s = ng_parse_sentence_at(c->p, W(c, h)->sentence);
    for (int a = 0; a < 2; a++) {
        if (around[a] == (size_t)-1) continue;
        for (size_t k = s->first; k < s->first + s->count; k++) {
            if (parent(c, k) != around[a] && k != around[a]) continue;
            int m = c->x->toks[W(c, k)->token].mention;
            if (m >= 0 && type_of(c, m) == NG_TYPE_COUNTRY) return root_of(c, m);
        }
    }
    return -1;
}

static const char *folded_lemma(coref *c, const ng_word *w)
{
    c->fold.len = 0;
    if (ng_fold_append(&c->fold, w->lemma, strlen(w->lemma)) || !ng_buf_cstr(&c->fold)) return "";
    return c->fold.data;
}

static int remember_role(coref *c, int e, const ng_word *noun)
{
    const char *lemma = folded_lemma(c, noun);
    for (int k = 0; k < ROLES_SEEN; k++) {
        if (c->roles[e][k] && strcmp(c->roles[e][k], lemma) == 0) return 0;
        if (!c->roles[e][k])
            return (c->roles[e][k] = ng_pool_strdup(c->x->pool, lemma)) ? 0 : NG_ENOMEM;
    }
    return 0;
}

/* The nouns a person's name at word h stands beside: the one it is in
 * apposition to or flat under ("el presidente Joe Biden"), those in
 * apposition to it ("Biden, presidente de EE.UU."). */
static int remember_roles(coref *c, int e, size_t h)
{
    size_t p = parent(c, h);
    const ng_word *w = W(c, h);
    if (p != (size_t)-1 && W(c, p)->upos == NG_UPOS_NOUN &&
        (rel_is(w, "appos") || rel_is(w, "flat") || rel_is(w, "nmod") || rel_is(w, "compound")) &&
        remember_role(c, e, W(c, p)))
        return NG_ENOMEM;
    const ng_parse_sentence *s = ng_parse_sentence_at(c->p, w->sentence);
    for (size_t k = s->first; k < s->first + s->count; k++) {
        const ng_word *d = W(c, k);
        if (parent(c, k) == h && d->upos == NG_UPOS_NOUN &&
            (rel_is(d, "appos") || rel_is(d, "compound") || rel_is(d, "amod")) &&
            remember_role(c, e, d))
            return NG_ENOMEM;
    }
    return 0;
}

static int push(coref *c, int m, size_t word)
{
    if (c->nseen % 64 == 0) {
        seen *grown = ng_pool_alloc(c->x->pool, (c->nseen + 64) * sizeof *grown);
        if (!grown) return NG_ENOMEM;
        if (c->nseen) memcpy(grown, c->seen, c->nseen * sizeof *grown);
        c->seen = grown;
    }
    c->seen[c->nseen++] = (seen){m, word, W(c, word)->sentence, role_of(W(c, word))};
    int e = root_of(c, m);
    c->count[e]++;
    if (c->x->ents[e].type == NG_TYPE_PERSON && c->gender[e] == G_ANY)
        c->gender[e] = gender_near(c, word);
    if (c->country[e] < 0) c->country[e] = country_near(c, word);
    return c->x->ents[e].type == NG_TYPE_PERSON ? remember_roles(c, e, word) : 0;
}

/* A third-person pronoun or possessive that points at a person: "he",
 * "his", "she", "her"; Spanish "él" and "ella" as subjects. "it", "they",
 * "su", "le" and "lo" are left alone: they are more often a thing, an act,
 * "usted" or someone never named than a name (GUM: "it" 2 of 22 right,
 * "they"/"their" 2 of 19; a judged es-news sample of "su", "le", "lo": 8
 * of 25), and "en ella" is mostly a thing. */
static int pronoun(const coref *c, const ng_word *w, want *out, int *rule)
{
    if (!(w->upos == NG_UPOS_PRON || w->upos == NG_UPOS_DET) || !feat(w, "PronType=Prs") ||
        !feat(w, "Person=3") || feat(w, "Reflex=Yes") || feat(w, "Number=Plur"))
        return 0;
    int poss = feat(w, "Poss=Yes");
    int masc = feat(w, "Gender=Masc"), fem = feat(w, "Gender=Fem");
    if (english(c)) {
        if (!masc && !fem) return 0;
        if (!poss && !(rel_family(w, "nsubj") || rel_is(w, "obj") || rel_is(w, "iobj") ||
                       rel_family(w, "obl") || rel_family(w, "nmod")))
            return 0;
    } else if (poss || !rel_family(w, "nsubj") ||
               !(feat(w, "Case=Acc,Nom") || feat(w, "Case=Nom"))) {
        return 0;
    }
    *out = (want){CLASS(NG_TYPE_PERSON), masc ? G_MASC : fem ? G_FEM : G_ANY, 0, -1, NULL};
    *rule = poss ? NG_REF_POSSESSIVE : NG_REF_PRONOUN;
    return 1;
}

/* The class a noun refers back to: its description class (cues.tsv:
 * description), a person for a role of roles.tsv, else -1. */
static int noun_class(coref *c, const ng_word *w)
{
    const char *lemma = folded_lemma(c, w);
    void *v = ng__cue(c->x->lx, NG_CUE_DESCRIPTION, lemma, strlen(lemma));
    if (v) return (int)((intptr_t)v - 100);
    const ng_sentence *z = &c->x->seg.sentences[w->sentence];
    return ng__person_role_at(c->x, w->token, z->first + z->count) ? NG_TYPE_PERSON : -1;
}

/* "la compañía", "the carmaker", "el mandatario peruano": a definite
 * singular noun of a description class (cues.tsv: description) or a
 * person's role, that no name completes. */
static int description(coref *c, size_t i, want *out)
{
    ng_extractor *x = c->x;
    const ng_word *w = W(c, i);
    if (w->upos != NG_UPOS_NOUN || feat(w, "Number=Plur") || x->toks[w->token].mention >= 0 ||
        rel_is(w, "appos") || rel_is(w, "flat") || rel_family(w, "compound"))
        return 0;
    int cls = noun_class(c, w);
    if (cls < 0) return 0;
    const ng_parse_sentence *s = ng_parse_sentence_at(c->p, w->sentence);
    int definite = 0, country = -1;
    for (size_t k = s->first; k < s->first + s->count; k++) {
        if (parent(c, k) != i) continue;
        const ng_word *d = W(c, k);
        if (rel_is(d, "det") && (feat(d, "Definite=Def") || feat(d, "PronType=Dem"))) definite = 1;
        /* a name, a relative clause or an owner makes it someone else */
        if (rel_is(d, "appos") || rel_is(d, "flat") || rel_is(d, "cop") || rel_family(d, "acl") ||
            rel_is(d, "nmod") || rel_is(d, "nummod") || (rel_is(d, "det") && feat(d, "Poss=Yes")))
            return 0;
        int m = x->toks[d->token].mention;
        if (m >= 0 && rel_is(d, "amod") && x->ms[m].kind == MK_DEMONYM)
            country = root_of(c, m);
        else if (m >= 0)
            return 0;
    }
    if (!definite) return 0;
    /* "el partido Cambio Radical": a name right after it is its own, whatever the parse says */
    if (i + 1 < c->nwords && W(c, i + 1)->sentence == w->sentence) {
        int next = x->toks[W(c, i + 1)->token].mention;
        if (next >= 0 && x->ms[next].kind != MK_DEMONYM) return 0;
    }
    /* "el presidente" is the one seen as "el presidente Joe Biden"; "el
     * papa" of a Pope never named is no one the article names */
    const char *role = NULL;
    if (cls == NG_TYPE_PERSON && country < 0 &&
        !(role = ng_pool_strdup(x->pool, folded_lemma(c, w))))
        return 0;
    *out = (want){CLASS((unsigned)cls), G_ANY, 1, country, role};
    return 1;
}

/* Whether candidate word k and pronoun word i are arguments of one verb,
 * counting the subject a coordinated or controlled verb shares ("Obama
 * met Biden and praised him": "him" is not Obama). */
static int coargument(const coref *c, size_t k, size_t i)
{
    if (W(c, k)->sentence != W(c, i)->sentence) return 0;
    size_t v = parent(c, i);
    if (parent(c, k) == v) return 1;
    for (int steps = 0; v != (size_t)-1 && steps < 3; steps++) {
        if (!(rel_is(W(c, v), "conj") || rel_is(W(c, v), "xcomp"))) return 0;
        v = parent(c, v);
        if (parent(c, k) == v && rel_family(W(c, k), "nsubj")) return 1;
    }
    return 0;
}

/* Whether candidate word k is the noun the possessive word i is on, or in
 * apposition to it ("su presidente, Lula"). */
static int owned_by(const coref *c, size_t k, size_t i)
{
    size_t noun = parent(c, i);
    for (size_t up = k, steps = 0; up != (size_t)-1 && steps < 4; up = parent(c, up), steps++)
        if (up == noun) return 1;
    return 0;
}

static int fits(const coref *c, const seen *s, const want *w)
{
    int e = root_of(c, s->mention);
    ng_type t = c->x->ents[e].type;
    if (!(w->classes & CLASS(t))) return 0;
    if (t == NG_TYPE_PERSON && w->gender && c->gender[e] && c->gender[e] != w->gender) return 0;
    if (w->country >= 0) return c->country[e] == w->country;
    if (!w->role) return 1;
    for (int k = 0; k < ROLES_SEEN && c->roles[e][k]; k++)
        if (strcmp(c->roles[e][k], w->role) == 0) return 1;
    return 0;
}

/* The antecedent of word i, or -1. */
static int resolve(coref *c, size_t i, const want *w, int rule)
{
    uint32_t sent = W(c, i)->sentence;
    int reach = w->unique ? DESCRIPTION_REACH : PRONOUN_REACH;
    int best = -1, first_ent = -1, others = 0;
    double best_score = -1e9;
    for (size_t k = c->nseen; k-- > 0;) {
        const seen *s = &c->seen[k];
        if (sent - s->sent > (uint32_t)reach) break;
        if (!fits(c, s, w)) continue;
        if (rule == NG_REF_PRONOUN && coargument(c, s->word, i)) continue;
        if (rule == NG_REF_POSSESSIVE && owned_by(c, s->word, i)) continue;
        int e = root_of(c, s->mention);
        if (first_ent < 0)
            first_ent = e;
        else if (e != first_ent)
            others = 1;
        double score = 100.0 - 40.0 * (sent - s->sent) + 30.0 * (s->role == 2) +
                       10.0 * (s->role == 1) + (c->count[e] > 1 ? 10.0 : 0.0) -
                       0.5 * (double)(c->nseen - 1 - k);
        if (score > best_score) {
            best_score = score;
            best = s->mention;
        }
    }
    if (w->unique && others) return -1;
    return best;
}

/* What word i, a subject or a verb, stands for: its name, or what it was
 * resolved to; -1 for none. */
static int referent_of(const coref *c, size_t i)
{
    int m = c->x->toks[W(c, i)->token].mention;
    if (m >= 0 && c->x->ms[m].kind != MK_DEMONYM) return m;
    return c->x->refs[i].mention;
}

/* The subject of sentence s's main verb, by name or reference; -1 for
 * none. */
static int main_subject(const coref *c, uint32_t s)
{
    const ng_parse_sentence *ps = ng_parse_sentence_at(c->p, s);
    for (size_t r = ps->first; r < ps->first + ps->count; r++) {
        if (W(c, r)->head) continue;
        for (size_t k = ps->first; k < ps->first + ps->count; k++)
            if (parent(c, k) == r && rel_family(W(c, k), "nsubj")) return referent_of(c, k);
        return W(c, r)->upos == NG_UPOS_VERB ? c->x->refs[r].mention : -1;
    }
    return -1;
}

/* Spanish leaves out a subject the sentence before gave: "Sánchez llegó a
 * Lima. Allí se reunió con Boluarte." A main verb, finite, third person
 * singular, with no subject and no impersonal "se", stands for the
 * subject of the sentence before when that is a person, an organisation
 * or a country (the verb word carries the reference: coref:zero). */
static int zero_subject(const coref *c, size_t i)
{
    const ng_word *w = W(c, i);
    if (english(c) || w->upos != NG_UPOS_VERB || w->head || !w->sentence ||
        !feat(w, "VerbForm=Fin") || !feat(w, "Person=3") || !feat(w, "Number=Sing"))
        return -1;
    const ng_parse_sentence *ps = ng_parse_sentence_at(c->p, w->sentence);
    int objects = 0;
    for (size_t k = ps->first; k < ps->first + ps->count; k++) {
        const ng_word *d = W(c, k);
        if (parent(c, k) != i) continue;
        if (rel_family(d, "nsubj") || rel_family(d, "csubj") || rel_is(d, "expl:pass") ||
            rel_is(d, "expl:impers") || rel_is(d, "aux:pass"))
            return -1;
        objects += rel_is(d, "obj");
    }
    /* "Así lo anunció el director": two objects, one is the subject after
     * the verb that the parse missed */
    if (objects > 1) return -1;
    /* a question asks about someone else: "¿Cómo hará para dirigir …?" */
    for (size_t k = ps->first; k < ps->first + ps->count; k++)
        if (strcmp(W(c, k)->form, "?") == 0 || strcmp(W(c, k)->form, "\xC2\xBF") == 0) return -1;
    int m = main_subject(c, w->sentence - 1);
    if (m < 0) return -1;
    ng_type t = type_of(c, m);
    return t == NG_TYPE_PERSON || t == NG_TYPE_ORGANIZATION || t == NG_TYPE_COUNTRY ? m : -1;
}

/* The classes "ambos"/"both" on noun n may stand for: its description
 * class ("ambos países"), people for a role ("both leaders"), else people,
 * bodies and countries. */
static uint32_t both_classes(coref *c, size_t n)
{
    const ng_word *w = W(c, n);
    int cls = w->upos == NG_UPOS_NOUN ? noun_class(c, w) : -1;
    if (cls >= 0) return CLASS((unsigned)cls);
    return CLASS(NG_TYPE_PERSON) | CLASS(NG_TYPE_ORGANIZATION) | CLASS(NG_TYPE_COUNTRY);
}

/* "ambos países", "both leaders", "ambos" alone (cues.tsv: both) at word
 * n (the noun, or the word itself): the two entities of its class named
 * last, when they are coordinated ("Chile y Perú") or the only two in
 * reach. */
static int both(coref *c, size_t n, int pair[2])
{
    const ng_word *w = W(c, n);
    size_t cue = (size_t)-1;
    if (w->upos == NG_UPOS_PRON && ng__tok_cue(c->x, w->token, NG_CUE_BOTH)) cue = n;
    const ng_parse_sentence *ps = ng_parse_sentence_at(c->p, w->sentence);
    for (size_t k = ps->first; k < n && cue == (size_t)-1 && w->upos == NG_UPOS_NOUN; k++)
        if (parent(c, k) == n && ng__tok_cue(c->x, W(c, k)->token, NG_CUE_BOTH)) cue = k;
    if (cue == (size_t)-1 || !feat(w, "Number=Plur")) return 0;
    want wt = {both_classes(c, n), G_ANY, 1, -1, NULL};
    int found = 0, coordinated = 0;
    size_t first_word = 0;
    for (size_t k = c->nseen; k-- > 0 && found < 3;) {
        const seen *s = &c->seen[k];
        if (w->sentence - s->sent > PRONOUN_REACH) break;
        if (!fits(c, s, &wt)) continue;
        int e = root_of(c, s->mention);
        if (found && root_of(c, pair[0]) == e) continue;
        if (found == 2 && root_of(c, pair[1]) == e) continue;
        if (found < 2) {
            pair[found] = s->mention;
            if (found == 0) first_word = s->word;
            if (found == 1)
                coordinated =
                    (parent(c, s->word) == first_word && rel_is(W(c, s->word), "conj")) ||
                    (parent(c, first_word) == s->word && rel_is(W(c, first_word), "conj"));
        }
        found++;
    }
    return found == 2 || (found > 2 && coordinated);
}

int ng__resolve_references(ng_extractor *x, ng_error *err)
{
    x->refs = NULL;
    if (!x->parsed) return 0;
    coref c = {x, x->parse, ng_parse_word_count(x->parse), NULL, NULL, NULL, NULL, NULL, NULL,
               0, {0}};
    if (!c.nwords) return 0;
    x->refs = ng_pool_alloc(x->pool, c.nwords * sizeof *x->refs);
    c.head_of = ng_pool_alloc(x->pool, c.nwords * sizeof *c.head_of);
    size_t ne = x->nents ? x->nents : 1;
    c.gender = ng_pool_alloc(x->pool, ne * sizeof *c.gender);
    c.country = ng_pool_alloc(x->pool, ne * sizeof *c.country);
    c.count = ng_pool_alloc(x->pool, ne * sizeof *c.count);
    c.roles = ng_pool_alloc(x->pool, ne * sizeof *c.roles);
    if (!x->refs || !c.head_of || !c.gender || !c.country || !c.count || !c.roles)
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    for (size_t e = 0; e < ne; e++) {
        c.gender[e] = G_ANY;
        c.country[e] = -1;
        c.count[e] = 0;
        memset(c.roles[e], 0, sizeof c.roles[e]);
    }
    find_heads(&c);
    int rc = 0;
    for (size_t i = 0; i < c.nwords && !rc; i++) {
        x->refs[i] = (ng_ref){-1, NG_REF_NONE, -1};
        if (c.head_of[i] >= 0) {
            rc = push(&c, c.head_of[i], i);
            continue;
        }
        int pair[2] = {-1, -1};
        if (both(&c, i, pair)) {
            x->refs[i] = (ng_ref){pair[0], NG_REF_BOTH, pair[1]};
            continue;
        }
        int zero = zero_subject(&c, i);
        if (zero >= 0) {
            x->refs[i] = (ng_ref){zero, NG_REF_ZERO, -1};
            continue;
        }
        want w;
        int rule = NG_REF_DESCRIPTION;
        if (!pronoun(&c, W(&c, i), &w, &rule) && !description(&c, i, &w)) continue;
        int m = resolve(&c, i, &w, rule);
        if (m < 0) continue;
        x->refs[i] = (ng_ref){m, (uint8_t)rule, -1};
        int e = root_of(&c, m);
        /* "he" tells the gender of the one person it can be */
        if (w.gender && !c.gender[e]) c.gender[e] = w.gender;
        rc = push(&c, m, i);
    }
    ng_buf_free(&c.fold);
    return rc ? ng_error_set(err, NG_ENOMEM, "out of memory") : 0;
}

static const char *const rule_names[] = {
    "", "coref:pronoun", "coref:possessive", "coref:description", "coref:zero", "coref:both"};

int ng__reference_of(const ng_extractor *x, size_t word, const char **rule)
{
    if (!x->refs || !x->parsed || word >= ng_parse_word_count(x->parse) ||
        x->refs[word].mention < 0)
        return -1;
    if (rule) *rule = rule_names[x->refs[word].rule];
    return x->refs[word].mention;
}

int ng__reference_pair(const ng_extractor *x, size_t word, int *a, int *b)
{
    if (!x->refs || !x->parsed || word >= ng_parse_word_count(x->parse) ||
        x->refs[word].rule != NG_REF_BOTH)
        return 0;
    *a = x->refs[word].mention;
    *b = x->refs[word].other;
    return 1;
}

int ng__sentence_has_reference(const ng_extractor *x, uint32_t sent)
{
    if (!x->refs || !x->parsed || sent >= ng_parse_sentence_count(x->parse)) return 0;
    const ng_parse_sentence *ps = ng_parse_sentence_at(x->parse, sent);
    for (size_t i = ps->first; i < ps->first + ps->count; i++)
        if (x->refs[i].mention >= 0) return 1;
    return 0;
}
