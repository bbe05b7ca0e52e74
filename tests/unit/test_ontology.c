/* Unit tests for the ontology loader (newsgraph/ontology.h): loading the real
 * ontology/ folder, labels, language detection, class names, and broken
 * copies of the folder that must fail with the file and line named. */
#include <unistd.h>

#include "support.h"
#include "ontology/ontology_int.h"

/* Copy the ontology folder to <tmp>/<name>; returns the copy's path (static). */
static const char *copy_ontology(const fixture *f, const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", f->tmp, name);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", NG_TEST_ONTOLOGY, path);
    assert_int_equal(system(cmd), 0);
    return path;
}

/* Append one line to dir/rel; returns its 1-based line number. */
static int append_line(const char *dir, const char *rel, const char *line)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *fp = fopen(path, "r+");
    assert_non_null(fp);
    int lines = 0, c, last = '\n';
    while ((c = fgetc(fp)) != EOF) {
        if (c == '\n') lines++;
        last = c;
    }
    if (last != '\n') {
        fputc('\n', fp);
        lines++;
    }
    fprintf(fp, "%s\n", line);
    assert_int_equal(fclose(fp), 0);
    return lines + 1;
}

/* Load dir, expect code, and check the message for each needle (NULL-ended). */
static void load_fails(const fixture *f, const char *dir, int code, const char *const *needles)
{
    ng_ontology *o = (ng_ontology *)0x1;
    ng_error err = {0};
    int rc = ng_ontology_load(&o, f->ctx, dir, NULL, &err);
    if (rc != code) fail_msg("load %s: rc %d (want %d): %s", dir, rc, code, err.msg);
    assert_int_equal(err.code, code);
    assert_null(o);
    for (int i = 0; needles[i]; i++)
        if (!strstr(err.msg, needles[i])) fail_msg("message lacks '%s': %s", needles[i], err.msg);
}

/* Append `line` to dir/rel and expect the load to fail with NG_EDATA, the
 * message naming rel, "<file>:<line number>" and `also` (unless NULL). */
static void append_line_fails(const fixture *f, const char *dir, const char *rel, const char *line,
                              const char *also)
{
    int n = append_line(dir, rel, line);
    const char *file = strrchr(rel, '/');
    char where[64];
    snprintf(where, sizeof where, "%s:%d", file ? file + 1 : rel, n);
    const char *needles[] = {rel, where, also, NULL};
    load_fails(f, dir, NG_EDATA, needles);
}

/* ---- the real ontology ------------------------------------------------------- */

static void test_load_and_stats(void **state)
{
    fixture *f = *state;
    size_t entries = 0, aliases = 0, verbs = 0;
    ng_ontology_stats(f->onto, &entries, &aliases, &verbs);
    assert_true(entries > 100);
    assert_true(aliases >= entries / 2);
    assert_true(verbs > 50);
    /* white box: the gazetteer knows North Korea by its ISO code */
    void *kp = ng_map_get(f->onto->by_id, "KP", 2);
    assert_non_null(kp);
    const ng_gaz_entry *e = &f->onto->entries[(intptr_t)kp - 1];
    assert_int_equal(e->type, NG_TYPE_COUNTRY);
    assert_string_equal(e->label_es, "Corea del Norte");
    /* both lexicons are there, each with its own abbreviations */
    const ng_lexicon *es = ng__ontology_lexicon(f->onto, "es");
    const ng_lexicon *en = ng__ontology_lexicon(f->onto, "en");
    assert_string_equal(es->lang, "es");
    assert_string_equal(en->lang, "en");
    assert_non_null(ng__cue(es, NG_CUE_ABBREV, "sr", 2));
    assert_non_null(ng__cue(en, NG_CUE_ABBREV, "mr", 2));
    assert_non_null(ng_map_get(es->verbs, "desplegar", strlen("desplegar")));
    assert_non_null(ng_map_get(en->verbs, "deploy", strlen("deploy")));
}

