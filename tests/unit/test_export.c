/* Unit tests for the exporters (newsgraph/export.h, newsgraph/graph.h): IRI
 * minting, N-Triples content, determinism, DOT escaping checked by Graphviz's
 * own parser, SVG/PNG rendering, format names and write errors. */
#include <unistd.h>

#include "newsgraph/export.h"
#include "newsgraph/graph.h"
#include "support.h"

#define NG "https://newsgraph.example/ontology#"
#define ID NG_DEFAULT_BASE
#define RDF_TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#define RDFS_LABEL "<http://www.w3.org/2000/01/rdf-schema#label>"
#define NIF_BEGIN "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>"
#define XSD_NNI "<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"

/* ---- helpers ------------------------------------------------------------------- */

typedef struct article {
    const char *lang;
    const char *text;
} article;

static char *slurp(FILE *fp, size_t *len)
{
    assert_int_equal(fflush(fp), 0);
    long n = ftell(fp);
    assert_true(n >= 0);
    rewind(fp);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    if (len) *len = (size_t)n;
    return buf;
}

/* Run articles through a fresh extractor and a writer of `fmt` on a tmpfile;
 * returns the output (malloc'd) and the triple count. */
static char *write_articles(const ng_ontology *onto, ng_out_format fmt, const char *dlang,
                            const article *arts, size_t n, size_t *len, unsigned long *triples)
{
    ng_error err = {0};
    ng_extractor *x = NULL;
    if (ng_extractor_new(&x, onto, &err)) fail_msg("extractor: %s", err.msg);
    FILE *fp = tmpfile();
    assert_non_null(fp);
    ng_writer_options wo = NG_WRITER_OPTIONS_INIT;
    wo.format = fmt;
    wo.lang = dlang;
    ng_writer *w = NULL;
    if (ng_writer_new(&w, F->ctx, onto, fp, &wo, &err)) fail_msg("writer: %s", err.msg);
    for (size_t i = 0; i < n; i++) {
        ng_read_options ro = NG_READ_OPTIONS_INIT;
        ro.lang = arts[i].lang;
        ro.format = NG_FORMAT_TEXT;
        ro.date = "2025-01-02";
        char name[48];
        snprintf(name, sizeof name, "article-%zu.txt", i);
        ng_document *doc = NULL;
        const ng_extraction *ex = NULL;
        if (ng_document_read_memory(&doc, name, arts[i].text, strlen(arts[i].text), &ro, &err) ||
            ng_extract(x, doc, NULL, &ex, &err))
            fail_msg("%s: %s", name, err.msg);
        if (ng_writer_add(w, doc, ex, &err)) fail_msg("add: %s", err.msg);
        ng_document_free(doc);
    }
    if (ng_writer_finish(w, &err)) fail_msg("finish: %s", err.msg);
    if (triples) *triples = ng_writer_triples(w);
    ng_writer_free(w);
    ng_extractor_free(x);
    char *out = slurp(fp, len);
    fclose(fp);
    return out;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) fail_msg("output lacks: %s", needle);
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (strstr(hay, needle)) fail_msg("output has: %s", needle);
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The line of s that contains both a and b, or NULL. */
static int line_with(const char *s, const char *a, const char *b)
{
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *line = strndup(s, n);
        int hit = strstr(line, a) && strstr(line, b);
        free(line);
        if (hit) return 1;
        s += n + (e ? 1 : 0);
    }
    return 0;
}

static const article ES_ARTICLE[] = {
    {"es", "Corea del Norte env\xC3\xAD"
           "a tropas\n"
           "Corea del Norte ha desplegado tropas en Rusia, seg\xC3\xBAn KCNA. "
           "Rusia no firm\xC3\xB3 el acuerdo con Ucrania. "
           "Iv\xC3\xA1n Petrenko, portavoz del Kremlin, habl\xC3\xB3 ayer."},
};

/* ---- IRIs -------------------------------------------------------------------------- */

