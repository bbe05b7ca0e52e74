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
#include "newsgraph/error.h"
#include "newsgraph/ontology.h"

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
    NG_MOD_HEDGED
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

typedef struct ng_claim {
    size_t subject, object; /* entity indices */
    const char *property;   /* ng: local name */
    const char *pattern;    /* rule id, e.g. "svo:desplegar", "apposition:role" */
    long speaker;           /* entity index of who said it, or -1 */
    ng_modality modality;
    double confidence;
    uint32_t char_start, char_end; /* sentence, code points into the text */
    const char *sentence;          /* sentence text */
} ng_claim;

typedef struct ng_extract_stats {
    size_t sentences, tokens, words, mentions;
} ng_extract_stats;

/* onto is borrowed and must outlive the extractor. */
int ng_extractor_new(ng_extractor **out, const ng_ontology *onto, ng_error *err);
void ng_extractor_free(ng_extractor *x);

/* Extract from doc in language lang ("es"/"en"; NULL = the document's, else
 * detected). *out is borrowed (see above). */
int ng_extract(ng_extractor *x, const ng_document *doc, const char *lang, const ng_extraction **out,
               ng_error *err);

size_t ng_extraction_entity_count(const ng_extraction *e);
const ng_entity_view *ng_extraction_entity(const ng_extraction *e, size_t i);
size_t ng_extraction_claim_count(const ng_extraction *e);
const ng_claim *ng_extraction_claim(const ng_extraction *e, size_t i);
const char *ng_extraction_lang(const ng_extraction *e);
ng_extract_stats ng_extraction_stats(const ng_extraction *e);

#ifdef __cplusplus
}
#endif
#endif
