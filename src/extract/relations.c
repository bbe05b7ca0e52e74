/* Relations: patterns over one sentence's tokens and mentions.
 *
 * Each pattern has a name that ends up on the claim (ng:pattern):
 *   apposition:role      "el presidente de Rusia, Vladimir Putin"
 *   apposition:possessive "Corea del Norte y su líder, Kim Jong-un"
 *   apposition:relative  "Perú, cuyo presidente, Pedro Castillo"
 *   prenominal:role      "UK Prime Minister Keir Starmer"
 *   tree:<verb>          verb frames over the parse (predicates.c), also
 *                        tree-passive:<verb>, tree:nationality ("la chilena
 *                        Codelco"), tree:state-owned, copula:role ("X es
 *                        el presidente de Y"), and for verbs the lexicon
 *                        does not map verb:<lemma> (ng:relatedTo)
 *   svo:<verb>           verb frames from lexicon/<lang>/verbs.tsv by distance,
 *                        without a parse (beside one they were right a third
 *                        of the time on judged news, bench/judged/); beside
 *                        one only for a passive whose subject carries the
 *                        actor's nationality ("soldados norcoreanos fueron
 *                        enviados a Rusia")
 *   passive:<verb>       "fue capturado por", "was arrested by", also beside
 *                        a parse for a verb the tree gives nothing
 *   nominal:region-of    "la región rusa de Kursk"
 *   nominal:state-media  "la agencia estatal norcoreana KCNA"
 *   nominal:part-of      "la Comisión Militar Central del Partido …"
 *   nominal:alliance     "la alianza Pionyang-Moscú"
 * Reported speech ("dijo Peskov", "según KCNA") marks the sentence's other
 * distance claims with who said it; claims read from the tree take theirs
 * from the tree (predicates.c). */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

#define SUBJECT_WINDOW 45
#define OBJECT_WINDOW 10

typedef struct sent_ctx {
    ng_extractor *x;
    uint32_t sent;
    size_t first, end;  /* tokens */
    size_t m0, m1;      /* mentions [m0, m1) */
    size_t claims_from; /* claims added by this sentence start here */
    uint32_t anchor;    /* token where the current pattern was read */
    int parsed;         /* the sentence has a parse: verb frames come from the tree */
} sent_ctx;

static const xtok *T(const sent_ctx *c, size_t i)
{
    return &c->x->toks[i];
}

static int is_cue(const sent_ctx *c, int kind, size_t i)
{
    return i < c->end && ng__tok_cue(c->x, i, kind);
}

static int is_punct(const sent_ctx *c, size_t i)
{
    return (T(c, i)->flags & NG_TOK_PUNCT) && !(T(c, i)->flags & NG_TOK_HYPHEN);
}

static int is_comma(const sent_ctx *c, size_t i)
{
    return i < c->end && strcmp(T(c, i)->fold, ",") == 0;
}

static const mention *M(const sent_ctx *c, int m)
{
    return &c->x->ms[m];
}

static ng_type mtype(const sent_ctx *c, int m)
{
    return c->x->ents[c->x->ms[m].ent].type;
}

static int is_person(const sent_ctx *c, int m)
{
    return mtype(c, m) == NG_TYPE_PERSON;
}

/* Mention starting exactly at token i (-1 if none). */
static int mention_at(const sent_ctx *c, size_t i)
{
    if (i >= c->end) return -1;
    int m = T(c, i)->mention;
    return m >= 0 && M(c, m)->t0 == i ? m : -1;
}

/* Skip determiners and possessives forward from i. */
static size_t skip_dets(const sent_ctx *c, size_t i)
{
    while (i < c->end && (is_cue(c, NG_CUE_DETERMINER, i) || is_cue(c, NG_CUE_POSSESSIVE, i)))
        i++;
    return i;
}

/* A gazetteer city that stands for its country's government in a relation. */
int ng__government_of(const ng_extractor *x, int m)
{
    const mention *mm = &x->ms[m];
    if (mm->gaz < 0 || mm->kind != MK_GAZ) return m;
    const ng_gaz_entry *g = &x->onto->entries[mm->gaz];
    if (!g->capital || !g->country) return m;
    /* find a mention of that country anywhere in the article to stand in */
    for (size_t i = 0; i < x->nms; i++) {
        const mention *o = &x->ms[i];
        int og = x->ents[o->ent].gaz;
        if (og >= 0 && strcmp(x->onto->entries[og].id, g->country) == 0) return (int)i;
    }
    return m;
}

static int government_of(const sent_ctx *c, int m)
{
    return ng__government_of(c->x, m);
}

static int claim(sent_ctx *c, int s, int o, const char *prop, const char *pattern, double conf)
{
    if (s < 0 || o < 0 || !prop) return 0;
    return ng__add_claim(c->x, s, o, prop, pattern, c->sent, c->anchor, conf);
}

const char *ng__pattern_name(ng_extractor *x, const char *kind, const char *word)
{
    ng_buf b = {0};
    if (ng_buf_printf(&b, "%s:%s", kind, word)) return NULL;
    const char *r = ng_pool_strndup(x->pool, b.data, b.len);
    ng_buf_free(&b);
    return r;
}

static const char *pattern_name(sent_ctx *c, const char *kind, const char *word)
{
    return ng__pattern_name(c->x, kind, word);
}

static int is_prep_at(const sent_ctx *c, size_t i);

/* ---- appositions ------------------------------------------------------------ */

/* The organisation or country a role at [r0, r1) belongs to, looking right:
 * "presidente de Rusia", "portavoz de la Presidencia rusa", "presidente ruso".
 * Returns the mention and sets *after to the token after it. */
