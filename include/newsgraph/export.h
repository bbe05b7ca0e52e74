/* Exporters: the graph as RDF (through Raptor) or as a diagram (DOT through
 * Graphviz cgraph, SVG/PNG through gvc, laid out in-process).
 *
 * A writer is fed one article at a time. RDF writers stream each article's
 * node, claims and direct triples as soon as it is added (N-Triples and
 * N-Quads reach the output at once; Raptor's Turtle and RDF/XML serializers
 * buffer until the end) and write entity descriptions at ng_writer_finish.
 * Diagram writers keep the edges and draw at ng_writer_finish. */
#ifndef NEWSGRAPH_EXPORT_H
#define NEWSGRAPH_EXPORT_H

#include <stdio.h>
#include "newsgraph/document.h"
#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The vocabularies the RDF writers use (with NG_ONTOLOGY_NS, newsgraph.h). */
#define NG_RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NG_RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define NG_OWL_NS "http://www.w3.org/2002/07/owl#"
#define NG_SKOS_NS "http://www.w3.org/2004/02/skos/core#"
#define NG_PROV_NS "http://www.w3.org/ns/prov#"
#define NG_DCT_NS "http://purl.org/dc/terms/"
#define NG_NIF_NS "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NG_XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define NG_WD_NS "http://www.wikidata.org/entity/"

typedef enum ng_out_format {
    NG_OUT_TURTLE = 0,
    NG_OUT_NTRIPLES,
    NG_OUT_NQUADS,
    NG_OUT_RDFXML,
    NG_OUT_DOT,
    NG_OUT_SVG,
    NG_OUT_PNG
} ng_out_format;

/* "turtle", "ntriples", "nquads", "rdfxml", "dot", "svg", "png"; -1 if unknown. */
int ng_out_format_parse(const char *name);

typedef struct ng_writer_options {
    int version; /* NG_WRITER_OPTIONS_VERSION */
    ng_out_format format;
    const char *base; /* entity IRI base; NULL = NG_DEFAULT_BASE */
    const char *lang; /* diagram labels: "es" or "en"; NULL = "en" */
} ng_writer_options;

#define NG_WRITER_OPTIONS_VERSION 1
#define NG_WRITER_OPTIONS_INIT                                                                     \
    {                                                                                              \
        NG_WRITER_OPTIONS_VERSION, NG_OUT_TURTLE, NULL, NULL                                       \
    }

typedef struct ng_writer ng_writer;

/* ctx and onto are borrowed and must outlive the writer (onto may be NULL
 * for the RDF formats: only diagrams label edges with it); out is borrowed
 * and never closed by the writer. */
int ng_writer_new(ng_writer **w, ng_context *ctx, const ng_ontology *onto, FILE *out,
                  const ng_writer_options *opts, ng_error *err);
/* Add one article and what was extracted from it (both borrowed). */
int ng_writer_add(ng_writer *w, const ng_document *doc, const ng_extraction *ex, ng_error *err);
/* Write what remains (entities, the diagram). Errors include write failures. */
int ng_writer_finish(ng_writer *w, ng_error *err);
/* Rows, for RDF writers fed from a store instead of an extraction: an
 * article, then its claims, then (after all articles) the entities, then
 * ng_writer_finish. Strings are borrowed for the call. */
typedef struct ng_article_row {
    const char *id, *title, *source, *date, *lang;
} ng_article_row;

typedef struct ng_claim_row {
    const char *subject_iri, *object_iri, *speaker_iri; /* speaker may be NULL */
    ng_claim claim; /* subject, object and speaker indices are ignored */
    /* write the direct triple too: the caller sets it on one claim of each
     * direct triple (ng_claim_is_direct), so that the writer keeps no set of
     * the triples written and its memory does not grow with the store */
    int write_direct;
} ng_claim_row;

typedef struct ng_entity_row {
    const char *iri;
    ng_type type;
    const char *name, *lang, *label_en, *label_es, *qid; /* labels and qid may be NULL */
    const char *const *alts, *const *alt_langs;
    size_t nalts;
    const char *same_as; /* space-separated IRIs of the same entity, or NULL */
} ng_entity_row;

int ng_writer_begin_article(ng_writer *w, const ng_article_row *a, ng_error *err);
int ng_writer_claim(ng_writer *w, const ng_claim_row *c, ng_error *err);
int ng_writer_end_article(ng_writer *w, ng_error *err);
int ng_writer_entity(ng_writer *w, const ng_entity_row *e, ng_error *err);

/* Triples written so far (RDF formats). */
unsigned long ng_writer_triples(const ng_writer *w);
void ng_writer_free(ng_writer *w);

#ifdef __cplusplus
}
#endif
#endif
