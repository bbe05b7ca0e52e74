/* Nominal relations over the dependency tree: what noun phrases say of the
 * names in them.
 *
 *   tree:nationality  an organisation beside a noun with a nationality ("la
 *                     chilena Codelco", "el fabricante alemán BMW") is
 *                     locatedIn that country
 *                     and a person described so is its national ("el
 *                     epidemiólogo mexicano Hugo López-Gatell", "Hugo
 *                     López-Gatell, epidemiólogo mexicano", "Mexican
 *                     epidemiologist Hugo López-Gatell")
 *   tree:state-owned  and owned by it when the noun is the state's ("la
 *                     petrolera estatal peruana Petroperú")
 *   copula:role       a role noun with a copula gives its subject the role
 *                     ("Sánchez es el presidente de España")
 *   tree:located-in   an organisation or a place with a wider place hung on
 *                     it lies there ("el Instituto Butantan de Brasil",
 *                     "Blumenau, Santa Catarina")
 *   tree:member-of    "Yaku Pérez, del Pachakutik"
 *   tree:works-for    "Jennifer Cole, antropóloga de la Universidad X"
 *   tree:counterpart  "su homólogo chileno, Gabriel Boric" holds in Chile the
 *                     office the clause's subject holds of its country
 *   noun:<lemma>      an event noun of events.tsv between who did it and
 *                     what it was done to ("la invasión rusa de Ucrania",
 *                     "la visita de Biden a México", "Rusia lanzó un ataque
 *                     contra Kiev") */
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

static int has_copula(const ng_tree *t, size_t h)
{
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == h && rel_is(W(t, c), "cop")) return 1;
    return 0;
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
    int cop = has_copula(t, r);
    arg holder[MAX_ARGS];
    size_t nh = cop ? ng__tree_subjects(t, r, holder) : 0;
    /* "Rishi Sunak fue primer ministro …" parsed as an apposition with a
     * copula, which no apposition has: the name it hangs on is the subject */
    if (cop && !nh && rel_is(w, "appos") && parent(t, r) != (size_t)-1 && parent(t, r) < r)
        holder[nh++] = (arg){parent(t, r), "_", 0};
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

/* The mention word h heads (its parent lies outside it), or -1. */
static int headed_mention(const ng_tree *t, size_t h)
{
    int m = t->x->toks[W(t, h)->token].mention;
    if (m < 0 || t->x->ms[m].kind == MK_DEMONYM) return -1;
    size_t p = parent(t, h);
    return p != (size_t)-1 && t->x->toks[W(t, p)->token].mention == m ? -1 : m;
}

static ng_type type_of(const ng_tree *t, int m)
{
    return t->x->ents[t->x->ms[m].ent].type;
}

static int locative(const char *marker)
{
    static const char *const ms[] = {"de", "of", "en", "in", NULL};
    for (int k = 0; ms[k]; k++)
        if (strcmp(marker, ms[k]) == 0) return 1;
    return 0;
}

/* A name word c hangs on word h by: a preposition of place or origin
 * (nmod, or a flat word with its own "de": "el Instituto Butantan de
 * Brasil"), else, after a comma, as apposition ("Blumenau, Santa
 * Catarina"); its mention, or -1. */
static int place_beside(ng_tree *t, size_t h, size_t c, const char **marker)
{
    const ng_word *w = W(t, c);
    int m = ng__tree_mention(t, c);
    if (m < 0 || t->x->ms[m].kind == MK_DEMONYM) return -1;
    *marker = ng__tree_marker(t, c);
    if ((rel_is(w, "nmod") || rel_is(w, "flat")) && locative(*marker)) return m;
    /* only a place after a place: "la Unión de Comunidades Islámicas de
     * España, Cataluña es …" is no organisation in Catalonia */
    int comma = c > 0 && strcmp(W(t, c - 1)->form, ",") == 0;
    int hm = ng__tree_mention(t, h);
    int place = hm >= 0 && ng__place_rank(type_of(t, hm));
    return strcmp(*marker, "_") == 0 && comma && place && c > h &&
                   (rel_is(w, "appos") || rel_is(w, "flat"))
               ? m
               : -1;
}