static int role_owner_right(const sent_ctx *c, size_t r0, size_t r1, size_t *after)
{
    size_t i = r1;
    /* the owner may start inside the role phrase ("jefe del Estado Mayor de…") */
    for (size_t k = r0 + 1; k < r1; k++) {
        int m = mention_at(c, k);
        if (m >= 0 && mtype(c, m) == NG_TYPE_ORGANIZATION) {
            *after = M(c, m)->t1;
            return m;
        }
    }
    int m = mention_at(c, i);
    if (m >= 0 && M(c, m)->kind == MK_DEMONYM) {
        *after = M(c, m)->t1;
        return m;
    }
    /* "la ministra peruana de Economía": the nationality inside the role */
    for (size_t k = r0 + 1; k < r1; k++) {
        int d = mention_at(c, k);
        if (d >= 0 && M(c, d)->kind == MK_DEMONYM) {
            *after = r1;
            return d;
        }
    }
    int conn = ng__cue_at(c->x, NG_CUE_CONNECTOR, i, c->end, NULL);
    if (!conn) return -1;
    i = skip_dets(c, i + (size_t)conn);
    m = mention_at(c, i);
    if (m < 0 || is_person(c, m)) return -1;
    *after = M(c, m)->t1;
    return m;
}

/* Whether mention m can hold role r: a person (or an unknown name) for
 * titles, an organisation (or unknown) for "subsidiary", "parent company". */
static int can_hold(const sent_ctx *c, int m, const ng_role *r)
{
    ng_type t = mtype(c, m);
    return t == NG_TYPE_ENTITY || t == (r->org ? NG_TYPE_ORGANIZATION : NG_TYPE_PERSON);
}

/* The holder of a role after position i: ", [el general] Valeri Guerásimov";
 * without the comma only a person ("el ministro de Gobierno Eduardo del
 * Castillo"). */
static int holder_right(const sent_ctx *c, size_t i, int need_comma, const ng_role *r)
{
    int comma = is_comma(c, i);
    if (comma) i++;
    i = skip_dets(c, i);
    int n = ng__person_role_at(c->x, i, c->end);
    if (n) i = skip_dets(c, i + (size_t)n);
    int m = mention_at(c, i);
    if (m < 0 || !can_hold(c, m, r)) return -1;
    return comma || !need_comma || (!r->org && is_person(c, m)) ? m : -1;
}

/* The holder before a role: "Dmitri Peskov, [el] portavoz…". */
static int holder_left(const sent_ctx *c, size_t b, const ng_role *r)
{
    while (b > c->first &&
           (is_cue(c, NG_CUE_DETERMINER, b - 1) || is_cue(c, NG_CUE_ROLE_MODIFIER, b - 1)))
        b--;
    /* coordinated roles: "Navid Madani, viróloga y directora del Centro …" */
    if (b >= c->first + 3 && is_cue(c, NG_CUE_COORD, b - 1) && T(c, b - 2)->mention < 0 &&
        (T(c, b - 2)->flags & NG_TOK_WORD) && is_comma(c, b - 3))
        b -= 2;
    if (b < c->first + 2 || !is_comma(c, b - 1)) return -1;
    int m = T(c, b - 2)->mention;
    return m >= 0 && can_hold(c, m, r) ? m : -1;
}

/* The owner a relative possessive before a role refers to: "Perú, cuyo
 * presidente …", "Codelco, whose chairman …" (cues.tsv: whose); -1 for
 * none. */
static int relative_owner(const sent_ctx *c, size_t r0)
{
    size_t k = r0;
    while (k > c->first && is_cue(c, NG_CUE_ROLE_MODIFIER, k - 1))
        k--;
    if (k <= c->first || !is_cue(c, NG_CUE_WHOSE, k - 1)) return -1;
    k--;
    if (k > c->first && is_comma(c, k - 1)) k--;
    int o = k > c->first ? T(c, k - 1)->mention : -1;
    return o >= 0 && !is_person(c, o) ? o : -1;
}

/* Record holder-role-owner, typing a title holder as a person. */
static int role_claim(sent_ctx *c, int holder, int owner, const ng_role *r, const char *pattern,
                      double conf)
{
    if (!r->org) ng__ent_type(c->x, M(c, holder)->ent, NG_TYPE_PERSON, 2);
    if (owner < 0 || !r->property) return 0;
    /* "el periodista colombiano": an occupation's nationality is no employer */
    if (strcmp(r->property, "worksFor") == 0 && M(c, owner)->kind == MK_DEMONYM) return 0;
    return r->inverse ? claim(c, owner, holder, r->property, pattern, conf)
                      : claim(c, holder, owner, r->property, pattern, conf);
}

/* The owner before a role: "Corea del Norte y su líder", "Japan's defence
 * minister", "UK Prime Minister". Sets *start to where the owner begins. */
static int owner_left(const sent_ctx *c, size_t r0, int *direct, size_t *start)
{
    size_t k = r0;
    int poss = 0;
    *direct = 0;
    while (k > c->first &&
           (is_cue(c, NG_CUE_DETERMINER, k - 1) || is_cue(c, NG_CUE_ROLE_MODIFIER, k - 1)) &&
           !is_cue(c, NG_CUE_POSSESSIVE, k - 1))
        k--;
    if (k > c->first && (is_cue(c, NG_CUE_POSSESSIVE, k - 1) || ng__tok_is(c->x, k - 1, "'s"))) {
        int genitive_s = ng__tok_is(c->x, k - 1, "'s");
        poss = 1;
        k--;
        /* "Irán y a su líder": a repeated preposition, then the coordination */
        if (!genitive_s && k > c->first && is_prep_at(c, k - 1)) k--;
        if (!genitive_s && k > c->first && is_cue(c, NG_CUE_COORD, k - 1)) k--;
    }
    int o = k > c->first ? T(c, k - 1)->mention : -1;
    if (o < 0 || is_person(c, o)) return -1;
    *direct = !poss && M(c, o)->t1 == r0;
    if (!poss && !*direct) return -1;
    *start = M(c, o)->t0;
    return o;
}

