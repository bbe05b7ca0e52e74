/* Parse: parts of speech, morphology, lemmas and a dependency tree for every
 * sentence, from trained models.
 *
 * A model file (models/<lang>.ngm) holds, for one language, an averaged
 * perceptron tagger (UPOS), a morphological lexicon with suffix rules (FEATS
 * and lemma), the multiword-token splits learnt from the treebank (Spanish
 * "del" -> "de el", "dárselo" -> "dár se lo") and a greedy arc-hybrid
 * transition parser with a dependency labeller. The format is our own: a
 * header with magic "NGPM", a version, the language and a checksum of
 * the payload; a missing, truncated, damaged or foreign file is refused with a
 * one-line error naming it.
 *
 * Relations are Universal Dependencies relations with their subtypes
 * ("nsubj:pass", "acl:relcl"); heads are word numbers within the sentence
 * (1-based), 0 for the root.
 *
 * A loaded model is read-only and may be shared by any number of threads; a
 * ng_parse (the working state and result of one run) belongs to one thread. */
#ifndef NEWSGRAPH_PARSE_H
#define NEWSGRAPH_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "newsgraph/error.h"
#include "newsgraph/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The seventeen universal parts of speech, in UD's alphabetical order. */
typedef enum ng_upos {
    NG_UPOS_ADJ = 0,
    NG_UPOS_ADP,
    NG_UPOS_ADV,
    NG_UPOS_AUX,
    NG_UPOS_CCONJ,
    NG_UPOS_DET,
    NG_UPOS_INTJ,
    NG_UPOS_NOUN,
    NG_UPOS_NUM,
    NG_UPOS_PART,
    NG_UPOS_PRON,
    NG_UPOS_PROPN,
    NG_UPOS_PUNCT,
    NG_UPOS_SCONJ,
    NG_UPOS_SYM,
    NG_UPOS_VERB,
    NG_UPOS_X,
    NG_UPOS_COUNT
} ng_upos;

/* "NOUN", … (static); "X" for an out-of-range value. */
const char *ng_upos_name(ng_upos u);
/* The tag named s (n bytes), or -1. */
int ng_upos_from_name(const char *s, size_t n);

typedef struct ng_model ng_model;

/* Load a model file. *out is owned by the caller (ng_model_free). Fails with
 * NG_EIO (cannot read), NG_EFORMAT (not a model, other version, truncated or
 * checksum mismatch), each with a message naming the file. */
int ng_model_load(ng_model **out, const char *path, ng_error *err);
void ng_model_free(ng_model *m);
/* "es", "en", … (borrowed from the model). */
const char *ng_model_lang(const ng_model *m);

/* The models of a folder, DIR/<lang>.ngm, each loaded on first use. */
typedef struct ng_models ng_models;

/* dir is copied. Nothing is read yet. */
int ng_models_new(ng_models **out, const char *dir, ng_error *err);
void ng_models_free(ng_models *ms);
/* The model of lang, loaded when first asked for; *out is borrowed from ms.
 * Errors are those of ng_model_load (a missing file is NG_EIO). Not
 * thread-safe: load every language before sharing ms between threads. */
int ng_models_get(ng_models *ms, const char *lang, const ng_model **out, ng_error *err);

/* One syntactic word. Strings are borrowed from the ng_parse (form, lemma) or
 * the model (feats, deprel) and stay valid until the next parse call or
 * ng_parse_free. */
typedef struct ng_word {
    const char *form;
    const char *lemma;
    const char *feats;  /* "Gender=Fem|Number=Sing" or "_" */
    const char *deprel; /* "nsubj", "acl:relcl", "root", … */
    ng_upos upos;
    uint32_t head;     /* word number in the sentence (1-based); 0 = root */
    uint32_t sentence; /* index of the sentence */
    uint32_t token;    /* index of the source token (segmenter or CoNLL-U line) */
    /* Where the word is in the text: its own part of the token ("de" and "l"
     * of "del"; "dár", "se", "lo" of "dárselo"), bytes and code points. For
     * CoNLL-U input these count within the sentence's words joined by spaces. */
    uint32_t byte_start, byte_end, char_start, char_end;
    uint8_t mwt;      /* 1 when the word is one of several words of one token */
    uint8_t no_space; /* no white space after the token (last word of it) */
    /* the word's classes in the model (fine + 1 in the low 16 bits, coarse
     * + 1 above; 0 when the model has none for it) */
    uint32_t cls;
} ng_word;

