/* Unit tests for the store (newsgraph/store.h): creation, idempotent adds,
 * linking across articles, and refusing files that are not stores. */
#include "support.h"
#include "newsgraph/store.h"

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
    assert_int_equal(ng_store_open(&s, NULL, NULL, &err), 0);
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
    assert_int_equal(ng_store_open(&s, ":memory:", NULL, &err), 0);
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
    assert_int_equal(ng_store_open(&s, path, "http://kg.test/", &err), 0);
    add_text(s, "en", "Headline\nRussia thanked Belarus.", NG_STORE_ADDED);
    ng_store_close(s);
    /* reopened: the base is the store's; another base is refused */
    assert_int_equal(ng_store_open(&s, path, NULL, &err), 0);
    const char *want[2] = {"http://kg.test/country/ru", NULL};
    assert_int_equal(ng_store_each_entity(s, NULL, NULL, find_iri, want, &err), 0);
    assert_non_null(want[1]);
    ng_store_close(s);
    assert_int_equal(ng_store_open(&s, path, "http://other.test/", &err), NG_EINVAL);
    assert_null(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_is_idempotent),
        cmocka_unit_test(test_linking_across_articles),
        cmocka_unit_test(test_foreign_file_is_refused),
        cmocka_unit_test(test_file_store_and_base),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
