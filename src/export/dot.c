/* The extraction's diagram writer: collects each article's direct claims as
 * edges (the same fact in two articles counts twice) and draws them with the
 * diagram module at the end. */
#include "writer_int.h"
#include "newsgraph/diagram.h"

#include <stdlib.h>
#include <string.h>

int ng__dot_article(ng_writer *w, const ng_extraction *ex, ng_error *err)
{
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        if (!ng_claim_is_direct(c)) continue;
        size_t s = w->ids[c->subject], o = w->ids[c->object];
        ng_buf k = {0};
        if (ng_buf_printf(&k, "%zu\x1f%s\x1f%zu", s, c->property, o))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        void *found = ng_map_get(w->edge_index, k.data, k.len);
        if (found) {
            w->edges[(intptr_t)found - 1].count++;
        } else if (NG_GROW(w->edges, w->edges_cap, w->nedges + 1) ||
                   ng_map_put(w->edge_index, k.data, k.len, (void *)(intptr_t)(w->nedges + 1))) {
            ng_buf_free(&k);
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        } else {
            w->edges[w->nedges++] = (dot_edge){s, o, c->property, 1};
        }
        ng_buf_free(&k);
    }
    return 0;
}

static int node_for(ng_writer *w, ng_diagram *d, size_t entity, size_t *index, ng_error *err)
{
    const ng_graph_entity *e = ng_graph_entity_at(w->graph, entity);
    return ng_diagram_node(d, e->iri,
                           ng_diagram_name(w->opts.lang, e->label_en, e->label_es, e->name),
                           e->type, (long)e->articles, index, err);
}

/* The edges collected from every article, drawn as one diagram. */
int ng__dot_finish(ng_writer *w, ng_error *err)
{
    static const ng_diagram_format formats[] = {[NG_OUT_DOT] = NG_DIAGRAM_DOT,
                                                [NG_OUT_SVG] = NG_DIAGRAM_SVG,
                                                [NG_OUT_PNG] = NG_DIAGRAM_PNG};
    ng_diagram *d = NULL;
    int rc = ng_diagram_new(&d, err);
    for (size_t i = 0; !rc && i < w->nedges; i++) {
        const dot_edge *e = &w->edges[i];
        size_t s, o;
        const char *label = ng_ontology_label(w->onto, e->property, w->opts.lang);
        /* one node per entity linked across articles */
        size_t es = ng_graph_entity_root(w->graph, e->s, NULL),
               eo = ng_graph_entity_root(w->graph, e->o, NULL);
        if (es == eo) continue;
        rc = node_for(w, d, es, &s, err) || node_for(w, d, eo, &o, err);
        for (unsigned k = 0; !rc && k < e->count; k++)
            rc = ng_diagram_edge(d, s, o, e->property, label, NULL, err);
    }
    ng_diagram_options o = {formats[w->opts.format], NULL, w->opts.lang, NULL, w->onto};
    if (!rc) rc = ng_diagram_render(d, w->ctx, &o, w->out, err);
    ng_diagram_free(d);
    return rc ? (err->code ? err->code : NG_ENOMEM) : 0;
}
