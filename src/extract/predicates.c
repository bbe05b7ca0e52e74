/* Verbal predicates over the dependency tree: a verb of the lexicon
 * (lexicon/<lang>/verbs.tsv) and the mentions its arguments are.
 *
 *   subject   nsubj; shared by a verb coordinated with it (conj) and by a
 *             verb it controls (xcomp); the noun a relative clause hangs on
 *             when the clause's relative pronoun is its subject
 *   object    obj and iobj (marker "_", or the preposition of a personal
 *             "a"), obl and the nmod of an object by their preposition
 *             (case, with its fixed words: "junto a"), matched against the
 *             frame's markers; the noun a relative clause hangs on when the
 *             clause's relative pronoun is its object
 *   passive   an auxiliary of the passive or nsubj:pass: the subject is what
 *             was acted on, and the agent comes with "por"/"by"
 * Coordinated arguments ("Lula y Petro", conj) each take part. A verb that
 * is the complement of trying, asking or promising (cues.tsv: intent) is
 * hedged: "trató de recuperar", "urged them to attack". A word is an
 * argument through the mention that covers it, or the mention of a name in
 * apposition to it or flat under it ("el presidente, Vladimir Putin").
 * Nothing is guessed across words the tree does not join: a relation needs
 * both ends in the verb's own arguments.
 *
 * A verb the lexicon does not map, between a subject and an object that
 * are entities, gives an ng:relatedTo claim (pattern verb:<lemma>
 * [<preposition>]) that is never a direct triple.
 *
 * Nominal relations: an organisation beside a noun with a nationality
 * ("la chilena Codelco") is locatedIn that country (tree:nationality), and
 * owned by it when the noun is the state's (tree:state-owned); a role noun
 * with a copula gives its subject the role (copula:role: "Sánchez es el
 * presidente de España").
 *
 * Patterns: tree:<verb> and tree-passive:<verb>. A verb of the lexicon whose
 * arguments the tree does not give is left to the distance rules
 * (relations.c: svo:<verb>, passive:<verb>), which a wrong parse leaves
 * less wrong than it leaves the tree. */
#include "extract_int.h"
#include "newsgraph/parse.h"

#include <string.h>

#define MAX_ARGS 16
#define TREE_CONFIDENCE 0.75
#define UNMAPPED_CONFIDENCE 0.5
#define COREF_CONFIDENCE 0.6

typedef struct tree {
    ng_extractor *x;
    const ng_parse *p;
    uint32_t sent;
    size_t first, n; /* the sentence's words [first, first + n) in the parse */
    uint32_t anchor; /* the token of the verb being read */
    ng_buf fold;
} tree;

typedef struct arg {
    size_t word; /* within the sentence */
    const char *marker;
    int owner; /* the owner of an object that names no one (frames with owner) */
} arg;

static const ng_word *W(const tree *t, size_t i)
{
    return ng_parse_word(t->p, t->first + i);
}

/* The word's parent within the sentence, or (size_t)-1 for the root. */
static size_t parent(const tree *t, size_t i)
{
    uint32_t h = W(t, i)->head;
    return h ? (size_t)h - 1 : (size_t)-1;
}

/* The tree of sentence sent; 0 when it has no parse. */
static int tree_of(const ng_extractor *x, uint32_t sent, tree *t)
{
    if (!x->parsed || sent >= ng_parse_sentence_count(x->parse)) return 0;
    const ng_parse_sentence *ps = ng_parse_sentence_at(x->parse, sent);
    *t = (tree){(ng_extractor *)x, x->parse, sent, ps->first, ps->count, 0, {0}};
    return 1;
}

/* The first word of token tok in the sentence, or (size_t)-1. */
static size_t word_of(const tree *t, size_t tok)
{
    for (size_t k = 0; k < t->n; k++)
        if (W(t, k)->token == tok) return k;
    return (size_t)-1;
}

static int rel_is(const ng_word *w, const char *rel)
{
    return strcmp(w->deprel, rel) == 0;
}

