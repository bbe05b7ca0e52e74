/* Extractor: one document in, its entities and claims out.
 *
 * Pipeline per article: segment, fold and lemmatise tokens (hunspell, cached
 * per word form), find mentions (gazetteer automaton, capitalised name chunks
 * typed by cue words), resolve them inside the article (surnames, acronyms,
 * demonyms, metonyms), then read relations off the sentences with named
 * patterns: role appositions, verb frames, passives, nominal patterns, and
 * attribution of reported speech.
 *
 * An extractor is not thread-safe; use one per thread. The extraction it
 * returns is borrowed and valid until the next ng_extract call or
 * ng_extractor_free. Extraction needs nothing from other articles. */
#ifndef NEWSGRAPH_EXTRACT_H
#define NEWSGRAPH_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/document.h"
#include "newsgraph/ner.h"
#include "newsgraph/error.h"
#include "newsgraph/ontology.h"
#include "newsgraph/parse.h"
#include "newsgraph/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_extractor ng_extractor;
typedef struct ng_extraction ng_extraction;

typedef enum ng_modality {
    NG_MOD_ASSERTED = 0,
    NG_MOD_REPORTED, /* attributed to a speaker */
    NG_MOD_FUTURE,
    NG_MOD_NEGATED, /* no direct triple is written for these */
    NG_MOD_HEDGED,
    NG_MOD_PAST /* held once, not now: "el expresidente", "former minister" */
} ng_modality;

const char *ng_modality_name(ng_modality m); /* "asserted", … (static) */

typedef struct ng_entity_view {
    const char *key;  /* "gaz:<id>" for gazetteer entities, else "name:<slug>" */
    const char *name; /* canonical surface name in the article */
    ng_type type;
    const char *gaz_id;              /* or NULL */
    const char *qid;                 /* Wikidata id or NULL */
    const char *label_en, *label_es; /* gazetteer labels or NULL */
    const char *const *aliases;      /* other surface forms seen */
    size_t naliases;
} ng_entity_view;

/* When a claim held, from a date in its sentence ("en junio de 2024",
 * "el sábado", "desde agosto de 2024"), normalised against the article date. */
typedef enum ng_when_kind {
    NG_WHEN_NONE = 0,
    NG_WHEN_DATE,       /* xsd:date, YYYY-MM-DD */
    NG_WHEN_YEAR_MONTH, /* xsd:gYearMonth, YYYY-MM */
    NG_WHEN_YEAR,       /* xsd:gYear, YYYY */
    NG_WHEN_MONTH_DAY,  /* xsd:gMonthDay, --MM-DD: a day without a year to place it */
    NG_WHEN_MONTH       /* xsd:gMonth, --MM: "en octubre" without an article date */
} ng_when_kind;

typedef enum ng_when_rel { NG_WHEN_AT = 0, NG_WHEN_SINCE, NG_WHEN_UNTIL } ng_when_rel;

typedef struct ng_when {
    ng_when_kind kind;
    ng_when_rel rel;
    char value[11];
} ng_when;

/* How many, from a number in the claim's sentence ("más de 10.000 soldados"). */
typedef enum ng_bound {
    NG_BOUND_EXACT = 0,
    NG_BOUND_MIN,   /* at least: "más de", "more than" */
    NG_BOUND_MAX,   /* at most: "menos de", "up to" */
    NG_BOUND_APPROX /* "unos", "about" ("miles", "thousands" are at least 1000: MIN) */
} ng_bound;

typedef struct ng_quantity {
    int present;
    double value;
    ng_bound bound;
    const char *unit; /* "soldado", "USD", … or NULL */
} ng_quantity;

typedef struct ng_claim {
    size_t subject, object; /* entity indices */
    const char *property;   /* ng: local name */
    const char *pattern;    /* rule id, e.g. "svo:desplegar", "apposition:role" */
    long speaker;           /* entity index of who said it, or -1 */
    ng_modality modality;
    double confidence;
    uint32_t char_start, char_end; /* sentence, code points into the text */
    const char *sentence;          /* sentence text */
    ng_when when;
    ng_quantity quantity;
} ng_claim;

/* Whether a claim also stands as the direct triple subject-property-object
 * (and a diagram edge): only what the text asserts, reports or announces;
 * negated and hedged claims stay claims, and so does ng:relatedTo (a verb
 * the lexicon does not map). */
int ng_claim_is_direct(const ng_claim *c);
/* The property of a claim read from a verb the lexicon does not map. */
#define NG_UNMAPPED_PROPERTY "relatedTo"

/* One mention of an entity in the text. */
typedef enum ng_mention_kind {
    NG_MENTION_NAME = 0, /* a name: gazetteer alias or capitalised chunk */
    NG_MENTION_DEMONYM   /* a nationality word standing for its country */
} ng_mention_kind;

