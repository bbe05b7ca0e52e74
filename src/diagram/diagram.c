/* Diagrams through Graphviz: cgraph builds the graph, gvc lays it out and
 * renders it in-process.
 *
 * Node names are synthetic ASCII ids and labels are escaped, because agwrite
 * escapes only '"' (style.md, cgraph pitfall 3). The HTML page is the SVG with
 * each node's and edge's <title> (what browsers show on hover) replaced by the
 * claims behind it. */
#include "newsgraph/diagram.h"
#include "util/util.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define AGS(s) ((char *)(s))
#define EVIDENCE_LINES 8    /* claims listed in one tooltip; the rest are counted */
#define DOT_MAX_NODES 40    /* above this, a force-directed layout reads better */
#define NEATO_MAX_NODES 400 /* neato keeps edges long enough for their labels; sfdp scales */

typedef struct node {
    char *key, *label;
    ng_type type;
    long weight;
    ng_buf tip; /* evidence lines */
    unsigned ntip;
    int keep;
    int pinned;    /* drawn even without edges: the focus, the top nodes */
    size_t degree; /* claims on the edges between kept nodes */
} node;

typedef struct edge {
    size_t s, o;
    char *property, *label;
    unsigned count;
    ng_buf tip;
    unsigned ntip;
} edge;

struct ng_diagram {
    node *nodes;
    size_t nnodes, nodes_cap;
    edge *edges;
    size_t nedges, edges_cap;
    ng_map *node_by_key, *edge_by_key;
};

int ng_diagram_format_parse(const char *name)
{
    static const char *const names[] = {"dot", "svg", "png", "html"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) return i;
    return -1;
}

const char *ng_diagram_name(const char *lang, const char *label_en, const char *label_es,
                            const char *name)
{
    const char *l = strcmp(lang, "es") == 0 ? label_es : label_en;
    return l ? l : (label_en ? label_en : (label_es ? label_es : name));
}

int ng_diagram_new(ng_diagram **out, ng_error *err)
{
    ng_diagram *d = calloc(1, sizeof *d);
    if (d) d->node_by_key = ng_map_new(), d->edge_by_key = ng_map_new();
    if (!d || !d->node_by_key || !d->edge_by_key) {
        ng_diagram_free(d);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    *out = d;
    return 0;
}

void ng_diagram_free(ng_diagram *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->nnodes; i++) {
        free(d->nodes[i].key);
        free(d->nodes[i].label);
        ng_buf_free(&d->nodes[i].tip);
    }
    for (size_t i = 0; i < d->nedges; i++) {
        free(d->edges[i].property);
        free(d->edges[i].label);
        ng_buf_free(&d->edges[i].tip);
    }
    free(d->nodes);
    free(d->edges);
    ng_map_free(d->node_by_key);
    ng_map_free(d->edge_by_key);
    free(d);
}