/* "obl" also fits "obl:agent", "obl:tmod" */
static int rel_family(const ng_word *w, const char *rel)
{
    size_t n = strlen(rel);
    return strncmp(w->deprel, rel, n) == 0 && (w->deprel[n] == '\0' || w->deprel[n] == ':');
}

static const char *folded(tree *t, const char *s)
{
    t->fold.len = 0;
    if (ng_fold_append(&t->fold, s, strlen(s)) || !ng_buf_cstr(&t->fold)) return "";
    return t->fold.data;
}

static int lemma_cue(tree *t, size_t i, int kind)
{
    const char *lemma = folded(t, W(t, i)->lemma);
    return ng__cue(t->x->lx, kind, lemma, strlen(lemma)) != NULL;
}

/* The preposition of word i: its case child and that child's fixed words,
 * folded, one space apart ("junto a"); "_" when it has none. In the pool. */
static const char *marker_of(tree *t, size_t i)
{
    ng_buf b = {0};
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != i || !rel_is(W(t, c), "case")) continue;
        if (ng_buf_adds(&b, folded(t, W(t, c)->form))) break;
        for (size_t d = c + 1; d < t->n; d++)
            if (parent(t, d) == c && rel_is(W(t, d), "fixed") &&
                (ng_buf_addc(&b, ' ') || ng_buf_adds(&b, folded(t, W(t, d)->form))))
                break;
        break;
    }
    const char *r = b.len ? ng_pool_strndup(t->x->pool, b.data, b.len) : "_";
    ng_buf_free(&b);
    return r ? r : "_";
}

static int marker_fits(const ng_verb_frame *f, const char *marker)
{
    for (int k = 0; k < f->nmarkers; k++) {
        char joined[64];
        size_t len = 0;
        for (int w = 0; f->markers[k][w]; w++) {
            int n =
                snprintf(joined + len, sizeof joined - len, "%s%s", w ? " " : "", f->markers[k][w]);
            if (n < 0 || (size_t)n >= sizeof joined - len) break;
            len += (size_t)n;
        }
        if (strcmp(joined, marker) == 0) return 1;
    }
    return 0;
}

/* Word i and the words coordinated with it, into out (up to MAX_ARGS). */
static size_t with_conjuncts(const tree *t, size_t i, const char *marker, arg *out, size_t n)
{
    if (n < MAX_ARGS) out[n++] = (arg){i, marker, 0};
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == i && rel_is(W(t, c), "conj")) n = with_conjuncts(t, c, marker, out, n);
    return n;
}

static int is_passive(const tree *t, size_t v)
{
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != v) continue;
        const ng_word *w = W(t, c);
        if (rel_is(w, "aux:pass") || rel_is(w, "nsubj:pass")) return 1;
        if (rel_is(w, "aux") && ng__tok_cue(t->x, w->token, NG_CUE_PASSIVE_AUX) &&
            strstr(W(t, v)->feats, "VerbForm=Part"))
            return 1;
    }
    return 0;
}

static int is_agent_marker(const char *m)
{
    return strcmp(m, "por") == 0 || strcmp(m, "by") == 0;
}

/* A clause of purpose: "para apoyar", "to support". */
static int purpose(tree *t, size_t v)
{
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == v && rel_is(W(t, c), "mark")) {
            const char *m = folded(t, W(t, c)->form);
            return strcmp(m, "para") == 0 || strcmp(m, "to") == 0;
        }
    return 0;
}

/* The verb's subjects (or, passive, what was acted on): its own, else
 * those of the verb it is coordinated with or controlled by, else the noun
 * its relative clause hangs on when the clause's pronoun is the subject. */