/* The country a common noun c names a nationality of, itself ("el
 * mexicano X") or by an adjective on it ("el epidemiólogo mexicano"), as a
 * demonym mention, or -1. A noun that is a name of its own, or names a
 * body ("la empresa mexicana"), describes no person. */
static int noun_nationality(ng_tree *t, size_t c)
{
    const ng_word *w = W(t, c);
    if (w->upos != NG_UPOS_NOUN && w->upos != NG_UPOS_ADJ) return -1;
    static const int bodies[] = {NG_CUE_ORG_HEAD, NG_CUE_MEDIA_HEAD, NG_CUE_PLACE_HEAD,
                                 NG_CUE_DESCRIPTION};
    for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++)
        if (ng__tree_lemma_cue(t, c, bodies[k])) return -1;
    int own = t->x->toks[w->token].mention;
    if (own >= 0 && t->x->ms[own].kind != MK_DEMONYM) return -1;
    int d = demonym_at(t, c);
    for (size_t k = 0; k < t->n && d < 0; k++)
        if (parent(t, k) == c && rel_is(W(t, k), "amod")) d = demonym_at(t, k);
    return d >= 0 && type_of(t, d) == NG_TYPE_COUNTRY ? d : -1;
}

/* "el epidemiólogo mexicano Hugo López-Gatell", "el mexicano Hugo
 * López-Gatell", "Hugo López-Gatell, epidemiólogo mexicano", "Mexican
 * epidemiologist Hugo López-Gatell", "Shalev is an Israeli
 * mathematician": a person named beside a noun of a nationality, or the
 * subject of one with a copula, is its national (tree:nationality). Only the noun the name
 * hangs on, or one hung on the name, counts: "el presidente de la
 * farmacéutica estadounidense Pfizer, Albert Bourla" says nothing of
 * Bourla's. */
static int person_nationality(ng_tree *t, size_t name)
{
    int m = headed_mention(t, name);
    if (m < 0 || type_of(t, m) != NG_TYPE_PERSON) return 0;
    const ng_word *w = W(t, name);
    size_t h = parent(t, name);
    int d = -1;
    size_t at = name;
    if (h != (size_t)-1 && (rel_is(w, "appos") || rel_is(w, "flat")) &&
        t->x->toks[W(t, h)->token].mention != m &&
        !ng__compared_at(t->x, t->x->seg.sentences[t->sent].first, W(t, h)->token))
        d = noun_nationality(t, at = h);
    for (size_t c = 0; c < t->n && d < 0; c++)
        if (parent(t, c) == name &&
            (rel_is(W(t, c), "appos") || rel_is(W(t, c), "compound") || rel_is(W(t, c), "amod")))
            d = noun_nationality(t, at = c);
    /* "Aner Shalev is an Israeli mathematician", "la escritora es peruana" */
    if (d < 0 && h != (size_t)-1 && rel_is(w, "nsubj") && has_copula(t, h))
        d = noun_nationality(t, at = h);
    if (d < 0 || t->x->ms[d].ent == t->x->ms[m].ent) return 0;
    t->anchor = W(t, at)->token;
    return ng__add_claim(t->x, m, d, "nationality", "tree:nationality", t->sent, t->anchor,
                         TREE_CONFIDENCE);
}

/* Whether an apposition of h stands between h and its dependent c:
 * "estudia en Sao Paulo y Mayla, medicina en Argentina" hangs the second
 * place on the first only through a gap the parse cannot show (a plain
 * conjunct shares the place: "Oxford y AstraZeneca en Reino Unido"). */
