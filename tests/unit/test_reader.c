/* Unit tests for the reader (newsgraph/document.h): plain text and HTML into
 * documents, normalisation, metadata, ids and every documented error. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsgraph/document.h"

/* ---- helpers ------------------------------------------------------------- */

static ng_document *read_ok(const char *name, const char *data, size_t len,
                            const ng_read_options *opts)
{
    ng_document *doc = (ng_document *)0x1;
    ng_error err = {0};
    int rc = ng_document_read_memory(&doc, name, data, len, opts, &err);
    if (rc) fail_msg("%s: rc %d: %s", name, rc, err.msg);
    assert_non_null(doc);
    return doc;
}

static ng_document *read_str(const char *name, const char *s, const ng_read_options *opts)
{
    return read_ok(name, s, strlen(s), opts);
}

/* Expect failure with code; checks *out is NULL and the message names `name`. */
static void read_fails(const char *name, const char *data, size_t len, const ng_read_options *opts,
                       int code, ng_error *err)
{
    ng_document *doc = (ng_document *)0x1;
    memset(err, 0, sizeof *err);
    int rc = ng_document_read_memory(&doc, name, data, len, opts, err);
    assert_int_equal(rc, code);
    assert_int_equal(err->code, code);
    assert_null(doc);
    assert_non_null(strstr(err->msg, name));
}

static const char *text_of(const ng_document *doc)
{
    size_t len = 0;
    const char *t = ng_document_text(doc, &len);
    assert_non_null(t);
    assert_int_equal(strlen(t), len); /* NUL-terminated, no inner NUL */
    return t;
}