static void test_iri_mint(void **state)
{
    (void)state;
    char *s = ng_iri_mint("https://x.example/id/", "person/", "Angela Merkel");
    assert_non_null(s);
    assert_string_equal(s, "https://x.example/id/person/angela-merkel");
    free(s);

    s = ng_iri_mint(ID, "entity/", "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1"); /* Ελλάδα */
    assert_non_null(s);
    for (const char *p = s; *p; p++)
        assert_true((unsigned char)*p < 0x80 && *p > ' ');
    assert_non_null(strchr(s, '%'));
    assert_int_equal(strncmp(s, ID "entity/", strlen(ID "entity/")), 0);
    /* folded (lower case, no accents), then percent-encoded byte by byte */
    assert_string_equal(s, ID "entity/%CE%B5%CE%BB%CE%BB%CE%B1%CE%B4%CE%B1");
    free(s);

    /* accents fold away; punctuation and runs of spaces become one dash */
    s = ng_iri_mint(ID, "entity/", "  Jean-No\xC3\xABl   M\xC3\xBCller, Jr.  ");
    assert_string_equal(s, ID "entity/jean-noel-muller-jr");
    free(s);
    s = ng_iri_mint(ID, "entity/", "Acme \"Q\" <Corp> {x}\\");
    for (const char *p = s + strlen(ID); *p; p++)
        assert_null(strchr("\"<>{}\\ |^`", *p));
    assert_string_equal(s, ID "entity/acme-q-corp-x");
    free(s);
    /* deterministic */
    char *a = ng_iri_mint(ID, "entity/", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    char *b = ng_iri_mint(ID, "entity/", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_format_names(void **state)
{
    (void)state;
    const char *names[] = {"turtle", "ntriples", "nquads", "rdfxml", "dot", "svg", "png"};
    const int want[] = {NG_OUT_TURTLE, NG_OUT_NTRIPLES, NG_OUT_NQUADS, NG_OUT_RDFXML,
                        NG_OUT_DOT,    NG_OUT_SVG,      NG_OUT_PNG};
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(ng_out_format_parse(names[i]), want[i]);
    assert_int_equal(ng_out_format_parse("ttl"), NG_OUT_TURTLE);
    assert_int_equal(ng_out_format_parse("nt"), NG_OUT_NTRIPLES);
    assert_int_equal(ng_out_format_parse("nq"), NG_OUT_NQUADS);
    assert_int_equal(ng_out_format_parse("jsonld"), -1);
    assert_int_equal(ng_out_format_parse(""), -1);
    assert_int_equal(ng_out_format_parse("turtles"), -1);
    assert_int_equal(ng_out_format_parse("svgz"), -1);
}

/* ---- N-Triples ------------------------------------------------------------------------ */

/* "<base><class>/<id>" as graph.h describes it, through the exported minter. */
static char *gaz_iri(const char *cls, const char *id)
{
    char *s = ng_iri_mint(ID, cls, id);
    assert_non_null(s);
    return s;
}

/* N-Triples may write non-ASCII characters raw (1.1) or as \uXXXX (2004,
 * what Raptor does); returns the escaped form of s (malloc'd). */
static char *nt_escaped(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n * 10 + 1), *w = out;
    assert_non_null(out);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p < 0x80) {
            *w++ = (char)*p++;
            continue;
        }
        unsigned cp;
        int k = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
        cp = *p & (k == 4 ? 0x07 : k == 3 ? 0x0F : 0x1F);
        for (int i = 1; i < k; i++)
            cp = (cp << 6) | (p[i] & 0x3F);
        p += k;
        w += cp > 0xFFFF ? sprintf(w, "\\U%08X", cp) : sprintf(w, "\\u%04X", cp);
    }
    *w = '\0';
    return out;
}

/* Output has `<subj> <pred> "lit"@lang .` with lit raw or escaped. */
static void assert_label(const char *nt, const char *subj, const char *pred, const char *lit,
                         const char *lang)
{
    char *esc = nt_escaped(lit);
    size_t n = strlen(subj) + strlen(pred) + strlen(esc) + strlen(lit) + 64;
    char *a = malloc(n), *b = malloc(n);
    assert_non_null(a);
    assert_non_null(b);
    snprintf(a, n, "<%s> %s \"%s\"@%s .", subj, pred, lit, lang);
    snprintf(b, n, "<%s> %s \"%s\"@%s .", subj, pred, esc, lang);
    if (!strstr(nt, a) && !strstr(nt, b)) fail_msg("output lacks: %s", a);
    free(a);
    free(b);
    free(esc);
}

