/* Internals of the parse stage: feature hashing, perceptron weight tables,
 * the model, and the treebank reader the trainer and the CLI share. */
#ifndef NG_PARSE_INT_H
#define NG_PARSE_INT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "newsgraph/parse.h"
#include "learn/learn.h"
#include "util/util.h"

#define NG_PARSE_MAX_WORDS 1024 /* words per sentence (longer ones are cut) */

/* ---- the morphological lexicon ---------------------------------------------- */
typedef struct ng_lemma_rule {
    uint8_t lower; /* lower-case the form first */
    uint8_t cut;   /* code points removed at the end */
    uint32_t add;  /* offset of the appended string in the string table */
} ng_lemma_rule;

typedef struct ng_lex_entry {
    uint64_t key;
    uint32_t feats; /* index into the feats table */
    uint32_t rule;  /* index into the lemma rules */
} ng_lex_entry;

typedef struct ng_lex {
    ng_lex_entry *slots;
    size_t cap, count;
} ng_lex;

/* Clitics after a verb: the suffix ("selo"), its words ("se lo"), and the
 * host endings seen before it with how the host word is written. */
typedef struct ng_clitic {
    uint32_t suffix, words; /* string table offsets */
} ng_clitic;
typedef struct ng_host_rule {
    uint32_t from, to; /* string table offsets: host ending as written, as a word */
} ng_host_rule;

struct ng_model {
    char lang[8];
    char *path;
    /* string table: NUL-terminated strings */
    char *strings;
    size_t strings_len;
    uint32_t ndeprels, nfeats, nrules;
    uint32_t *deprel; /* string offsets */
    uint32_t *feats;
    ng_lemma_rule *rules;
    ng_lex lex;      /* (form, upos) -> feats, lemma */
    ng_lex sufx;     /* (suffix, length, upos) -> feats, lemma */
    ng_lex masks;    /* form -> UPOS seen with it (in feats) */
    ng_lex mwt;      /* lower-cased surface -> words "w1 w2 …" (string offset in feats) */
    ng_lex clusters; /* lower-cased form -> word classes (ng_watoms.cls, in feats) */
    ng_clitic *clitics;
    uint32_t nclitics;
    ng_host_rule *hosts;
    uint32_t nhosts;
    ng_wtab tagger, parser, labeller;
    uint32_t root_label; /* index of "root" */
    uint32_t punct_label;
};

/* ---- per-word atoms shared by tagger and parser ------------------------------ */
/* ng_atoms_make, plus the UPOS the model saw with the form. */
int ng_watoms_make(ng_watoms *a, const char *form, size_t len, ng_buf *lower,
                   const ng_model *m_or_null);

/* ---- the working state of one sentence -------------------------------------- */
typedef struct ng_psent {
    size_t n;
    const char **forms;
    const char **lower; /* lower-cased forms */
    ng_watoms *atoms;
    uint8_t *upos;
    uint32_t *feats; /* feats index */
    uint64_t *fhash; /* hash of the feats string */
    uint8_t *agr;    /* Number, Gender and Person of the feats (ng_agreement) */
    uint32_t *head;  /* 0 = root, else 1-based */
    uint32_t *label; /* deprel index */
    int classes;     /* the model has word classes */
    size_t cap;
} ng_psent;

int ng_psent_reserve(ng_psent *s, size_t n);
void ng_psent_free(ng_psent *s);

/* Tagger: features of word i given the tags of the words before it. */
size_t ng_tagger_features(const ng_psent *s, size_t i, uint64_t *f);
void ng_tagger_run(const ng_model *m, ng_psent *s);

/* Morphology: feats and lemma from the lexicon, else from suffix rules. */
void ng_morph_run(const ng_model *m, ng_psent *s, char **lemmas, ng_buf *scratch, ng_pool *pool);
uint64_t ng_lex_key(uint64_t form, uint32_t upos);
uint64_t ng_sufx_key(uint64_t suffix, uint32_t len, uint32_t upos);
const ng_lex_entry *ng_lex_find(const ng_lex *l, uint64_t key);
int ng_lex_put(ng_lex *l, uint64_t key, uint32_t feats, uint32_t rule);
uint32_t ng_model_mask(const ng_model *m, uint64_t form);
/* The word classes of a lower-cased form (ng_watoms.cls; 0 when it has none). */
uint32_t ng_model_class(const ng_model *m, uint64_t form);
/* Number, Gender and Person of a feats string in one byte, so that the
 * parser can see whether two words agree. */
