/* Entity tagger: BIO labels over the tokens of a sentence (person,
 * organisation, place, other names), from a trained linear model with
 * Viterbi decoding over label pairs.
 *
 * The tagger sees each token through an ng_ner_token that its caller fills
 * (the extractor: the form, the part of speech from the parse, gazetteer hits,
 * whether the word is in the dictionary), so it knows nothing of the stages
 * before it. A headline (an ALL-CAPS or Title Case line) is read without
 * case and without parts of speech, which such lines do not have.
 *
 * A model is read-only once loaded and may be shared; an ng_ner_tagger holds
 * the working memory of one thread. */
#ifndef NEWSGRAPH_NER_H
#define NEWSGRAPH_NER_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ng_ner_class {
    NG_NER_O = 0,
    NG_NER_PER,
    NG_NER_ORG,
    NG_NER_LOC,
    NG_NER_MISC,
    NG_NER_NCLASSES
} ng_ner_class;

/* Labels: 0 is O, 2c-1 is B-c and 2c is I-c for class c. */
#define NG_NER_NLABELS (2 * NG_NER_NCLASSES - 1)
static inline ng_ner_class ng_ner_label_class(uint8_t label)
{
    return (ng_ner_class)((label + 1) / 2);
}
static inline int ng_ner_label_begins(uint8_t label)
{
    return label && (label & 1);
}
/* The end of the name whose B- label is labels[i]: the first token from i + 1
 * (up to n) that does not continue it. */
static inline size_t ng_ner_name_end(const uint8_t *labels, size_t i, size_t n)
{
    size_t j = i + 1;
    while (j < n && labels[j] == labels[i] + 1)
        j++;
    return j;
}

/* "PER", "ORG", "LOC", "MISC", "O" (static); NG_NER_O for an unknown name. */
const char *ng_ner_class_name(ng_ner_class c);
ng_ner_class ng_ner_class_from_name(const char *name);

/* Gazetteer evidence on a token: inside an alias of an entry of that kind,
 * or (outside any) a given name of the ontology's list. */
enum {
    NG_NER_GAZ_PER = 1 << 0,
    NG_NER_GAZ_ORG = 1 << 1,
    NG_NER_GAZ_LOC = 1 << 2,
    NG_NER_GAZ_MISC = 1 << 3,
    NG_NER_GAZ_FIRST = 1 << 4, /* the alias starts here */
    NG_NER_GAZ_GIVEN = 1 << 5
};

/* A hint from hand-written rules on a token: inside a name chunk they
 * found (class in the low bits, an ng_ner_class, O for a name of no known
 * class), and whether the chunk starts here. */
enum { NG_NER_RULE_IN = 1 << 4, NG_NER_RULE_FIRST = 1 << 3, NG_NER_RULE_CLASS = 7 };

typedef struct ng_ner_token {
    const char *form; /* as written, UTF-8; borrowed */
    uint32_t len;     /* bytes */
    uint8_t upos;     /* ng_upos of the token's first word; NG_UPOS_X without a parse */
    uint8_t gaz;      /* NG_NER_GAZ_* */
    uint8_t dict;     /* 1: a common word of the language; 2: a name in the dictionary */
    uint8_t rule;     /* what capitalisation rules say: NG_NER_RULE_* or 0 */
    /* from the parse (NULL without one): the relation of the token's first
     * word to its head, and the head's lemma */
    const char *deprel;
    const char *head;
    uint32_t cls; /* the first word's classes (ng_word.cls); 0 for none */
} ng_ner_token;

typedef struct ng_ner_model ng_ner_model;
typedef struct ng_ner_tagger ng_ner_tagger;

/* A missing, truncated, damaged or foreign file is an error naming it. */
int ng_ner_model_load(ng_ner_model **out, const char *path, ng_error *err);
int ng_ner_model_save(const ng_ner_model *m, const char *path, ng_error *err);
void ng_ner_model_free(ng_ner_model *m);
const char *ng_ner_model_lang(const ng_ner_model *m);

int ng_ner_tagger_new(ng_ner_tagger **out, ng_error *err);
void ng_ner_tagger_free(ng_ner_tagger *t);

/* Label the n tokens of one sentence into labels[0..n) (the caller's). A
 * label sequence never has I-c after anything but B-c or I-c. */
int ng_ner_tag(ng_ner_tagger *t, const ng_ner_model *m, const ng_ner_token *toks, size_t n,
               int headline, uint8_t *labels, ng_error *err);

/* ---- training ---------------------------------------------------------------- */

typedef struct ng_ner_example {
    const ng_ner_token *toks;
    const uint8_t *labels; /* gold, as above */
    size_t n;
    int domain; /* which corpus: 0 is the one whose conventions the model follows */
} ng_ner_example;

typedef struct ng_ner_train_options {
    const char *lang;
    int epochs;         /* passes over the examples (default 10) */
    uint32_t seed;      /* the order of the examples in each pass */
    uint32_t min_count; /* features seen fewer times in gold paths are dropped */
    int ndomains;       /* corpora among the examples (1 = no adaptation) */
    int headline_every; /* every k-th sentence is also learnt as a headline (0 = none) */
    int members;        /* taggers trained in different orders and summed (an ensemble) */
    int quick_common;   /* a common lower-case word gets a dozen features, not fifty:
                         * faster, as good where names are capitalised (news) */
    void (*progress)(void *arg, int epoch, double token_accuracy);
    void *progress_arg;
} ng_ner_train_options;

#define NG_NER_TRAIN_OPTIONS_INIT                                                                  \
    {                                                                                              \
        NULL, 10, 1, 1, 1, 6, 2, 0, NULL, NULL                                                     \
    }

/* Train on ex[0..n); the same examples and options give the same model
 * bytes. *out is the caller's (ng_ner_model_free). */
int ng_ner_train(ng_ner_model **out, const ng_ner_example *ex, size_t n,
                 const ng_ner_train_options *o, ng_error *err);

/* ---- a folder of models: DIR/<lang>.ner.ngm ------------------------------------- */

typedef struct ng_ner_models ng_ner_models;
int ng_ner_models_new(ng_ner_models **out, const char *dir, ng_error *err);
void ng_ner_models_free(ng_ner_models *ms);
/* Loaded on first use; *out is borrowed from ms. */
int ng_ner_models_get(ng_ner_models *ms, const char *lang, const ng_ner_model **out, ng_error *err);

#ifdef __cplusplus
}
#endif
#endif