int ng_diagram_node(ng_diagram *d, const char *key, const char *label, ng_type type, long weight,
                    size_t *index, ng_error *err)
{
    void *found = ng_map_get(d->node_by_key, key, strlen(key));
    if (found) {
        node *n = &d->nodes[(size_t)(intptr_t)found - 1];
        if (weight > n->weight) n->weight = weight;
        *index = (size_t)(intptr_t)found - 1;
        return 0;
    }
    if (NG_GROW(d->nodes, d->nodes_cap, d->nnodes + 1))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    node *n = &d->nodes[d->nnodes];
    memset(n, 0, sizeof *n);
    n->key = strdup(key);
    n->label = strdup(label);
    n->type = type;
    n->weight = weight;
    n->keep = 1;
    if (!n->key || !n->label ||
        ng_map_put(d->node_by_key, key, strlen(key), (void *)(intptr_t)(d->nnodes + 1))) {
        free(n->key);
        free(n->label);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    *index = d->nnodes++;
    return 0;
}

/* One more line of evidence, up to EVIDENCE_LINES; beyond, only counted.
 * A line already there (one sentence behind two edges) is not repeated. */
static int add_tip(ng_buf *tip, unsigned *n, const char *line)
{
    if (!line || !*line) return 0;
    if (tip->len && ng_buf_cstr(tip) && strstr(tip->data, line)) return 0;
    if ((*n)++ >= EVIDENCE_LINES) return 0;
    return ng_buf_printf(tip, "%s\n", line);
}

int ng_diagram_edge(ng_diagram *d, size_t s, size_t o, const char *property, const char *label,
                    const char *evidence, ng_error *err)
{
    ng_buf k = {0};
    if (ng_buf_printf(&k, "%zu\x1f%s\x1f%zu", s, property, o))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    void *found = ng_map_get(d->edge_by_key, k.data, k.len);
    edge *e;
    int rc = 0;
    if (found) {
        e = &d->edges[(size_t)(intptr_t)found - 1];
        e->count++;
    } else if (NG_GROW(d->edges, d->edges_cap, d->nedges + 1) ||
               ng_map_put(d->edge_by_key, k.data, k.len, (void *)(intptr_t)(d->nedges + 1))) {
        rc = NG_ENOMEM;
    } else {
        e = &d->edges[d->nedges];
        memset(e, 0, sizeof *e);
        e->s = s, e->o = o, e->count = 1;
        e->property = strdup(property);
        e->label = strdup(label);
        if (!e->property || !e->label) {
            free(e->property);
            free(e->label);
            rc = NG_ENOMEM;
        } else {
            d->nedges++;
        }
    }
    ng_buf_free(&k);
    if (!rc && d->nodes[s].keep && d->nodes[o].keep) d->nodes[s].degree++, d->nodes[o].degree++;
    if (!rc && (add_tip(&e->tip, &e->ntip, evidence) ||
                add_tip(&d->nodes[s].tip, &d->nodes[s].ntip, evidence) ||
                (o != s && add_tip(&d->nodes[o].tip, &d->nodes[o].ntip, evidence))))
        rc = NG_ENOMEM;
    return rc ? ng_error_set(err, NG_ENOMEM, "out of memory") : 0;
}

/* ---- selection ----------------------------------------------------------------- */

static int edge_kept(const ng_diagram *d, const edge *e)
{
    return d->nodes[e->s].keep && d->nodes[e->o].keep;
}

/* The nodes at most depth edges away from start, in either direction. */
static void keep_ego(ng_diagram *d, size_t start, int depth)
{
    int *dist = malloc(d->nnodes * sizeof *dist);
    if (!dist) return;
    for (size_t i = 0; i < d->nnodes; i++)
        dist[i] = -1;
    dist[start] = 0;
    /* breadth first, one ring per pass: the graphs drawn are small */
    for (int ring = 0; ring < depth; ring++)
        for (size_t i = 0; i < d->nedges; i++) {
            const edge *e = &d->edges[i];
            if (!edge_kept(d, e)) continue;
            if (dist[e->s] == ring && dist[e->o] < 0) dist[e->o] = ring + 1;
            if (dist[e->o] == ring && dist[e->s] < 0) dist[e->s] = ring + 1;
        }
    for (size_t i = 0; i < d->nnodes; i++)
        d->nodes[i].keep = d->nodes[i].keep && dist[i] >= 0;
    free(dist);
}

static const ng_diagram *sort_ctx;

static int by_degree(const void *a, const void *b)
{
    const node *x = &sort_ctx->nodes[*(const size_t *)a], *y = &sort_ctx->nodes[*(const size_t *)b];
    if (x->degree != y->degree) return x->degree > y->degree ? -1 : 1;
    if (x->weight != y->weight) return x->weight > y->weight ? -1 : 1;
    return strcmp(x->label, y->label);
}

static void count_degrees(ng_diagram *d)
{
    for (size_t i = 0; i < d->nnodes; i++)
        d->nodes[i].degree = 0;
    for (size_t i = 0; i < d->nedges; i++)
        if (edge_kept(d, &d->edges[i]))
            d->nodes[d->edges[i].s].degree += d->edges[i].count,
                d->nodes[d->edges[i].o].degree += d->edges[i].count;
}

static int keep_top(ng_diagram *d, size_t top)
{
    count_degrees(d);
    size_t *order = malloc(d->nnodes * sizeof *order), n = 0;
    if (!order) return -1;
    for (size_t i = 0; i < d->nnodes; i++)
        if (d->nodes[i].keep && d->nodes[i].degree) order[n++] = i;
    sort_ctx = d;
    qsort(order, n, sizeof *order, by_degree);
    for (size_t i = 0; i < d->nnodes; i++)
        d->nodes[i].keep = 0;
    for (size_t i = 0; i < n && i < top; i++)
        d->nodes[order[i]].keep = d->nodes[order[i]].pinned = 1;
    free(order);
    return 0;
}

int ng_diagram_select(ng_diagram *d, const ng_diagram_selection *sel, ng_error *err)
{
    if (sel->types)
        for (size_t i = 0; i < d->nnodes; i++)
            d->nodes[i].keep = d->nodes[i].keep && (sel->types >> d->nodes[i].type & 1u);
    if (sel->focus) {
        void *found = ng_map_get(d->node_by_key, sel->focus, strlen(sel->focus));
        if (!found || !d->nodes[(size_t)(intptr_t)found - 1].keep)
            return ng_error_set(err, NG_EINVAL, "%s has no relations in this selection",
                                sel->focus);
        keep_ego(d, (size_t)(intptr_t)found - 1, sel->depth);
        d->nodes[(size_t)(intptr_t)found - 1].pinned = 1;
    }
    if (sel->top && keep_top(d, sel->top)) return ng_error_set(err, NG_ENOMEM, "out of memory");
    count_degrees(d); /* the kept edges changed */
    return 0;
}

/* Drawn: kept nodes with at least one kept edge, and the pinned ones. */
static int node_drawn(const node *n)
{
    return n->keep && (n->degree > 0 || n->pinned);
}

size_t ng_diagram_nodes_drawn(const ng_diagram *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nnodes; i++)
        n += node_drawn(&d->nodes[i]);
    return n;
}