static int role_forms(sent_ctx *c, size_t r0, size_t r1, const ng_role *r)
{
    size_t after = r1;
    int owner = role_owner_right(c, r0, r1, &after);
    if (owner >= 0) {
        /* (1) ROLE de OWNER, HOLDER: "el presidente de Rusia, Vladimir Putin" */
        int h = holder_right(c, after, 1, r);
        if (h >= 0) return role_claim(c, h, owner, r, "apposition:role", 0.9);
        /* (2) HOLDER, [el] ROLE de OWNER: "Dmitri Peskov, portavoz de la Presidencia rusa" */
        h = holder_left(c, r0, r);
        if (h >= 0) return role_claim(c, h, owner, r, "apposition:role", 0.85);
        return 0;
    }
    /* (5) OWNER, cuyo ROLE[,] [es] HOLDER / OWNER, whose ROLE is HOLDER */
    int rel = relative_owner(c, r0);
    if (rel >= 0) {
        size_t a = r1;
        if (a < c->end && is_cue(c, NG_CUE_COPULA, a)) a++;
        int h = holder_right(c, a, 0, r);
        return h >= 0 ? role_claim(c, h, rel, r, "apposition:relative", 0.85) : 0;
    }
    /* (3) OWNER y su ROLE, HOLDER / OWNER's ROLE, HOLDER / OWNER ROLE HOLDER */
    int direct;
    size_t ostart;
    owner = owner_left(c, r0, &direct, &ostart);
    int h = holder_right(c, r1, 0, r);
    if (owner >= 0 && h >= 0)
        return role_claim(c, h, owner, r, direct ? "prenominal:role" : "apposition:possessive",
                          0.85);
    /* (4) HOLDER, [the] OWNER's ROLE: "Peskov, the Kremlin's spokesman" */
    if (owner >= 0 && !direct) {
        h = holder_left(c, ostart, r);
        if (h >= 0) return role_claim(c, h, owner, r, "apposition:possessive", 0.85);
    }
    /* a title alone still tells a person: "el general Valeri Guerásimov" */
    if (h >= 0 && !r->org) ng__ent_type(c->x, M(c, h)->ent, NG_TYPE_PERSON, 2);
    return 0;
}

/* A role once held (cues.tsv: former): "el expresidente", "la
 * ex-ministra", "el entonces ministro", "former President". */
static int former_role(const sent_ctx *c, size_t r0)
{
    const xtok *k = T(c, r0);
    if (k->role_child < 0 && k->w->flen >= 5 && strncmp(k->w->fold, "ex", 2) == 0) return 1;
    for (size_t b = r0; b > c->first && r0 - b < 4; b--) {
        if (is_cue(c, NG_CUE_FORMER, b - 1)) return 1;
        /* "ex-minister" in three tokens */
        int hyphen = b - 1 > c->first && ng__tok_is(c->x, b - 1, "-");
        if (!hyphen && !is_cue(c, NG_CUE_DETERMINER, b - 1) &&
            !is_cue(c, NG_CUE_ROLE_MODIFIER, b - 1))
            break;
    }
    return 0;
}

static int role_patterns(sent_ctx *c, size_t r0, size_t r1, const ng_role *r)
{
    if (ng__compared_at(c->x, c->first, r0)) return 0;
    size_t before = c->x->out.nclaims;
    int rc = role_forms(c, r0, r1, r);
    /* a former holder's role is a claim of the past, not a direct triple */
    if (!rc && former_role(c, r0)) ng__set_modality(c->x, before, NG_MOD_PAST);
    return rc;
}

static int find_roles(sent_ctx *c)
{
    for (size_t i = c->first; i < c->end; i++) {
        if (!(T(c, i)->flags & NG_TOK_WORD)) continue;
        const ng_role *r = NULL;
        int n = ng__role_at(c->x, i, c->end, &r);
        if (!n) continue;
        /* a capitalised "Unit" or "Filial" starts a name, not a role */
        if (r->org && (T(c, i)->flags & NG_TOK_UPPER)) continue;
        for (int k = 0; k < n; k++)
            c->x->toks[i + (size_t)k].in_role = 1;
        c->anchor = (uint32_t)i;
        if (!r->property) {
            int h = holder_right(c, skip_dets(c, i + (size_t)n), 0, r);
            if (h >= 0) ng__ent_type(c->x, M(c, h)->ent, NG_TYPE_PERSON, 2);
        } else if (role_patterns(c, i, i + (size_t)n, r)) {
            return NG_ENOMEM;
        }
        i += (size_t)n - 1;
    }
    return 0;
}

/* ---- nominal patterns -------------------------------------------------------- */

/* The mention ending right before token i, or -1. */
static int mention_before(const sent_ctx *c, size_t i)
{
    if (i <= c->first) return -1;
    int m = T(c, i - 1)->mention;
    return m >= 0 && M(c, m)->t1 == i ? m : -1;
}

static int is_demonym(const sent_ctx *c, int m)
{
    return m >= 0 && M(c, m)->kind == MK_DEMONYM;
}

/* Place head at [i, i+n) typed v: "la región rusa de Kursk" (es), "the
 * Russian region of Kursk", "the western Indian state of Gujarat",
 * "Russia's Kursk region" (en). */
static int region_of(sent_ctx *c, size_t i, int n, void *v)
{
    ng_extractor *x = c->x;
    int place = -1, country = -1;
    /* the head may carry its own "of": "state of" */
    int head_of = ng__tok_cue(x, i + (size_t)n - 1, NG_CUE_GENITIVE);
    int after = mention_at(c, i + (size_t)n);
    if (is_demonym(c, after) && ng__tok_cue(x, M(c, after)->t1, NG_CUE_GENITIVE)) {
        country = after;
        place = mention_at(c, M(c, after)->t1 + 1);
    } else if (is_demonym(c, mention_before(c, i)) &&
               (head_of || ng__tok_cue(x, i + (size_t)n, NG_CUE_GENITIVE))) {
        country = mention_before(c, i);
        place = mention_at(c, i + (size_t)n + (head_of ? 0 : 1));
    } else if ((place = mention_before(c, i)) >= 0 &&
               ng__tok_is(x, M(c, place)->t0 - (M(c, place)->t0 > 0), "'s")) {
        country = mention_before(c, M(c, place)->t0 - 1);
    }
    if (place < 0 || country < 0 || is_demonym(c, place) || place == country) return 0;
    ng__ent_type(x, M(c, place)->ent, (ng_type)((intptr_t)v - 100), 2);
    return claim(c, place, country, "locatedIn", "nominal:region-of", 0.85);
}

/* Media head at [i, i+n): "la agencia estatal norcoreana KCNA" (es), "the
 * North Korean state news agency KCNA", "North Korea's state news agency
 * KCNA" (en). */
