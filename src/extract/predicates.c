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
 * Patterns: tree:<verb> and tree-passive:<verb>. Of a verb of the lexicon
 * whose arguments the tree does not give, only a passive is left to the
 * distance rules (relations.c): one with its agent ("fue capturado por X",
 * passive:<verb>) or with the actor's nationality on its subject.
 *
 * A claim in the complement of a verb of saying, or under a "según" /
 * "according to" phrase, is reported by that verb's subject or that
 * phrase's source. */
#include "tree_int.h"

#include <string.h>

#define UNMAPPED_CONFIDENCE 0.5

static int is_agent_marker(const char *m)
{
    return strcmp(m, "por") == 0 || strcmp(m, "by") == 0;
}

/* "se reunió el martes en Lima con Lula": a parse may hang a phrase with
 * its own preposition flat under the name before it; it is an argument. */
static size_t stray_below(ng_tree *t, size_t i, arg *out, size_t n)
{
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != i || !rel_is(W(t, c), "flat")) continue;
        const char *m = ng__tree_marker(t, c);
        if (strcmp(m, "_") != 0) n = ng__tree_conjuncts(t, c, m, out, n);
    }
    return n;
}

/* Whether an earlier argument of verb v than c, a noun that names no one,
 * has c's preposition: "participa en la campaña … en Madrid" says where,
 * the first "en" what. */
static int marker_taken(ng_tree *t, size_t v, size_t c, const char *marker)
{
    if (strcmp(marker, "_") == 0) return 0;
    for (size_t d = 0; d < c; d++)
        if (parent(t, d) == v && rel_family(W(t, d), "obl") && W(t, d)->upos == NG_UPOS_NOUN &&
            strcmp(ng__tree_marker(t, d), marker) == 0 && ng__tree_mention(t, d) < 0)
            return 1;
    return 0;
}

/* The verb's objects with their markers: obj, iobj, obl, and the nmod of
 * one of them ("firmó un acuerdo con Chile"). */