static int count_occurrences(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static char tmpdir[256];

static int setup_tmp(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ng-test-reader-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_tmp(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* ---- plain text ------------------------------------------------------------ */

static void test_text_title_and_body(void **state)
{
    (void)state;
    const char *src = "\n  \n  Primer t\xC3\xADtulo del d\xC3\xAD"
                      "a  \nCuerpo del art\xC3\xAD"
                      "culo.\n"
                      "Segundo p\xC3\xA1rrafo.\n";
    ng_read_options o = NG_READ_OPTIONS_INIT;
    ng_document *doc = read_str("nota.txt", src, &o);
    assert_string_equal(ng_document_title(doc), "Primer t\xC3\xADtulo del d\xC3\xAD"
                                                "a");
    const char *t = text_of(doc);
    /* leading blank lines are gone: the title is the first line */
    assert_int_equal(strncmp(t, "Primer t\xC3\xADtulo", strlen("Primer t\xC3\xADtulo")), 0);
    assert_non_null(strstr(t, "\nCuerpo del art\xC3\xAD"
                              "culo.\nSegundo p\xC3\xA1rrafo."));
    assert_string_equal(ng_document_source(doc), "nota.txt");
    assert_null(ng_document_date(doc));
    assert_null(ng_document_lang(doc));
    ng_document_free(doc);

    /* a one-line text: the title is the whole text */
    doc = read_str("one.txt", "Solo un titular", NULL);
    assert_string_equal(ng_document_title(doc), "Solo un titular");
    assert_string_equal(text_of(doc), "Solo un titular");
    ng_document_free(doc);
}

static void test_text_crlf_normalised(void **state)
{
    (void)state;
    const char *src = "Title line\r\nFirst paragraph.\r\nSecond\rthird.\r\n";
    ng_document *doc = read_str("crlf.txt", src, NULL);
    const char *t = text_of(doc);
    assert_null(strchr(t, '\r'));
    assert_string_equal(t, "Title line\nFirst paragraph.\nSecond\nthird.\n");
    assert_string_equal(ng_document_title(doc), "Title line");
    ng_document_free(doc);
}

static void test_text_nfc(void **state)
{
    (void)state;
    /* "Mu" + U+0308 combining diaeresis, "Jose" + U+0301 combining acute */
    const char *src = "Mu\xCC\x88nchen y Jose\xCC\x81\nEl equipo de Mu\xCC\x88nchen gan\xC3\xB3.";
    ng_document *doc = read_str("nfd.txt", src, NULL);
    const char *t = text_of(doc);
    assert_string_equal(ng_document_title(doc), "M\xC3\xBCnchen y Jos\xC3\xA9");
    assert_string_equal(t,
                        "M\xC3\xBCnchen y Jos\xC3\xA9\nEl equipo de M\xC3\xBCnchen gan\xC3\xB3.");
    assert_null(strstr(t, "\xCC\x88"));
    assert_null(strstr(t, "\xCC\x81"));
    ng_document_free(doc);
}

static void test_text_bom_stripped(void **state)
{
    (void)state;
    const char *src = "\xEF\xBB\xBFTitular con BOM\nCuerpo.";
    ng_document *doc = read_str("bom.txt", src, NULL);
    assert_string_equal(ng_document_title(doc), "Titular con BOM");
    const char *t = text_of(doc);
    assert_string_equal(t, "Titular con BOM\nCuerpo.");
    assert_null(strstr(t, "\xEF\xBB\xBF"));
    ng_document_free(doc);
}

static void test_options_lang_date(void **state)
{
    (void)state;
    ng_read_options o = NG_READ_OPTIONS_INIT;
    o.lang = "es";
    o.date = "2024-05-06";
    ng_document *doc = read_str("d.txt", "Titular\nCuerpo.", &o);
    assert_string_equal(ng_document_lang(doc), "es");
    assert_string_equal(ng_document_date(doc), "2024-05-06");
    /* options are copied, not borrowed */
    assert_ptr_not_equal(ng_document_lang(doc), o.lang);
    assert_ptr_not_equal(ng_document_date(doc), o.date);
    assert_int_equal(ng_document_set_lang(doc, "en"), 0);
    assert_string_equal(ng_document_lang(doc), "en");
    ng_document_free(doc);
}

/* ---- errors ------------------------------------------------------------------ */

static void test_invalid_utf8(void **state)
{
    (void)state;
    ng_error err;
    const char bad[] = "Titular\nCuerpo con \xFF un byte malo.";
    read_fails("malo.txt", bad, sizeof bad - 1, NULL, NG_EENCODING, &err);
    assert_non_null(strstr(err.msg, "byte"));
    /* truncated sequence, overlong form and a surrogate are all refused */
    const char *more[] = {"Titular\n\xC3", "Titular \xC0\xAF", "Titular \xED\xA0\x80 fin",
                          "Titular \xF4\x90\x80\x80 fin"};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
        read_fails("malo2.txt", more[i], strlen(more[i]), NULL, NG_EENCODING, &err);
        assert_non_null(strstr(err.msg, "byte"));
    }
    /* the same through a file: the message names the path */
    char path[512];
    snprintf(path, sizeof path, "%s/invalid-utf8.txt", tmpdir);
    write_file(path, bad, sizeof bad - 1);
    ng_document *doc = (ng_document *)0x1;
    memset(&err, 0, sizeof err);
    assert_int_equal(ng_document_read_file(&doc, path, NULL, &err), NG_EENCODING);
    assert_null(doc);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "byte"));
}

static void test_nul_bytes(void **state)
{
    (void)state;
    ng_error err;
    const char bin[] = "Titular\nabc\0def";
    read_fails("bin.txt", bin, sizeof bin - 1, NULL, NG_EFORMAT, &err);
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    read_fails("img.png", png, sizeof png - 1, NULL, NG_EFORMAT, &err);
}

static void test_empty_and_blank(void **state)
{
    (void)state;
    ng_error err;
    read_fails("empty.txt", "", 0, NULL, NG_EEMPTY, &err);
    read_fails("blank.txt", "  \n\t \r\n \n", 9, NULL, NG_EEMPTY, &err);
    /* a BOM and white space are still empty */
    read_fails("bomblank.txt", "\xEF\xBB\xBF \n", 5, NULL, NG_EEMPTY, &err);
    char path[512];
    snprintf(path, sizeof path, "%s/empty.txt", tmpdir);
    write_file(path, "", 0);
    ng_document *doc = (ng_document *)0x1;
    memset(&err, 0, sizeof err);
    assert_int_equal(ng_document_read_file(&doc, path, NULL, &err), NG_EEMPTY);
    assert_null(doc);
    assert_non_null(strstr(err.msg, path));
}

