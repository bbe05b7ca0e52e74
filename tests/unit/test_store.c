/* Unit tests for the store (newsgraph/store.h): creation, idempotent adds,
 * linking across articles, corrections, migration, and refusing files that
 * are not stores. */
#include "support.h"
#include "newsgraph/export.h"
#include "newsgraph/link.h"
#include "newsgraph/store.h"

#include <sqlite3.h>
#include <unistd.h>

static int count_rows(void *ud, const ng_store_entity *e)
{
    (void)e;
    (*(int *)ud)++;
    return 0;
}

static int find_iri(void *ud, const ng_store_entity *e)
{
    const char **want = ud;
    if (strcmp(e->iri, want[0]) == 0) want[1] = "found";
    return 0;
}

/* the linker every store here reads with, made from the fixture's ontology */
static ng_linker *L;

static int open_store(ng_store **s, const char *path, const char *base, ng_error *err)
{
    int rc = ng_store_open(s, path, base, err);
    if (!rc) ng_store_set_linker(*s, L);
    return rc;
}

static int setup_all(void **state)
{
    ng_error err = {0};
    int rc = setup(state);
    return rc ? rc : ng_linker_new(&L, F->onto, &err);
}

static int teardown_all(void **state)
{
    ng_linker_free(L);
    return teardown(state);
}

static void add_text(ng_store *s, const char *lang, const char *text, ng_store_result want)
{
    const ng_extraction *ex = extract(lang, text);
    ng_error err = {0};
    ng_store_result res;
    if (ng_store_add(s, F->doc, ex, &res, &err)) fail_msg("add: %s", err.msg);
    assert_int_equal(res, want);
}

static void test_add_is_idempotent(void **state)
{
    (void)state;
    ng_store *s = NULL;
    ng_error err = {0};
    assert_int_equal(open_store(&s, NULL, NULL, &err), 0);
    const char *text = "Titular\nEl presidente de Rusia, Vladimir Putin, agradeci\xC3\xB3 a "
                       "Corea del Norte su ayuda.";
    add_text(s, "es", text, NG_STORE_ADDED);
    ng_store_counts a, b;
    assert_int_equal(ng_store_stats(s, &a, &err), 0);
    assert_int_equal(a.articles, 1);
    assert_true(a.entities >= 3);
    assert_true(a.claims >= 2);
    add_text(s, "es", text, NG_STORE_UNCHANGED);
    assert_int_equal(ng_store_stats(s, &b, &err), 0);
    assert_memory_equal(&a, &b, sizeof a);
    ng_store_close(s);
}

static void test_linking_across_articles(void **state)
{
    (void)state;
    ng_store *s = NULL;
    ng_error err = {0};
    assert_int_equal(open_store(&s, ":memory:", NULL, &err), 0);
    add_text(s, "es", "Titular\nEl general Valeri Guer\xC3\xA1simov inform\xC3\xB3 a Rusia.",
             NG_STORE_ADDED);
    /* a surname alone, in another article, is the one stored person */
    add_text(s, "es", "Otro titular\nGuer\xC3\xA1simov visit\xC3\xB3 Bielorrusia.", NG_STORE_ADDED);
    int people = 0;
    assert_int_equal(ng_store_each_entity(s, "Person", "guerasimov", count_rows, &people, &err), 0);
    assert_int_equal(people, 1);
    /* the gazetteer's Russia ("Rusia", then "Russia") is one node */
    add_text(s, "en", "Headline\nRussia thanked Belarus.", NG_STORE_ADDED);
    const char *want[2] = {"https://newsgraph.example/id/country/ru", NULL};
    int countries = 0;
    assert_int_equal(ng_store_each_entity(s, "Country", "russia", count_rows, &countries, &err), 0);
    assert_int_equal(countries, 1);
    assert_int_equal(ng_store_each_entity(s, NULL, NULL, find_iri, want, &err), 0);
    assert_non_null(want[1]);
    ng_store_close(s);
}

/* The whole store as N-Triples (malloc'd). */
static char *export_nt(ng_store *s)
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    ng_writer_options wo = NG_WRITER_OPTIONS_INIT;
    wo.format = NG_OUT_NTRIPLES;
    wo.base = ng_store_base(s);
    ng_writer *w = NULL;
    ng_error err = {0};
    if (ng_writer_new(&w, F->ctx, NULL, fp, &wo, &err) || ng_store_export(s, w, &err))
        fail_msg("export: %s", err.msg);
    ng_writer_free(w);
    long n = ftell(fp);
    assert_true(n > 0);
    rewind(fp);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* Linking is decided over all stored articles at once: a surname that fits
 * two people links neither, whichever of them was added first, and the
 * export is the same bytes in any order. */