typedef struct ng_parse_sentence {
    uint32_t first, count; /* words [first, first+count) */
} ng_parse_sentence;

typedef struct ng_parse ng_parse;

int ng_parse_new(ng_parse **out, ng_error *err);
void ng_parse_free(ng_parse *p);

/* Parse every sentence of a segmented text (the segmenter's output over the
 * same text). Tokens are split into words where the model learnt multiword
 * tokens. Replaces the previous result. Returns 0 or NG_ENOMEM. */
int ng_parse_text(ng_parse *p, const ng_model *m, const char *text, const ng_segmentation *seg,
                  ng_error *err);

/* Parse one sentence given as words (gold tokenization; forms are copied),
 * appended to the current result; call ng_parse_reset first for a new one. */
int ng_parse_words(ng_parse *p, const ng_model *m, const char *const *forms, size_t n,
                   ng_error *err);
void ng_parse_reset(ng_parse *p);

size_t ng_parse_word_count(const ng_parse *p);
const ng_word *ng_parse_word(const ng_parse *p, size_t i);
size_t ng_parse_sentence_count(const ng_parse *p);
const ng_parse_sentence *ng_parse_sentence_at(const ng_parse *p, size_t i);

/* Write the result as CoNLL-U: per sentence "# sent_id = <prefix>-<n>" and
 * "# text = …" (from text, when given), multiword-token lines ("3-4 del"),
 * and MISC with TokenRange=start:end (code points) and SpaceAfter=No. text may
 * be NULL (CoNLL-U input: no ranges). Returns 0 or NG_EIO. */
int ng_parse_write_conllu(const ng_parse *p, const char *text, const ng_segmentation *seg,
                          const char *sent_prefix, FILE *out, ng_error *err);

/* Read CoNLL-U from path ("-" = standard input) and parse every sentence on
 * its own words (gold tokenization), writing CoNLL-U to out: comment and
 * multiword-token lines as read, each word with its FORM and MISC as read
 * and the predicted LEMMA, UPOS, FEATS, HEAD and DEPREL (XPOS and DEPS "_").
 * Errors name the file and line. */
int ng_parse_conllu(const ng_model *m, const char *path, FILE *out, ng_error *err);

/* ---- training ---------------------------------------------------------------
 * Train a model from CoNLL-U treebanks: deterministic (the same files, options
 * and seed give the same bytes). Progress lines go to log when not NULL. */
typedef struct ng_train_options {
    int version;
    const char *lang;         /* stored in the model */
    const char *const *train; /* CoNLL-U files to learn from */
    size_t ntrain;
    const char *dev; /* optional CoNLL-U file, scored after every epoch */
    int tagger_epochs, parser_epochs;
    uint64_t seed;
    int min_count; /* features seen fewer times are dropped from the model */
    int parsers;   /* parsers trained on different orders of the data, summed into one */
    /* Word classes: fine classes (0: none, and no text is read), learnt from
     * the treebanks' words and from plain-text files (one token a line, its
     * first tab-separated field; a blank line between sentences), leaving
     * out every sentence that is also in a held-out CoNLL-U file. */
    int clusters;
    const char *const *text;
    size_t ntext;
    const char *const *held_out;
    size_t nheld_out;
} ng_train_options;
#define NG_TRAIN_OPTIONS_VERSION 2
#define NG_TRAIN_OPTIONS_INIT                                                                      \
    {                                                                                              \
        NG_TRAIN_OPTIONS_VERSION, "es", NULL, 0, NULL, 12, 15, 1, 3, 2, 0, NULL, 0, NULL, 0        \
    }

/* Train and write the model to path (through a temporary file). */
int ng_train(const ng_train_options *o, const char *path, FILE *log, ng_error *err);

#ifdef __cplusplus
}
#endif
#endif
