/* Shared state of the writers. */
#ifndef NG_WRITER_INT_H
#define NG_WRITER_INT_H

#include "newsgraph/export.h"
#include "newsgraph/graph.h"
#include "util/util.h"

#include <raptor2.h>

typedef struct dot_edge {
    size_t s, o;
    const char *property;
    unsigned count;
} dot_edge;

struct ng_writer {
    ng_context *ctx;
    const ng_ontology *onto;
    FILE *out;
    ng_writer_options opts;
    ng_graph *graph;
    size_t *ids;
    size_t ids_cap;
    /* RDF */
    raptor_world *world;
    raptor_serializer *ser;
    raptor_iostream *iostream;
    ng_buf pending; /* serializer output not yet written to out */
    int write_failed;
    int rdf_errors;
    unsigned long triples;
    unsigned long batch_start; /* triples when the current Turtle batch began */
    ng_map *direct_seen;       /* "<s>\x1f<p>\x1f<o>" hashes as keys */
    raptor_term *graph_term;   /* current article graph (N-Quads) or NULL */
    char *article;             /* current article IRI (row API) */
    const char *article_lang;
    /* diagrams */
    dot_edge *edges;
    size_t nedges, edges_cap;
    ng_map *edge_index;
};

int ng__rdf_begin(ng_writer *w, ng_error *err);
int ng__rdf_article(ng_writer *w, const ng_document *doc, const ng_extraction *ex, ng_error *err);
int ng__rdf_finish(ng_writer *w, ng_error *err);
void ng__rdf_free(ng_writer *w);
int ng__dot_article(ng_writer *w, const ng_extraction *ex, ng_error *err);
int ng__dot_finish(ng_writer *w, ng_error *err);

#endif