static size_t subjects(tree *t, size_t v, arg *out)
{
    size_t n = 0;
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == v && rel_family(W(t, c), "nsubj") &&
            (W(t, c)->upos != NG_UPOS_PRON || ng__reference_of(t->x, t->first + c, NULL) >= 0))
            n = with_conjuncts(t, c, "_", out, n);
        else if (parent(t, c) == v && rel_family(W(t, c), "nsubj") && rel_family(W(t, v), "acl") &&
                 parent(t, v) != (size_t)-1)
            n = with_conjuncts(t, parent(t, v), "_", out, n);
    if (n) return n;
    /* "Lula llegó y firmó", "decidió enviar", "aseguró que prestará
     * asistencia" (Spanish drops the subject a clause shares), "desplegó
     * tropas para apoyar" */
    size_t h = parent(t, v);
    /* "acusó a Ucrania de haber invadido", "urged Iran to stop": the
     * object of a verb of object control (cues.tsv) does what it says */
    if (h != (size_t)-1 && W(t, h)->upos == NG_UPOS_VERB && !rel_is(W(t, v), "conj") &&
        lemma_cue(t, h, NG_CUE_OBJECT_CONTROL))
        for (size_t c = 0; c < t->n; c++)
            if (parent(t, c) == h && (rel_is(W(t, c), "obj") || rel_is(W(t, c), "iobj")) &&
                W(t, c)->upos != NG_UPOS_PRON && c != v)
                return with_conjuncts(t, c, "_", out, 0);
    if (h != (size_t)-1 && W(t, h)->upos == NG_UPOS_VERB &&
        (rel_is(W(t, v), "conj") || rel_is(W(t, v), "xcomp") || rel_is(W(t, v), "ccomp") ||
         (rel_is(W(t, v), "advcl") && purpose(t, v))))
        return subjects(t, h, out);
    /* "Allí se reunió con Boluarte": the subject of the sentence before,
     * which coreference gave the verb itself (coref:zero) */
    if (ng__reference_of(t->x, t->first + v, NULL) >= 0) {
        out[0] = (arg){v, "_", 0};
        return 1;
    }
    return 0;
}

/* The mention word i stands for: the one covering it, else one in
 * apposition to it or flat under it, down a chain of them ("el jefe …, el
 * general Valeri Guerásimov"); -1 for none. */
/* Whether a person's role (roles.tsv) starts at word i ("chief of the
 * general staff"). */
static int role_noun(const tree *t, size_t i)
{
    const ng_sentence *z = &t->x->seg.sentences[t->sent];
    return ng__person_role_at(t->x, W(t, i)->token, z->first + z->count) > 0;
}

/* Whether word a is word d or above it. */
static int dominates_word(const tree *t, size_t a, size_t d)
{
    for (size_t steps = 0; d != (size_t)-1 && steps <= t->n; steps++, d = parent(t, d))
        if (d == a) return 1;
    return 0;
}

/* The first word of the phrase word h heads, punctuation aside. */
static size_t phrase_start(const tree *t, size_t h)
{
    size_t first = h;
    for (size_t k = h; k-- > 0;)
        if (W(t, k)->upos != NG_UPOS_PUNCT && dominates_word(t, h, k)) first = k;
    return first;
}

/* A person named after a comma in apposition to role noun i that the parse
 * hangs elsewhere: beside it ("thanked North Korea and its leader, Kim
 * Jong Un": list or conj on the noun's head) or under it by another
 * relation ("Russia's chief of the general staff, Gen Valery Gerasimov":
 * nmod); -1 for none. */
static int apposed_after(const tree *t, size_t i)
{
    for (size_t h = i + 1; h < t->n; h++) {
        int m = t->x->toks[W(t, h)->token].mention;
        size_t p = parent(t, h);
        if (m < 0 || t->x->ents[t->x->ms[m].ent].type != NG_TYPE_PERSON ||
            (p != (size_t)-1 && t->x->toks[W(t, p)->token].mention == m))
            continue;
        size_t first = phrase_start(t, h);
        if (first < 1 || strcmp(W(t, first - 1)->form, ",") != 0) continue;
        const ng_word *w = W(t, h);
        int under = p == i && (rel_is(w, "appos") || rel_is(w, "nmod") || rel_is(w, "list"));
        int beside = p != (size_t)-1 && p == parent(t, i) &&
                     (rel_is(w, "appos") || rel_is(w, "list") || rel_is(w, "conj"));
        if (under || beside) return m;
    }
    return -1;
}

