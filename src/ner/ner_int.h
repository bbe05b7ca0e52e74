/* Internals of the entity tagger shared by tagging and training. */
#ifndef NG_NER_INT_H
#define NG_NER_INT_H

#include "learn/learn.h"
#include "newsgraph/ner.h"

#define NG_NER_MAGIC "NGNE"
#define NG_NER_VERSION 2            /* 2: the payload starts with the model's flags */
#define NG_NER_MAX_TOKENS 1024      /* longer sentences are tagged in parts */
#define NG_NER_START NG_NER_NLABELS /* the "label" before the first token */

#define NG_NER_QUICK_COMMON 1u /* flag: ng_ner_train_options.quick_common */

struct ng_ner_model {
    char lang[8];
    uint32_t flags; /* NG_NER_QUICK_COMMON */
    ng_wtab emit;   /* features of a token -> label */
    ng_wtab trans;  /* previous label -> label */
    float tr[NG_NER_NLABELS + 1][NG_NER_NLABELS];
};

/* What is computed once per token before its features. */
typedef struct ner_atoms {
    ng_watoms a;
    uint64_t written; /* the form as written */
    uint8_t upos, gaz, dict, rule;
    uint8_t cap;   /* 1 first letter upper case, 2 all letters upper case (two or more) */
    uint8_t alpha; /* has a letter */
    uint8_t run;   /* inside a run of capitalised words: 1 first, 2 inside, 3 last, 4 alone */
    uint64_t deprel, head;          /* hashes; 0 without a parse */
    uint64_t name_first, name_last; /* the words that open and close the name run around it */
    uint32_t run_start, run_end;    /* that run, tokens [start, end) */
} ner_atoms;

/* What depends on a word form alone, kept per form: most words come back
 * (in a sentence, an article, a run), and case folding, affixes and
 * hashing cost more than a lookup. */
typedef struct ner_word {
    ng_watoms a;
    uint64_t written;
    uint8_t cap, alpha;
} ner_word;

#define NG_NER_WORD_CACHE_MAX 200000 /* forms; beyond, the cache starts afresh */

typedef struct ner_work {
    ner_atoms *atoms;
    size_t cap;
    ng_buf lower;
    ng_map *words; /* form as written -> ner_word (in pool); made on first use */
    ng_pool *pool;
    int quick_common; /* the model's NG_NER_QUICK_COMMON */
} ner_work;

int ng__ner_atoms(ner_work *w, const ng_ner_token *toks, size_t n);
void ng__ner_work_free(ner_work *w);
/* Features of token i (f holds NG_MAX_FEATS). */
size_t ng__ner_features(const ner_work *w, size_t n, size_t i, int headline, uint64_t *f);
/* Key of the transition feature from label prev (NG_NER_START first). */
uint64_t ng__ner_trans_key(uint32_t prev);
/* Whether label y may follow label prev. */
int ng__ner_allowed(uint32_t prev, uint32_t y);
/* Best label path given emission scores em[i*NLABELS + y] and transitions
 * tr (as in the model); back holds n*NLABELS entries. */
void ng__ner_viterbi(const float *em, size_t n, const float tr[][NG_NER_NLABELS], uint8_t *back,
                     uint8_t *out);

/* The transition rows of m->tr from m->trans. */
void ng__ner_fill_transitions(ng_ner_model *m);

#endif