static void test_too_big(void **state)
{
    (void)state;
    ng_error err;
    ng_read_options o = NG_READ_OPTIONS_INIT;
    o.max_bytes = 16;
    const char *big = "Titular\nUn cuerpo que pasa de dieciseis bytes.";
    read_fails("big.txt", big, strlen(big), &o, NG_ETOOBIG, &err);
    /* exactly at the limit is fine */
    ng_document *doc = read_ok("ok.txt", big, 16, &o);
    assert_string_equal(ng_document_title(doc), "Titular");
    ng_document_free(doc);
    /* from a file */
    char path[512];
    snprintf(path, sizeof path, "%s/big.txt", tmpdir);
    write_file(path, big, strlen(big));
    doc = (ng_document *)0x1;
    memset(&err, 0, sizeof err);
    assert_int_equal(ng_document_read_file(&doc, path, &o, &err), NG_ETOOBIG);
    assert_null(doc);
    assert_non_null(strstr(err.msg, path));
    o.max_bytes = 0; /* default limit */
    assert_int_equal(ng_document_read_file(&doc, path, &o, &err), 0);
    assert_string_equal(ng_document_source(doc), path);
    ng_document_free(doc);
}

static void test_missing_file(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/no-such-file.txt", tmpdir);
    ng_document *doc = (ng_document *)0x1;
    ng_error err = {0};
    assert_int_equal(ng_document_read_file(&doc, path, NULL, &err), NG_EIO);
    assert_int_equal(err.code, NG_EIO);
    assert_null(doc);
    assert_non_null(strstr(err.msg, path));
}

/* ---- ids ---------------------------------------------------------------------- */

static void test_document_id(void **state)
{
    (void)state;
    ng_document *a = read_str("a.txt", "Titular\nCuerpo uno.", NULL);
    ng_document *b = read_str("b.txt", "Titular\nCuerpo uno.", NULL);
    ng_document *c = read_str("c.txt", "Titular\nCuerpo dos.", NULL);
    /* the id is a digest of the normalised text: CRLF and LF agree */
    ng_document *d = read_str("d.txt", "Titular\r\nCuerpo uno.", NULL);
    const char *ia = ng_document_id(a);
    assert_non_null(ia);
    assert_true(strlen(ia) >= 8);
    for (const char *p = ia; *p; p++)
        assert_true(isxdigit((unsigned char)*p));
    assert_string_equal(ia, ng_document_id(b));
    assert_string_equal(ia, ng_document_id(d));
    assert_string_not_equal(ia, ng_document_id(c));
    /* reading again gives the same id (no per-run salt) */
    ng_document *a2 = read_str("a.txt", "Titular\nCuerpo uno.", NULL);
    assert_string_equal(ia, ng_document_id(a2));
    ng_document_free(a);
    ng_document_free(a2);
    ng_document_free(b);
    ng_document_free(c);
    ng_document_free(d);
}

/* ---- HTML ---------------------------------------------------------------------- */

static const char *const BOILERPLATE[] = {"MENUWORD",   "ASIDEWORD", "FOOTERWORD", "SCRIPTWORD",
                                          "HEADERWORD", "STYLEWORD", NULL};

static void assert_no_boilerplate(const char *t)
{
    for (int i = 0; BOILERPLATE[i]; i++)
        if (strstr(t, BOILERPLATE[i])) fail_msg("boilerplate word %s in the text", BOILERPLATE[i]);
    assert_null(strchr(t, '<'));
    assert_null(strstr(t, "&middot;"));
}