size_t ng_diagram_edges_drawn(const ng_diagram *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nedges; i++)
        n += edge_kept(d, &d->edges[i]);
    return n;
}

/* ---- drawing ------------------------------------------------------------------- */

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

typedef struct syms {
    Agsym_t *label, *shape, *color, *fontsize, *tooltip, *id, *penwidth;
} syms;

/* The tooltip of a node or an edge: its heading, then its evidence. */
static char *tooltip(const char *head, const ng_buf *tip, unsigned n)
{
    ng_buf b = {0};
    int rc = ng_buf_printf(&b, "%s\n", head) || (tip->len && ng_buf_add(&b, tip->data, tip->len));
    if (!rc && n > EVIDENCE_LINES) rc = ng_buf_printf(&b, "… %u more\n", n - EVIDENCE_LINES);
    if (!rc && b.len) b.data[--b.len] = '\0'; /* no trailing line break */
    if (rc) ng_buf_free(&b);
    return rc ? NULL : b.data;
}

static const char *class_label(const ng_diagram_options *o, ng_type t)
{
    const char *name = ng_type_name(t);
    return o->onto ? ng_ontology_label(o->onto, name, o->lang) : name;
}

static char *node_tip(const ng_diagram_options *o, const node *n)
{
    char head[600];
    int es = strcmp(o->lang, "es") == 0;
    snprintf(head, sizeof head, "%s (%s, %ld %s%s)", n->label, class_label(o, n->type), n->weight,
             es ? "artículo" : "article", n->weight == 1 ? "" : "s");
    return tooltip(head, &n->tip, n->ntip);
}

/* The label drawn on an edge: the relation, and how many claims say it. */
static void edge_label(const edge *e, char *buf, size_t size)
{
    if (e->count > 1)
        snprintf(buf, size, "%s ×%u", e->label, e->count);
    else
        snprintf(buf, size, "%s", e->label);
}

static char *edge_tip(const ng_diagram *d, const edge *e)
{
    char label[300], head[900];
    edge_label(e, label, sizeof label);
    snprintf(head, sizeof head, "%s → %s → %s", d->nodes[e->s].label, label, d->nodes[e->o].label);
    return tooltip(head, &e->tip, e->ntip);
}