static void test_ntriples_content(void **state)
{
    (void)state;
    size_t len;
    unsigned long triples = 0;
    char *nt = write_articles(F->onto, NG_OUT_NTRIPLES, NULL, ES_ARTICLE, 1, &len, &triples);
    char *kp = gaz_iri("country/", "KP"), *ru = gaz_iri("country/", "RU");
    char *ua = gaz_iri("country/", "UA"), *kcna = gaz_iri("organization/", "kcna");
    char *ivan = ng_iri_mint(ID, "entity/", "Iv\xC3\xA1n Petrenko");
    char line[1024];
    /* gazetteer entities: <base><class>/<id>, typed, labels in both languages */
    snprintf(line, sizeof line, "<%s> " RDF_TYPE " <" NG "Country> .", kp);
    assert_contains(nt, line);
    assert_label(nt, kp, RDFS_LABEL, "Corea del Norte", "es");
    assert_label(nt, kp, RDFS_LABEL, "North Korea", "en");
    /* the direct triple of a (reported) claim */
    snprintf(line, sizeof line, "<%s> <" NG "deploysTroopsTo> <%s> .", kp, ru);
    assert_contains(nt, line);
    /* a negated claim has a claim node but no direct triple */
    snprintf(line, sizeof line, "<" NG "signsAgreementWith> <%s> .", ua);
    assert_lacks(nt, line);
    assert_true(line_with(nt, "<" NG "modality>", "\"negated\""));
    assert_true(line_with(nt, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>",
                          "<" NG "signsAgreementWith>"));
    /* a non-gazetteer person: entity/<slug>, label in the article's language */
    assert_string_equal(ivan, ID "entity/ivan-petrenko");
    snprintf(line, sizeof line, "<%s> " RDF_TYPE " <" NG "Person> .", ivan);
    assert_contains(nt, line);
    assert_label(nt, ivan, RDFS_LABEL, "Iv\xC3\xA1n Petrenko", "es");
    /* claim nodes typed ng:Claim with NIF offsets */
    assert_true(line_with(nt, "/claim/", RDF_TYPE " <" NG "Claim> ."));
    assert_true(line_with(nt, "/claim/", NIF_BEGIN));
    assert_true(line_with(nt, NIF_BEGIN, "^^" XSD_NNI " ."));
    /* the first body sentence starts after the title line (code points) */
    size_t tcp = strlen("Corea del Norte envia tropas\n");
    char begin[256];
    snprintf(begin, sizeof begin, NIF_BEGIN " \"%zu\"^^", tcp);
    assert_contains(nt, begin);
    snprintf(line, sizeof line, "<" NG "attributedTo> <%s> .", kcna);
    assert_true(line_with(nt, "/claim/", line));
    /* the article node */
    assert_true(line_with(nt, "/article/", RDF_TYPE " <" NG "Article> ."));
    assert_true(
        line_with(nt, "/article/", "\"2025-01-02\"^^<http://www.w3.org/2001/XMLSchema#date>"));
    /* one statement per line; the count matches */
    assert_int_equal(count_lines(nt), (int)triples);
    assert_true(triples > 20);
    /* every IRI is plain ASCII */
    int in_iri = 0, in_lit = 0;
    for (const char *p = nt; *p; p++) {
        if (in_lit) {
            if (*p == '\\')
                p++;
            else if (*p == '"')
                in_lit = 0;
            continue;
        }
        if (*p == '"')
            in_lit = 1;
        else if (*p == '<')
            in_iri = 1;
        else if (*p == '>')
            in_iri = 0;
        else if (in_iri)
            assert_true((unsigned char)*p > ' ' && (unsigned char)*p < 0x80);
    }
    free(kp);
    free(ru);
    free(ua);
    free(kcna);
    free(ivan);
    free(nt);
}