static int state_media(sent_ctx *c, size_t i, int n)
{
    ng_extractor *x = c->x;
    int state = 0, k, country = -1;
    size_t j = i + (size_t)n;
    if ((k = ng__cue_at(x, NG_CUE_STATE, j, c->end, NULL))) state = 1, j += (size_t)k;
    int d = mention_at(c, j);
    if (is_demonym(c, d)) {
        country = d;
        j = M(c, d)->t1;
        if (!state && (k = ng__cue_at(x, NG_CUE_STATE, j, c->end, NULL))) state = 1, j += (size_t)k;
    } else {
        size_t b = i;
        for (size_t s = i > c->first + 2 ? i - 2 : c->first; s < i; s++)
            if ((k = ng__cue_at(x, NG_CUE_STATE, s, i, NULL)) && s + (size_t)k == i)
                state = 1, b = s;
        d = mention_before(c, b);
        if (is_demonym(c, d))
            country = d;
        else if (b > c->first && ng__tok_is(x, b - 1, "'s"))
            country = mention_before(c, b - 1);
    }
    int org = mention_at(c, j);
    if (country < 0 || org < 0 || is_demonym(c, org) || org == country) return 0;
    ng__ent_type(x, M(c, org)->ent, NG_TYPE_ORGANIZATION, 2);
    return claim(c, org, country, state ? "stateAgencyOf" : "locatedIn", "nominal:state-media",
                 0.85);
}

/* A pair under one head: "la alianza Pionyang-Moscú", "the Pyongyang-Moscow
 * alliance", "una empresa conjunta entre X y Y", "a joint venture between X
 * and Y". */
static int pair_under(sent_ctx *c, size_t i, int n, const char *property, const char *pattern)
{
    size_t j = skip_dets(c, i + (size_t)n);
    int a = -1, b = -1;
    if (ng__tok_cue(c->x, j, NG_CUE_BETWEEN)) {
        a = mention_at(c, skip_dets(c, j + 1));
        if (a >= 0 && is_cue(c, NG_CUE_COORD, M(c, a)->t1))
            b = mention_at(c, skip_dets(c, M(c, a)->t1 + 1));
    } else {
        a = mention_at(c, j);
        if (a < 0) { /* the hyphenated pair before the head */
            b = mention_before(c, i);
            if (b >= 0 && M(c, b)->t0 >= 2 && (T(c, M(c, b)->t0 - 1)->flags & NG_TOK_HYPHEN))
                a = mention_before(c, M(c, b)->t0 - 1);
        } else if (M(c, a)->t1 + 1 < c->end && (T(c, M(c, a)->t1)->flags & NG_TOK_HYPHEN)) {
            b = mention_at(c, M(c, a)->t1 + 1);
        }
    }
    if (a < 0 || b < 0) return 0;
    return claim(c, government_of(c, a), government_of(c, b), property, pattern, 0.8);
}

/* "Russia's Energy Ministry": a body of a country. */
static int possessive_body(sent_ctx *c, int m)
{
    if (mtype(c, m) != NG_TYPE_ORGANIZATION || M(c, m)->t0 < c->first + 2) return 0;
    if (!ng__tok_is(c->x, M(c, m)->t0 - 1, "'s")) return 0;
    int owner = mention_before(c, M(c, m)->t0 - 1);
    if (owner < 0 || mtype(c, owner) != NG_TYPE_COUNTRY) return 0;
    return claim(c, m, owner, "partOf", "nominal:possessive", 0.8);
}

static int place_rank(const sent_ctx *c, int m)
{
    return ng__place_rank(c->x->ents[M(c, m)->ent].type);
}

/* Whether a name stands beside token i as one more item of a list
 * ("Arizona, Georgia, Nevada y Wisconsin"): a comma or a conjunction, then
 * (or, before i, after) a capitalised word or a place. */
static int listed_place(const sent_ctx *c, size_t i, int after)
{
    ng_extractor *x = c->x;
    size_t sep = after ? i : i - 1, word = after ? i + 1 : i - 2;
    if (after ? i + 1 >= c->end : i < c->first + 2) return 0;
    if (!(ng__tok_is(x, sep, ",") || is_cue(c, NG_CUE_COORD, sep))) return 0;
    return (T(c, word)->flags & NG_TOK_UPPER) || T(c, word)->mention >= 0;
}

/* "Acapulco, Guerrero", "Detroit (Michigan)", "Lombardía (Italia)": a
 * place written with the wider place it lies in, after a comma or in
 * brackets, lies there (nominal:place-in). Not inside a list of places,
 * where the comma only separates them. */
static int place_in(sent_ctx *c, int a)
{
    ng_extractor *x = c->x;
    const mention *ma = M(c, a);
    int ra = place_rank(c, a);
    if (!ra || ma->kind == MK_DEMONYM) return 0;
    size_t t = ma->t1;
    int paren = t < c->end && ng__tok_is(x, t, "(");
    if (!paren && !(t < c->end && ng__tok_is(x, t, ","))) return 0;
    int b = mention_at(c, t + 1);
    if (b < 0 || M(c, b)->kind == MK_DEMONYM || place_rank(c, b) <= ra || M(c, b)->ent == ma->ent)
        return 0;
    size_t after = M(c, b)->t1;
    if (paren ? !(after < c->end && ng__tok_is(x, after, ")"))
              : listed_place(c, after, 1) || listed_place(c, ma->t0, 0))
        return 0;
    c->anchor = (uint32_t)(t + 1);
    return claim(c, a, b, "locatedIn", "nominal:place-in", 0.85);
}

/* "la Universidad de Oxford", "el Gobierno de Tamaulipas", "el Ejército
 * tailandés": a body whose name ends in a known place lies there
 * (name:seat). Not an embassy or a consulate, which stands for the place
 * and lies elsewhere (cues.tsv: envoy-head), nor a body the gazetteer
 * knows, whose seat is the gazetteer's. */
