/* Ontology: everything newsgraph knows, loaded from the data files under
 * ontology/ (see ontology/README.md): the OWL ontology's labels, the
 * gazetteer of known entities with its alias automaton, and per-language
 * lexicons (verb frames, roles, cue words, nominal patterns).
 *
 * Loaded once, read-only afterwards, and shared by any number of extractors. */
#ifndef NEWSGRAPH_ONTOLOGY_H
#define NEWSGRAPH_ONTOLOGY_H

#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/newsgraph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_ontology ng_ontology;

/* Entity classes (local names in ng:). */
typedef enum ng_type {
    NG_TYPE_ENTITY = 0, /* a name whose kind the text does not tell */
    NG_TYPE_PERSON,
    NG_TYPE_ORGANIZATION,
    NG_TYPE_COUNTRY,
    NG_TYPE_CITY,
    NG_TYPE_REGION,
    NG_TYPE_PLACE,
    NG_TYPE_AGREEMENT,
    NG_TYPE_EVENT,
    NG_TYPE_COUNT
} ng_type;

/* "Person", "Organization", … (static). */
const char *ng_type_name(ng_type t);
/* Parse a class local name; returns -1 when unknown. */
int ng_type_parse(const char *name);

/* Load from dir (the ontology/ folder). Reads hunspell dictionaries from
 * hunspell_dir (NULL = /usr/share/hunspell). On success *out belongs to the
 * caller; free it with ng_ontology_free before freeing ctx. Errors name the
 * file and line (NG_EIO, NG_EDATA). */
int ng_ontology_load(ng_ontology **out, ng_context *ctx, const char *dir, const char *hunspell_dir,
                     ng_error *err);
void ng_ontology_free(ng_ontology *onto);

/* "es" or "en", by a vote of each lexicon's stop words (static string). */
const char *ng_ontology_detect_language(const ng_ontology *onto, const char *text, size_t len);

/* rdfs:label of ng:<local> in lang (falls back to English, then to local);
 * borrowed from the ontology. */
const char *ng_ontology_label(const ng_ontology *onto, const char *local, const char *lang);

/* CoNLL tag (PER, ORG, LOC, MISC or O) for a class local name or "Demonym"
 * in lang, from ontology/conll.tsv; "O" when unmapped. Static or borrowed. */
const char *ng_ontology_ner_tag(const ng_ontology *onto, const char *lang, const char *cls);

/* Number of gazetteer entries and aliases, for --verbose. */
void ng_ontology_stats(const ng_ontology *onto, size_t *entries, size_t *aliases, size_t *verbs);

#ifdef __cplusplus
}
#endif
#endif