static void test_ntriples_percent_encoded_entity(void **state)
{
    (void)state;
    const char *name = "\xCE\xA3\xCF\x89\xCE\xBA\xCF\x81\xCE\xAC\xCF\x84\xCE\xB7\xCF\x82 "
                       "\xCE\xA0\xCE\xB1\xCF\x80\xCF\x80\xCE\xAC\xCF\x82"; /* Σωκράτης Παππάς */
    char text[256];
    snprintf(text, sizeof text, "Titular\nEl enviado %s visit\xC3\xB3 Rusia.", name);
    const article greek[] = {{"es", text}};
    char *nt = write_articles(F->onto, NG_OUT_NTRIPLES, NULL, greek, 1, NULL, NULL);
    char *iri = ng_iri_mint(ID, "entity/", name);
    assert_non_null(strchr(iri, '%'));
    for (const char *p = iri; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    assert_label(nt, iri, RDFS_LABEL, name, "es");
    char *ru = gaz_iri("country/", "RU");
    char want[1024];
    snprintf(want, sizeof want, "<%s> <" NG "visits> <%s> .", iri, ru);
    assert_contains(nt, want);
    free(ru);
    free(iri);
    free(nt);
}

static void test_deterministic_output(void **state)
{
    (void)state;
    const article two[] = {
        ES_ARTICLE[0],
        {"en", "Summit\nUK Prime Minister Keir Starmer met Emmanuel Macron in Paris. "
               "North Korea has deployed troops to Russia, Peskov told reporters."},
    };
    const ng_out_format fmts[] = {NG_OUT_NTRIPLES, NG_OUT_NQUADS, NG_OUT_TURTLE, NG_OUT_DOT};
    for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
        size_t la, lb;
        char *a = write_articles(F->onto, fmts[f], NULL, two, 2, &la, NULL);
        char *b = write_articles(F->onto, fmts[f], NULL, two, 2, &lb, NULL);
        assert_true(la > 100);
        assert_int_equal(la, lb);
        assert_memory_equal(a, b, la);
        free(a);
        free(b);
    }
}