static int mention_of(const tree *t, size_t i)
{
    int m = t->x->toks[W(t, i)->token].mention;
    if (m < 0 && W(t, i)->upos == NG_UPOS_NOUN && role_noun(t, i)) m = apposed_after(t, i);
    for (int depth = 0; m < 0 && depth < 3; depth++) {
        size_t next = (size_t)-1;
        for (size_t c = 0; c < t->n && next == (size_t)-1; c++)
            if (parent(t, c) == i && (rel_is(W(t, c), "appos") || rel_is(W(t, c), "flat")))
                next = c;
        if (next == (size_t)-1) break;
        i = next;
        m = t->x->toks[W(t, i)->token].mention;
    }
    return m;
}

static int place_type(ng_type ty)
{
    return ty == NG_TYPE_COUNTRY || ty == NG_TYPE_CITY || ty == NG_TYPE_REGION ||
           ty == NG_TYPE_PLACE;
}

/* The name a noun of word i is owned by: a nationality on it ("las
 * tropas ucranianas", "Russian troops"), a "de"/"of" name ("los soldados
 * de Corea del Norte") or a possessor ("Russia's forces") that is a place
 * or an organisation, for a noun of the place's members (cues.tsv:
 * member-noun); for a place noun a "de" place ("la región de Kursk"),
 * else its nationality ("territorio ruso"). */
static int owner_name(tree *t, size_t i, int member)
{
    int demonym = -1;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != i) continue;
        const ng_word *w = W(t, c);
        int m = t->x->toks[w->token].mention;
        if (m < 0 && (rel_is(w, "nmod") || rel_is(w, "nmod:poss"))) m = mention_of(t, c);
        if (m < 0) continue;
        ng_type ty = t->x->ents[t->x->ms[m].ent].type;
        /* a place's own name before its country: "la región rusa de Kursk" */
        if (rel_is(w, "amod") && t->x->ms[m].kind == MK_DEMONYM) {
            if (member) return m;
            demonym = m;
        }
        if (member && rel_is(w, "nmod:poss") && (place_type(ty) || ty == NG_TYPE_ORGANIZATION))
            return m;
        if (rel_is(w, "nmod") && t->x->ms[m].kind != MK_DEMONYM) {
            const char *mk = marker_of(t, c);
            int de = strcmp(mk, "de") == 0 || strcmp(mk, "of") == 0;
            if (de && (place_type(ty) || (member && ty == NG_TYPE_ORGANIZATION))) return m;
        }
    }
    return demonym; /* "territorio ruso" */
}

/* The mention word i stands for, by name, by what coreference resolved it
 * to, by the place it names or, with members, by whose members it names
 * (*rule: the rule's name, else left alone); -1 for none. Members stand
 * for their country as actors ("las tropas ucranianas atacaron"), but
 * as objects only for verbs of judging: "dirigirá la delegación de
 * Chile" does not lead Chile. */
static int referent(tree *t, size_t i, const char **rule, int members)
{
    int m = mention_of(t, i);
    if (m >= 0) return m;
    if ((m = ng__reference_of(t->x, t->first + i, rule)) >= 0) return m;
    if (W(t, i)->upos != NG_UPOS_NOUN) return -1;
    int member = members && lemma_cue(t, i, NG_CUE_MEMBER_NOUN);
    if (!member && !ng__tok_cue(t->x, W(t, i)->token, NG_CUE_PLACE_HEAD)) return -1;
    if ((m = owner_name(t, i, member)) >= 0 && rule) *rule = member ? "member" : "place";
    return m;
}

/* The pattern of a claim one of whose ends coreference gave:
 * "tree:firmar+coref:pronoun". */
static const char *with_rule(tree *t, const char *pattern, const char *rs, const char *ro)
{
    const char *rule = rs ? rs : ro;
    if (!rule || !pattern) return pattern;
    ng_buf b = {0};
    const char *r = ng_buf_printf(&b, "%s+%s", pattern, rule)
                        ? NULL
                        : ng_pool_strndup(t->x->pool, b.data, b.len);
    ng_buf_free(&b);
    return r;
}