static Agnode_t *draw_node(Agraph_t *g, const syms *sy, const ng_diagram_options *o, const node *n,
                           size_t i)
{
    char id[32];
    snprintf(id, sizeof id, "n%zu", i);
    Agnode_t *a = agnode(g, id, 1);
    if (!a) return NULL;
    const char *shape, *color;
    type_style(n->type, &shape, &color);
    /* bigger for entities more articles name: 10 pt, up to 24 */
    double size = 10.0 + 3.0 * log2(1.0 + (double)(n->weight > 0 ? n->weight : 0));
    char fs[16], domid[32];
    snprintf(fs, sizeof fs, "%.1f", size > 24 ? 24.0 : size);
    snprintf(domid, sizeof domid, "ngn%zu", i); /* Graphviz escapes '-' in SVG ids */
    char *tip = node_tip(o, n);
    int bad = !tip || set_attr(a, sy->label, n->label) || agxset(a, sy->shape, AGS(shape)) ||
              agxset(a, sy->color, AGS(color)) || agxset(a, sy->fontsize, fs) ||
              agxset(a, sy->id, domid) || set_attr(a, sy->tooltip, tip);
    free(tip);
    return bad ? NULL : a;
}

static int draw_edge(Agraph_t *g, const syms *sy, Agnode_t *s, Agnode_t *o, const ng_diagram *d,
                     const edge *e, size_t i)
{
    Agedge_t *a = agedge(g, s, o, AGS(e->property), 1);
    if (!a) return -1;
    char label[300], domid[32], pen[16];
    edge_label(e, label, sizeof label);
    snprintf(domid, sizeof domid, "nge%zu", i);
    snprintf(pen, sizeof pen, "%.1f", 1.0 + log2((double)e->count));
    char *tip = edge_tip(d, e);
    int bad = !tip || set_attr(a, sy->label, label) || agxset(a, sy->id, domid) ||
              agxset(a, sy->penwidth, pen) || set_attr(a, sy->tooltip, tip);
    free(tip);
    return bad ? -1 : 0;
}

static int html_escape(ng_buf *b, const char *s, size_t n);

/* The legend: one node whose label is a table of the classes drawn, in their
 * colours (a table rather than a cluster: force-directed engines scatter
 * the nodes of a cluster). */
static int draw_legend(Agraph_t *g, const syms *sy, const ng_diagram_options *o,
                       const ng_diagram *d)
{
    unsigned seen = 0;
    for (size_t i = 0; i < d->nnodes; i++)
        if (node_drawn(&d->nodes[i])) seen |= 1u << d->nodes[i].type;
    ng_buf b = {0};
    int rc = ng_buf_printf(&b,
                           "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"4\" "
                           "COLOR=\"#999999\"><TR><TD><B>%s</B></TD></TR>",
                           strcmp(o->lang, "es") == 0 ? "Leyenda" : "Legend");
    for (int t = 0; !rc && t < 32; t++) {
        if (!(seen >> t & 1u)) continue;
        const char *shape, *color, *label = class_label(o, (ng_type)t);
        type_style((ng_type)t, &shape, &color);
        rc = ng_buf_printf(&b, "<TR><TD BGCOLOR=\"%s\" BORDER=\"1\">", color) ||
             html_escape(&b, label, strlen(label)) || ng_buf_adds(&b, "</TD></TR>");
    }
    rc = rc || ng_buf_adds(&b, "</TABLE>");
    Agnode_t *a = rc ? NULL : agnode(g, AGS("legend"), 1);
    char *html = a ? agstrdup_html(g, b.data) : NULL;
    rc = !html || agxset(a, sy->label, html) || agxset(a, sy->shape, AGS("plaintext")) ||
         agxset(a, sy->color, AGS("white")) || agxset(a, sy->tooltip, AGS(" "));
    if (html) agstrfree(g, html);
    ng_buf_free(&b);
    return rc;
}

static const char *engine_for(const ng_diagram_options *o, size_t nodes)
{
    if (o->layout) return o->layout;
    return nodes <= DOT_MAX_NODES ? "dot" : nodes <= NEATO_MAX_NODES ? "neato" : "sfdp";
}