static int count_str(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_same_fact_two_articles(void **state)
{
    (void)state;
    const article two[] = {
        {"es", "Titular uno\nCorea del Norte ha desplegado tropas en Rusia."},
        {"es", "Titular dos\nSeg\xC3\xBAn KCNA, Corea del Norte ha desplegado tropas en Rusia."},
    };
    char *nt = write_articles(F->onto, NG_OUT_NTRIPLES, NULL, two, 2, NULL, NULL);
    char *kp = gaz_iri("country/", "KP"), *ru = gaz_iri("country/", "RU");
    char line[1024];
    /* the direct triple once per run, one claim node per article */
    snprintf(line, sizeof line, "<%s> <" NG "deploysTroopsTo> <%s> .", kp, ru);
    assert_int_equal(count_str(nt, line), 1);
    assert_int_equal(count_str(nt, RDF_TYPE " <" NG "Claim> ."), 2);
    assert_int_equal(count_str(nt, RDF_TYPE " <" NG "Article> ."), 2);
    /* entities are merged by IRI and described once */
    snprintf(line, sizeof line, "<%s> " RDF_TYPE, kp);
    assert_int_equal(count_str(nt, line), 1);
    snprintf(line, sizeof line, "<%s> " RDFS_LABEL " \"Corea del Norte\"@es .", kp);
    assert_int_equal(count_str(nt, line), 1);
    free(kp);
    free(ru);
    free(nt);
}

/* An entity's label is the name articles give it most often (ties: the
 * smaller), whatever order the articles come in. */
static void test_label_from_every_article(void **state)
{
    (void)state;
    const article three[] = {
        {"es", "Uno\nEl Ministerio del Turismo anunci\xC3\xB3 ayer nuevas medidas."},
        {"es", "Dos\nEl Ministerio de Turismo anunci\xC3\xB3 hoy un plan."},
        {"es", "Tres\nEl Ministerio de Turismo respondi\xC3\xB3 a las cr\xC3\xADticas."},
    };
    const article reversed[] = {three[2], three[1], three[0]}, tie[] = {three[0], three[1]},
                  tie_reversed[] = {three[1], three[0]};
    const char *label =
        "<" ID "entity/ministerio-turismo> " RDFS_LABEL " \"Ministerio de Turismo\"@es .";
    const article *runs[] = {three, reversed, tie, tie_reversed};
    const size_t n[] = {3, 3, 2, 2};
    for (size_t i = 0; i < 4; i++) {
        char *nt = write_articles(F->onto, NG_OUT_NTRIPLES, NULL, runs[i], n[i], NULL, NULL);
        if (count_str(nt, label) != 1) fail_msg("run %zu: no label %s in\n%s", i, label, nt);
        free(nt);
    }
}

static void test_nquads_graphs(void **state)
{
    (void)state;
    char *nq = write_articles(F->onto, NG_OUT_NQUADS, NULL, ES_ARTICLE, 1, NULL, NULL);
    /* the article's statements are in the article's graph */
    assert_true(line_with(nq, "/claim/", "/article/"));
    assert_true(line_with(nq, RDF_TYPE " <" NG "Claim>", "/article/"));
    free(nq);
}

/* ---- rapper (when installed) ------------------------------------------------------------ */

static void test_rdf_parses(void **state)
{
    (void)state;
    if (access("/usr/bin/rapper", X_OK) != 0) {
        print_message("[ info ] rapper not installed: syntax check skipped\n");
        return;
    }
    const ng_out_format fmts[] = {NG_OUT_TURTLE, NG_OUT_NTRIPLES, NG_OUT_NQUADS, NG_OUT_RDFXML};
    const char *syntax[] = {"turtle", "ntriples", "nquads", "rdfxml"};
    const article two[] = {
        ES_ARTICLE[0],
        {"en", "Summit\nUK Prime Minister Keir Starmer met Emmanuel Macron in Paris."},
    };
    for (size_t f = 0; f < 4; f++) {
        size_t len;
        char *out = write_articles(F->onto, fmts[f], NULL, two, 2, &len, NULL);
        char path[512], cmd[1200];
        snprintf(path, sizeof path, "%s/out.%s", F->tmp, syntax[f]);
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        assert_int_equal(fwrite(out, 1, len, fp), len);
        fclose(fp);
        snprintf(cmd, sizeof cmd, "rapper -q -i %s -o ntriples '%s' >/dev/null 2>&1", syntax[f],
                 path);
        if (system(cmd) != 0) fail_msg("rapper rejects the %s output (%s)", syntax[f], path);
        free(out);
    }
}

/* ---- diagrams ---------------------------------------------------------------------------- */

/* An ontology copy whose gazetteer has an organisation with a nasty label. */
static ng_ontology *nasty_ontology(void)
{
    char dir[512], cmd[1200];
    snprintf(dir, sizeof dir, "%s/onto", F->tmp);
    if (access(dir, F_OK) != 0) {
        snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", NG_TEST_ONTOLOGY, dir);
        assert_int_equal(system(cmd), 0);
        char path[600];
        snprintf(path, sizeof path, "%s/gazetteer/organizations.tsv", dir);
        FILE *fp = fopen(path, "a");
        assert_non_null(fp);
        fprintf(fp,
                "\nacme-q\tOrganization\t-\tAcme \"Q\" Corp\\\tAcme \"Q\" Corp\\\tAcmecorp\t-\n");
        /* DOT escapes \N \G \n inside labels: they must stay literal */
        fprintf(fp, "acme-r\tOrganization\t-\tBack\\\"slash \\N \\G \\n end\t-\tBetacorp\t-\n");
        fclose(fp);
    }
    ng_ontology *o = NULL;
    ng_error err = {0};
    if (ng_ontology_load(&o, F->ctx, dir, NULL, &err)) fail_msg("nasty ontology: %s", err.msg);
    return o;
}

static const article ACME[] = {
    {"en", "Headline\nAcmecorp attacked Russia on Monday. Acmecorp also met Emmanuel Macron. "
           "Betacorp attacked Russia."},
};

static int run_dot(const char *path, const char *outfmt, const char *outpath)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "dot -T%s '%s' -o '%s' 2>'%s.err'", outfmt, path, outpath, outpath);
    return system(cmd);
}

