/* Writer front: dispatches to the RDF or the diagram back end and keeps the
 * run's entity graph. */
#include "writer_int.h"
#include "newsgraph/link.h"

#include <stdlib.h>
#include <string.h>

int ng_out_format_parse(const char *name)
{
    static const char *const names[] = {"turtle", "ntriples", "nquads", "rdfxml",
                                        "dot",    "svg",      "png"};
    for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
        if (strcmp(names[i], name) == 0) return i;
    if (strcmp(name, "ttl") == 0) return NG_OUT_TURTLE;
    if (strcmp(name, "nt") == 0) return NG_OUT_NTRIPLES;
    if (strcmp(name, "nq") == 0) return NG_OUT_NQUADS;
    return -1;
}

static int is_rdf(const ng_writer *w)
{
    return w->opts.format <= NG_OUT_RDFXML;
}

int ng_writer_new(ng_writer **out, ng_context *ctx, const ng_ontology *onto, FILE *fp,
                  const ng_writer_options *opts, ng_error *err)
{
    ng_writer *w = calloc(1, sizeof *w);
    if (!w) return ng_error_set(err, NG_ENOMEM, "out of memory");
    w->ctx = ctx;
    w->onto = onto;
    w->out = fp;
    w->opts = *opts;
    if (!w->opts.lang) w->opts.lang = "en";
    int rc = ng_graph_new(&w->graph, opts->base, err);
    if (!rc && !(w->direct_seen = ng_map_new())) rc = ng_error_set(err, NG_ENOMEM, "oom");
    if (!rc && !(w->edge_index = ng_map_new())) rc = ng_error_set(err, NG_ENOMEM, "oom");
    if (!rc && is_rdf(w)) rc = ng__rdf_begin(w, err);
    if (rc) {
        ng_writer_free(w);
        return rc;
    }
    *out = w;
    return 0;
}

int ng_writer_add(ng_writer *w, const ng_document *doc, const ng_extraction *ex, ng_error *err)
{
    size_t n = ng_extraction_entity_count(ex);
    if (NG_GROW(w->ids, w->ids_cap, n + 1)) return ng_error_set(err, NG_ENOMEM, "oom");
    int rc = ng_graph_add_entities(w->graph, ex, w->ids, err);
    if (rc) return rc;
    return is_rdf(w) ? ng__rdf_article(w, doc, ex, err) : ng__dot_article(w, ex, err);
}

/* The run's entities linked across its articles, before they are written. */
static int link_run(ng_writer *w, ng_error *err)
{
    if (!w->onto || !ng_graph_entity_count(w->graph)) return 0;
    ng_linker *l;
    int rc = ng_linker_new(&l, w->onto, err);
    if (!rc) rc = ng_graph_link(w->graph, l, err);
    ng_linker_free(l);
    return rc;
}

int ng_writer_finish(ng_writer *w, ng_error *err)
{
    int rc = link_run(w, err);
    if (!rc) rc = is_rdf(w) ? ng__rdf_finish(w, err) : ng__dot_finish(w, err);
    if (!rc && fflush(w->out) != 0) rc = ng_error_set(err, NG_EIO, "write error on output");
    if (!rc && ferror(w->out)) rc = ng_error_set(err, NG_EIO, "write error on output");
    return rc;
}

unsigned long ng_writer_triples(const ng_writer *w)
{
    return w->triples;
}

void ng_writer_free(ng_writer *w)
{
    if (!w) return;
    ng__rdf_free(w);
    ng_graph_free(w->graph);
    ng_map_free(w->direct_seen);
    ng_map_free(w->edge_index);
    free(w->edges);
    free(w->ids);
    free(w);
}