static void test_order_does_not_matter(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Uno\nLa ministra Marta Quiroga visit\xC3\xB3 Lima.",
        "Dos\nQuiroga habl\xC3\xB3 con la prensa en Lima.",
        "Tres\nEl senador Luis Quiroga critic\xC3\xB3 al Gobierno de Per\xC3\xBA.",
    };
    static const int orders[][3] = {{0, 1, 2}, {2, 1, 0}, {1, 0, 2}};
    char *first = NULL;
    ng_error err = {0};
    for (size_t o = 0; o < 3; o++) {
        ng_store *s = NULL;
        assert_int_equal(open_store(&s, NULL, NULL, &err), 0);
        for (int i = 0; i < 3; i++)
            add_text(s, "es", texts[orders[o][i]], NG_STORE_ADDED);
        int named = 0;
        assert_int_equal(ng_store_each_entity(s, NULL, "quiroga", count_rows, &named, &err), 0);
        assert_int_equal(named, 3);
        char *nt = export_nt(s);
        if (!first)
            first = nt;
        else {
            assert_string_equal(nt, first);
            free(nt);
        }
        ng_store_close(s);
    }
    free(first);
}

static void test_foreign_file_is_refused(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/foreign.db", F->tmp);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("these are not the tables you are looking for\n", f);
    fclose(f);
    ng_store *s = NULL;
    ng_error err = {0};
    assert_int_equal(ng_store_open(&s, path, NULL, &err), NG_EFORMAT);
    assert_null(s);
    assert_non_null(strstr(err.msg, "not a newsgraph store"));
    assert_non_null(strstr(err.msg, path));
}

static void test_file_store_and_base(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/kg.db", F->tmp);
    ng_store *s = NULL;
    ng_error err = {0};
    assert_int_equal(open_store(&s, path, "http://kg.test/", &err), 0);
    add_text(s, "en", "Headline\nRussia thanked Belarus.", NG_STORE_ADDED);
    ng_store_close(s);
    /* reopened: the base is the store's; another base is refused */
    assert_int_equal(open_store(&s, path, NULL, &err), 0);
    const char *want[2] = {"http://kg.test/country/ru", NULL};
    assert_int_equal(ng_store_each_entity(s, NULL, NULL, find_iri, want, &err), 0);
    assert_non_null(want[1]);
    ng_store_close(s);
    assert_int_equal(ng_store_open(&s, path, "http://other.test/", &err), NG_EINVAL);
    assert_null(s);
}

static int count_curations(void *ud, const ng_store_curation *c)
{
    (void)c;
    (*(int *)ud)++;
    return 0;
}