static size_t objects(ng_tree *t, size_t v, arg *out)
{
    size_t n = 0;
    if (ng__tree_relative_vs(t, v) >= 0) n = ng__tree_conjuncts(t, parent(t, v), "_", out, n);
    for (size_t c = 0; c < t->n; c++) {
        if (parent(t, c) != v) continue;
        const ng_word *w = W(t, c);
        /* "agradeció a Irán y a su líder": a parse may coordinate the
         * second object with the verb itself */
        int stray = rel_is(w, "conj") && (w->upos == NG_UPOS_NOUN || w->upos == NG_UPOS_PROPN);
        if (!stray && !rel_is(w, "obj") && !rel_is(w, "iobj") && !rel_family(w, "obl") &&
            !ng__tree_misread_object(t, v, c))
            continue;
        /* "la Delegación, que lidera José Manuel Franco": the name after
         * the verb is its subject, the noun its object */
        if ((size_t)ng__tree_relative_vs(t, v) == c) continue;
        /* "la empresa que compró Repsol": the relative pronoun is the noun */
        if (w->upos == NG_UPOS_PRON && rel_is(w, "obj") && rel_family(W(t, v), "acl")) {
            n = ng__tree_conjuncts(t, parent(t, v), "_", out, n);
            continue;
        }
        const char *marker = ng__tree_marker(t, c);
        if (stray && strcmp(marker, "_") == 0 && n) marker = out[n - 1].marker;
        if (rel_family(w, "obl") && marker_taken(t, v, c, marker)) continue;
        n = ng__tree_conjuncts(t, c, marker, out, n);
        n = stray_below(t, c, out, n);
        /* "informó el sábado a Putin": a parse may hang the verb's
         * argument on the argument before it, by its own preposition; and
         * "elogió el mensaje del Rey": for verbs of judging an object that
         * names no one stands for whose it is */
        int named = ng__tree_mention(t, c) >= 0;
        /* a noun the parse coordinates with the verb keeps its own phrases:
         * "se habló de los pactos … y de la entrevista del führer con
         * Franco" */
        for (size_t d = 0; d < t->n && !stray; d++) {
            if (parent(t, d) != c || !rel_is(W(t, d), "nmod")) continue;
            const char *m = ng__tree_marker(t, d);
            /* "participa en la campaña … en Madrid": the object's own
             * preposition again is where the object is, not an argument */
            if (strcmp(m, marker) == 0 && strcmp(m, "_") != 0) continue;
            size_t from = n;
            n = ng__tree_conjuncts(t, d, m, out, n);
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

/* Whether coordinated words are joined by a conjunction ("Chile y Perú",
 * "Rusia, China e Irán"): a parse may read an apposition between commas
 * as a conjunct ("Codelco, cuyo presidente, Máximo Pacheco, habló"). */
static int joined(const ng_tree *t, const arg *a, size_t n)
{
    for (size_t k = 1; k < n; k++)
        for (size_t c = 0; c < t->n; c++)
            if (parent(t, c) == a[k].word && rel_is(W(t, c), "cc")) return 1;
    return 0;
}

/* "detiene a cientos de centroamericanos que huyen …, a los Estados
 * Unidos": of a transitive verb's phrases with "a" (the personal "a" of its
 * object), only the first is the object; a later one goes somewhere. */
static int second_personal_a(ng_tree *t, size_t v, const ng_verb_frame *f, const arg *obj, size_t a)
{
    const ng_word *w = W(t, obj[a].word);
    /* "agradeció a Irán y a su líder": a second object coordinated by the
     * parse with the verb is a conjunct, not another phrase */
    if (strcmp(obj[a].marker, "a") != 0 || !ng__tree_marker_fits(f, "_") ||
        parent(t, obj[a].word) != v || (!rel_is(w, "obj") && !rel_family(w, "obl")))
        return 0;
    for (size_t b = 0; b < t->n && b < obj[a].word; b++)
        if (parent(t, b) == v && (rel_is(W(t, b), "obj") || rel_family(W(t, b), "obl")) &&
            strcmp(ng__tree_marker(t, b), "a") == 0)
            return 1;
    return 0;
}

static int relate(ng_tree *t, int s, int o, const char *marker, const ng_verb_frame *f,
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
static int frame_claim(ng_tree *t, size_t s, size_t o, const char *marker, const ng_verb_frame *f,
                       const char *pattern)
{
    /* "ambos países firmaron un acuerdo con Chile": each of the two */
    int pair[2];
    if (ng__reference_pair(t->x, t->first + s, &pair[0], &pair[1])) {
        const char *p = ng__tree_with_rule(t, pattern, "coref:both", NULL);
        const char *ro = NULL;
        int om = ng__tree_referent(t, o, &ro, f->owner);
        for (int k = 0; k < 2 && p && om >= 0; k++)
            if (relate(t, pair[k], om, marker, f, p, COREF_CONFIDENCE)) return NG_ENOMEM;
        return p ? 0 : NG_ENOMEM;
    }
    const char *rs = NULL, *ro = NULL;
    int sm = ng__tree_referent(t, s, &rs, 1), om = ng__tree_referent(t, o, &ro, f->owner);
    if (sm < 0 || om < 0) return 0;
    const char *p = ng__tree_with_rule(t, pattern, rs, ro);
    if (!p) return NG_ENOMEM;
    return relate(t, sm, om, marker, f, p, rs || ro ? COREF_CONFIDENCE : TREE_CONFIDENCE);
}

/* Whether one of the objects fits frame f's prepositions. */
static int fitting_object(const ng_verb_frame *f, const arg *obj, size_t no)
{
    for (size_t a = 0; a < no; a++)
        if (ng__tree_marker_fits(f, obj[a].marker) && !obj[a].owner) return 1;
    return 0;
}

/* Whether a bare object names someone or something ("firmaron el
 * Tratado de Lima": the treaty is what another frame reads). */
static int named_bare_object(ng_tree *t, const arg *obj, size_t no)
{
    for (size_t a = 0; a < no; a++)
        if (strcmp(obj[a].marker, "_") == 0 && ng__tree_mention(t, obj[a].word) >= 0) return 1;
    return 0;
}

static int frame_claims(ng_tree *t, size_t v, const char *lemma, const ng_verb_frame *f)
{
    arg subj[MAX_ARGS], obj[MAX_ARGS];
    size_t ns = ng__tree_subjects(t, v, subj), no = objects(t, v, obj);
    const char *pattern;
    if (ng__tree_is_passive(t, v)) {
        /* the agent acted on the subject */
        pattern = ng__pattern_name(t->x, "tree-passive", lemma);
        if (!pattern) return NG_ENOMEM;
        /* what was acted on is the frame's direct object: "the Polaroids
         * were donated by X" does not donate to the Polaroids */
        if (!ng__tree_marker_fits(f, "_")) return 0;
        for (size_t a = 0; a < no; a++) {
            if (!is_agent_marker(obj[a].marker) || (obj[a].owner && !f->owner)) continue;
            for (size_t k = 0; k < ns; k++)
                if (frame_claim(t, obj[a].word, subj[k].word, "_", f, pattern)) return NG_ENOMEM;
        }
        return 0;
    }
    pattern = ng__pattern_name(t->x, "tree", lemma);
    if (!pattern) return NG_ENOMEM;
    /* "ambos países se reunieron", "both leaders met": with each other */
    int pair[2];
    if (f->sym && !f->solo && ns == 1 &&
        ng__reference_pair(t->x, t->first + subj[0].word, &pair[0], &pair[1])) {
        int fitting = fitting_object(f, obj, no);
        const char *p = fitting ? pattern : ng__tree_with_rule(t, pattern, "coref:both", NULL);
        if (!p) return NG_ENOMEM;
        if (!fitting && relate(t, pair[0], pair[1], "_", f, p, COREF_CONFIDENCE)) return NG_ENOMEM;
    }
    /* "Chile y Perú firmaron un tratado", "Lula y Petro se reunieron": a
     * relation both ways between coordinated subjects, with no one else;
     * not for a verb whose subjects may each act alone (flag solo: "Rusia,
     * Brasil y Chile se encuentran entre …" are not meeting) */
    if (f->sym && !f->solo && ns >= 2 && joined(t, subj, ns) && !fitting_object(f, obj, no) &&
        !named_bare_object(t, obj, no)) {
        int first = ng__tree_referent(t, subj[0].word, NULL, 1);
        for (size_t k = 1; k < ns && first >= 0; k++) {
            int other = ng__tree_referent(t, subj[k].word, NULL, 1);
            if (other >= 0 && relate(t, first, other, "_", f, pattern, TREE_CONFIDENCE))
                return NG_ENOMEM;
        }
    }
    for (size_t a = 0; a < no; a++) {
        if (!ng__tree_marker_fits(f, obj[a].marker) || (obj[a].owner && !f->owner) ||
            second_personal_a(t, v, f, obj, a))
            continue;
        for (size_t k = 0; k < ns; k++)
            if (frame_claim(t, subj[k].word, obj[a].word, obj[a].marker, f, pattern))
                return NG_ENOMEM;
    }
    return 0;
}

/* Whether the verb is the complement of a verb of trying, asking or
 * promising ("trató de recuperar", "urged them to attack"): what it says
 * has not happened. */
static int intended(ng_tree *t, size_t v)
{
    for (size_t depth = 0; depth < 3; depth++) {
        size_t h = parent(t, v);
        if (h == (size_t)-1 || !(rel_is(W(t, v), "xcomp") || rel_is(W(t, v), "ccomp"))) return 0;
        const char *lemma = ng__tree_fold(t, W(t, h)->lemma);
        if (ng__cue(t->x->lx, NG_CUE_INTENT, lemma, strlen(lemma))) return 1;
        v = h;
    }
    return 0;
}

/* A subjunctive clause that completes a verb or a noun, or says what for
 * ("pidió que Rusia retire …", "la decisión de que EE.UU. abandone la
 * OMS", "para que Irán firme"), says what is wanted, feared or decided,
 * not what happened. Clauses of time and concession ("después de que X
 * firmara", "aunque X haya atacado") are facts and stay. */
static int subjunctive_complement(ng_tree *t, size_t v)
{
    /* "que X firme y ratifique": a conjunct shares its clause */
    for (size_t steps = 0; rel_is(W(t, v), "conj") && parent(t, v) != (size_t)-1 && steps < t->n;
         steps++) {
        if (!strstr(W(t, v)->feats, "Mood=Sub")) return 0;
        v = parent(t, v);
    }
    const ng_word *w = W(t, v);
    if (!strstr(w->feats, "Mood=Sub")) return 0;
    return rel_is(w, "ccomp") || rel_family(w, "acl") || rel_family(w, "csubj") ||
           (rel_is(w, "advcl") && ng__tree_purpose(t, v));
}

/* The modality of claims read at verb v: from the words before it, and
 * hedged under a verb of trying or promising or in a subjunctive
 * complement. */
static ng_modality modality_at(ng_tree *t, size_t v)
{
    ng_modality m = ng__verb_modality(t->x, t->sent, W(t, v)->token);
    return m == NG_MOD_ASSERTED && (intended(t, v) || subjunctive_complement(t, v)) ? NG_MOD_HEDGED
                                                                                    : m;
}

/* A verb the lexicon does not map, between two entities the tree gives it:
 * a claim of NG_UNMAPPED_PROPERTY whose pattern names the verb and the
 * object's preposition ("verb:negociar con"), never a direct triple, so a
 * user can see which verbs their news uses (`newsgraph verbs`). */
static int unmapped(ng_tree *t, size_t v)
{
    ng_extractor *x = t->x;
    arg subj[MAX_ARGS], obj[MAX_ARGS];
    size_t ns = ng__tree_subjects(t, v, subj), no = ns ? objects(t, v, obj) : 0;
    size_t before = x->out.nclaims;
    for (size_t a = 0; a < no; a++) {
        const char *ro = NULL;
        int o = ng__tree_referent(t, obj[a].word, &ro, 0);
        if (o < 0 || obj[a].owner) continue;
        ng_buf name = {0};
        const char *lemma = ng__tree_fold(t, W(t, v)->lemma);
        int bad = strcmp(obj[a].marker, "_") == 0
                      ? ng_buf_adds(&name, lemma)
                      : ng_buf_printf(&name, "%s %s", lemma, obj[a].marker);
        const char *pattern = bad ? NULL : ng__pattern_name(x, "verb", name.data);
        ng_buf_free(&name);
        if (!pattern) return NG_ENOMEM;
        for (size_t k = 0; k < ns; k++) {
            const char *rs = NULL;
            int s = ng__tree_referent(t, subj[k].word, &rs, 1);
            if (s < 0 || x->ms[s].ent == x->ms[o].ent) continue;
            const char *p = ng__tree_with_rule(t, pattern, rs, ro);
            if (!p || ng__add_claim(x, s, o, NG_UNMAPPED_PROPERTY, p, t->sent, t->anchor,
                                    UNMAPPED_CONFIDENCE))
                return NG_ENOMEM;
        }
    }
    if (x->out.nclaims > before) ng__set_modality(x, before, modality_at(t, v));
    return 0;
}

/* The frames of verb v: its lemma's in the parse, else those of the
 * first dictionary lemma of its form that has any; *lemma the one used
 * (valid until the tree's next fold). */
static const ng_verb_frame *verb_frames(ng_tree *t, size_t v, const char **lemma)
{
    const ng_word *w = W(t, v);
    *lemma = ng__tree_fold(t, w->lemma);
    const ng_verb_frame *frames = ng_map_get(t->x->lx->verbs, *lemma, strlen(*lemma));
    if (frames) return frames;
    const winfo *info = t->x->toks[w->token].w;
    *lemma = info->frame_lemma;
    return info->frames;
}

/* Who a verb's clause reports: the subject of a verb of saying the clause
 * is the complement of ("Peskov dijo que Rusia atacó …", "Russia
 * attacked …, KCNA said"), through coordinated and controlled verbs, or
 * the source a "según"/"according to" phrase on the way names. A quoted
 * clause before the verb of saying may be parsed as an unmarked adverbial
 * clause ("«Ucrania invadió Kursk», afirmó Putin"). -1 when
 * the clause is nobody's report. */
static int reporter(ng_tree *t, size_t v)
{
    ng_extractor *x = t->x;
    for (size_t i = v, steps = 0; i != (size_t)-1 && steps < t->n; steps++) {
        for (size_t c = 0; c < t->n; c++)
            if (parent(t, c) == i && rel_is(W(t, c), "obl") &&
                ng__tok_cue(x, W(t, ng__tree_phrase_start(t, c))->token, NG_CUE_ACCORDING))
                return ng__tree_referent(t, c, NULL, 0);
        size_t h = parent(t, i);
        if (h == (size_t)-1) return -1;
        const ng_word *w = W(t, i);
        if ((rel_is(w, "ccomp") || rel_is(w, "parataxis") ||
             (rel_is(w, "advcl") && !ng__tree_marked(t, i))) &&
            x->toks[W(t, h)->token].w->speech) {
            arg subj[MAX_ARGS];
            size_t ns = ng__tree_subjects(t, h, subj);
            return ns ? ng__tree_referent(t, subj[0].word, NULL, 1) : -1;
        }
        if (!rel_is(w, "conj") && !rel_is(w, "xcomp") && !rel_is(w, "ccomp")) return -1;
        i = h;
    }
    return -1;
}

/* Claims [from, …) of verb v become the report of whom its clause
 * reports (not of one who speaks of himself). */
static int attribute(ng_tree *t, size_t v, size_t from)
{
    ng_extractor *x = t->x;
    int m = reporter(t, v);
    if (m < 0) return 0;
    ng_type ty = x->ents[x->ms[m].ent].type;
    if (ty != NG_TYPE_PERSON && ty != NG_TYPE_ORGANIZATION && ty != NG_TYPE_COUNTRY) return 0;
    long idx = ng__output_entity(x, ng__root(x, x->ms[m].ent));
    if (idx < 0) return NG_ENOMEM;
    for (size_t i = from; i < x->out.nclaims; i++) {
        ng_claim *cl = &x->out.claims[i];
        if (cl->subject != (size_t)idx && cl->speaker < 0) ng__mark_reported(cl, idx);
    }
    return 0;
}

static int verb(ng_tree *t, size_t v)
{
    ng_extractor *x = t->x;
    const ng_word *w = W(t, v);
    const xtok *k = &x->toks[w->token];
    if (k->mention >= 0 || k->in_role) return 0;
    const char *lemma;
    const ng_verb_frame *frames = verb_frames(t, v, &lemma);
    t->anchor = w->token;
    if (!frames) return w->upos == NG_UPOS_VERB && !k->w->speech ? unmapped(t, v) : 0;
    if (!(lemma = ng_pool_strdup(x->pool, lemma))) return NG_ENOMEM;
    for (const ng_verb_frame *f = frames; f; f = f->next) {
        if (!ng__frame_fits(x, t->sent, f, w->token)) continue;
        size_t before = x->out.nclaims;
        if (frame_claims(t, v, lemma, f)) return NG_ENOMEM;
        if (x->out.nclaims > before) {
            ng__set_modality(x, before, modality_at(t, v));
            return attribute(t, v, before);
        }
    }
    return 0;
}

/* A participle of a verb of naming on a noun. */
static int naming(ng_tree *t, size_t v)
{
    if (!rel_family(W(t, v), "acl") && !rel_is(W(t, v), "amod")) return 0;
    /* an adjective's lemma is the participle itself: the verb is the
     * dictionary's ("llamado" -> llamar) */
    const char *verb = t->x->toks[W(t, v)->token].w->frame_lemma;
    if (verb && ng__cue(t->x->lx, NG_CUE_NAMING, verb, strlen(verb))) return 1;
    const char *lemma = ng__tree_fold(t, W(t, v)->lemma);
    return ng__cue(t->x->lx, NG_CUE_NAMING, lemma, strlen(lemma)) != NULL;
}

int ng__tree_intended(const ng_extractor *x, uint32_t sent, size_t verb_tok)
{
    ng_tree t;
    if (!ng__tree_of(x, sent, &t)) return 0;
    size_t v = ng__tree_word_of(&t, verb_tok);
    int r = v != (size_t)-1 && intended(&t, v);
    ng_buf_free(&t.fold);
    return r;
}

/* Whether the tree gives verb v subjects and none of them names anyone. */
static int unnamed_subject(ng_tree *t, size_t v)
{
    arg subj[MAX_ARGS];
    size_t ns = ng__tree_subjects(t, v, subj);
    for (size_t k = 0; k < ns; k++)
        if (ng__tree_referent(t, subj[k].word, NULL, 1) >= 0) return 0;
    return ns > 0;
}

int ng__tree_verb_args(const ng_extractor *x, uint32_t sent, size_t verb_tok, int *unnamed_object)
{
    ng_tree t;
    *unnamed_object = 0;
    if (!ng__tree_of(x, sent, &t)) return 0;
    size_t v = ng__tree_word_of(&t, verb_tok);
    if (v != (size_t)-1) {
        arg obj[MAX_ARGS];
        size_t no = objects(&t, v, obj);
        /* "milicias respaldadas por Irán": what the participle with an
         * agent was done to is the noun it is on, and it names no one */
        size_t h = parent(&t, v);
        int agent = 0;
        for (size_t a = 0; a < no; a++)
            agent |= strcmp(obj[a].marker, "por") == 0 || strcmp(obj[a].marker, "by") == 0;
        /* a parse may hang the agent on the noun: "milicias respaldadas | por Irán" */
        if (v + 1 < t.n) {
            const char *next = ng__tree_fold(&t, W(&t, v + 1)->form);
            agent |= strcmp(next, "por") == 0 || strcmp(next, "by") == 0;
        }
        if (agent && h != (size_t)-1 && strstr(W(&t, v)->feats, "VerbForm=Part") &&
            (rel_family(W(&t, v), "acl") || rel_is(W(&t, v), "amod")) &&
            ng__tree_referent(&t, h, NULL, 1) < 0)
            *unnamed_object = 1;
        const char *lemma;
        const ng_verb_frame *f = verb_frames(&t, v, &lemma);
        for (size_t a = 0; a < no && f; a++) {
            const ng_word *w = W(&t, obj[a].word);
            /* a bare object is often the thing moved ("deploy two
             * destroyers to …"); one after a preposition is the place or
             * the one acted on */
            if (!obj[a].owner && parent(&t, obj[a].word) == v && strcmp(obj[a].marker, "_") != 0 &&
                ng__tree_marker_fits(f, obj[a].marker) && w->upos == NG_UPOS_NOUN &&
                ng__tree_referent(&t, obj[a].word, NULL, 1) < 0)
                *unnamed_object = 1;
        }
    }
    ng_buf_free(&t.fold);
    return 0;
}

int ng__tree_predicates(ng_extractor *x, uint32_t sent, uint8_t *verbs)
{
    ng_tree t;
    if (!ng__tree_of(x, sent, &t)) return 0;
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
