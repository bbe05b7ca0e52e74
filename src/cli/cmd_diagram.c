/* newsgraph diagram: who relates to whom in a store, drawn with Graphviz. */
#include "cli.h"
#include "newsgraph/diagram.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"
#include "newsgraph/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_diagram(FILE *f)
{
    fprintf(f,
            "usage: newsgraph diagram --store FILE [-f FORMAT] [-o FILE] [filters]\n\n"
            "Draw the relations between the entities of a store.\n\n"
            "  --store FILE          the store\n"
            "  -f, --format FMT      svg (default), png, dot, or html (the SVG in a page whose\n"
            "                        nodes and edges show the claims behind them on hover)\n"
            "  -o, --output FILE     write there instead of stdout (replaced only on success)\n"
            "  --focus NAME          only the entities around NAME (a name, alias or IRI)...\n"
            "  --depth N             ...at most N relations away (default 1)\n"
            "  --top K               only the K entities with the most relations\n"
            "  --type CLASS,...      only entities of these classes (Person, Organization,\n"
            "                        Country, City, Region, Place, Agreement, Entity)\n"
            "  --predicate P,...     only these relations (ontology local names, e.g. meetsWith)\n"
            "  --since DATE          only claims dated on or after DATE (YYYY-MM-DD)\n"
            "  --until DATE          only claims dated on or before DATE\n"
            "  --min-confidence X    only claims at least this confident (0 to 1)\n"
            "  --article ID          only one article (id, its first 6+ characters, IRI,\n"
            "                        source or title)\n"
            "  --lang es|en          language of labels (default en)\n"
            "  --layout ENGINE       Graphviz engine (default: dot up to 40 entities, neato up\n"
            "                        to 400, sfdp above)\n"
            "  --title TEXT          the HTML page's title\n"
            "  --ontology DIR        the ontology folder (relation and class labels)\n"
            "  -h, --help            this help\n");
}

typedef struct diagram_opts {
    const char *store, *output, *focus, *types, *predicates, *layout, *title;
    ng_store_relation_filter filter;
    ng_diagram_selection sel;
    ng_diagram_options draw;
    cli_common common;
} diagram_opts;

/* "Person,Country" as a mask of classes; -1 names the unknown one. */
static int parse_types(const char *list, unsigned *mask)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        int k = ng_type_parse(t);
        if (k < 0) {
            fprintf(stderr, "%s: unknown class '%s' (see --help)\n", prog, t);
            return -1;
        }
        *mask |= 1u << k;
    }
    return 0;
}

/* Whether property is in the comma-separated list (NULL = every one). */
static int listed(const char *list, const char *property)
{
    if (!list) return 1;
    size_t n = strlen(property);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, property, n) == 0) return 1;
        p += len + (p[len] == ',');
    }
    return 0;
}

static int number(const char *arg, const char *opt, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(arg, &end);
    if (*arg && !*end && v >= lo && v <= hi) {
        *out = v;
        return 0;
    }
    fprintf(stderr, "%s: %s needs a number from %g to %g, not '%s'\n", prog, opt, lo, hi, arg);
    return -1;
}

static int parse_diagram(int argc, char **argv, diagram_opts *o)
{
    enum {
        O_STORE = CLI_OPT_OWN,
        O_FOCUS,
        O_DEPTH,
        O_TOP,
        O_TYPE,
        O_PREDICATE,
        O_SINCE,
        O_UNTIL,
        O_MINCONF,
        O_ARTICLE,
        O_LAYOUT,
        O_TITLE
    };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"format", required_argument, 0, 'f'},
                                          {"output", required_argument, 0, 'o'},
                                          {"focus", required_argument, 0, O_FOCUS},
                                          {"depth", required_argument, 0, O_DEPTH},
                                          {"top", required_argument, 0, O_TOP},
                                          {"type", required_argument, 0, O_TYPE},
                                          {"predicate", required_argument, 0, O_PREDICATE},
                                          {"since", required_argument, 0, O_SINCE},
                                          {"until", required_argument, 0, O_UNTIL},
                                          {"min-confidence", required_argument, 0, O_MINCONF},
                                          {"article", required_argument, 0, O_ARTICLE},
                                          {"layout", required_argument, 0, O_LAYOUT},
                                          {"title", required_argument, 0, O_TITLE},
                                          {"help", no_argument, 0, 'h'},
                                          CLI_COMMON_OPTIONS,
                                          {0, 0, 0, 0}};
    int c, fmt;
    double v;
    o->draw.format = NG_DIAGRAM_SVG;
    o->sel.depth = 1;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:h", longs, NULL)) != -1) {
        switch (c) {
        case O_STORE:
            o->store = optarg;
            break;
        case 'o':
            o->output = optarg;
            break;
        case 'f':
            if ((fmt = ng_diagram_format_parse(optarg)) < 0) {
                fprintf(stderr, "%s: diagram writes svg, png, dot or html, not '%s'\n", prog,
                        optarg);
                return -1;
            }
            o->draw.format = (ng_diagram_format)fmt;
            break;
        case O_FOCUS:
            o->focus = optarg;
            break;
        case O_DEPTH:
            if (number(optarg, "--depth", 0, 10, &v)) return -1;
            o->sel.depth = (int)v;
            break;
        case O_TOP:
            if (number(optarg, "--top", 1, 100000, &v)) return -1;
            o->sel.top = (size_t)v;
            break;
        case O_TYPE:
            if (parse_types(optarg, &o->sel.types)) return -1;
            break;
        case O_PREDICATE:
            o->predicates = optarg;
            break;
        case O_SINCE:
        case O_UNTIL:
            if (!cli_valid_date(optarg)) {
                fprintf(stderr, "%s: %s needs a date YYYY-MM-DD, not '%s'\n", prog,
                        c == O_SINCE ? "--since" : "--until", optarg);
                return -1;
            }
            *(c == O_SINCE ? &o->filter.since : &o->filter.until) = optarg;
            break;
        case O_MINCONF:
            if (number(optarg, "--min-confidence", 0, 1, &o->filter.min_confidence)) return -1;
            break;
        case O_ARTICLE:
            o->filter.article = optarg;
            break;
        case O_LAYOUT:
            o->draw.layout = optarg;
            break;
        case O_TITLE:
            o->draw.title = optarg;
            break;
        case 'h':
            usage_diagram(stdout);
            exit(EXIT_OK);
        default:
            if (cli_common_option(c, optarg, argv, &o->common)) return -1;
        }
    }
    if (!o->store || optind < argc) {
        fprintf(stderr, "%s: diagram needs --store FILE and no other arguments\n", prog);
        return -1;
    }
    o->draw.lang = o->common.lang ? o->common.lang : "en";
    if (strcmp(o->draw.lang, "es") && strcmp(o->draw.lang, "en")) {
        fprintf(stderr, "%s: --lang is es or en, not '%s'\n", prog, o->draw.lang);
        return -1;
    }
    return 0;
}