static void test_corrections_hold_for_later_articles(void **state)
{
    (void)state;
    ng_store *s = NULL;
    ng_error err = {0};
    assert_int_equal(open_store(&s, NULL, NULL, &err), 0);
    add_text(s, "es", "Uno\nLa ministra Marta Quiroga visit\xC3\xB3 Lima.", NG_STORE_ADDED);
    add_text(s, "es", "Dos\nEl alcalde Quiroga recibi\xC3\xB3 a Chile.", NG_STORE_ADDED);
    /* the mayor is not the minister */
    long moved = 0;
    char *iri = NULL;
    assert_int_equal(ng_store_split(s, "Marta Quiroga", "Quiroga", &moved, &iri, &err), 0);
    assert_int_equal(moved, 1);
    assert_string_equal(iri, "https://newsgraph.example/id/entity/quiroga");
    free(iri);
    add_text(s, "es", "Tres\nQuiroga visit\xC3\xB3 Cusco.", NG_STORE_ADDED);
    int people = 0;
    assert_int_equal(ng_store_each_entity(s, "Person", "quiroga", count_rows, &people, &err), 0);
    assert_int_equal(people, 2);
    /* a canonical name cannot be split off; an unknown name is refused */
    assert_int_equal(ng_store_split(s, "Marta Quiroga", "marta quiroga", NULL, NULL, &err),
                     NG_EINVAL);
    assert_int_equal(ng_store_merge(s, "Marta Quiroga", "Nadie Nunca", &err), NG_EINVAL);
    assert_non_null(strstr(err.msg, "Nadie Nunca"));
    /* merging the two undoes the split, and later mentions follow */
    assert_int_equal(
        ng_store_merge(s, "Marta Quiroga", "https://newsgraph.example/id/entity/quiroga", &err), 0);
    people = 0;
    assert_int_equal(ng_store_each_entity(s, "Person", "quiroga", count_rows, &people, &err), 0);
    assert_int_equal(people, 1);
    char *found = NULL;
    assert_int_equal(ng_store_find(s, "https://newsgraph.example/id/entity/quiroga", &found, &err),
                     0);
    assert_string_equal(found, "https://newsgraph.example/id/entity/marta-quiroga");
    free(found);
    int n = 0;
    assert_int_equal(ng_store_each_curation(s, NULL, count_curations, &n, &err), 0);
    assert_int_equal(n, 1); /* the split was undone by the merge */
    /* one name fitting two entities is refused, not guessed */
    assert_int_equal(ng_store_alias_add(s, "Lima", "Quiroga", &err), 0);
    assert_int_equal(ng_store_merge(s, "Chile", "Quiroga", &err), NG_EINVAL);
    assert_non_null(strstr(err.msg, "names 2 entities"));
    ng_store_close(s);
}

/* A store written by schema 1 (before curation) is migrated when opened. */
static void test_migrates_schema_1(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/v1.db", F->tmp);
    ng_store *s = NULL;
    ng_error err = {0};
    assert_int_equal(open_store(&s, path, NULL, &err), 0);
    add_text(s, "es", "Uno\nLa ministra Marta Quiroga visit\xC3\xB3 Lima.", NG_STORE_ADDED);
    add_text(s, "es", "Dos\nEl alcalde Quiroga recibi\xC3\xB3 a Chile.", NG_STORE_ADDED);
    add_text(s, "es", "Otro\nEl general Tom\xC3\xA1s Ferr\xC3\xA1n lleg\xC3\xB3 a Lima.",
             NG_STORE_ADDED);
    ng_store_close(s);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "DROP TABLE curations; DROP INDEX links_article;"
                                  "DROP INDEX claims_triple;"
                                  "ALTER TABLE claims DROP COLUMN direct;"
                                  "ALTER TABLE links DROP COLUMN mention;"
                                  "ALTER TABLE links DROP COLUMN type;"
                                  "ALTER TABLE claims DROP COLUMN subject_mention;"
                                  "ALTER TABLE claims DROP COLUMN object_mention;"
                                  "ALTER TABLE claims DROP COLUMN speaker_mention;"
                                  "PRAGMA user_version=1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(open_store(&s, path, NULL, &err), 0);
    ng_store_counts c;
    assert_int_equal(ng_store_stats(s, &c, &err), 0);
    assert_int_equal(c.articles, 3);
    /* links from schema 1 do not name their mention: claims move by article */
    long moved = 0;
    assert_int_equal(ng_store_split(s, "Marta Quiroga", "Quiroga", &moved, NULL, &err), 0);
    assert_int_equal(moved, 1);
    add_text(s, "es", "Tres\nQuiroga visit\xC3\xB3 Cusco.", NG_STORE_ADDED);
    /* surnames of people stored before the migration are found */
    add_text(s, "es", "Cuatro\nEl general Ferr\xC3\xA1n visit\xC3\xB3 Quito.", NG_STORE_ADDED);
    int people = 0;
    assert_int_equal(ng_store_each_entity(s, "Person", "ferran", count_rows, &people, &err), 0);
    assert_int_equal(people, 1);
    ng_store_close(s);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), NG_STORE_SCHEMA_VERSION);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT count(*) FROM claims c JOIN entities e ON"
                                        " e.id = c.subject_id WHERE e.name = 'Quiroga'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_is_idempotent),
        cmocka_unit_test(test_linking_across_articles),
        cmocka_unit_test(test_order_does_not_matter),
        cmocka_unit_test(test_foreign_file_is_refused),
        cmocka_unit_test(test_file_store_and_base),
        cmocka_unit_test(test_corrections_hold_for_later_articles),
        cmocka_unit_test(test_migrates_schema_1),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