/* "se reunió el martes en Lima con Lula": a parse may hang a phrase with
 * its own preposition flat under the name before it; it is an argument. */
static size_t stray_below(tree *t, size_t i, arg *out, size_t n)
{
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != i || !rel_is(W(t, c), "flat")) continue;
        const char *m = marker_of(t, c);
        if (strcmp(m, "_") != 0) n = with_conjuncts(t, c, m, out, n);
    }
    return n;
}

/* The verb's objects with their markers: obj, iobj, obl, and the nmod of
 * one of them ("firmó un acuerdo con Chile"). */
static size_t objects(tree *t, size_t v, arg *out)
{
    size_t n = 0;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != v) continue;
        const ng_word *w = W(t, c);
        /* "agradeció a Irán y a su líder": a parse may coordinate the
         * second object with the verb itself */
        int stray = rel_is(w, "conj") && (w->upos == NG_UPOS_NOUN || w->upos == NG_UPOS_PROPN);
        if (!stray && !rel_is(w, "obj") && !rel_is(w, "iobj") && !rel_family(w, "obl")) continue;
        /* "la empresa que compró Repsol": the relative pronoun is the noun */
        if (w->upos == NG_UPOS_PRON && rel_is(w, "obj") && rel_family(W(t, v), "acl")) {
            n = with_conjuncts(t, parent(t, v), "_", out, n);
            continue;
        }
        const char *marker = marker_of(t, c);
        if (stray && strcmp(marker, "_") == 0 && n) marker = out[n - 1].marker;
        n = with_conjuncts(t, c, marker, out, n);
        n = stray_below(t, c, out, n);
        /* "informó el sábado a Putin": a parse may hang the verb's
         * argument on the argument before it, by its own preposition; and
         * "elogió el mensaje del Rey": for verbs of judging an object that
         * names no one stands for whose it is */
        int named = mention_of(t, c) >= 0;
        for (size_t d = 0; d < t->n; d++) {
            if (parent(t, d) != c || !rel_is(W(t, d), "nmod")) continue;
            const char *m = marker_of(t, d);
            size_t from = n;
            n = with_conjuncts(t, d, m, out, n);
            if (!named && (strcmp(m, "de") == 0 || strcmp(m, "of") == 0))
                for (size_t k = from; k < n; k++) {
                    out[k].marker = marker;
                    out[k].owner = 1;
                }
            n = stray_below(t, d, out, n);
        }
    }
    return n;
}

static int relate(tree *t, int s, int o, const char *marker, const ng_verb_frame *f,
                  const char *pattern, double confidence)
{
    ng_extractor *x = t->x;
    if (s < 0 || o < 0 || x->ms[s].ent == x->ms[o].ent) return 0;
    int subj = ng__government_of(x, s), obj = o;
    /* a capital is its government, except as the place something is in */
    if (strcmp(marker, "en") != 0 && strcmp(marker, "in") != 0) obj = ng__government_of(x, o);
    if (f->inv) {
        int tmp = subj;
        subj = obj;
        obj = tmp;
    }
    if (x->ms[subj].ent == x->ms[obj].ent) return 0;
    return ng__add_claim(x, subj, obj, f->property, pattern, t->sent, t->anchor, confidence);
}

/* One claim of frame f between argument words s and o, by name or by
 * reference. */
static int frame_claim(tree *t, size_t s, size_t o, const char *marker, const ng_verb_frame *f,
                       const char *pattern)
{
    const char *rs = NULL, *ro = NULL;
    int sm = referent(t, s, &rs, 1), om = referent(t, o, &ro, f->owner);
    if (sm < 0 || om < 0) return 0;
    const char *p = with_rule(t, pattern, rs, ro);
    if (!p) return NG_ENOMEM;
    return relate(t, sm, om, marker, f, p, rs || ro ? COREF_CONFIDENCE : TREE_CONFIDENCE);
}