typedef struct collect {
    ng_diagram *d;
    const ng_ontology *onto;
    const char *lang, *predicates;
    ng_error *err;
    int failed;
} collect;

static int end_node(collect *c, const ng_store_end *e, size_t *index)
{
    int t = ng_type_parse(e->type);
    return ng_diagram_node(c->d, e->iri,
                           ng_diagram_name(c->lang, e->label_en, e->label_es, e->name),
                           t < 0 ? NG_TYPE_ENTITY : (ng_type)t, e->articles, index, c->err);
}

/* One claim: an edge, with its sentence, article and speaker as evidence. */
static int add_relation(void *ud, const ng_store_relation *r)
{
    collect *c = ud;
    if (!listed(c->predicates, r->property)) return 0;
    size_t s, o;
    char evidence[1200];
    int es = strcmp(c->lang, "es") == 0;
    snprintf(evidence, sizeof evidence, "“%s” (%s%s%s%s%s)", r->sentence ? r->sentence : "",
             r->article_title ? r->article_title : "?",
             r->speaker ? (es ? "; según " : "; said by ") : "", r->speaker ? r->speaker : "",
             r->when ? "; " : "", r->when ? r->when : "");
    if (end_node(c, &r->subject, &s) || end_node(c, &r->object, &o) ||
        ng_diagram_edge(c->d, s, o, r->property, ng_ontology_label(c->onto, r->property, c->lang),
                        evidence, c->err)) {
        c->failed = 1;
        return 1;
    }
    return 0;
}

static int draw(diagram_opts *o, ng_store *s, ng_context *ctx, const ng_ontology *onto,
                ng_error *err)
{
    ng_diagram *d = NULL;
    char *focus = NULL;
    int rc = ng_diagram_new(&d, err);
    collect c = {d, onto, o->draw.lang, o->predicates, err, 0};
    if (!rc) rc = ng_store_each_relation(s, &o->filter, add_relation, &c, err);
    if (!rc && c.failed) rc = err->code;
    if (!rc && o->focus && !(rc = ng_store_find(s, o->focus, &focus, err))) o->sel.focus = focus;
    if (!rc) rc = ng_diagram_select(d, &o->sel, err);
    char *tmp = NULL;
    FILE *out = NULL;
    if (!rc && !(out = cli_open_output(o->output, &tmp))) rc = NG_EIO;
    o->draw.onto = onto;
    if (!rc) rc = ng_diagram_render(d, ctx, &o->draw, out, err);
    if (!rc)
        fprintf(stderr, "%s: %zu entities, %zu relations drawn\n", prog, ng_diagram_nodes_drawn(d),
                ng_diagram_edges_drawn(d));
    if (out && cli_close_output(out, o->output, tmp, rc == 0) != 0 && !rc)
        rc = ng_error_set(err, NG_EIO, "%s: cannot write", o->output ? o->output : "stdout");
    free(focus);
    ng_diagram_free(d);
    return rc;
}

int cmd_diagram(int argc, char **argv)
{
    diagram_opts o = {0};
    if (parse_diagram(argc, argv, &o)) return EXIT_USAGE;
    ng_error err = {0};
    cli_store cs;
    int status = EXIT_FAIL;
    if (cli_store_open(&cs, o.store, o.common.ontology) == 0) {
        if (draw(&o, cs.s, cs.ctx, cs.onto, &err))
            fprintf(stderr, "%s: %s\n", prog, err.msg[0] ? err.msg : "diagram failed");
        else
            status = EXIT_OK;
    }
    cli_store_close(&cs);
    return status;
}