static void test_dot_escaping(void **state)
{
    (void)state;
    ng_ontology *o = nasty_ontology();
    size_t len;
    char *dot = write_articles(o, NG_OUT_DOT, "en", ACME, 1, &len, NULL);
    assert_contains(dot, "digraph");
    assert_contains(dot, "Acme");
    /* the label as DOT text: quotes escaped, the backslash doubled */
    assert_contains(dot, "Acme \\\"Q\\\" Corp\\\\\"");
    /* the edge label is the ontology's English label */
    assert_contains(dot, ng_ontology_label(o, "attacks", "en"));
    if (access("/usr/bin/dot", X_OK) == 0) {
        char path[512], svg[600];
        snprintf(path, sizeof path, "%s/acme.dot", F->tmp);
        snprintf(svg, sizeof svg, "%s/acme.svg", F->tmp);
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        assert_int_equal(fwrite(dot, 1, len, fp), len);
        fclose(fp);
        if (run_dot(path, "svg", svg) != 0) fail_msg("dot rejects %s", path);
        fp = fopen(svg, "rb");
        assert_non_null(fp);
        fseek(fp, 0, SEEK_END);
        char *s = slurp(fp, NULL);
        fclose(fp);
        /* the label Graphviz draws is the name itself: one backslash */
        if (!strstr(s, "Acme &quot;Q&quot; Corp\\<") && !strstr(s, "Acme &#34;Q&#34; Corp\\<"))
            fail_msg("rendered label is not 'Acme \"Q\" Corp\\'");
        if (!strstr(s, ">Back\\&quot;slash \\N \\G \\n end<") &&
            !strstr(s, ">Back\\&#34;slash \\N \\G \\n end<"))
            fail_msg("rendered label is not 'Back\\\"slash \\N \\G \\n end'");
        free(s);
    } else {
        print_message("[ info ] /usr/bin/dot not installed: parse check skipped\n");
    }
    free(dot);
    /* Spanish labels: the ontology's Spanish edge label */
    dot = write_articles(o, NG_OUT_DOT, "es", ACME, 1, NULL, NULL);
    assert_contains(dot, ng_ontology_label(o, "attacks", "es"));
    assert_contains(dot, "Rusia");
    free(dot);
    ng_ontology_free(o);
}

static void test_svg_and_png(void **state)
{
    (void)state;
    const article two[] = {
        ES_ARTICLE[0],
        {"en", "Summit\nUK Prime Minister Keir Starmer met Emmanuel Macron in Paris."},
    };
    size_t len;
    char *svg = write_articles(F->onto, NG_OUT_SVG, "en", two, 2, &len, NULL);
    assert_true(strncmp(svg, "<?xml", 5) == 0 || strstr(svg, "<svg"));
    assert_contains(svg, "<svg");
    assert_contains(svg, "</svg>");
    assert_contains(svg, "Keir Starmer");
    assert_contains(svg, "North Korea");
    /* no negated edge in the diagram */
    assert_lacks(svg, ng_ontology_label(F->onto, "signsAgreementWith", "en"));
    free(svg);

    char *png = write_articles(F->onto, NG_OUT_PNG, "en", two, 2, &len, NULL);
    assert_true(len > 8);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    free(png);
}

/* ---- write errors ------------------------------------------------------------------------- */

static void test_write_error(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK) != 0) {
        print_message("[ info ] no /dev/full: skipped\n");
        return;
    }
    const ng_out_format fmts[] = {NG_OUT_NTRIPLES, NG_OUT_TURTLE, NG_OUT_DOT};
    for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
        FILE *fp = fopen("/dev/full", "w");
        assert_non_null(fp);
        ng_error err = {0};
        ng_extractor *x = NULL;
        assert_int_equal(ng_extractor_new(&x, F->onto, &err), 0);
        ng_writer_options wo = NG_WRITER_OPTIONS_INIT;
        wo.format = fmts[f];
        ng_writer *w = NULL;
        assert_int_equal(ng_writer_new(&w, F->ctx, F->onto, fp, &wo, &err), 0);
        ng_document *doc = NULL;
        ng_read_options ro = NG_READ_OPTIONS_INIT;
        ro.lang = "es";
        const ng_extraction *ex = NULL;
        assert_int_equal(ng_document_read_memory(&doc, "full.txt", ES_ARTICLE[0].text,
                                                 strlen(ES_ARTICLE[0].text), &ro, &err),
                         0);
        assert_int_equal(ng_extract(x, doc, NULL, &ex, &err), 0);
        int rc = ng_writer_add(w, doc, ex, &err);
        if (!rc) rc = ng_writer_finish(w, &err);
        if (rc == 0) fail_msg("format %d: writing to /dev/full succeeded", (int)fmts[f]);
        assert_true(err.msg[0] != '\0');
        ng_document_free(doc);
        ng_writer_free(w);
        ng_extractor_free(x);
        fclose(fp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iri_mint),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_ntriples_content),
        cmocka_unit_test(test_ntriples_percent_encoded_entity),
        cmocka_unit_test(test_deterministic_output),
        cmocka_unit_test(test_same_fact_two_articles),
        cmocka_unit_test(test_label_from_every_article),
        cmocka_unit_test(test_nquads_graphs),
        cmocka_unit_test(test_rdf_parses),
        cmocka_unit_test(test_dot_escaping),
        cmocka_unit_test(test_svg_and_png),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