static int seat(sent_ctx *c, int m)
{
    ng_extractor *x = c->x;
    const mention *mm = &x->ms[m];
    if (mm->seat < 0 || mm->kind != MK_NAME) return 0;
    const aent *a = &x->ents[mm->ent];
    if (a->type != NG_TYPE_ORGANIZATION || a->gaz >= 0) return 0;
    for (size_t i = mm->t0; i < mm->t1; i++)
        if (ng__tok_cue(x, i, NG_CUE_ENVOY_HEAD)) return 0;
    int place = ng__gaz_entity(x, mm->seat);
    if (place < 0) return NG_ENOMEM;
    return ng__add_entity_claim(x, mm->ent, place, "locatedIn", "name:seat", c->sent, c->anchor,
                                0.8);
}

static int nominals(sent_ctx *c)
{
    ng_extractor *x = c->x;
    for (size_t i = c->first; i < c->end; i++) {
        c->anchor = (uint32_t)i;
        if (T(c, i)->flags & NG_TOK_UPPER) continue; /* heads are common nouns */
        void *v = NULL;
        int n;
        if ((n = ng__cue_at(x, NG_CUE_PLACE_HEAD, i, c->end, &v)) && region_of(c, i, n, v))
            return NG_ENOMEM;
        if ((n = ng__cue_at(x, NG_CUE_MEDIA_HEAD, i, c->end, NULL)) && state_media(c, i, n))
            return NG_ENOMEM;
        if ((n = ng__cue_at(x, NG_CUE_ALLIANCE_HEAD, i, c->end, NULL)) &&
            pair_under(c, i, n, "alliedWith", "nominal:alliance"))
            return NG_ENOMEM;
        if ((n = ng__cue_at(x, NG_CUE_PARTNERSHIP_HEAD, i, c->end, NULL)) &&
            pair_under(c, i, n, "partnersWith", "nominal:partnership"))
            return NG_ENOMEM;
    }
    for (size_t m = c->m0; m < c->m1; m++) {
        c->anchor = x->ms[m].t0;
        if (x->ms[m].part_of >= 0 &&
            claim(c, (int)m, x->ms[m].part_of, "partOf", "nominal:part-of", 0.85))
            return NG_ENOMEM;
        if (seat(c, (int)m) || place_in(c, (int)m)) return NG_ENOMEM;
        if (possessive_body(c, (int)m)) return NG_ENOMEM;
    }
    return 0;
}

/* ---- verb frames ------------------------------------------------------------- */

static int is_prep_at(const sent_ctx *c, size_t i)
{
    return is_cue(c, NG_CUE_PREP, i);
}

/* Does the gap [g0, g1) between verb and object fit one of the frame's markers? */
static int marker_fits(const sent_ctx *c, const ng_verb_frame *f, size_t g0, size_t g1)
{
    size_t first_prep = g1;
    for (size_t i = g0; i < g1; i++)
        if (is_prep_at(c, i) && !T(c, i)->in_qty) { /* "más de 10.000 soldados a…" */
            first_prep = i;
            break;
        }
    /* A bare object may hold the entity in a genitive: "elogió el esfuerzo
     * de la Casa Blanca". Only for verbs of judging (flag owner: "dirigirá
     * la delegación de Estados Unidos" does not lead the country), when a
     * noun comes first and the gap is short. */
    int genitive_only = first_prep > g0 && g1 - g0 <= 6 && f->owner;
    for (size_t i = first_prep; i < g1 && genitive_only; i++)
        if (is_prep_at(c, i) && !T(c, i)->in_qty && !is_cue(c, NG_CUE_GENITIVE, i))
            genitive_only = 0;
    for (int k = 0; k < f->nmarkers; k++) {
        const char **mw = f->markers[k];
        if (strcmp(mw[0], "_") == 0) {
            if (first_prep == g1 || genitive_only) return 1;
            continue;
        }
        if (first_prep == g1) continue;
        size_t i = first_prep;
        int ok = 1;
        for (int w = 0; mw[w]; w++, i++)
            if (i >= g1 || strcmp(T(c, i)->fold, mw[w]) != 0) ok = 0;
        if (ok) return 1;
    }
    return 0;
}

/* A preposition right before mention m (skipping determiners), or -1. */
static long prep_before(const sent_ctx *c, int m)
{
    size_t i = M(c, m)->t0;
    while (i > c->first && is_cue(c, NG_CUE_DETERMINER, i - 1))
        i--;
    if (i > c->first && is_prep_at(c, i - 1)) return (long)i - 1;
    return -1;
}

static int agent_like(const sent_ctx *c, int m)
{
    ng_type t = mtype(c, m);
    return t == NG_TYPE_PERSON || t == NG_TYPE_ORGANIZATION || t == NG_TYPE_COUNTRY ||
           t == NG_TYPE_CITY || t == NG_TYPE_ENTITY;
}

/* Nearest mention left of the verb that can be its subject. */
static int subject_left(const sent_ctx *c, size_t v0, int not_ent)
{
    for (size_t i = v0; i > c->first && v0 - i < SUBJECT_WINDOW; i--) {
        int m = T(c, i - 1)->mention;
        if (m < 0) continue;
        i = M(c, m)->t0 + 1;
        if (!agent_like(c, m) || M(c, m)->ent == not_ent) continue;
        /* beside a parse, a subject from another clause than one holding
         * the verb ("AMLO dice que veía Don Gato …; defiende a Benito") */
        if (c->parsed && !ng__tree_clause_above(c->x, c->sent, M(c, m)->t0, v0)) continue;
        /* a demonym is a subject only as a noun ("los rusos"), not as an
         * adjective ("la región rusa") */
        if (M(c, m)->kind == MK_DEMONYM &&
            !(M(c, m)->t0 > c->first && is_cue(c, NG_CUE_DETERMINER, M(c, m)->t0 - 1)))
            continue;
        long p = prep_before(c, m);
        if (p >= 0) {
            const char *pw = T(c, (size_t)p)->fold;
            int genitive = strcmp(pw, "de") == 0 || strcmp(pw, "del") == 0 || strcmp(pw, "of") == 0;
            /* "acusar a Ucrania de haber invadido": the object of the first verb
             * is the subject of the second */
            size_t e = M(c, m)->t1;
            int control = strcmp(pw, "a") == 0 && e < v0 && ng__tok_is(c->x, e, "de") &&
                          (e + 1 == v0 || (e + 2 == v0 && ng__tok_is(c->x, e + 1, "haber")));
            if (!genitive && !control) continue;
        }
        return m;
    }
    return -1;
}

