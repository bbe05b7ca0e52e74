/* Unit tests for diagrams (newsgraph/diagram.h): merged edges, selections,
 * and labels and tooltips that survive DOT, SVG and HTML intact whatever
 * characters they hold. */
#include "support.h"
#include "newsgraph/diagram.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* Labels with every character that needs escaping somewhere. */
static const char *const tricky = "AT&T \"Ltd\" <Holdings> \\ Ёлка 北京";
static const char *const evidence = "“Dijo: <no> & \"sí\"” (Titular & cía)";

static ng_diagram *sample(void)
{
    ng_diagram *d = NULL;
    ng_error err = {0};
    size_t a, b, c, x;
    assert_int_equal(ng_diagram_new(&d, &err), 0);
    assert_int_equal(ng_diagram_node(d, "urn:a", tricky, NG_TYPE_ORGANIZATION, 3, &a, &err), 0);
    assert_int_equal(ng_diagram_node(d, "urn:b", "Rusia", NG_TYPE_COUNTRY, 5, &b, &err), 0);
    assert_int_equal(ng_diagram_node(d, "urn:c", "Minsk\nМінск", NG_TYPE_CITY, 1, &c, &err), 0);
    assert_int_equal(ng_diagram_node(d, "urn:x", "Lejos", NG_TYPE_PERSON, 1, &x, &err), 0);
    /* the same relation twice is one edge counted twice */
    assert_int_equal(ng_diagram_edge(d, a, b, "partOf", "part of", evidence, &err), 0);
    assert_int_equal(ng_diagram_edge(d, a, b, "partOf", "part of", "otra", &err), 0);
    assert_int_equal(ng_diagram_edge(d, b, c, "locatedIn", "located in", NULL, &err), 0);
    assert_int_equal(ng_diagram_edge(d, c, x, "meets", "meets", NULL, &err), 0);
    return d;
}

static char *render(ng_diagram *d, ng_diagram_format f, size_t *len)
{
    ng_diagram_options o = {f, NULL, "es", "Título <&>", NULL};
    ng_error err = {0};
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    assert_non_null(out);
    if (ng_diagram_render(d, F->ctx, &o, out, &err)) fail_msg("render: %s", err.msg);
    fclose(out);
    return buf;
}

static void test_counts_and_selections(void **state)
{
    (void)state;
    ng_diagram *d = sample();
    assert_int_equal(ng_diagram_edges_drawn(d), 3);
    ng_error err = {0};
    ng_diagram_selection ego = {"urn:a", 1, 0, 0};
    assert_int_equal(ng_diagram_select(d, &ego, &err), 0);
    assert_int_equal(ng_diagram_nodes_drawn(d), 2);
    assert_int_equal(ng_diagram_edges_drawn(d), 1);
    ng_diagram_free(d);

    d = sample();
    ng_diagram_selection top = {NULL, 0, 2, 0};
    assert_int_equal(ng_diagram_select(d, &top, &err), 0);
    assert_int_equal(ng_diagram_nodes_drawn(d), 2); /* b (3 relations) and a (2) */
    assert_int_equal(ng_diagram_edges_drawn(d), 1);
    ng_diagram_free(d);

    d = sample();
    ng_diagram_selection places = {NULL, 0, 0, 1u << NG_TYPE_CITY | 1u << NG_TYPE_COUNTRY};
    assert_int_equal(ng_diagram_select(d, &places, &err), 0);
    assert_int_equal(ng_diagram_edges_drawn(d), 1);
    ng_diagram_selection nowhere = {"urn:none", 1, 0, 0};
    assert_int_equal(ng_diagram_select(d, &nowhere, &err), NG_EINVAL);
    ng_diagram_free(d);
}

/* Every text node of the document whose content equals want. */
static int has_text(xmlDocPtr doc, const char *xpath, const char *want)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
    int found = 0;
    for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr && !found; i++) {
        xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        found = t && strstr((const char *)t, want) != NULL;
        xmlFree(t);
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return found;
}

static void test_labels_survive_svg_and_html(void **state)
{
    (void)state;
    ng_diagram *d = sample();
    size_t len;
    char *svg = render(d, NG_DIAGRAM_SVG, &len);
    xmlDocPtr doc = xmlReadMemory(svg, (int)len, "d.svg", NULL, XML_PARSE_NONET);
    assert_non_null(doc); /* well-formed XML */
    assert_true(has_text(doc, "//svg:text", tricky));
    assert_true(has_text(doc, "//svg:text", "part of ×2"));
    /* a line break in a label is a line break, not a backslash and an n */
    assert_true(has_text(doc, "//svg:text", "Мінск"));
    assert_false(has_text(doc, "//svg:text", "\\n"));
    xmlFreeDoc(doc);
    free(svg);

    char *html = render(d, NG_DIAGRAM_HTML, &len);
    htmlDocPtr page = htmlReadMemory(html, (int)len, "d.html", "UTF-8",
                                     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(page);
    assert_true(has_text(page, "//head/title", "Título <&>"));
    /* hovering the node or the edge shows the claim, characters intact */
    assert_true(has_text(page, "//*[local-name()='title']", evidence));
    assert_true(has_text(page, "//*[local-name()='title']", tricky));
    xmlFreeDoc(page);
    free(html);
    ng_diagram_free(d);
}

static void test_dot_reads_back(void **state)
{
    (void)state;
    ng_diagram *d = sample();
    size_t len;
    char *dot = render(d, NG_DIAGRAM_DOT, &len);
    /* escaped for DOT: the backslash doubled, the quotes escaped once */
    assert_non_null(strstr(dot, "AT&T \\\"Ltd\\\" <Holdings> \\\\ Ёлка 北京"));
    assert_non_null(strstr(dot, "digraph"));
    free(dot);
    ng_diagram_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_and_selections),
        cmocka_unit_test(test_labels_survive_svg_and_html),
        cmocka_unit_test(test_dot_reads_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
