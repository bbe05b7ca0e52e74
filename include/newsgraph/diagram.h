/* Diagrams: who relates to whom, drawn with Graphviz (cgraph builds the
 * graph, gvc lays it out and renders it in-process) as DOT, SVG, PNG, or one
 * self-contained HTML page whose nodes and edges carry the claims behind them
 * as tooltips.
 *
 * Nodes are labelled with a name, shaped and coloured by class and sized by
 * the number of articles naming them; edges are labelled with the relation,
 * and the same relation between the same two nodes is one edge with a count.
 * A legend shows the classes drawn. */
#ifndef NEWSGRAPH_DIAGRAM_H
#define NEWSGRAPH_DIAGRAM_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/error.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ng_diagram_format {
    NG_DIAGRAM_DOT = 0,
    NG_DIAGRAM_SVG,
    NG_DIAGRAM_PNG,
    NG_DIAGRAM_HTML
} ng_diagram_format;

/* "dot", "svg", "png", "html"; -1 if unknown. */
int ng_diagram_format_parse(const char *name);

typedef struct ng_diagram ng_diagram;

int ng_diagram_new(ng_diagram **out, ng_error *err);
void ng_diagram_free(ng_diagram *d);

/* The name to draw for an entity in lang ("es", else English): its label in
 * that language, else its label in the other, else name (borrowed). */
const char *ng_diagram_name(const char *lang, const char *label_en, const char *label_es,
                            const char *name);

/* The node for key (an IRI), made on first use with label, class and weight
 * (articles naming it); later calls give the same *index and keep the
 * largest weight. Strings are copied. */
int ng_diagram_node(ng_diagram *d, const char *key, const char *label, ng_type type, long weight,
                    size_t *index, ng_error *err);
/* The edge s -> o for property (a local name) drawn with label; the same
 * (s, property, o) again adds one to its count. evidence (may be NULL) is one
 * line for the tooltips of the edge and of both nodes. Strings are copied. */
int ng_diagram_edge(ng_diagram *d, size_t s, size_t o, const char *property, const char *label,
                    const char *evidence, ng_error *err);

/* What to keep; everything else is left out of the drawing. */
typedef struct ng_diagram_selection {
    const char *focus; /* key of the node at the centre, or NULL */
    int depth;         /* with focus: the nodes at most this many edges away */
    size_t top;        /* 0, or only the top nodes with the most relations */
    unsigned types;    /* 0, or a mask of (1u << ng_type) for the classes kept */
} ng_diagram_selection;

/* Apply a selection (once, before rendering). NG_EINVAL when the focus is
 * not in the diagram. */
int ng_diagram_select(ng_diagram *d, const ng_diagram_selection *sel, ng_error *err);
/* Nodes and edges that will be drawn. */
size_t ng_diagram_nodes_drawn(const ng_diagram *d);
size_t ng_diagram_edges_drawn(const ng_diagram *d);

typedef struct ng_diagram_options {
    ng_diagram_format format;
    const char *layout;      /* Graphviz engine; NULL = dot up to 40 nodes, neato up to
                                400, sfdp above (with overlap removal) */
    const char *lang;        /* "en" (default) or "es": legend and class labels */
    const char *title;       /* HTML page title, or NULL */
    const ng_ontology *onto; /* class labels for the legend, or NULL (class names) */
} ng_diagram_options;

/* Lay out and write the diagram to out (borrowed, not closed). */
int ng_diagram_render(const ng_diagram *d, ng_context *ctx, const ng_diagram_options *o, FILE *out,
                      ng_error *err);

#ifdef __cplusplus
}
#endif
#endif
