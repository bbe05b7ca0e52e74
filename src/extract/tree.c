/* The dependency tree of one sentence as the relation rules read it: its
 * words and their parents, a word's preposition, the subjects a verb has
 * or shares, and which mention a word stands for (a name it is part of, a
 * name in apposition to it, what coreference resolved it to, the country
 * its troops or government belong to, the place a "región de" names).
 * Shared by the verbal predicates (predicates.c) and the nominal
 * relations (nominals.c). */
#include "tree_int.h"

#include <string.h>

/* The tree of sentence sent; 0 when it has no parse. */
int ng__tree_of(const ng_extractor *x, uint32_t sent, ng_tree *t)
{
    if (!x->parsed || sent >= ng_parse_sentence_count(x->parse)) return 0;
    const ng_parse_sentence *ps = ng_parse_sentence_at(x->parse, sent);
    *t = (ng_tree){(ng_extractor *)x, x->parse, sent, ps->first, ps->count, 0, {0}};
    return 1;
}

/* The first word of token tok in the sentence, or (size_t)-1. */
size_t ng__tree_word_of(const ng_tree *t, size_t tok)
{
    for (size_t k = 0; k < t->n; k++)
        if (W(t, k)->token == tok) return k;
    return (size_t)-1;
}

const char *ng__tree_fold(ng_tree *t, const char *s)
{
    t->fold.len = 0;
    if (ng_fold_append(&t->fold, s, strlen(s)) || !ng_buf_cstr(&t->fold)) return "";
    return t->fold.data;
}

int ng__tree_lemma_cue(ng_tree *t, size_t i, int kind)
{
    const char *lemma = ng__tree_fold(t, W(t, i)->lemma);
    return ng__cue(t->x->lx, kind, lemma, strlen(lemma)) != NULL;
}

/* The preposition of word i: its case child and that child's fixed words,
 * folded, one space apart ("junto a"); "_" when it has none. In the pool. */
const char *ng__tree_marker(ng_tree *t, size_t i)
{
    ng_buf b = {0};
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != i || !rel_is(W(t, c), "case")) continue;
        if (ng_buf_adds(&b, ng__tree_fold(t, W(t, c)->form))) break;
        for (size_t d = c + 1; d < t->n; d++)
            if (parent(t, d) == c && rel_is(W(t, d), "fixed") &&
                (ng_buf_addc(&b, ' ') || ng_buf_adds(&b, ng__tree_fold(t, W(t, d)->form))))
                break;
        break;
    }
    const char *r = b.len ? ng_pool_strndup(t->x->pool, b.data, b.len) : "_";
    ng_buf_free(&b);
    return r ? r : "_";
}

/* Word i and the words coordinated with it, into out (up to MAX_ARGS). */
size_t ng__tree_conjuncts(const ng_tree *t, size_t i, const char *marker, arg *out, size_t n)
{
    if (n < MAX_ARGS) out[n++] = (arg){i, marker, 0};
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == i && rel_is(W(t, c), "conj"))
            n = ng__tree_conjuncts(t, c, marker, out, n);
    return n;
}

/* A clause of purpose: "para apoyar", "to support". */
int ng__tree_purpose(ng_tree *t, size_t v)
{
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == v && rel_is(W(t, c), "mark")) {
            const char *m = ng__tree_fold(t, W(t, c)->form);
            return strcmp(m, "para") == 0 || strcmp(m, "to") == 0;
        }
    return 0;
}

int ng__tree_marked(const ng_tree *t, size_t v)
{
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == v && rel_is(W(t, c), "mark")) return 1;
    return 0;
}

/* "dice que …; defiende a X": a finite third-person verb set beside
 * another with no word to join them (parataxis, or an adverbial clause
 * with no "que", "cuando" …) and no subject of its own says what the
 * other verb's subject does. */
static int side_by_side(ng_tree *t, size_t v)
{
    const ng_word *w = W(t, v);
    if (!strstr(w->feats, "VerbForm=Fin") || !strstr(w->feats, "Person=3")) return 0;
    if (!rel_is(w, "parataxis") && !(rel_is(w, "advcl") && !ng__tree_marked(t, v))) return 0;
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == v && rel_family(W(t, c), "nsubj")) return 0;
    return 1;
}

/* The verb's subjects (or, passive, what was acted on): its own, else
 * those of the verb it is coordinated with or controlled by, else the noun
 * its relative clause hangs on when the clause's pronoun is the subject. */
int ng__tree_is_passive(const ng_tree *t, size_t v)
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

/* In Spanish a relative clause may put its subject after the verb: "la
 * Delegación del Gobierno, que lidera José Manuel Franco". When the parse
 * makes the relative pronoun the subject and a person after the verb its
 * object (or a second subject) without a personal "a", and the noun the
 * clause is on names a body or a place, that person is the subject and
 * the noun the object. */