/* A nationality adjective within the four words before token i. */
static int demonym_before(const sent_ctx *c, size_t i)
{
    for (size_t k = i; k > c->first && i - k < 4; k--) {
        int m = T(c, k - 1)->mention;
        if (m >= 0 && M(c, m)->kind == MK_DEMONYM) return m;
        if (is_punct(c, k - 1)) break;
    }
    return -1;
}

static int is_participle(const sent_ctx *c, size_t i)
{
    const char *w = T(c, i)->fold;
    size_t n = T(c, i)->flen;
    static const char *const ends[] = {"ado",  "ada",  "ados", "adas", "ido", "ida",
                                       "idos", "idas", "ed",   "en",   "wn"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t l = strlen(ends[k]);
        if (n > l + 2 && strcmp(w + n - l, ends[k]) == 0) return 1;
    }
    return 0;
}

/* "fueron enviados", "were killed or wounded": an auxiliary of the passive
 * before the participle, across a coordinated participle. */
static int passive_aux_before(const sent_ctx *c, size_t v0)
{
    size_t i = v0;
    if (i >= c->first + 3 && is_cue(c, NG_CUE_COORD, i - 1) && is_participle(c, i - 2)) i -= 2;
    return i > c->first && is_cue(c, NG_CUE_PASSIVE_AUX, i - 1);
}

static ng_modality verb_modality(const sent_ctx *c, size_t v0)
{
    size_t from = v0 > c->first + 3 ? v0 - 3 : c->first;
    for (size_t i = from; i < v0; i++) {
        if (ng__cue_at(c->x, NG_CUE_NEGATION, i, v0, NULL)) return NG_MOD_NEGATED;
        if (ng__cue_at(c->x, NG_CUE_HEDGE, i, v0, NULL)) return NG_MOD_HEDGED;
        if (ng__cue_at(c->x, NG_CUE_FUTURE, i, v0, NULL)) return NG_MOD_FUTURE;
    }
    const char *w = T(c, v0)->fold;
    size_t n = T(c, v0)->flen;
    if (strcmp(c->x->lx->lang, "es") == 0 && n > 4 &&
        (strcmp(w + n - 2, "ra") == 0 || strcmp(w + n - 3, "ran") == 0 ||
         strcmp(w + n - 2, "re") == 0 || strcmp(w + n - 5, "remos") == 0) &&
        T(c, v0)->lemmas && strcmp(T(c, v0)->lemmas, w) != 0) {
        /* prestará, enviarán: future tense (accents are folded away) */
        const char *orig = c->x->text + c->x->seg.tokens[v0].start;
        size_t on = c->x->seg.tokens[v0].end - c->x->seg.tokens[v0].start;
        if (on >= 3 && (memcmp(orig + on - 2, "\xC3\xA1", 2) == 0 ||
                        memcmp(orig + on - 3, "\xC3\xA1n", 3) == 0 ||
                        memcmp(orig + on - 2, "\xC3\xA9", 2) == 0))
            return NG_MOD_FUTURE;
    }
    return NG_MOD_ASSERTED;
}

void ng__set_modality(ng_extractor *x, size_t from, ng_modality m)
{
    for (size_t i = from; i < x->out.nclaims; i++)
        if (x->out.claims[i].modality == NG_MOD_ASSERTED) x->out.claims[i].modality = m;
}

static void set_modality(sent_ctx *c, size_t from, ng_modality m)
{
    ng__set_modality(c->x, from, m);
}

/* Objects after the verb: the first fitting mention, and one coordinated
 * with it ("a Corea del Norte y su líder, Kim Jong-un"). */
static int objects_right(const sent_ctx *c, const ng_verb_frame *f, size_t v1, int subj_ent,
                         int out[2])
{
    int n = 0;
    for (size_t i = v1; i < c->end && i < v1 + OBJECT_WINDOW; i++) {
        if (is_punct(c, i) && !is_comma(c, i) && !T(c, i)->in_qty) break; /* "$3 billion" */
        /* "announced that Tokyo would…": what follows is another clause */
        if (is_cue(c, NG_CUE_COMPLEMENTIZER, i)) break;
        int m = T(c, i)->mention;
        if (m < 0 || M(c, m)->t0 != i) continue;
        /* English demonyms before a noun are adjectives: "his German counterpart" */
        int adjective = M(c, m)->kind == MK_DEMONYM && strcmp(c->x->lx->lang, "en") == 0 &&
                        M(c, m)->t1 < c->end && (T(c, M(c, m)->t1)->flags & NG_TOK_WORD) &&
                        !(T(c, M(c, m)->t1)->flags & NG_TOK_UPPER);
        if (adjective || M(c, m)->ent == subj_ent || !marker_fits(c, f, v1, i)) {
            i = M(c, m)->t1 - 1;
            continue;
        }
        out[n++] = m;
        size_t j = M(c, m)->t1;
        if (is_cue(c, NG_CUE_COORD, j)) {
            j++;
            /* "a Irán y a su líder": the coordinated object repeats the marker */
            if (is_prep_at(c, j)) j++;
            j = skip_dets(c, j);
            int r = ng__role_at(c->x, j, c->end, NULL);
            if (r) {
                j += (size_t)r;
                if (is_comma(c, j)) j++;
            }
            int m2 = mention_at(c, j);
            if (m2 >= 0 && M(c, m2)->ent != subj_ent) out[n++] = m2;
        }
        break;
    }
    return n;
}

/* A frame's noun condition: one of its nouns within six words of the verb. */
static int frame_nouns_fit(const sent_ctx *c, const ng_verb_frame *f, size_t v0)
{
    if (!f->nouns) return 1;
    size_t from = v0 > c->first + 6 ? v0 - 6 : c->first;
    size_t to = v0 + 7 < c->end ? v0 + 7 : c->end;
    for (size_t i = from; i < to; i++)
        for (int k = 0; f->nouns[k]; k++)
            if (ng__has_lemma(c->x, i, f->nouns[k])) return 1;
    return 0;
}