static void test_labels(void **state)
{
    fixture *f = *state;
    const char *es = ng_ontology_label(f->onto, "deploysTroopsTo", "es");
    const char *en = ng_ontology_label(f->onto, "deploysTroopsTo", "en");
    assert_non_null(es);
    assert_non_null(en);
    assert_string_not_equal(es, en);
    assert_string_not_equal(es, "deploysTroopsTo");
    assert_string_not_equal(en, "deploysTroopsTo");
    /* each label is in its own language */
    assert_non_null(strstr(en, "troops"));
    assert_non_null(strstr(es, "tropas"));
    /* another language falls back to English, an unknown name to itself */
    assert_string_equal(ng_ontology_label(f->onto, "deploysTroopsTo", "fr"), en);
    assert_string_equal(ng_ontology_label(f->onto, "deploysTroopsTo", NULL), en);
    assert_string_equal(ng_ontology_label(f->onto, "noSuchPropertyAtAll", "es"),
                        "noSuchPropertyAtAll");
    /* classes have labels too */
    const char *person_es = ng_ontology_label(f->onto, "Person", "es");
    assert_string_not_equal(person_es, "Person");
    assert_string_not_equal(person_es, ng_ontology_label(f->onto, "Person", "en"));
}

static void test_detect_language(void **state)
{
    fixture *f = *state;
    const char *es = "El presidente de Rusia dijo ayer que las tropas de Corea del Norte "
                     "llegaron a la regi\xC3\xB3n de Kursk para apoyar a los soldados que "
                     "combaten en el frente, seg\xC3\xBAn la agencia estatal.";
    const char *en = "The president of Russia said yesterday that the troops from North Korea "
                     "had arrived in the Kursk region to support the soldiers who are fighting "
                     "on the front, according to the state agency.";
    assert_string_equal(ng_ontology_detect_language(f->onto, es, strlen(es)), "es");
    assert_string_equal(ng_ontology_detect_language(f->onto, en, strlen(en)), "en");
    /* only the first len bytes count */
    size_t both = strlen(es) + strlen(en) + 2;
    char *mix = malloc(both);
    assert_non_null(mix);
    snprintf(mix, both, "%s %s", en, es);
    assert_string_equal(ng_ontology_detect_language(f->onto, mix, strlen(en)), "en");
    free(mix);
}

static void test_type_names(void **state)
{
    (void)state;
    for (int t = 0; t < NG_TYPE_COUNT; t++) {
        const char *name = ng_type_name((ng_type)t);
        assert_non_null(name);
        assert_int_equal(ng_type_parse(name), t);
    }
    assert_string_equal(ng_type_name(NG_TYPE_PERSON), "Person");
    assert_string_equal(ng_type_name(NG_TYPE_ORGANIZATION), "Organization");
    assert_string_equal(ng_type_name(NG_TYPE_COUNTRY), "Country");
    assert_int_equal(ng_type_parse("City"), NG_TYPE_CITY);
    assert_int_equal(ng_type_parse("Claim"), -1);
    assert_int_equal(ng_type_parse("NoSuchClass"), -1);
    assert_int_equal(ng_type_parse(""), -1);
    /* distinct names */
    for (int a = 0; a < NG_TYPE_COUNT; a++)
        for (int b = a + 1; b < NG_TYPE_COUNT; b++)
            assert_string_not_equal(ng_type_name((ng_type)a), ng_type_name((ng_type)b));
}

/* ---- broken copies ------------------------------------------------------------- */

static void test_undeclared_property(void **state)
{
    fixture *f = *state;
    const char *dir = copy_ontology(f, "bad-verb");
    /* the copy loads as long as it is intact */
    ng_ontology *o = NULL;
    ng_error err = {0};
    assert_int_equal(ng_ontology_load(&o, f->ctx, dir, NULL, &err), 0);
    ng_ontology_free(o);
    append_line_fails(f, dir, "lexicon/es/verbs.tsv", "inventar\t_\tinventsThingsFor\t-",
                      "inventsThingsFor");
}

static void test_bad_gazetteer_and_cue(void **state)
{
    fixture *f = *state;
    append_line_fails(f, copy_ontology(f, "bad-gaz"), "gazetteer/cities.tsv",
                      "atlantis\tSunkenCity\t-\tAtlantis\tAtl\xC3\xA1ntida\t-\t-", "SunkenCity");
    append_line_fails(f, copy_ontology(f, "bad-cue"), "lexicon/en/cues.tsv",
                      "no-such-kind\tfoo|bar", NULL);
    append_line_fails(f, copy_ontology(f, "bad-role"), "lexicon/en/roles.tsv",
                      "grand vizier\tvizierOf", "vizierOf");
    append_line_fails(f, copy_ontology(f, "bad-demonym"), "gazetteer/demonyms.tsv",
                      "QQ\tqueque\xC3\xB1o", NULL);
}