static Agraph_t *build(const ng_diagram *d, const ng_diagram_options *o, const char *engine)
{
    Agraph_t *g = agopen(AGS("newsgraph"), Agdirected, NULL);
    if (!g) return NULL;
    agattr(g, AGRAPH, AGS("charset"), AGS("UTF-8"));
    agattr(g, AGRAPH, AGS("fontname"), AGS("Helvetica"));
    if (strcmp(engine, "dot") == 0) {
        agattr(g, AGRAPH, AGS("rankdir"), AGS("LR"));
    } else {
        /* force-directed layouts: move nodes apart until no two overlap */
        agattr(g, AGRAPH, AGS("overlap"), AGS("prism"));
        agattr(g, AGRAPH, AGS("sep"), AGS("+10"));
        agattr(g, AGRAPH, AGS("splines"), AGS("true"));
        agattr(g, AGRAPH, AGS("outputorder"), AGS("edgesfirst"));
        agattr(g, AGRAPH, AGS("start"), AGS("1")); /* the same layout every run */
        agattr(g, AGEDGE, AGS("len"), AGS("2.2")); /* inches: room for the label */
    }
    syms sy = {agattr(g, AGNODE, AGS("label"), AGS("\\N")),
               agattr(g, AGNODE, AGS("shape"), AGS("ellipse")),
               agattr(g, AGNODE, AGS("fillcolor"), AGS("#eeeeee")),
               agattr(g, AGNODE, AGS("fontsize"), AGS("10")),
               agattr(g, AGNODE, AGS("tooltip"), AGS("")),
               agattr(g, AGNODE, AGS("id"), AGS("")),
               NULL};
    agattr(g, AGNODE, AGS("style"), AGS("filled"));
    agattr(g, AGNODE, AGS("fontname"), AGS("Helvetica"));
    syms ey = {agattr(g, AGEDGE, AGS("label"), AGS("")),
               NULL,
               NULL,
               agattr(g, AGEDGE, AGS("fontsize"), AGS("9")),
               agattr(g, AGEDGE, AGS("tooltip"), AGS("")),
               agattr(g, AGEDGE, AGS("id"), AGS("")),
               agattr(g, AGEDGE, AGS("penwidth"), AGS("1"))};
    agattr(g, AGEDGE, AGS("fontname"), AGS("Helvetica"));
    agattr(g, AGEDGE, AGS("fontcolor"), AGS("#444444"));
    Agnode_t **drawn = calloc(d->nnodes ? d->nnodes : 1, sizeof *drawn);
    int bad = !drawn;
    for (size_t i = 0; !bad && i < d->nnodes; i++)
        if (node_drawn(&d->nodes[i]) && !(drawn[i] = draw_node(g, &sy, o, &d->nodes[i], i)))
            bad = 1;
    for (size_t i = 0; !bad && i < d->nedges; i++) {
        const edge *e = &d->edges[i];
        if (edge_kept(d, e) && draw_edge(g, &ey, drawn[e->s], drawn[e->o], d, e, i)) bad = 1;
    }
    if (!bad && ng_diagram_nodes_drawn(d) && draw_legend(g, &sy, o, d)) bad = 1;
    free(drawn);
    if (bad) {
        agclose(g);
        return NULL;
    }
    return g;
}

static int html_escape(ng_buf *b, const char *s, size_t n)
{
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        char c = s[i];
        rc = c == '&'   ? ng_buf_adds(b, "&amp;")
             : c == '<' ? ng_buf_adds(b, "&lt;")
             : c == '>' ? ng_buf_adds(b, "&gt;")
             : c == '"' ? ng_buf_adds(b, "&quot;")
                        : ng_buf_addc(b, c);
    }
    return rc;
}

/* The tooltip text of the element with DOM id ngnI (node I) or ngeI (edge I). */
static char *tip_for(const ng_diagram *d, const ng_diagram_options *o, const char *id)
{
    char *end;
    size_t i = strtoul(id + 3, &end, 10);
    if (*end || end == id + 3) return NULL;
    if (id[2] == 'n' && i < d->nnodes) return node_tip(o, &d->nodes[i]);
    if (id[2] == 'e' && i < d->nedges) return edge_tip(d, &d->edges[i]);
    return NULL;
}