uint8_t ng_agreement(const char *feats);
/* 0 when either lacks a value, else 1 (same) or 2 (different), per feature. */
uint64_t ng_agree(uint8_t a, uint8_t b);
/* Apply a lemma rule to a form. */
int ng_lemma_apply(const ng_model *m, const ng_lemma_rule *r, const char *form, ng_buf *out);

/* Parser: heads and labels from tags. */
/* cfg is the caller's, reused from one sentence to the next. */
struct ng_config;
void ng_parser_run(const ng_model *m, ng_psent *s, struct ng_config *cfg);

/* The result of a run and the state reused from one run to the next. */
struct ng_parse {
    ng_pool *pool; /* forms and lemmas of the current result */
    ng_word *words;
    size_t nwords, words_cap;
    ng_parse_sentence *sents;
    size_t nsents, sents_cap;
    ng_psent ps;
    char **lemmas;
    size_t lemmas_cap;
    ng_buf lower, scratch;
    struct ng_config *cfg; /* the parser's, reused */
};

/* ---- arc-hybrid transitions (shared by the parser, the trainer and tests) ---- */
enum { NG_T_SHIFT = 0, NG_T_LEFT, NG_T_RIGHT, NG_T_COUNT };

typedef struct ng_config {
    size_t n;        /* words 1..n; n+1 stands for the root at the end */
    uint32_t *stack; /* word numbers */
    size_t depth;
    uint32_t b; /* front of the buffer (1..n+1) */
    uint32_t *head, *label;
    uint32_t *lc1, *lc2, *rc1, *rc2; /* nearest left/right children */
    uint8_t *nl, *nr;
    uint64_t *lset, *rset; /* labels of the left and right children */
    size_t cap;
} ng_config;

int ng_config_init(ng_config *c, size_t n);
void ng_config_free(ng_config *c);
int ng_config_valid(const ng_config *c, int t);
void ng_config_apply(ng_config *c, int t, uint32_t label);
int ng_config_done(const ng_config *c);
/* Cost of transition t under the dynamic oracle (Goldberg and Nivre 2013) for
 * a projective gold tree gold_head[1..n] (n+1 = root). */
int ng_config_cost(const ng_config *c, int t, const uint32_t *gold_head);
/* Lift non-projective arcs (each to its head's head) until the tree is
 * projective; heads 1..n, 0 = root. */
void ng_projectivize(uint32_t *head, size_t n);
int ng_is_projective(const uint32_t *head, size_t n);

size_t ng_parser_features(const ng_psent *s, const ng_config *c, uint64_t *f);
size_t ng_labeller_features(const ng_psent *s, const ng_config *c, uint32_t h, uint32_t d,
                            uint64_t *f);

/* ---- CoNLL-U ------------------------------------------------------------------ */
typedef struct ng_cword {
    char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc;
    uint32_t head;
} ng_cword;

typedef struct ng_cline { /* a comment or a multiword-token line, kept verbatim */
    size_t before;        /* comes before word `before` (0-based) */
    char *text;
    int is_mwt;
    uint32_t from, to; /* for multiword tokens */
} ng_cline;

typedef struct ng_csent {
    ng_cword *words;
    size_t n, cap;
    ng_cline *lines;
    size_t nlines, lines_cap;
} ng_csent;

typedef struct ng_treebank {
    ng_csent *sents;
    size_t n, cap;
    ng_pool *pool;
} ng_treebank;

/* Read a CoNLL-U file (path "-" = stdin) and append its sentences. Empty
 * nodes (8.1) are skipped. Errors name the file and line. */
int ng_treebank_read(ng_treebank *tb, const char *path, ng_error *err);
/* Parse CoNLL-U text held in memory (name is used in errors). */
int ng_treebank_parse(ng_treebank *tb, char *text, size_t len, const char *name, ng_error *err);
void ng_treebank_free(ng_treebank *tb);

/* Word classes into m->clusters from the words of tb and of o->text, without
 * the sentences of o->held_out; o->clusters fine classes. */
int ng_train_clusters(ng_model *m, const ng_treebank *tb, const ng_train_options *o, FILE *log,
                      ng_error *err);

/* ---- model file ------------------------------------------------------------- */
#define NG_MODEL_MAGIC "NGPM"
#define NG_MODEL_VERSION 2
int ng_model_save(const ng_model *m, const char *path, ng_error *err);
void ng_model_clear(ng_model *m);
const char *ng_model_str(const ng_model *m, uint32_t off);

#endif