static int frame_rest_fits(const sent_ctx *c, const ng_verb_frame *f, size_t v0, size_t *v1)
{
    if (!frame_nouns_fit(c, f, v0)) return 0;
    size_t i = v0 + 1;
    for (int k = 0; f->rest[k]; k++) {
        i = skip_dets(c, i);
        /* "provide military assistance": an adjective may come between */
        for (int adj = 0; adj < 2 && i + 1 < c->end && strcmp(T(c, i)->fold, f->rest[k]) != 0 &&
                          (T(c, i)->flags & NG_TOK_WORD) && !(T(c, i)->flags & NG_TOK_UPPER) &&
                          !is_cue(c, NG_CUE_STOP, i) && !is_prep_at(c, i);
             adj++)
            i++;
        if (i >= c->end || strcmp(T(c, i)->fold, f->rest[k]) != 0) return 0;
        i++;
    }
    *v1 = i;
    return 1;
}

static int verb_at(sent_ctx *c, size_t v0, const char *lemma, const ng_verb_frame *frames)
{
    ng_extractor *x = c->x;
    c->anchor = (uint32_t)v0;
    /* beside a parse, distance reads only passives (with their agent, or
     * with the actor's nationality on their subject), and not when the
     * tree gives the verb an object that names no one
     * ("asistir a las misas oficiadas por Francisco") */
    int unnamed_object = 0;
    if (c->parsed && ng__tree_verb_args(x, c->sent, v0, &unnamed_object)) return NG_ENOMEM;
    if (unnamed_object) return 0;
    for (const ng_verb_frame *f = frames; f; f = f->next) {
        size_t v1;
        if (!frame_rest_fits(c, f, v0, &v1)) continue;
        size_t before = x->out.nclaims;
        /* passive with an agent: "fue capturado por X", "was arrested by X" */
        int agent = -1;
        if (is_participle(c, v0)) {
            for (size_t i = v1; i < c->end && i < v1 + 3; i++)
                if (ng__tok_is(x, i, "por") || ng__tok_is(x, i, "by")) {
                    agent = mention_at(c, skip_dets(c, i + 1));
                    break;
                }
        }
        /* what a passive was done to is the frame's bare object: "the
         * Polaroids were donated by X" does not donate to the Polaroids */
        if (agent >= 0 && !ng__tree_marker_fits(f, "_")) continue;
        if (agent >= 0) {
            int patient = subject_left(c, v0, M(c, agent)->ent);
            if (patient >= 0 && claim(c, government_of(c, agent), patient, f->property,
                                      pattern_name(c, "passive", lemma), 0.7))
                return NG_ENOMEM;
        } else {
            /* A passive without its agent: the subject is what was acted on,
             * but a nationality on it names the actor ("soldados norcoreanos
             * fueron enviados a Rusia": North Korea sent them). */
            int s = passive_aux_before(c, v0) && is_participle(c, v0) ? demonym_before(c, v0 - 1)
                    : c->parsed                                       ? -1
                                                                      : subject_left(c, v0, -1);
            if (s < 0) continue;
            int objs[2];
            int n = objects_right(c, f, v1, M(c, s)->ent, objs);
            for (int k = 0; k < n; k++) {
                int subj = government_of(c, s), obj = objs[k];
                long p = prep_before(c, obj);
                if (p < 0 || !(ng__tok_is(x, (size_t)p, "en") || ng__tok_is(x, (size_t)p, "in")))
                    obj = government_of(c, obj); /* a capital as a government, not a place */
                if (f->inv) subj = objs[k], obj = government_of(c, s);
                const char *prov = pattern_name(c, "svo", lemma);
                if (claim(c, subj, obj, f->property, prov, 0.7)) return NG_ENOMEM;
            }
            if (!n) continue;
        }
        ng_modality m = verb_modality(c, v0);
        /* "intentó invadir": the tree says whether the verb was only tried */
        if (m == NG_MOD_ASSERTED && c->parsed && ng__tree_intended(x, c->sent, v0))
            m = NG_MOD_HEDGED;
        set_modality(c, before, m);
        return 0;
    }
    return 0;
}

static sent_ctx sentence_of(ng_extractor *x, uint32_t sent)
{
    const ng_sentence *z = &x->seg.sentences[sent];
    sent_ctx c = {x, sent, z->first, z->first + z->count, 0, 0, x->out.nclaims, 0, x->parsed};
    return c;
}

int ng__frame_fits(ng_extractor *x, uint32_t sent, const ng_verb_frame *f, size_t v0)
{
    sent_ctx c = sentence_of(x, sent);
    size_t v1;
    return frame_rest_fits(&c, f, v0, &v1);
}

ng_modality ng__verb_modality(ng_extractor *x, uint32_t sent, size_t v0)
{
    sent_ctx c = sentence_of(x, sent);
    return verb_modality(&c, v0);
}

/* Verb frames by distance: at every verb-like token, or where there is a
 * parse only at the verbs (verbs[], by token) whose arguments the tree did
 * not give. */
static int find_verbs(sent_ctx *c, const uint8_t *verbs)
{
    for (size_t i = c->first; i < c->end; i++) {
        const xtok *k = T(c, i);
        if (verbs && verbs[i - c->first] != NG_TREE_VERB) continue;
        /* "asociación", "agreement": hunspell stems some nouns to a verb, but
         * their endings (noun-suffix in cues.tsv) give them away */
        if (!k->w->frames || k->mention >= 0 || k->in_role || k->w->noun_form) continue;
        /* after a determiner the word is a noun: "la ayuda", "the attack" */
        if (i > c->first && is_cue(c, NG_CUE_DETERMINER, i - 1)) continue;
        if (verb_at(c, i, k->w->frame_lemma, k->w->frames)) return NG_ENOMEM;
    }
    return 0;
}

/* ---- attribution ------------------------------------------------------------- */