static int past_an_apposition(const ng_tree *t, size_t h, size_t c)
{
    for (size_t d = h + 1; d < c; d++)
        if (parent(t, d) == h && rel_is(W(t, d), "appos")) return 1;
    return 0;
}

/* "el Instituto Butantan de Brasil", "la Universidad de Cornell, en Nueva
 * York", "Blumenau, Santa Catarina": an organisation or a place with a
 * wider place hung on it lies in that place (tree:located-in). */
static int located(ng_tree *t, size_t h)
{
    int m = headed_mention(t, h);
    if (m < 0) return 0;
    ng_type ty = type_of(t, m);
    if (ty != NG_TYPE_ORGANIZATION && !ng__place_rank(ty)) return 0;
    /* a body the gazetteer knows has its seat; a place hung on it names
     * its presence there ("la OMS en Vietnam", "el Partido Demócrata de
     * Michigan") */
    if (ty == NG_TYPE_ORGANIZATION && t->x->ms[m].gaz >= 0) return 0;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != h || past_an_apposition(t, h, c)) continue;
        const char *marker = "_";
        int p = place_beside(t, h, c, &marker);
        if (p < 0 || t->x->ms[p].ent == t->x->ms[m].ent) continue;
        int wider = ng__place_rank(type_of(t, p));
        if (!wider || (ng__place_rank(ty) && wider <= ng__place_rank(ty))) continue;
        t->anchor = W(t, c)->token;
        if (ng__add_claim(t->x, m, p, "locatedIn", "tree:located-in", t->sent, t->anchor,
                          TREE_CONFIDENCE))
            return NG_ENOMEM;
    }
    return 0;
}

/* Whether mention m is a body the gazetteer knows or whose name has an
 * organisation's head word (cues.tsv: org-head). */
static int named_body(const ng_tree *t, int m)
{
    const mention *mm = &t->x->ms[m];
    if (mm->gaz >= 0) return 1;
    for (uint32_t k = mm->t0; k < mm->t1; k++)
        if (ng__cue_at(t->x, NG_CUE_ORG_HEAD, k, mm->t1, NULL)) return 1;
    return 0;
}

/* Whether a role of roles.tsv starts at word i ("secretaria de Economía"). */
static int role_at(const ng_tree *t, size_t i)
{
    const ng_sentence *z = &t->x->seg.sentences[t->sent];
    return t->x->toks[W(t, i)->token].in_role ||
           ng__role_at(t->x, W(t, i)->token, z->first + z->count, NULL) > 0;
}

/* A noun in apposition: "Jorge Cortés, infectólogo del Hospital …". A
 * tagger that does not know the noun may call it an adjective on the name;
 * after the comma that follows the name it is the apposition still. */
static int apposed_noun(const ng_tree *t, size_t c)
{
    const ng_word *w = W(t, c);
    if (rel_is(w, "appos") && w->upos == NG_UPOS_NOUN) return 1;
    return rel_is(w, "amod") && w->upos == NG_UPOS_ADJ && c > 0 &&
           strcmp(W(t, c - 1)->form, ",") == 0 && parent(t, c - 1) == c;
}

/* "Yaku Pérez, del Pachakutik": a person with an organisation after a
 * comma and "de" is its member (tree:member-of); "Jennifer Cole,
 * antropóloga de la Universidad Royal Holloway": with a noun in apposition
 * whose "de"/"en" is an organisation, works for it (tree:works-for). Roles
 * of roles.tsv are the apposition rules'. */
