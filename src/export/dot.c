/* Diagrams through Graphviz: cgraph builds the graph, gvc lays it out with
 * `dot` and renders SVG or PNG in-process.
 *
 * Node names are synthetic ASCII ids and labels are escaped, because agwrite
 * escapes only '"' (style.md, cgraph pitfall 3). Edges carry the predicate as
 * key so that repeated facts collapse and different ones stay parallel. */
#include "writer_int.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

#define AGS(s) ((char *)(s))

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

/* '\' -> "\\" and line breaks -> "\n" so labels mean what they say. */
static char *dot_escape(const char *s)
{
    ng_buf b = {0};
    for (; *s; s++) {
        int rc = *s == '\\'   ? ng_buf_adds(&b, "\\\\")
                 : *s == '\n' ? ng_buf_adds(&b, "\\n")
                 : *s == '\r' ? 0
                              : ng_buf_addc(&b, *s);
        if (rc) {
            ng_buf_free(&b);
            return NULL;
        }
    }
    if (!b.data && ng_buf_adds(&b, "")) return NULL;
    return b.data;
}

static int set_attr(void *obj, Agsym_t *sym, const char *text)
{
    char *l = dot_escape(text);
    int rc = l ? agxset(obj, sym, l) : -1;
    free(l);
    return rc;
}

static void type_style(ng_type t, const char **shape, const char **color)
{
    switch (t) {
    case NG_TYPE_PERSON:
        *shape = "ellipse", *color = "#fde2c8";
        break;
    case NG_TYPE_ORGANIZATION:
        *shape = "box", *color = "#cfe3f7";
        break;
    case NG_TYPE_COUNTRY:
        *shape = "hexagon", *color = "#d5f0d0";
        break;
    case NG_TYPE_CITY:
    case NG_TYPE_REGION:
    case NG_TYPE_PLACE:
        *shape = "house", *color = "#e6f5c9";
        break;
    case NG_TYPE_AGREEMENT:
        *shape = "note", *color = "#f3e0f7";
        break;
    default:
        *shape = "ellipse", *color = "#eeeeee";
        break;
    }
}

static const char *display_name(const ng_graph_entity *e, const char *lang)
{
    const char *l = strcmp(lang, "es") == 0 ? e->label_es : e->label_en;
    return l ? l : (e->label_en ? e->label_en : (e->label_es ? e->label_es : e->name));
}

static Agraph_t *build(ng_writer *w)
{
    Agraph_t *g = agopen(AGS("newsgraph"), Agdirected, NULL);
    if (!g) return NULL;
    agattr(g, AGRAPH, AGS("charset"), AGS("UTF-8"));
    agattr(g, AGRAPH, AGS("rankdir"), AGS("LR"));
    agattr(g, AGRAPH, AGS("fontname"), AGS("Helvetica"));
    Agsym_t *nlabel = agattr(g, AGNODE, AGS("label"), AGS("\\N"));
    Agsym_t *nshape = agattr(g, AGNODE, AGS("shape"), AGS("ellipse"));
    Agsym_t *ncolor = agattr(g, AGNODE, AGS("fillcolor"), AGS("#eeeeee"));
    agattr(g, AGNODE, AGS("style"), AGS("filled"));
    agattr(g, AGNODE, AGS("fontname"), AGS("Helvetica"));
    Agsym_t *ntooltip = agattr(g, AGNODE, AGS("tooltip"), AGS(""));
    Agsym_t *elabel = agattr(g, AGEDGE, AGS("label"), AGS(""));
    agattr(g, AGEDGE, AGS("fontname"), AGS("Helvetica"));
    agattr(g, AGEDGE, AGS("fontsize"), AGS("10"));
    for (size_t i = 0; i < w->nedges; i++) {
        const dot_edge *d = &w->edges[i];
        size_t ends[2] = {d->s, d->o};
        Agnode_t *nodes[2];
        for (int k = 0; k < 2; k++) {
            char id[32];
            snprintf(id, sizeof id, "n%zu", ends[k]);
            nodes[k] = agnode(g, id, 0);
            if (nodes[k]) continue;
            nodes[k] = agnode(g, id, 1);
            const ng_graph_entity *e = ng_graph_entity_at(w->graph, ends[k]);
            const char *shape, *color;
            type_style(e->type, &shape, &color);
            if (!nodes[k] || set_attr(nodes[k], nlabel, display_name(e, w->opts.lang)) ||
                agxset(nodes[k], nshape, AGS(shape)) || agxset(nodes[k], ncolor, AGS(color)) ||
                set_attr(nodes[k], ntooltip, e->iri))
                goto fail;
        }
        char *pred = AGS(d->property);
        Agedge_t *e = agedge(g, nodes[0], nodes[1], pred, 1);
        const char *label = ng_ontology_label(w->onto, d->property, w->opts.lang);
        char buf[300];
        if (d->count > 1)
            snprintf(buf, sizeof buf, "%s (%u)", label, d->count);
        else
            snprintf(buf, sizeof buf, "%s", label);
        if (!e || set_attr(e, elabel, buf)) goto fail;
    }
    return g;
fail:
    agclose(g);
    return NULL;
}

int ng__dot_finish(ng_writer *w, ng_error *err)
{
    Agraph_t *g = build(w);
    if (!g) return ng_error_set(err, NG_ELIB, "graphviz: cannot build the graph");
    int rc = 0;
    if (w->opts.format == NG_OUT_DOT) {
        if (agwrite(g, w->out) != 0) rc = ng_error_set(err, NG_EIO, "graphviz: write failed");
        agclose(g);
        return rc;
    }
    GVC_t *gvc = ng__context_gvc(w->ctx);
    if (!gvc) {
        agclose(g);
        return ng_error_set(err, NG_ELIB, "graphviz: no context");
    }
    const char *fmt = w->opts.format == NG_OUT_PNG ? "png" : "svg";
    if (gvLayout(gvc, g, "dot") != 0)
        rc = ng_error_set(err, NG_ELIB, "graphviz: layout failed (is the dot plugin configured?)");
    else if (gvRender(gvc, g, fmt, w->out) != 0)
        rc = ng_error_set(err, NG_ELIB, "graphviz: cannot render %s", fmt);
    gvFreeLayout(gvc, g);
    agclose(g);
    return rc;
}