typedef struct ng_mention_view {
    uint32_t byte_start, byte_end; /* into the document text */
    uint32_t char_start, char_end; /* code points into the document text */
    size_t entity;                 /* index of the (resolved) entity */
    ng_mention_kind kind;
    ng_ner_class tagged; /* the entity tagger's class for these words, NG_NER_O if none */
} ng_mention_view;

/* A word that refers to an entity the article names elsewhere: a
 * pronoun, a possessive or a definite description, resolved within the
 * article (needs a parse); or, for coref:zero, a Spanish verb whose
 * unstated subject it is ("Allí se reunió con Lula"). */
typedef struct ng_reference_view {
    uint32_t byte_start, byte_end; /* into the document text */
    uint32_t char_start, char_end; /* code points into the document text */
    size_t entity;                 /* index of the (resolved) entity */
    size_t antecedent;             /* index of the mention it was resolved to */
    /* "coref:pronoun", "coref:possessive", "coref:description", "coref:zero" (static) */
    const char *rule;
} ng_reference_view;

typedef struct ng_extract_stats {
    size_t sentences, tokens, words, mentions, dates, quantities;
} ng_extract_stats;

/* onto is borrowed and must outlive the extractor. */
int ng_extractor_new(ng_extractor **out, const ng_ontology *onto, ng_error *err);
void ng_extractor_free(ng_extractor *x);

/* Parse every article with the models of ms (borrowed; must outlive the
 * extractor): the parse stage runs between the segmenter and mention
 * finding, and an article whose language's model cannot be loaded fails
 * with that error. Without models there is no parse. Returns 0. */
int ng_extractor_set_models(ng_extractor *x, ng_models *ms, ng_error *err);

/* Find names with the entity models of ms (borrowed; must outlive the
 * extractor) instead of the capitalisation rules; an article whose
 * language has no entity model fails with that error. NULL goes back to
 * the rules. Returns 0. */
int ng_extractor_set_entity_models(ng_extractor *x, ng_ner_models *ms, ng_error *err);

/* What the entity tagger is shown of an article (to train it): one
 * ng_ner_token per token of seg, and per sentence whether it is a headline.
 * Everything is borrowed until the next call on x. */
typedef struct ng_entity_input {
    const ng_ner_token *tokens;
    size_t ntokens;
    const ng_segmentation *seg; /* the tokens' offsets and the sentences */
    const uint8_t *headline;    /* per sentence */
} ng_entity_input;
int ng_extract_entity_input(ng_extractor *x, const ng_document *doc, const char *lang,
                            ng_entity_input *out, ng_error *err);

/* Extract from doc in language lang ("es"/"en"; NULL = the document's, else
 * detected). *out is borrowed (see above). */
int ng_extract(ng_extractor *x, const ng_document *doc, const char *lang, const ng_extraction **out,
               ng_error *err);

/* Segment and parse only: no mentions, relations or claims (the rest of
 * the extraction is empty). Needs models (ng_extractor_set_models). */
int ng_extract_parse(ng_extractor *x, const ng_document *doc, const char *lang,
                     const ng_extraction **out, ng_error *err);

/* The tokens of the article and, with models, their parse: words (tokens
 * split into syntactic words) with tags, features, lemmas and the tree.
 * Both borrowed like the extraction; the parse is NULL without models. */
const ng_segmentation *ng_extraction_segmentation(const ng_extraction *e);
const ng_parse *ng_extraction_parse(const ng_extraction *e);

/* The entity tagger's labels (ng_ner.h: 0 O, B-/I- of a class), one per
 * token of the segmentation, before the gazetteer and the name rules settle
 * the mentions; NULL when names were found without entity models. Borrowed
 * like the extraction. */
const uint8_t *ng_extraction_tagger_labels(const ng_extraction *e);

size_t ng_extraction_entity_count(const ng_extraction *e);
const ng_entity_view *ng_extraction_entity(const ng_extraction *e, size_t i);
size_t ng_extraction_claim_count(const ng_extraction *e);
const ng_claim *ng_extraction_claim(const ng_extraction *e, size_t i);
size_t ng_extraction_mention_count(const ng_extraction *e);
/* Mentions in text order. */
const ng_mention_view *ng_extraction_mention(const ng_extraction *e, size_t i);
/* References in text order; borrowed like the mentions. */
size_t ng_extraction_reference_count(const ng_extraction *e);
const ng_reference_view *ng_extraction_reference(const ng_extraction *e, size_t i);
const char *ng_extraction_lang(const ng_extraction *e);
/* The article's date (YYYY-MM-DD): the document's, else one read from a
 * dateline at the top of the text; NULL when neither exists. Relative dates
 * ("ayer", "on Tuesday") are only resolved when there is one. */
const char *ng_extraction_date(const ng_extraction *e);
ng_extract_stats ng_extraction_stats(const ng_extraction *e);

#ifdef __cplusplus
}
#endif
#endif