static int frame_claims(tree *t, size_t v, const char *lemma, const ng_verb_frame *f)
{
    arg subj[MAX_ARGS], obj[MAX_ARGS];
    size_t ns = subjects(t, v, subj), no = objects(t, v, obj);
    const char *pattern;
    if (is_passive(t, v)) {
        /* the agent acted on the subject */
        pattern = ng__pattern_name(t->x, "tree-passive", lemma);
        if (!pattern) return NG_ENOMEM;
        /* what was acted on is the frame's direct object: "the Polaroids
         * were donated by X" does not donate to the Polaroids */
        if (!marker_fits(f, "_")) return 0;
        for (size_t a = 0; a < no; a++) {
            if (!is_agent_marker(obj[a].marker) || (obj[a].owner && !f->owner)) continue;
            for (size_t k = 0; k < ns; k++)
                if (frame_claim(t, obj[a].word, subj[k].word, "_", f, pattern)) return NG_ENOMEM;
        }
        return 0;
    }
    pattern = ng__pattern_name(t->x, "tree", lemma);
    if (!pattern) return NG_ENOMEM;
    for (size_t a = 0; a < no; a++) {
        if (!marker_fits(f, obj[a].marker) || (obj[a].owner && !f->owner)) continue;
        for (size_t k = 0; k < ns; k++)
            if (frame_claim(t, subj[k].word, obj[a].word, obj[a].marker, f, pattern))
                return NG_ENOMEM;
    }
    return 0;
}

/* Whether the verb is the complement of a verb of trying, asking or
 * promising ("trató de recuperar", "urged them to attack"): what it says
 * has not happened. */
static int intended(tree *t, size_t v)
{
    for (size_t depth = 0; depth < 3; depth++) {
        size_t h = parent(t, v);
        if (h == (size_t)-1 || !(rel_is(W(t, v), "xcomp") || rel_is(W(t, v), "ccomp"))) return 0;
        const char *lemma = folded(t, W(t, h)->lemma);
        if (ng__cue(t->x->lx, NG_CUE_INTENT, lemma, strlen(lemma))) return 1;
        v = h;
    }
    return 0;
}

/* The modality of claims read at verb v: from the words before it, and
 * hedged under a verb of trying or promising. */
static ng_modality modality_at(tree *t, size_t v)
{
    ng_modality m = ng__verb_modality(t->x, t->sent, W(t, v)->token);
    return m == NG_MOD_ASSERTED && intended(t, v) ? NG_MOD_HEDGED : m;
}

/* A verb the lexicon does not map, between two entities the tree gives it:
 * a claim of NG_UNMAPPED_PROPERTY whose pattern names the verb and the
 * object's preposition ("verb:negociar con"), never a direct triple, so a
 * user can see which verbs their news uses (`newsgraph verbs`). */
static int unmapped(tree *t, size_t v)
{
    ng_extractor *x = t->x;
    arg subj[MAX_ARGS], obj[MAX_ARGS];
    size_t ns = subjects(t, v, subj), no = ns ? objects(t, v, obj) : 0;
    size_t before = x->out.nclaims;
    for (size_t a = 0; a < no; a++) {
        const char *ro = NULL;
        int o = referent(t, obj[a].word, &ro, 0);
        if (o < 0 || obj[a].owner) continue;
        ng_buf name = {0};
        const char *lemma = folded(t, W(t, v)->lemma);
        int bad = strcmp(obj[a].marker, "_") == 0
                      ? ng_buf_adds(&name, lemma)
                      : ng_buf_printf(&name, "%s %s", lemma, obj[a].marker);
        const char *pattern = bad ? NULL : ng__pattern_name(x, "verb", name.data);
        ng_buf_free(&name);
        if (!pattern) return NG_ENOMEM;
        for (size_t k = 0; k < ns; k++) {
            const char *rs = NULL;
            int s = referent(t, subj[k].word, &rs, 1);
            if (s < 0 || x->ms[s].ent == x->ms[o].ent) continue;
            const char *p = with_rule(t, pattern, rs, ro);
            if (!p || ng__add_claim(x, s, o, NG_UNMAPPED_PROPERTY, p, t->sent, t->anchor,
                                    UNMAPPED_CONFIDENCE))
                return NG_ENOMEM;
        }
    }
    if (x->out.nclaims > before) ng__set_modality(x, before, modality_at(t, v));
    return 0;
}