long ng__tree_relative_vs(ng_tree *t, size_t v)
{
    size_t h = parent(t, v);
    if (strcmp(t->x->out.lang, "es") != 0 || h == (size_t)-1 || !rel_family(W(t, v), "acl"))
        return -1;
    int rel_subject = 0;
    long person = -1;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != v) continue;
        const ng_word *w = W(t, c);
        if (c < v && rel_is(w, "nsubj") && w->upos == NG_UPOS_PRON) rel_subject = 1;
        /* "que mató a Kennedy": a personal "a" marks the object */
        int m = c > v && (rel_is(w, "obj") || rel_family(w, "nsubj")) &&
                        strcmp(ng__tree_marker(t, c), "_") == 0
                    ? ng__tree_mention(t, c)
                    : -1;
        if (m >= 0 && t->x->ents[t->x->ms[m].ent].type == NG_TYPE_PERSON) person = (long)c;
    }
    /* the noun must name a body or a place: "el hombre que mató Kennedy"
     * is left as the parse reads it */
    int hm = ng__tree_mention(t, h);
    if (!rel_subject || person < 0 || hm < 0 ||
        t->x->ents[t->x->ms[hm].ent].type == NG_TYPE_PERSON ||
        t->x->ents[t->x->ms[hm].ent].type == NG_TYPE_ENTITY)
        return -1;
    return person;
}

int ng__tree_misread_object(const ng_tree *t, size_t v, size_t c)
{
    return c > v && parent(t, c) == v && rel_is(W(t, c), "nsubj") &&
           strstr(W(t, v)->feats, "VerbForm=Inf") && rel_is(W(t, v), "xcomp");
}

size_t ng__tree_subjects(ng_tree *t, size_t v, arg *out)
{
    size_t n = 0;
    long vs = ng__tree_relative_vs(t, v);
    if (vs >= 0) return ng__tree_conjuncts(t, (size_t)vs, "_", out, 0);
    for (size_t c = 0; c < t->n; c++)
        if (ng__tree_misread_object(t, v, c))
            continue;
        else if (parent(t, c) == v && rel_family(W(t, c), "nsubj") &&
                 (W(t, c)->upos != NG_UPOS_PRON || ng__reference_of(t->x, t->first + c, NULL) >= 0))
            n = ng__tree_conjuncts(t, c, "_", out, n);
        else if (parent(t, c) == v && rel_family(W(t, c), "nsubj") && rel_family(W(t, v), "acl") &&
                 parent(t, v) != (size_t)-1)
            n = ng__tree_conjuncts(t, parent(t, v), "_", out, n);
    if (n) return n;
    /* "Lula llegó y firmó", "decidió enviar", "aseguró que prestará
     * asistencia" (Spanish drops the subject a clause shares), "desplegó
     * tropas para apoyar" */
    size_t h = parent(t, v);
    /* "acusó a Ucrania de haber invadido", "urged Iran to stop": the
     * object of a verb of object control (cues.tsv) does what it says */
    if (h != (size_t)-1 && W(t, h)->upos == NG_UPOS_VERB && !rel_is(W(t, v), "conj") &&
        ng__tree_lemma_cue(t, h, NG_CUE_OBJECT_CONTROL))
        for (size_t c = 0; c < t->n; c++)
            if (parent(t, c) == h && (rel_is(W(t, c), "obj") || rel_is(W(t, c), "iobj")) &&
                W(t, c)->upos != NG_UPOS_PRON && c != v)
                return ng__tree_conjuncts(t, c, "_", out, 0);
    /* "Filipinas fue conquistada … y fundó Cebú": a passive's subject was
     * acted on, and is not who did what the verb beside it says */
    if (h != (size_t)-1 && W(t, h)->upos == NG_UPOS_VERB &&
        (rel_is(W(t, v), "conj") || rel_is(W(t, v), "xcomp") || rel_is(W(t, v), "ccomp") ||
         (rel_is(W(t, v), "advcl") && ng__tree_purpose(t, v)) || side_by_side(t, v)) &&
        !(rel_is(W(t, v), "conj") && ng__tree_is_passive(t, h) && !ng__tree_is_passive(t, v)))
        return ng__tree_subjects(t, h, out);
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
static int role_noun(const ng_tree *t, size_t i)
{
    const ng_sentence *z = &t->x->seg.sentences[t->sent];
    return ng__person_role_at(t->x, W(t, i)->token, z->first + z->count) > 0;
}

/* Whether word a is word d or above it. */
static int dominates_word(const ng_tree *t, size_t a, size_t d)
{
    for (size_t steps = 0; d != (size_t)-1 && steps <= t->n; steps++, d = parent(t, d))
        if (d == a) return 1;
    return 0;
}

size_t ng__tree_phrase_start(const ng_tree *t, size_t h)
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
static int apposed_after(const ng_tree *t, size_t i)
{
    for (size_t h = i + 1; h < t->n; h++) {
        int m = t->x->toks[W(t, h)->token].mention;
        size_t p = parent(t, h);
        if (m < 0 || t->x->ents[t->x->ms[m].ent].type != NG_TYPE_PERSON ||
            (p != (size_t)-1 && t->x->toks[W(t, p)->token].mention == m))
            continue;
        size_t first = ng__tree_phrase_start(t, h);
        if (first < 1 || strcmp(W(t, first - 1)->form, ",") != 0) continue;
        const ng_word *w = W(t, h);
        int under = p == i && (rel_is(w, "appos") || rel_is(w, "nmod") || rel_is(w, "list"));
        int beside = p != (size_t)-1 && p == parent(t, i) &&
                     (rel_is(w, "appos") || rel_is(w, "list") || rel_is(w, "conj"));
        if (under || beside) return m;
    }
    return -1;
}

int ng__tree_mention(const ng_tree *t, size_t i)
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
static int owner_name(ng_tree *t, size_t i, int member)
{
    int demonym = -1;
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != i) continue;
        const ng_word *w = W(t, c);
        int m = t->x->toks[w->token].mention;
        if (m < 0 && (rel_is(w, "nmod") || rel_is(w, "nmod:poss"))) m = ng__tree_mention(t, c);
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
            const char *mk = ng__tree_marker(t, c);
            int de = strcmp(mk, "de") == 0 || strcmp(mk, "of") == 0;
            if (de && (place_type(ty) || (member && ty == NG_TYPE_ORGANIZATION))) return m;
        }
    }
    return demonym; /* "territorio ruso" */
}