static int affiliation(ng_tree *t, size_t h)
{
    int m = headed_mention(t, h);
    if (m < 0 || type_of(t, m) != NG_TYPE_PERSON) return 0;
    for (size_t c = h + 1; c < t->n; c++) {
        if (parent(t, c) != h) continue;
        const ng_word *w = W(t, c);
        const char *marker = ng__tree_marker(t, c);
        int org = -1, works = 0;
        if (rel_is(w, "nmod") && (strcmp(marker, "de") == 0 || strcmp(marker, "of") == 0) &&
            strcmp(W(t, c > 1 ? c - 1 : 0)->form, ",") != 0) {
            /* the comma comes before the preposition: ", del Pachakutik" */
            size_t first = c;
            for (size_t k = 0; k < c; k++)
                if (parent(t, k) == c && rel_is(W(t, k), "case") && k < first) first = k;
            /* right after the name: in "Vélez, de Comunicación; Salomón, de
             * Economía" a parse may hang the second on the first */
            if (first > 1 && strcmp(W(t, first - 1)->form, ",") == 0 &&
                t->x->toks[W(t, first - 2)->token].mention == m)
                org = ng__tree_mention(t, c);
        } else if (apposed_noun(t, c) && t->x->toks[w->token].mention < 0 && !role_at(t, c)) {
            for (size_t d = 0; d < t->n && org < 0; d++) {
                if (parent(t, d) != c || !rel_is(W(t, d), "nmod")) continue;
                const char *mk = ng__tree_marker(t, d);
                if (strcmp(mk, "de") == 0 || strcmp(mk, "of") == 0 || strcmp(mk, "en") == 0 ||
                    strcmp(mk, "at") == 0)
                    org = ng__tree_mention(t, d);
            }
            works = 1;
        }
        if (org < 0 || type_of(t, org) != NG_TYPE_ORGANIZATION) continue;
        /* "secretaria de Economía": a department's bare name is no employer
         * the graph can tell; a body of the gazetteer or with a head word
         * ("Universidad de …", "Hospital …") is */
        if (works && !named_body(t, org)) continue;
        t->anchor = w->token;
        if (ng__add_claim(t->x, m, org, works ? "worksFor" : "memberOf",
                          works ? "tree:works-for" : "tree:member-of", t->sent, t->anchor,
                          TREE_CONFIDENCE))
            return NG_ENOMEM;
    }
    return 0;
}

/* Whether word c hangs on event noun n, directly or, with its own
 * preposition, under a name that does ("la visita de Biden a México": a
 * parse may hang "a México" on Biden). */
static int on_event(const ng_tree *t, size_t n, size_t c)
{
    size_t p = parent(t, c);
    if (p == n) return 1;
    if (p == (size_t)-1 || parent(t, p) != n || t->x->toks[W(t, p)->token].mention < 0) return 0;
    if (!(rel_is(W(t, c), "nmod") || rel_is(W(t, c), "flat"))) return 0;
    for (size_t k = 0; k < t->n; k++)
        if (parent(t, k) == c && rel_is(W(t, k), "case")) return 1;
    return 0;
}

/* Who did the event of noun n (events.tsv), into out: a nationality on
 * it ("la invasión rusa"), a possessor ("Russia's invasion"), a "por"/"by"
 * name, a "de"/"of" name when "de" introduces no theme of f; else the
 * subjects of a light verb whose object it is ("Rusia lanzó un ataque",
 * cues.tsv: light-verb), *verb set to that verb. */
static size_t event_agents(ng_tree *t, size_t n, const ng_verb_frame *f, arg *out, size_t *verb)
{
    size_t na = 0;
    *verb = (size_t)-1;
    for (size_t c = 0; c < t->n; c++) {
        if (!on_event(t, n, c)) continue;
        const ng_word *w = W(t, c);
        const char *m = ng__tree_marker(t, c);
        int by = strcmp(m, "por") == 0 || strcmp(m, "by") == 0;
        int of = (strcmp(m, "de") == 0 || strcmp(m, "of") == 0) && !ng__tree_marker_fits(f, m);
        /* under a name, "de" is the name's ("ante el PSG de Mbappé") */
        int direct = parent(t, c) == n;
        if ((direct && rel_is(w, "amod") && demonym_at(t, c) >= 0) ||
            (direct && rel_is(w, "nmod:poss")) ||
            ((rel_is(w, "nmod") || rel_is(w, "flat")) && (by || (of && direct))))
            na = ng__tree_conjuncts(t, c, "_", out, na);
    }
    size_t v = parent(t, n);
    if (!na && v != (size_t)-1 && rel_is(W(t, n), "obj") && W(t, v)->upos == NG_UPOS_VERB &&
        ng__tree_lemma_cue(t, v, NG_CUE_LIGHT_VERB)) {
        na = ng__tree_subjects(t, v, out);
        *verb = v;
    }
    return na;
}