static ng_document *read_fixture(const char *file, const ng_read_options *o)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", NG_TEST_FIXTURES, file);
    ng_document *doc = (ng_document *)0x1;
    ng_error err = {0};
    int rc = ng_document_read_file(&doc, path, o, &err);
    if (rc) fail_msg("%s: rc %d: %s", path, rc, err.msg);
    assert_string_equal(ng_document_source(doc), path);
    return doc;
}

static void test_html_es(void **state)
{
    (void)state;
    ng_document *doc = read_fixture("es-html.html", NULL);
    const char *title = "Espa\xC3\xB1"
                        "a y Portugal firman un acuerdo para duplicar su "
                        "interconexi\xC3\xB3n el\xC3\xA9"
                        "ctrica";
    /* og:title wins over <title> (which has " | Diario Ejemplo") */
    assert_string_equal(ng_document_title(doc), title);
    assert_string_equal(ng_document_date(doc), "2025-03-14");
    const char *t = text_of(doc);
    assert_int_equal(strncmp(t, title, strlen(title)), 0);
    assert_int_equal(t[strlen(title)], '\n');
    /* the <h1> that repeats the title is not kept twice */
    assert_int_equal(count_occurrences(t, title), 1);
    assert_no_boilerplate(t);
    assert_null(strstr(t, "Diario Ejemplo"));
    assert_null(strstr(t, "Noticias relacionadas"));
    assert_null(strstr(t, "window.dataLayer"));
    assert_non_null(strstr(t, "Pedro S\xC3\xA1nchez"));
    assert_non_null(strstr(t, "Lu\xC3\xADs Montenegro"));
    assert_non_null(strstr(t, "Ursula von der Leyen"));
    assert_non_null(strstr(t, "Fuentes diplom\xC3\xA1ticas portuguesas"));
    /* entities decoded: &laquo; -> «, &nbsp; -> U+00A0 */
    assert_non_null(strstr(t, "\xC2\xAB"
                              "La pen\xC3\xADnsula"));
    assert_true(strstr(t, "40\xC2\xA0%") || strstr(t, "40 %"));
    assert_null(strstr(t, "&nbsp;"));
    /* paragraphs are lines: a paragraph does not run into the next */
    assert_non_null(strstr(t, "antes de 2030. El texto"));
    assert_non_null(strstr(t, "alta tensi\xC3\xB3n.\nSeg\xC3\xBAn el Ministerio"));
    ng_document_free(doc);
}

static void test_html_en(void **state)
{
    (void)state;
    ng_document *doc = read_fixture("en-html.html", NULL);
    const char *title = "Kenya and Tanzania agree to reopen border crossing at Namanga";
    assert_string_equal(ng_document_title(doc), title);
    /* no article:published_time: the date comes from <time datetime> */
    assert_string_equal(ng_document_date(doc), "2025-02-01");
    const char *t = text_of(doc);
    assert_int_equal(strncmp(t, title, strlen(title)), 0);
    assert_no_boilerplate(t);
    assert_null(strstr(t, "Example Herald"));
    assert_non_null(strstr(t, "William Ruto"));
    assert_non_null(strstr(t, "Samia Suluhu Hassan"));
    assert_non_null(strstr(t, "East African Community"));
    assert_non_null(strstr(t, "Kenya Transporters Association"));
    assert_non_null(strstr(t, "\xE2\x80\x9C"
                              "a quick and sensible compromise\xE2\x80\x9D"));
    assert_non_null(strstr(t, "drivers\xE2\x80\x99 unions"));
    ng_document_free(doc);
}

static void test_html_date_option(void **state)
{
    (void)state;
    ng_read_options o = NG_READ_OPTIONS_INIT;
    o.date = "1999-12-31";
    /* the page's own date wins over the option */
    ng_document *doc = read_fixture("es-html.html", &o);
    assert_string_equal(ng_document_date(doc), "2025-03-14");
    ng_document_free(doc);
    doc = read_fixture("en-html.html", &o);
    assert_string_equal(ng_document_date(doc), "2025-02-01");
    ng_document_free(doc);
    /* a page without a date takes the option */
    const char *page = "<!DOCTYPE html><html><head><title>Sin fecha</title></head>"
                       "<body><article><p>Un p\xC3\xA1rrafo.</p></article></body></html>";
    doc = read_str("nodate.html", page, &o);
    assert_string_equal(ng_document_date(doc), "1999-12-31");
    assert_string_equal(ng_document_title(doc), "Sin fecha");
    ng_document_free(doc);
    doc = read_str("nodate.html", page, NULL);
    assert_null(ng_document_date(doc));
    ng_document_free(doc);
}