/* The SVG with the <title> of every node and edge replaced by its tooltip. */
static int svg_with_titles(ng_buf *out, const char *svg, size_t len, const ng_diagram *d,
                           const ng_diagram_options *o)
{
    const char *p = strstr(svg, "<svg"), *end = svg + len;
    if (!p) return -1;
    while (p < end) {
        const char *g = strstr(p, "<g id=\"ng");
        if (!g) break;
        const char *t = strstr(g, "<title>"), *te = t ? strstr(t, "</title>") : NULL;
        if (!te) break;
        char id[32];
        size_t idlen = strcspn(g + 7, "\"");
        snprintf(id, sizeof id, "%.*s", (int)(idlen < 31 ? idlen : 31), g + 7);
        char *tip = tip_for(d, o, id);
        if (ng_buf_add(out, p, (size_t)(t + 7 - p)) ||
            (tip ? html_escape(out, tip, strlen(tip))
                 : ng_buf_add(out, t + 7, (size_t)(te - t - 7))))
            return free(tip), -1;
        free(tip);
        p = te;
    }
    return ng_buf_add(out, p, (size_t)(end - p));
}

static int write_html(FILE *out, const char *svg, size_t len, const ng_diagram *d,
                      const ng_diagram_options *o)
{
    const char *title = o->title ? o->title : "newsgraph";
    int es = strcmp(o->lang, "es") == 0;
    ng_buf b = {0};
    int rc =
        ng_buf_printf(&b,
                      "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<title>",
                      es ? "es" : "en") ||
        html_escape(&b, title, strlen(title)) ||
        ng_buf_adds(&b, "</title>\n<style>\nbody { font-family: sans-serif; margin: 1em; }\n"
                        "svg { max-width: 100%; height: auto; }\n"
                        "g.node:hover polygon, g.node:hover ellipse, g.node:hover path "
                        "{ stroke: #c00; stroke-width: 2; }\n"
                        "g.edge:hover path { stroke: #c00; }\n</style>\n</head>\n<body>\n<h1>") ||
        html_escape(&b, title, strlen(title)) ||
        ng_buf_printf(&b, "</h1>\n<p>%zu %s, %zu %s. %s</p>\n", ng_diagram_nodes_drawn(d),
                      es ? "entidades" : "entities", ng_diagram_edges_drawn(d),
                      es ? "relaciones" : "relations",
                      es ? "Pase el ratón sobre un nodo o una flecha para ver las "
                           "afirmaciones que lo sostienen."
                         : "Hover over a node or an edge to see the claims behind it.") ||
        svg_with_titles(&b, svg, len, d, o) || ng_buf_adds(&b, "</body>\n</html>\n");
    if (!rc && fwrite(b.data, 1, b.len, out) != b.len) rc = -1;
    ng_buf_free(&b);
    return rc;
}

int ng_diagram_render(const ng_diagram *d, ng_context *ctx, const ng_diagram_options *opts,
                      FILE *out, ng_error *err)
{
    ng_diagram_options o = *opts;
    if (!o.lang) o.lang = "en";
    const char *engine = engine_for(&o, ng_diagram_nodes_drawn(d));
    Agraph_t *g = build(d, &o, engine);
    if (!g) return ng_error_set(err, NG_ELIB, "graphviz: cannot build the graph");
    int rc = 0;
    if (o.format == NG_DIAGRAM_DOT) {
        if (agwrite(g, out) != 0) rc = ng_error_set(err, NG_EIO, "graphviz: write failed");
        agclose(g);
        return rc;
    }
    GVC_t *gvc = ng__context_gvc(ctx);
    if (!gvc) {
        agclose(g);
        return ng_error_set(err, NG_ELIB, "graphviz: no context");
    }
    if (gvLayout(gvc, g, engine) != 0) {
        agclose(g);
        return ng_error_set(err, NG_ELIB, "graphviz: layout '%s' failed (is it installed?)",
                            engine);
    }
    if (o.format == NG_DIAGRAM_HTML) {
        char *svg = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, g, "svg", &svg, &len) != 0 || !svg)
            rc = ng_error_set(err, NG_ELIB, "graphviz: cannot render svg");
        else if (write_html(out, svg, len, d, &o))
            rc = ng_error_set(err, NG_EIO, "cannot write the HTML page");
        gvFreeRenderData(svg);
    } else if (gvRender(gvc, g, o.format == NG_DIAGRAM_PNG ? "png" : "svg", out) != 0) {
        rc = ng_error_set(err, NG_ELIB, "graphviz: cannot render");
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return rc;
}