/* The event's themes: its "de"/"contra"/"with" … names, as f's markers
 * say ("el ataque contra Kiev"). */
static size_t event_themes(ng_tree *t, size_t n, const ng_verb_frame *f, arg *out)
{
    size_t nt = 0;
    for (size_t c = 0; c < t->n; c++) {
        if (!on_event(t, n, c) || !(rel_is(W(t, c), "nmod") || rel_is(W(t, c), "flat"))) continue;
        const char *m = ng__tree_marker(t, c);
        if (strcmp(m, "_") != 0 && ng__tree_marker_fits(f, m))
            nt = ng__tree_conjuncts(t, c, m, out, nt);
    }
    return nt;
}

/* Whether word n is inside a phrase of attribution ("de acuerdo con",
 * cues.tsv: according). */
static int in_according(const ng_tree *t, size_t n)
{
    const ng_sentence *z = &t->x->seg.sentences[t->sent];
    size_t tok = W(t, n)->token, end = z->first + z->count;
    for (size_t i = tok >= z->first + 2 ? tok - 2 : z->first; i <= tok; i++) {
        int len = ng__cue_at(t->x, NG_CUE_ACCORDING, i, end, NULL);
        if (len > 0 && i + (size_t)len > tok) return 1;
    }
    return 0;
}

/* Event noun n of symmetric frame f between mentions m[0] and m[1] (none
 * when either is missing or both are one entity); rule names a reference
 * that gave them. */
static int pair_claim(ng_tree *t, size_t n, const ng_verb_frame *f, const char *pattern,
                      const int m[2], const char *rule)
{
    ng_extractor *x = t->x;
    if (m[0] < 0 || m[1] < 0 || x->ms[m[0]].ent == x->ms[m[1]].ent) return 0;
    t->anchor = W(t, n)->token;
    const char *p = ng__tree_with_rule(t, pattern, rule, NULL);
    return !p || ng__add_claim(x, m[0], m[1], f->property, p, t->sent, t->anchor,
                               rule ? COREF_CONFIDENCE : TREE_CONFIDENCE);
}

/* "el acuerdo entre Chile y Perú", "la alianza entre ambos países": a
 * relation both ways between the two (f symmetric, nobody else doing it). */
static int between(ng_tree *t, size_t n, const ng_verb_frame *f, const char *pattern,
                   const arg *themes, size_t nt)
{
    ng_extractor *x = t->x;
    int m[2] = {-1, -1};
    const char *rule = NULL;
    for (size_t k = 0; k < nt; k++) {
        const char *mk = themes[k].marker;
        if (strcmp(mk, "entre") != 0 && strcmp(mk, "between") != 0) continue;
        int a, b;
        if (ng__reference_pair(x, t->first + themes[k].word, &a, &b)) {
            m[0] = a, m[1] = b, rule = "coref:both";
            break;
        }
        int r = ng__tree_referent(t, themes[k].word, NULL, 1);
        if (r >= 0 && m[0] < 0)
            m[0] = r;
        else if (r >= 0 && m[1] < 0 && x->ms[r].ent != x->ms[m[0]].ent)
            m[1] = r;
    }
    return pair_claim(t, n, f, pattern, m, rule);
}

/* Two who did a symmetric event together: the pair "ambos" stands for, or
 * the first two coordinated agents. */
