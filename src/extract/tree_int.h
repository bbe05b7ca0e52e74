/* The dependency tree of one sentence as the relation rules read it
 * (tree.c), shared by predicates.c and nominals.c. Internal to the
 * extractor. */
#ifndef NG_TREE_INT_H
#define NG_TREE_INT_H

#include "extract_int.h"
#include "newsgraph/parse.h"

#include <string.h>

#define MAX_ARGS 16
#define TREE_CONFIDENCE 0.75
#define COREF_CONFIDENCE 0.6

typedef struct ng_tree {
    ng_extractor *x;
    const ng_parse *p;
    uint32_t sent;
    size_t first, n; /* the sentence's words [first, first + n) in the parse */
    uint32_t anchor; /* the token of the verb being read */
    ng_buf fold;     /* owned: ng_buf_free it when done with the tree */
} ng_tree;

/* An argument of a verb: a word of the sentence and its preposition. */
typedef struct arg {
    size_t word; /* within the sentence */
    const char *marker;
    int owner; /* the owner of an object that names no one (frames with owner) */
} arg;

static inline const ng_word *W(const ng_tree *t, size_t i)
{
    return ng_parse_word(t->p, t->first + i);
}

/* The word's parent within the sentence, or (size_t)-1 for the root. */
static inline size_t parent(const ng_tree *t, size_t i)
{
    uint32_t h = W(t, i)->head;
    return h ? (size_t)h - 1 : (size_t)-1;
}

/* The tree of sentence sent; 0 when it has no parse. */
int ng__tree_of(const ng_extractor *x, uint32_t sent, ng_tree *t);
/* The first word of token tok in the sentence, or (size_t)-1. */
size_t ng__tree_word_of(const ng_tree *t, size_t tok);
/* s folded, in t->fold (valid until the next call). */
const char *ng__tree_fold(ng_tree *t, const char *s);
/* Whether word i's lemma is a cue of that kind (cues.tsv). */
int ng__tree_lemma_cue(ng_tree *t, size_t i, int kind);
/* The preposition of word i, folded ("junto a"); "_" when it has none. In
 * the article's pool. */
const char *ng__tree_marker(ng_tree *t, size_t i);
/* Word i and the words coordinated with it, into out from n (up to
 * MAX_ARGS); returns the new count. */
size_t ng__tree_conjuncts(const ng_tree *t, size_t i, const char *marker, arg *out, size_t n);
/* Whether verb v is a passive (aux:pass, nsubj:pass, or a passive
 * auxiliary of cues.tsv with a participle). */
int ng__tree_is_passive(const ng_tree *t, size_t v);
/* The person after verb v of a Spanish relative clause that is its subject
 * though the parse makes it the object ("que lidera José Manuel Franco"),
 * or -1. */
long ng__tree_relative_vs(ng_tree *t, size_t v);
/* Whether word c, the nsubj of verb v in the parse, is its object: after
 * an infinitive that complements another verb ("intentó invadir Ucrania"),
 * which takes its subject from that verb. */
int ng__tree_misread_object(const ng_tree *t, size_t v, size_t c);
/* The subjects of verb (or role noun) v, own or shared; their count. */
size_t ng__tree_subjects(ng_tree *t, size_t v, arg *out);
/* Whether clause head v has a subordinator ("que", "cuando", "if"). */
int ng__tree_marked(const ng_tree *t, size_t v);
/* Whether clause v says what for: "para apoyar", "to support". */
int ng__tree_purpose(ng_tree *t, size_t v);
/* The first word of the phrase word h heads, punctuation aside. */
size_t ng__tree_phrase_start(const ng_tree *t, size_t h);
/* The name's mention word i stands for, or -1. */
int ng__tree_mention(const ng_tree *t, size_t i);
/* The mention word i stands for, by name or by reference (see tree.c);
 * *rule names a reference's rule. -1 for none. */
int ng__tree_referent(ng_tree *t, size_t i, const char **rule, int members);
/* pattern+rule of the first of rs, ro that is set (in the pool); pattern
 * itself when neither is. NULL when out of memory. */
const char *ng__tree_with_rule(ng_tree *t, const char *pattern, const char *rs, const char *ro);

#endif
