/* newsgraph: knowledge graphs from news articles.
 *
 * The library reads articles (document.h), segments them (text.h), extracts
 * entities and claims with the knowledge under ontology/ (ontology.h,
 * extract.h), merges them into one graph (graph.h) and writes it as RDF or as
 * a diagram (export.h).
 *
 * One ng_context per process: it owns the Raptor world, which must outlive all
 * other Raptor and libxml2 use and is released last (ng_context_free). */
#ifndef NEWSGRAPH_NEWSGRAPH_H
#define NEWSGRAPH_NEWSGRAPH_H

#include "newsgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NG_VERSION "0.1.0"
#define NG_ONTOLOGY_NS "https://newsgraph.example/ontology#"
#define NG_DEFAULT_BASE "https://newsgraph.example/id/"

typedef struct ng_context ng_context;

/* Create the process context. *out belongs to the caller. */
int ng_context_new(ng_context **out, ng_error *err);
/* Free last, after every object that used the context. NULL is a no-op. */
void ng_context_free(ng_context *ctx);
/* The Raptor world (raptor_world *), borrowed. */
void *ng_context_raptor(ng_context *ctx);
/* The Graphviz context (GVC_t *), created on first use, borrowed; NULL on
 * failure. Semi-private: for the diagram writers. */
void *ng__context_gvc(ng_context *ctx);

#ifdef __cplusplus
}
#endif
#endif