static int each_other(ng_tree *t, size_t n, const ng_verb_frame *f, const char *pattern,
                      const arg *agents, size_t na)
{
    ng_extractor *x = t->x;
    int m[2] = {-1, -1};
    const char *rule = NULL;
    if (na == 1 && ng__reference_pair(x, t->first + agents[0].word, &m[0], &m[1]))
        rule = "coref:both";
    else if (na >= 2) {
        m[0] = ng__tree_referent(t, agents[0].word, NULL, 1);
        m[1] = ng__tree_referent(t, agents[1].word, NULL, 1);
    }
    return pair_claim(t, n, f, pattern, m, rule);
}

/* "la invasión rusa de Ucrania", "la visita de Biden a México", "Russia
 * launched an attack on Kyiv": a noun of events.tsv between who did it and
 * what it was done to (noun:<lemma>), with the modality of the words before
 * it, or of its light verb. */
static int event_noun(ng_tree *t, size_t n)
{
    ng_extractor *x = t->x;
    const ng_word *w = W(t, n);
    if (w->upos != NG_UPOS_NOUN || x->toks[w->token].mention >= 0 || rel_is(w, "fixed") ||
        in_according(t, n))
        return 0;
    const char *lemma = ng__tree_fold(t, w->lemma);
    const ng_verb_frame *frames = ng_map_get(x->lx->events, lemma, strlen(lemma));
    if (!frames) return 0;
    const char *pattern = ng__pattern_name(x, "noun", lemma);
    if (!pattern) return NG_ENOMEM;
    arg agents[MAX_ARGS], themes[MAX_ARGS];
    size_t before = x->out.nclaims, verb = (size_t)-1;
    for (const ng_verb_frame *f = frames; f && x->out.nclaims == before; f = f->next) {
        size_t nt = event_themes(t, n, f, themes),
               na = nt ? event_agents(t, n, f, agents, &verb) : 0;
        if (!na && f->sym && between(t, n, f, pattern, themes, nt)) return NG_ENOMEM;
        /* "Chile y Perú mantienen una alianza", "ambos países firmaron un
         * acuerdo": the light verb's two subjects with each other */
        if (!nt && f->sym) {
            na = event_agents(t, n, f, agents, &verb);
            if (verb != (size_t)-1 && each_other(t, n, f, pattern, agents, na)) return NG_ENOMEM;
        }
        t->anchor = w->token;
        for (size_t a = 0; a < na; a++)
            for (size_t k = 0; k < nt; k++) {
                const char *ra = NULL, *rt = NULL;
                int s = ng__tree_referent(t, agents[a].word, &ra, 1);
                int o = ng__tree_referent(t, themes[k].word, &rt, f->owner);
                if (s < 0 || o < 0 || x->ms[s].ent == x->ms[o].ent) continue;
                s = ng__government_of(x, s);
                if (f->inv) {
                    int tmp = s;
                    s = o;
                    o = tmp;
                }
                const char *p = ng__tree_with_rule(t, pattern, ra, rt);
                if (!p || ng__add_claim(x, s, o, f->property, p, t->sent, t->anchor,
                                        ra || rt ? COREF_CONFIDENCE : TREE_CONFIDENCE))
                    return NG_ENOMEM;
            }
    }
    if (x->out.nclaims > before) {
        size_t at = verb != (size_t)-1 ? W(t, verb)->token : w->token;
        ng_modality m = ng__verb_modality(x, t->sent, at);
        /* "la invasión prevista", "a possible attack" */
        for (size_t c = 0; c < t->n && m == NG_MOD_ASSERTED; c++)
            if (parent(t, c) == n && rel_is(W(t, c), "amod"))
                m = ng__tok_cue(x, W(t, c)->token, NG_CUE_HEDGE)    ? NG_MOD_HEDGED
                    : ng__tok_cue(x, W(t, c)->token, NG_CUE_FUTURE) ? NG_MOD_FUTURE
                                                                    : m;
        ng__set_modality(x, before, m);
    }
    return 0;
}