static void test_missing_files(void **state)
{
    fixture *f = *state;
    const char *rels[] = {"gazetteer/cities.tsv", "lexicon/es/verbs.tsv", "lexicon/en/roles.tsv",
                          "gazetteer/countries.tsv"};
    for (size_t i = 0; i < sizeof rels / sizeof *rels; i++) {
        char name[32];
        snprintf(name, sizeof name, "missing-%zu", i);
        const char *dir = copy_ontology(f, name);
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, rels[i]);
        assert_int_equal(unlink(path), 0);
        const char *needles[] = {rels[i], NULL};
        load_fails(f, dir, NG_EIO, needles);
    }
    /* a folder that does not exist at all */
    char none[512];
    snprintf(none, sizeof none, "%s/does-not-exist", f->tmp);
    ng_ontology *o = (ng_ontology *)0x1;
    ng_error err = {0};
    int rc = ng_ontology_load(&o, f->ctx, none, NULL, &err);
    assert_true(rc < 0);
    assert_null(o);
    assert_non_null(strstr(err.msg, none));
}

static void test_missing_turtle(void **state)
{
    fixture *f = *state;
    const char *dir = copy_ontology(f, "missing-ttl");
    char path[1024];
    snprintf(path, sizeof path, "%s/newsgraph.ttl", dir);
    assert_int_equal(unlink(path), 0);
    const char *needles[] = {"newsgraph.ttl", NULL};
    load_fails(f, dir, NG_EIO, needles);
}

static void test_broken_turtle(void **state)
{
    fixture *f = *state;
    const char *dir = copy_ontology(f, "bad-ttl");
    int line = append_line(dir, "newsgraph.ttl", "ng:brokenThing a owl:ObjectProperty ;;; [[[");
    const char *needles[] = {"newsgraph.ttl", NULL};
    load_fails(f, dir, NG_EDATA, needles);
    /* ontology.h: "Errors name the file and line" */
    ng_ontology *o = NULL;
    ng_error err = {0};
    assert_int_equal(ng_ontology_load(&o, f->ctx, dir, NULL, &err), NG_EDATA);
    char a[64], b[64];
    snprintf(a, sizeof a, "newsgraph.ttl:%d", line);
    snprintf(b, sizeof b, "line %d", line);
    if (!strstr(err.msg, a) && !strstr(err.msg, b))
        fail_msg("the message does not name line %d: %s", line, err.msg);
}

static void test_missing_hunspell(void **state)
{
    fixture *f = *state;
    /* the dictionaries are read lazily: loading succeeds, extraction names
     * the missing dictionary */
    ng_ontology *o = NULL;
    ng_error err = {0};
    char hdir[512];
    snprintf(hdir, sizeof hdir, "%s/no-hunspell", f->tmp);
    assert_int_equal(ng_ontology_load(&o, f->ctx, NG_TEST_ONTOLOGY, hdir, &err), 0);
    ng_extractor *x = NULL;
    assert_int_equal(ng_extractor_new(&x, o, &err), 0);
    ng_document *doc = NULL;
    ng_read_options ro = NG_READ_OPTIONS_INIT;
    ro.lang = "es";
    const char *text = "Titular\nRusia firm\xC3\xB3 un acuerdo.";
    assert_int_equal(ng_document_read_memory(&doc, "h.txt", text, strlen(text), &ro, &err), 0);
    const ng_extraction *ex = NULL;
    memset(&err, 0, sizeof err);
    assert_int_equal(ng_extract(x, doc, NULL, &ex, &err), NG_EIO);
    assert_non_null(strstr(err.msg, hdir));
    assert_non_null(strstr(err.msg, "es_ES"));
    ng_document_free(doc);
    ng_extractor_free(x);
    ng_ontology_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_and_stats),      cmocka_unit_test(test_labels),
        cmocka_unit_test(test_detect_language),     cmocka_unit_test(test_type_names),
        cmocka_unit_test(test_undeclared_property), cmocka_unit_test(test_bad_gazetteer_and_cue),
        cmocka_unit_test(test_missing_files),       cmocka_unit_test(test_missing_turtle),
        cmocka_unit_test(test_broken_turtle),       cmocka_unit_test(test_missing_hunspell),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