static int verb(tree *t, size_t v)
{
    ng_extractor *x = t->x;
    const ng_word *w = W(t, v);
    const xtok *k = &x->toks[w->token];
    if (k->mention >= 0 || k->in_role) return 0;
    const char *lemma = folded(t, w->lemma);
    const ng_verb_frame *frames = ng_map_get(x->lx->verbs, lemma, strlen(lemma));
    if (!frames) {
        frames = k->w->frames;
        lemma = k->w->frame_lemma;
    }
    t->anchor = w->token;
    if (!frames) return w->upos == NG_UPOS_VERB && !k->w->speech ? unmapped(t, v) : 0;
    if (!(lemma = ng_pool_strdup(x->pool, lemma))) return NG_ENOMEM;
    for (const ng_verb_frame *f = frames; f; f = f->next) {
        if (!ng__frame_fits(x, t->sent, f, w->token)) continue;
        size_t before = x->out.nclaims;
        if (frame_claims(t, v, lemma, f)) return NG_ENOMEM;
        if (x->out.nclaims > before) {
            ng__set_modality(x, before, modality_at(t, v));
            return 0;
        }
    }
    return 0;
}

/* ---- nominal relations ---------------------------------------------------- */

static int demonym_at(const tree *t, size_t i)
{
    int m = t->x->toks[W(t, i)->token].mention;
    return m >= 0 && t->x->ms[m].kind == MK_DEMONYM ? m : -1;
}

/* "la chilena Codelco", "el fabricante alemán BMW", "la petrolera estatal
 * peruana Petroperú": an organisation named beside a noun that carries a
 * nationality is based in that country (locatedIn), and owned by it when
 * the noun is also the state's (cues.tsv: state). */