static int speaker_of(sent_ctx *c)
{
    ng_extractor *x = c->x;
    for (size_t i = c->first; i < c->end; i++) {
        int n = ng__cue_at(x, NG_CUE_ACCORDING, i, c->end, NULL);
        if (!n) continue;
        /* "según la agencia estatal KCNA": the source may follow a description */
        for (size_t j = i + (size_t)n; j < c->end && j < i + (size_t)n + 6; j++) {
            if (is_punct(c, j)) break;
            int m = mention_at(c, j);
            if (m >= 0 && agent_like(c, m) && M(c, m)->kind != MK_DEMONYM) return m;
        }
    }
    for (size_t i = c->first; i < c->end; i++) {
        const xtok *k = T(c, i);
        if (k->mention >= 0 || !(k->flags & NG_TOK_WORD)) continue;
        /* the form itself ("said" is a stop word, never stemmed) or a lemma */
        if (!k->w->speech) continue;
        /* "dijo el portavoz …, Dmitri Peskov": a person after the verb first */
        int after = -1;
        for (size_t j = i + 1; j < c->end && j < i + 14; j++) {
            int m = mention_at(c, j);
            /* "informó a Putin": whom it was said to is not who said it */
            if (m < 0 || prep_before(c, m) >= 0) continue;
            if (is_person(c, m)) return m;
            /* "dijo el Kremlin", but not "said that Ukraine…" */
            if (after < 0 && agent_like(c, m) && j == skip_dets(c, i + 1) &&
                !is_cue(c, NG_CUE_COMPLEMENTIZER, i + 1))
                after = m;
        }
        /* "Peskov dijo", "the Kenyan interior ministry said": the nearest name
         * or nationality within four words before the verb */
        for (size_t b = i; b > c->first && i - b < 4 && (!is_punct(c, b - 1) || is_comma(c, b - 1));
             b--) {
            int m = T(c, b - 1)->mention;
            if (m >= 0 && agent_like(c, m)) return m;
        }
        if (after >= 0) return after;
    }
    return -1;
}

/* Claims read from what a sentence says happened (verb frames), as opposed
 * to how it names people and bodies (appositions, nominal patterns). */
static int attributable(const ng_claim *cl)
{
    return strncmp(cl->pattern, "svo:", 4) == 0 || strncmp(cl->pattern, "passive:", 8) == 0;
}

void ng__mark_reported(ng_claim *cl, long speaker)
{
    cl->speaker = speaker;
    if (cl->modality == NG_MOD_ASSERTED) cl->modality = NG_MOD_REPORTED;
}

/* Who this sentence quotes (output entity index, -1 if nobody); the
 * sentence's own reported claims get that speaker. */
static int attribute(sent_ctx *c, long *speaker)
{
    ng_extractor *x = c->x;
    *speaker = -1;
    int sp = speaker_of(c);
    if (sp < 0) return 0;
    long idx = ng__output_entity(x, ng__root(x, x->ms[sp].ent));
    if (idx < 0) return NG_ENOMEM;
    *speaker = idx;
    for (size_t i = c->claims_from; i < x->out.nclaims; i++) {
        ng_claim *cl = &x->out.claims[i];
        if (cl->subject != (size_t)idx && attributable(cl)) ng__mark_reported(cl, idx);
    }
    return 0;
}

/* Whether entity `person` holds a role in `body` according to this article. */
static int speaks_for(const ng_extractor *x, size_t person, size_t body)
{
    for (size_t i = 0; i < x->out.nclaims; i++) {
        const ng_claim *cl = &x->out.claims[i];
        if (cl->subject == person && cl->object == body && !attributable(cl)) return 1;
    }
    return 0;
}

static int same_paragraph(const ng_extractor *x, size_t a, size_t b)
{
    const ng_sentence *sa = &x->seg.sentences[a], *sb = &x->seg.sentences[b];
    return memchr(x->text + sa->end, '\n', sb->start - sa->end) == NULL;
}

/* "El Kremlin aseguró que prestará asistencia… \"…\", dijo su portavoz,
 * Dmitri Peskov": what a body said in the sentences just before its
 * spokesperson is quoted, in the same paragraph, was said by that person. */
static void attribute_spokespeople(ng_extractor *x, const long *speakers)
{
    for (size_t s = 1; s < x->seg.nsentences; s++) {
        if (speakers[s] < 0) continue;
        for (size_t b = s; b > 0 && s - b < 3 && same_paragraph(x, b - 1, s); b--) {
            for (size_t i = 0; i < x->out.nclaims; i++) {
                ng_claim *cl = &x->out.claims[i];
                if (x->sites[i].sent[0] != b - 1 || cl->speaker >= 0 || !attributable(cl)) continue;
                if (speaks_for(x, (size_t)speakers[s], cl->subject))
                    ng__mark_reported(cl, speakers[s]);
            }
        }
    }
}

int ng__find_relations(ng_extractor *x, ng_error *err)
{
    size_t m = 0;
    long *speakers = calloc(x->seg.nsentences + 1, sizeof *speakers);
    if (!speakers) return ng_error_set(err, NG_ENOMEM, "out of memory");
    for (size_t s = 0; s < x->seg.nsentences; s++) {
        const ng_sentence *z = &x->seg.sentences[s];
        sent_ctx c = {x, (uint32_t)s, z->first, z->first + z->count, m, m, x->out.nclaims,
                      0, x->parsed};
        while (c.m1 < x->nms && x->ms[c.m1].sent == s)
            c.m1++;
        m = c.m1;
        speakers[s] = -1;
        /* a sentence with no name may still refer to some ("ambos países") */
        if (c.m1 == c.m0 && !ng__sentence_has_reference(x, (uint32_t)s)) continue;
        /* verbs: over the tree where there is one, and by distance where
         * the tree gives a verb no arguments */
        uint8_t *verbs = x->parsed ? calloc(z->count + 1, 1) : NULL;
        int rc = (x->parsed && !verbs) || find_roles(&c) || nominals(&c) ||
                 (verbs && (ng__tree_predicates(x, (uint32_t)s, verbs) ||
                            ng__tree_nominals(x, (uint32_t)s))) ||
                 find_verbs(&c, verbs) || attribute(&c, &speakers[s]);
        free(verbs);
        if (rc) {
            free(speakers);
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        }
    }
    attribute_spokespeople(x, speakers);
    free(speakers);
    return 0;
}
