/* SPARQL: pushing a store's graph to a server through the SPARQL 1.1 Graph
 * Store HTTP Protocol (libcurl), and answering queries locally (Rasqal).
 *
 * The store is exported as N-Triples to a temporary file (memory stays flat)
 * and sent in batches of whole lines, each one request: PUT for the first
 * batch when replacing the graph, POST (add) otherwise. Connection failures
 * and 5xx/429 answers are retried with backoff; any other error status stops
 * the load with the server's own message. Triples sent before a failure stay
 * on the server (a Graph Store has no transactions across requests). */
#ifndef NEWSGRAPH_SPARQL_H
#define NEWSGRAPH_SPARQL_H

#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_load_options {
    const char *endpoint;        /* Graph Store URL, e.g. http://host:8890/sparql-graph-crud-auth */
    const char *graph;           /* target graph IRI; NULL = the store's base IRI */
    const char *user, *password; /* HTTP authentication (digest or basic), or NULL */
    int replace;                 /* replace the graph's contents instead of adding */
    size_t batch;                /* triples per request; 0 = NG_LOAD_BATCH */
    int retries;                 /* attempts after a transient failure; <0 = 3 */
    /* called after each batch when not NULL */
    void (*progress)(void *ud, unsigned long triples_sent);
    void *progress_ud;
} ng_load_options;

#define NG_LOAD_BATCH 20000

typedef struct ng_load_stats {
    unsigned long triples, requests, retries;
    double seconds; /* sending only, not the export */
} ng_load_stats;

/* Load the whole store. ctx and s are borrowed. */
int ng_sparql_load(ng_context *ctx, ng_store *s, const ng_load_options *o, ng_load_stats *stats,
                   ng_error *err);

/* Answer a SPARQL SELECT or ASK query over the store locally (Rasqal, on an
 * in-memory copy of the graph) and write the results to out as "table",
 * "csv", "tsv", "json" (SPARQL 1.1 JSON results) or "xml". A query that does
 * not parse or run gives NG_EINVAL with Rasqal's message. */
int ng_sparql_query(ng_context *ctx, ng_store *s, const char *query, const char *format, FILE *out,
                    ng_error *err);

#ifdef __cplusplus
}
#endif
#endif