static int nationality(tree *t, size_t name)
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
static int copular_role(tree *t, size_t r)
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
    size_t nh = cop ? subjects(t, r, holder) : 0;
    int rc = 0;
    t->anchor = w->token;
    for (size_t c = 0; c < t->n && nh && !rc; c++) {
        if (parent(t, c) != r) continue;
        int owner = -1;
        if (rel_is(W(t, c), "nmod")) {
            const char *m = marker_of(t, c);
            if (strcmp(m, "de") == 0 || strcmp(m, "of") == 0) owner = mention_of(t, c);
        } else if (rel_is(W(t, c), "amod")) {
            owner = demonym_at(t, c);
        }
        /* a role is of a body or a place, never of a person or a name of
         * no known class ("la reina de la Navidad … Luis Fonsi") */
        ng_type ot = owner < 0 ? NG_TYPE_ENTITY : x->ents[x->ms[owner].ent].type;
        if (ot == NG_TYPE_ENTITY || ot == NG_TYPE_PERSON) continue;
        for (size_t k = 0; k < nh && !rc; k++) {
            int h = mention_of(t, holder[k].word);
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
    tree t;
    if (!tree_of(x, sent, &t)) return 0;
    int rc = 0;
    for (size_t i = 0; i < t.n && !rc; i++)
        rc = nationality(&t, i) || copular_role(&t, i);
    ng_buf_free(&t.fold);
    return rc;
}

/* Clausal relations: below one of them is another clause. */
static int clausal(const ng_word *w)
{
    static const char *const rels[] = {"conj",  "ccomp",     "xcomp", "advcl", "acl",
                                       "csubj", "parataxis", "list",  NULL};
    for (int k = 0; rels[k]; k++)
        if (rel_family(w, rels[k])) return 1;
    return 0;
}

int ng__tree_in_clause(const ng_extractor *x, uint32_t sent, size_t verb_tok, size_t tok)
{
    tree t;
    if (!tree_of(x, sent, &t)) return 1;
    size_t v = word_of(&t, verb_tok), i = word_of(&t, tok);
    if (v == (size_t)-1 || i == (size_t)-1) return 1;
    for (size_t steps = 0; i != (size_t)-1 && steps < t.n; steps++) {
        if (i == v) return 1;
        if (clausal(W(&t, i))) return 0;
        i = parent(&t, i);
    }
    return 0;
}

/* A participle of a verb of naming on a noun. */
static int naming(tree *t, size_t v)
{
    if (!rel_family(W(t, v), "acl") && !rel_is(W(t, v), "amod")) return 0;
    /* an adjective's lemma is the participle itself: the verb is the
     * dictionary's ("llamado" -> llamar) */
    const char *verb = t->x->toks[W(t, v)->token].w->frame_lemma;
    if (verb && ng__cue(t->x->lx, NG_CUE_NAMING, verb, strlen(verb))) return 1;
    const char *lemma = folded(t, W(t, v)->lemma);
    return ng__cue(t->x->lx, NG_CUE_NAMING, lemma, strlen(lemma)) != NULL;
}

int ng__tree_intended(const ng_extractor *x, uint32_t sent, size_t verb_tok)
{
    tree t;
    if (!tree_of(x, sent, &t)) return 0;
    size_t v = word_of(&t, verb_tok);
    int r = v != (size_t)-1 && intended(&t, v);
    ng_buf_free(&t.fold);
    return r;
}

int ng__tree_clause_above(const ng_extractor *x, uint32_t sent, size_t tok, size_t verb_tok)
{
    tree t;
    if (!tree_of(x, sent, &t)) return 1;
    size_t v = word_of(&t, verb_tok), i = word_of(&t, tok);
    if (v == (size_t)-1 || i == (size_t)-1) return 1;
    /* the head of the word's clause */
    size_t steps = 0;
    while (parent(&t, i) != (size_t)-1 && !(clausal(W(&t, i)) && W(&t, i)->upos == NG_UPOS_VERB) &&
           steps++ < t.n)
        i = parent(&t, i);
    /* that head is the verb or above it */
    for (steps = 0; v != (size_t)-1 && steps <= t.n; steps++, v = parent(&t, v))
        if (v == i) return 1;
    return 0;
}

/* Whether the tree gives verb v subjects and none of them names anyone. */
static int unnamed_subject(tree *t, size_t v)
{
    arg subj[MAX_ARGS];
    size_t ns = subjects(t, v, subj);
    for (size_t k = 0; k < ns; k++)
        if (referent(t, subj[k].word, NULL, 1) >= 0) return 0;
    return ns > 0;
}

int ng__tree_predicates(ng_extractor *x, uint32_t sent, uint8_t *verbs)
{
    tree t;
    if (!tree_of(x, sent, &t)) return 0;
    const ng_sentence *z = &x->seg.sentences[sent];
    int rc = 0;
    for (size_t v = 0; v < t.n && !rc; v++) {
        /* a participle may be tagged an adjective ("el tratado firmado con
         * Minsk") and still take arguments */
        const ng_word *w = W(&t, v);
        int participle = strstr(w->feats, "VerbForm=Part") != NULL;
        if (w->upos != NG_UPOS_VERB && !(w->upos == NG_UPOS_ADJ && participle)) continue;
        /* "una mujer llamada X", "a man named X": a name, not a call, and
         * nothing for distance to read */
        size_t before = x->out.nclaims;
        int read = participle && naming(&t, v);
        if (!read) {
            rc = verb(&t, v);
            read = x->out.nclaims > before;
        }
        /* a subject that names no one ("los manifestantes atacaron el
         * CAI"): the distance rules would take some name nearby instead */
        if (!read) read = unnamed_subject(&t, v);
        if (w->token >= z->first && w->token < z->first + z->count)
            verbs[w->token - z->first] = read ? NG_TREE_READ : NG_TREE_VERB;
    }
    ng_buf_free(&t.fold);
    return rc;
}