/* Whether property p is a person's office in roles.tsv (and not a bare
 * affiliation: worksFor, represents). */
static int office(const ng_extractor *x, const char *p)
{
    if (strcmp(p, "worksFor") == 0 || strcmp(p, "represents") == 0 || strcmp(p, "memberOf") == 0)
        return 0;
    for (size_t k = 0; k < x->lx->nroles; k++) {
        const ng_role *r = &x->lx->role_list[k];
        if (r->property && !r->org && !r->inverse && strcmp(r->property, p) == 0) return 1;
    }
    return 0;
}

/* The office the entity of mention m holds of a country in the claims so
 * far ("Lula, presidente de Brasil"), or NULL. */
static const char *office_of(ng_extractor *x, int m)
{
    long e = ng__output_entity(x, ng__root(x, x->ms[m].ent));
    for (size_t k = 0; e >= 0 && k < x->out.nclaims; k++) {
        const ng_claim *c = &x->out.claims[k];
        if (c->subject == (size_t)e && x->out.entities[c->object].type == NG_TYPE_COUNTRY &&
            office(x, c->property))
            return c->property;
    }
    return NULL;
}

/* "Lula se reunió con su homólogo chileno, Gabriel Boric", "Blinken met
 * his Chinese counterpart Wang Yi": a counterpart (cues.tsv: counterpart)
 * of another country holds there the office the clause's subject holds of
 * its own (tree:counterpart). */
static int counterpart(ng_tree *t, size_t n)
{
    ng_extractor *x = t->x;
    const ng_word *w = W(t, n);
    if (w->upos != NG_UPOS_NOUN || !ng__tree_lemma_cue(t, n, NG_CUE_COUNTERPART)) return 0;
    int holder = -1, country = -1;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != n) continue;
        int m = ng__tree_mention(t, c);
        if (m < 0) continue;
        ng_type ty = x->ents[x->ms[m].ent].type;
        if (ty == NG_TYPE_COUNTRY && (rel_is(W(t, c), "amod") || rel_is(W(t, c), "nmod")))
            country = m;
        else if (ty == NG_TYPE_PERSON && (rel_is(W(t, c), "appos") || rel_is(W(t, c), "flat") ||
                                          rel_is(W(t, c), "compound")))
            holder = m;
    }
    if (holder < 0 || country < 0) return 0;
    /* whose counterpart: the subject of the verb the phrase hangs on */
    size_t v = parent(t, n);
    while (v != (size_t)-1 && W(t, v)->upos != NG_UPOS_VERB && parent(t, v) != (size_t)-1)
        v = parent(t, v);
    if (v == (size_t)-1 || W(t, v)->upos != NG_UPOS_VERB) return 0;
    arg subj[MAX_ARGS];
    size_t ns = ng__tree_subjects(t, v, subj);
    int other = ns ? ng__tree_referent(t, subj[0].word, NULL, 0) : -1;
    if (other < 0 || x->ms[other].ent == x->ms[holder].ent) return 0;
    const char *role = office_of(x, other);
    if (!role) return 0;
    t->anchor = w->token;
    return ng__add_claim(x, holder, country, role, "tree:counterpart", t->sent, t->anchor,
                         TREE_CONFIDENCE);
}

int ng__tree_nominals(ng_extractor *x, uint32_t sent)
{
    ng_tree t;
    if (!ng__tree_of(x, sent, &t)) return 0;
    int rc = 0;
    for (size_t i = 0; i < t.n && !rc; i++)
        rc = nationality(&t, i) || person_nationality(&t, i) || copular_role(&t, i) ||
             located(&t, i) || affiliation(&t, i) || event_noun(&t, i) || counterpart(&t, i);
    ng_buf_free(&t.fold);
    return rc;
}