static void test_html_small_pages(void **state)
{
    (void)state;
    ng_error err;
    /* sniffed as HTML although the name says .txt; og:url becomes the source */
    const char *page =
        "<!DOCTYPE html><html><head><meta property=\"og:url\" content=\"https://example.com/n/1\">"
        "<title>Titular &amp; m\xC3\xA1s</title></head><body><nav>MENUWORD</nav>"
        "<p>Primer p\xC3\xA1rrafo.</p><p>Segundo p\xC3\xA1rrafo.</p>"
        "<footer><p>FOOTERWORD</p></footer></body></html>";
    ng_document *doc = read_str("page.txt", page, NULL);
    assert_string_equal(ng_document_title(doc), "Titular & m\xC3\xA1s");
    assert_string_equal(ng_document_source(doc), "https://example.com/n/1");
    const char *t = text_of(doc);
    assert_non_null(strstr(t, "Primer p\xC3\xA1rrafo.\nSegundo p\xC3\xA1rrafo."));
    assert_no_boilerplate(t);
    ng_document_free(doc);

    /* forced plain text keeps the markup */
    ng_read_options o = NG_READ_OPTIONS_INIT;
    o.format = NG_FORMAT_TEXT;
    doc = read_str("page.html", page, &o);
    assert_non_null(strstr(text_of(doc), "<title>"));
    ng_document_free(doc);

    /* NFC applies to HTML too */
    const char *nfd = "<html><body><article><h1>Mu\xCC\x88nchen</h1><p>Jose\xCC\x81.</p>"
                      "</article></body></html>";
    doc = read_str("nfd.html", nfd, NULL);
    assert_string_equal(ng_document_title(doc), "M\xC3\xBCnchen");
    assert_non_null(strstr(text_of(doc), "Jos\xC3\xA9."));
    ng_document_free(doc);

    /* a declared Latin-1 page is decoded to UTF-8 */
    const char *latin1 = "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9</title></head>"
                         "<body><p>Ni\xF1o en Espa\xF1"
                         "a.</p></body></html>";
    doc = read_str("latin1.html", latin1, NULL);
    assert_string_equal(ng_document_title(doc), "Caf\xC3\xA9");
    assert_non_null(strstr(text_of(doc), "Ni\xC3\xB1o en Espa\xC3\xB1"
                                         "a."));
    ng_document_free(doc);

    /* invalid UTF-8 in a UTF-8 page */
    const char *bad =
        "<html><head><meta charset=\"utf-8\"></head><body><p>Malo \xFF.</p></body></html>";
    read_fails("bad.html", bad, strlen(bad), NULL, NG_EENCODING, &err);
    assert_non_null(strstr(err.msg, "byte"));

    /* only boilerplate: no article text */
    const char *empty = "<html><body><nav>MENUWORD</nav><footer>FOOTERWORD</footer>"
                        "<script>var SCRIPTWORD;</script></body></html>";
    read_fails("empty.html", empty, strlen(empty), NULL, NG_EEMPTY, &err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_title_and_body),
        cmocka_unit_test(test_text_crlf_normalised),
        cmocka_unit_test(test_text_nfc),
        cmocka_unit_test(test_text_bom_stripped),
        cmocka_unit_test(test_options_lang_date),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_document_id),
        cmocka_unit_test(test_html_es),
        cmocka_unit_test(test_html_en),
        cmocka_unit_test(test_html_date_option),
        cmocka_unit_test(test_html_small_pages),
    };
    return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