/* "ha perdido el español", "el español ganó": a nationality word used as
 * a singular noun with a definite article is a language or one person,
 * never the country. */
static int one_of_a_nation(const ng_tree *t, size_t i, int m)
{
    const ng_word *w = W(t, i);
    if (t->x->ms[m].kind != MK_DEMONYM || w->upos != NG_UPOS_NOUN ||
        !strstr(w->feats, "Number=Sing"))
        return 0;
    for (size_t c = 0; c < t->n; c++)
        if (parent(t, c) == i && rel_is(W(t, c), "det") && strstr(W(t, c)->feats, "Definite=Def"))
            return 1;
    return 0;
}

/* The mention word i stands for, by name, by what coreference resolved it
 * to, by the place it names or, with members, by whose members it names
 * (*rule: the rule's name, else left alone); -1 for none. Members stand
 * for their country as actors ("las tropas ucranianas atacaron"), but
 * as objects only for verbs of judging: "dirigirá la delegación de
 * Chile" does not lead Chile. */
int ng__tree_referent(ng_tree *t, size_t i, const char **rule, int members)
{
    int m = ng__tree_mention(t, i);
    if (m >= 0) return one_of_a_nation(t, i, m) ? -1 : m;
    if ((m = ng__reference_of(t->x, t->first + i, rule)) >= 0) return m;
    if (W(t, i)->upos != NG_UPOS_NOUN) return -1;
    int member = members && ng__tree_lemma_cue(t, i, NG_CUE_MEMBER_NOUN);
    if (!member && !ng__tok_cue(t->x, W(t, i)->token, NG_CUE_PLACE_HEAD)) return -1;
    if ((m = owner_name(t, i, member)) >= 0 && rule) *rule = member ? "member" : "place";
    return m;
}

/* The pattern of a claim one of whose ends coreference gave:
 * "tree:firmar+coref:pronoun". */
const char *ng__tree_with_rule(ng_tree *t, const char *pattern, const char *rs, const char *ro)
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

/* Clausal relations: below one of them is another clause. */
static int clausal(const ng_word *w)
{
    static const char *const rels[] = {"conj",  "ccomp",     "xcomp", "advcl", "acl",
                                       "csubj", "parataxis", "list",  NULL};
    for (int k = 0; rels[k]; k++)
        if (rel_family(w, rels[k])) return 1;
    return 0;
}

int ng__tree_clause_above(const ng_extractor *x, uint32_t sent, size_t tok, size_t verb_tok)
{
    ng_tree t;
    if (!ng__tree_of(x, sent, &t)) return 1;
    size_t v = ng__tree_word_of(&t, verb_tok), i = ng__tree_word_of(&t, tok);
    if (v == (size_t)-1 || i == (size_t)-1) return 1;
    /* the head of the word's clause */
    size_t steps = 0;
    while (parent(&t, i) != (size_t)-1 && !(clausal(W(&t, i)) && W(&t, i)->upos == NG_UPOS_VERB) &&
           steps++ < t.n)
        i = parent(&t, i);
    /* that head is the verb or above it */
    return dominates_word(&t, i, v);
}

int ng__tree_marker_fits(const ng_verb_frame *f, const char *marker)
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
