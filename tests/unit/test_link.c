/* Unit tests for linking (newsgraph/link.h) over the real ontology's given
 * names and short forms (NG_TEST_ONTOLOGY/gazetteer):
 * - each rule joins what it should, with its rule name: gazetteer-id,
 *   alias, short-form ("greens" -> "green party"), acronym ("cne"), surname
 *   ("putin", "ocasio-cortez", "rodriguez zapatero"), similar-spelling
 *   ("zelenski", "pionyang");
 * - the refusals: two gazetteer entries stay two entities, a name that fits
 *   two clusters joins neither, a bare given name (or a first-name alias)
 *   joins nobody, nor does a bare body ("gobierno"), two people sharing a
 *   surname stay apart, people whose first
 *   words differ never join by spelling, incompatible classes never join;
 * - naming: gazetteer record, else most words, most seen, smallest key;
 * - the result depends only on the set of records (shuffled inputs);
 * - no records at all.
 *
 * Every check states the record (by key) and what it must be joined to, so a
 * failure names the case. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/link.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

#define MAXR 32

typedef struct group {
    ng_context *ctx;
    ng_ontology *onto;
    ng_linker *l;
} group;

static group *G;

static int group_teardown(void **state)
{
    group *g = *state;
    if (g) {
        ng_linker_free(g->l);
        ng_ontology_free(g->onto);
        ng_context_free(g->ctx);
        free(g);
    }
    *state = NULL;
    G = NULL;
    return 0;
}

static int group_setup(void **state)
{
    group *g = calloc(1, sizeof *g);
    if (!g) return -1;
    *state = g;
    ng_error err = {0};
    if (ng_context_new(&g->ctx, &err) ||
        ng_ontology_load(&g->onto, g->ctx, NG_TEST_ONTOLOGY, NULL, &err) ||
        ng_linker_new(&g->l, g->onto, &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        group_teardown(state);
        return -1;
    }
    G = g;
    return 0;
}

/* ---- helpers ----------------------------------------------------------------------------- */

#define REC(k, f, t)                                                                               \
    {                                                                                              \
        .key = (k), .folded = (f), .type = (t), .weight = 1                                        \
    }
#define REC_W(k, f, t, w)                                                                          \
    {                                                                                              \
        .key = (k), .folded = (f), .type = (t), .weight = (w)                                      \
    }
#define REC_AW(k, f, t, a, w)                                                                      \
    {                                                                                              \
        .key = (k), .folded = (f), .type = (t), .aliases = (a),                                    \
        .naliases = sizeof(a) / sizeof *(a), .weight = (w)                                         \
    }
#define REC_G(k, f, t, g)                                                                          \
    {                                                                                              \
        .key = (k), .folded = (f), .type = (t), .gaz_id = (g), .weight = 1                         \
    }
#define REC_A(k, f, t, a)                                                                          \
    {                                                                                              \
        .key = (k), .folded = (f), .type = (t), .aliases = (a),                                    \
        .naliases = sizeof(a) / sizeof *(a), .weight = 1                                           \
    }
#define REC_GA(k, f, t, g, a)                                                                      \
    {                                                                                              \
        .key = (k), .folded = (f), .type = (t), .gaz_id = (g), .aliases = (a),                     \
        .naliases = sizeof(a) / sizeof *(a), .weight = 1                                           \
    }
#define N(a) (sizeof(a) / sizeof *(a))

typedef struct result {
    const ng_link_record *r;
    size_t n;
    size_t root[MAXR];
    const char *rule[MAXR];
} result;

/* Link r[0..n) and check what holds of any result: root[] in range, the
 * naming record is its own root with no rule, every other record has one. */
static void run(const ng_link_record *r, size_t n, result *res)
{
    assert_true(n <= MAXR);
    res->r = r;
    res->n = n;
    for (size_t i = 0; i < MAXR; i++) {
        res->root[i] = (size_t)-1;
        res->rule[i] = "unset";
    }
    ng_error err = {0};
    if (ng_link(G->l, r, n, res->root, res->rule, &err)) fail_msg("ng_link: %s", err.msg);
    for (size_t i = 0; i < n; i++) {
        size_t c = res->root[i];
        if (c >= n) fail_msg("%s: root %zu out of range", r[i].key, c);
        if (res->root[c] != c) fail_msg("%s: root %s is not its own root", r[i].key, r[c].key);
        if (c == i && res->rule[i])
            fail_msg("%s names its cluster but has rule %s", r[i].key, res->rule[i]);
        if (c != i && !res->rule[i]) fail_msg("%s joined %s with no rule", r[i].key, r[c].key);
    }
}

static size_t at(const result *res, const char *key)
{
    for (size_t i = 0; i < res->n; i++)
        if (strcmp(res->r[i].key, key) == 0) return i;
    fail_msg("no record %s", key);
    return 0;
}

/* key was joined to the cluster named by root_key, by rule. */
static void joined(const result *res, const char *key, const char *root_key, const char *rule)
{
    size_t i = at(res, key), want = at(res, root_key);
    if (res->root[i] != want)
        fail_msg("%s: named by %s, want %s", key, res->r[res->root[i]].key, root_key);
    if (!res->rule[i] || strcmp(res->rule[i], rule) != 0)
        fail_msg("%s: rule %s, want %s", key, res->rule[i] ? res->rule[i] : "(none)", rule);
}

/* key names its cluster. */
static void names(const result *res, const char *key)
{
    size_t i = at(res, key);
    if (res->root[i] != i) fail_msg("%s: named by %s, want itself", key, res->r[res->root[i]].key);
    assert_null(res->rule[i]);
}

/* key is a cluster of its own. */
static void alone(const result *res, const char *key)
{
    size_t i = at(res, key);
    names(res, key);
    for (size_t j = 0; j < res->n; j++)
        if (j != i && res->root[j] == i)
            fail_msg("%s should be alone but %s joined it (%s)", key, res->r[j].key,
                     res->rule[j] ? res->rule[j] : "(none)");
}

static void apart(const result *res, const char *a, const char *b)
{
    size_t i = at(res, a), j = at(res, b);
    if (res->root[i] == res->root[j])
        fail_msg("%s and %s should stay apart, both named by %s", a, b, res->r[res->root[i]].key);
}

/* ---- gazetteer-id -------------------------------------------------------------------------- */

static void test_gazetteer_id(void **state)
{
    (void)state;
    static const char *const cordoba[] = {"cordoba", "cordova"};
    const ng_link_record r[] = {
        REC_G("ex:russia", "russia", NG_TYPE_COUNTRY, "ru"),
        REC_G("ex:rusia", "federacion de rusia", NG_TYPE_COUNTRY, "ru"),
        /* same name, same aliases, same class: two gazetteer entries */
        REC_GA("ex:cordoba-es", "cordoba", NG_TYPE_CITY, "es-cordoba", cordoba),
        REC_GA("ex:cordoba-ar", "cordoba", NG_TYPE_CITY, "ar-cordoba", cordoba),
    };
    result res;
    run(r, N(r), &res);
    joined(&res, "ex:russia", "ex:rusia", "gazetteer-id");
    names(&res, "ex:rusia");
    alone(&res, "ex:cordoba-es");
    alone(&res, "ex:cordoba-ar");
}

/* A record without a gazetteer id holding the name of two gazetteer entries
 * fits two clusters: it joins neither, and it must not bridge them. */
static void test_gazetteer_entries_not_bridged(void **state)
{
    (void)state;
    const ng_link_record r[] = {
        REC_G("ex:cordoba-es", "cordoba", NG_TYPE_CITY, "es-cordoba"),
        REC_G("ex:cordoba-ar", "cordoba", NG_TYPE_CITY, "ar-cordoba"),
        REC("ex:cordoba", "cordoba", NG_TYPE_CITY),
    };
    result res;
    run(r, N(r), &res);
    apart(&res, "ex:cordoba-es", "ex:cordoba-ar");
    alone(&res, "ex:cordoba");
}

/* Two gazetteer people stay two even when one's name is the other's
 * surname. */
static void test_gazetteer_people_not_joined_by_surname(void **state)
{
    (void)state;
    const ng_link_record r[] = {
        REC_G("ex:evo-morales", "evo morales", NG_TYPE_PERSON, "Q-evo-morales"),
        REC_G("ex:morales", "morales", NG_TYPE_PERSON, "Q-jimmy-morales"),
    };
    result res;
    run(r, N(r), &res);
    apart(&res, "ex:evo-morales", "ex:morales");
}

/* ---- alias --------------------------------------------------------------------------------- */

static void test_alias(void **state)
{
    (void)state;
    static const char *const eeuu[] = {"eeuu", "ee uu"};
    static const char *const rey1[] = {"el rey", "juan carlos de borbon"};
    static const char *const rey2[] = {"el rey", "felipe de borbon"};
    const ng_link_record r[] = {
        REC_AW("ex:usa", "estados unidos", NG_TYPE_COUNTRY, eeuu, 3), /* seen more than "ee uu" */
        REC("ex:eeuu", "ee uu", NG_TYPE_COUNTRY),
        /* the same name twice is one cluster */
        REC("ex:bruselas-1", "bruselas", NG_TYPE_CITY),
        REC("ex:bruselas-2", "bruselas", NG_TYPE_CITY),
        /* "el rey" is an alias of two clusters: it joins neither */
        REC_A("ex:juan-carlos", "juan carlos i", NG_TYPE_PERSON, rey1),
        REC_A("ex:felipe", "felipe vi", NG_TYPE_PERSON, rey2),
        REC("ex:el-rey", "el rey", NG_TYPE_PERSON),
    };
    result res;
    run(r, N(r), &res);
    joined(&res, "ex:eeuu", "ex:usa", "alias");
    names(&res, "ex:usa");
    joined(&res, "ex:bruselas-2", "ex:bruselas-1", "alias");
    alone(&res, "ex:el-rey");
    alone(&res, "ex:juan-carlos");
    alone(&res, "ex:felipe");
}

/* A bare body ("Gobierno", "Congress": gazetteer/bodies.tsv) is one
 * article's, and no rule joins it: not to another article's bare body of
 * the same name, nor to a fuller body that has it as an alias, nor by
 * spelling ("gobiernos"). */
static void test_bare_bodies(void **state)
{
    (void)state;
    static const char *const gob[] = {"gobierno"};
    const ng_link_record r[] = {
        REC("ex:gobierno-a", "gobierno", NG_TYPE_ORGANIZATION),
        REC("ex:gobierno-b", "gobierno", NG_TYPE_ORGANIZATION),
        REC_A("ex:gobierno-de-chile", "gobierno chile", NG_TYPE_ORGANIZATION, gob),
        REC("ex:gobiernos", "gobiernos", NG_TYPE_ORGANIZATION),
        REC("ex:congress-a", "congress", NG_TYPE_ORGANIZATION),
        REC("ex:congress-b", "congress", NG_TYPE_ENTITY),
        /* the same word as part of a longer name links as any name does */
        REC("ex:senado-1", "senado chile", NG_TYPE_ORGANIZATION),
        REC("ex:senado-2", "senado chile", NG_TYPE_ORGANIZATION),
        /* a name of such words only is as generic as one of them */
        REC("ex:minsa-a", "ministerio de salud", NG_TYPE_ORGANIZATION),
        REC("ex:minsa-b", "ministerio de salud", NG_TYPE_ORGANIZATION),
        REC("ex:health-a", "department of health", NG_TYPE_ORGANIZATION),
        REC("ex:health-b", "department of health", NG_TYPE_ORGANIZATION),
        REC("ex:minsa-peru-1", "ministerio de salud de peru", NG_TYPE_ORGANIZATION),
        REC("ex:minsa-peru-2", "ministerio de salud de peru", NG_TYPE_ORGANIZATION),
    };
    result res;
    run(r, N(r), &res);
    alone(&res, "ex:minsa-a");
    alone(&res, "ex:minsa-b");
    alone(&res, "ex:health-a");
    alone(&res, "ex:health-b");
    joined(&res, "ex:minsa-peru-2", "ex:minsa-peru-1", "alias");
    alone(&res, "ex:gobierno-a");
    alone(&res, "ex:gobierno-b");
    alone(&res, "ex:gobierno-de-chile");
    alone(&res, "ex:congress-a");
    alone(&res, "ex:congress-b");
    joined(&res, "ex:senado-2", "ex:senado-1", "alias");
}

/* ---- short-form ---------------------------------------------------------------------------- */

static void test_short_form(void **state)
{
    (void)state;
    /* short-forms.tsv: "Greens<TAB>Green Party", "Tories<TAB>Conservative Party" */
    const ng_link_record r[] = {
        REC("ex:greens", "greens", NG_TYPE_ORGANIZATION),
        REC("ex:green-party", "green party", NG_TYPE_ORGANIZATION),
        REC("ex:tories", "tories", NG_TYPE_ORGANIZATION),
        REC("ex:conservatives", "conservative party", NG_TYPE_ORGANIZATION),
        /* no line spells "blues" out */
        REC("ex:blues", "blues", NG_TYPE_ORGANIZATION),
    };
    result res;
    run(r, N(r), &res);
    joined(&res, "ex:greens", "ex:green-party", "short-form");
    names(&res, "ex:green-party");
    joined(&res, "ex:tories", "ex:conservatives", "short-form");
    alone(&res, "ex:blues");
}

/* ---- acronym ------------------------------------------------------------------------------- */

static void test_acronym(void **state)
{
    (void)state;
    const ng_link_record one[] = {
        REC("ex:cne", "cne", NG_TYPE_ORGANIZATION),
        REC("ex:consejo", "consejo nacional electoral", NG_TYPE_ORGANIZATION),
        /* connectors are skipped: "fondo monetario internacional" */
        REC("ex:fmi", "fmi", NG_TYPE_ORGANIZATION),
        REC("ex:fondo", "fondo monetario internacional", NG_TYPE_ORGANIZATION),
        REC("ex:bce", "bce", NG_TYPE_ORGANIZATION),
        REC("ex:banco", "banco central europeo", NG_TYPE_ORGANIZATION),
    };
    result res;
    run(one, N(one), &res);
    joined(&res, "ex:cne", "ex:consejo", "acronym");
    names(&res, "ex:consejo");
    joined(&res, "ex:fmi", "ex:fondo", "acronym");
    joined(&res, "ex:bce", "ex:banco", "acronym");

    /* two organisations spell "cne": it joins neither */
    const ng_link_record two[] = {
        REC("ex:cne", "cne", NG_TYPE_ORGANIZATION),
        REC("ex:consejo", "consejo nacional electoral", NG_TYPE_ORGANIZATION),
        REC("ex:comision", "comision nacional de energia", NG_TYPE_ORGANIZATION),
    };
    run(two, N(two), &res);
    alone(&res, "ex:cne");
    alone(&res, "ex:consejo");
    alone(&res, "ex:comision");

    /* initials are an organisation's: a person's do not count */
    const ng_link_record person[] = {
        REC("ex:cne", "cne", NG_TYPE_ORGANIZATION),
        REC("ex:carlos", "carlos nunez estevez", NG_TYPE_PERSON),
    };
    run(person, N(person), &res);
    alone(&res, "ex:cne");
}

/* ---- surname ------------------------------------------------------------------------------- */

static void test_surname(void **state)
{
    (void)state;
    const ng_link_record r[] = {
        REC("ex:putin", "putin", NG_TYPE_ENTITY),
        REC("ex:vladimir-putin", "vladimir putin", NG_TYPE_PERSON),
        REC("ex:ocasio-cortez", "ocasio-cortez", NG_TYPE_PERSON),
        REC("ex:aoc", "alexandria ocasio-cortez", NG_TYPE_PERSON),
        REC("ex:rodriguez-zapatero", "rodriguez zapatero", NG_TYPE_PERSON),
        REC("ex:zapatero-full", "jose luis rodriguez zapatero", NG_TYPE_PERSON),
        /* "jordan" is not a given name (given-names.tsv leaves it out) */
        REC("ex:jordan", "jordan", NG_TYPE_PERSON),
        REC("ex:michael-jordan", "michael jordan", NG_TYPE_PERSON),
    };
    result res;
    run(r, N(r), &res);
    joined(&res, "ex:putin", "ex:vladimir-putin", "surname");
    names(&res, "ex:vladimir-putin");
    joined(&res, "ex:ocasio-cortez", "ex:aoc", "surname");
    joined(&res, "ex:rodriguez-zapatero", "ex:zapatero-full", "surname");
    names(&res, "ex:zapatero-full");
    joined(&res, "ex:jordan", "ex:michael-jordan", "surname");

    /* a person's surname is never another class's */
    const ng_link_record org[] = {
        REC("ex:putin", "putin", NG_TYPE_ORGANIZATION),
        REC("ex:vladimir-putin", "vladimir putin", NG_TYPE_PERSON),
    };
    run(org, N(org), &res);
    alone(&res, "ex:putin");
}

static void test_surname_refusals(void **state)
{
    (void)state;
    result res;
    /* a surname two people share joins neither, and they stay apart */
    const ng_link_record torres[] = {
        REC("ex:torres", "torres", NG_TYPE_PERSON),
        REC("ex:ana-torres", "ana torres", NG_TYPE_PERSON),
        REC("ex:luis-torres", "luis torres", NG_TYPE_PERSON),
    };
    run(torres, N(torres), &res);
    alone(&res, "ex:torres");
    alone(&res, "ex:ana-torres");
    alone(&res, "ex:luis-torres");

    /* a bare given name ("michael", given-names.tsv) is not Michael X */
    const ng_link_record given[] = {
        REC("ex:michael", "michael", NG_TYPE_PERSON),
        REC("ex:michael-jordan", "michael jordan", NG_TYPE_PERSON),
    };
    run(given, N(given), &res);
    alone(&res, "ex:michael");
    alone(&res, "ex:michael-jordan");

    /* ... not even when the full record lists it as an alias */
    static const char *const mj[] = {"michael", "air jordan"};
    const ng_link_record first_alias[] = {
        REC_AW("ex:michael-jordan", "michael jordan", NG_TYPE_PERSON, mj, 3),
        REC("ex:michael", "michael", NG_TYPE_PERSON),
        /* while its other alias does name it */
        REC("ex:air-jordan", "air jordan", NG_TYPE_PERSON),
    };
    run(first_alias, N(first_alias), &res);
    alone(&res, "ex:michael");
    joined(&res, "ex:air-jordan", "ex:michael-jordan", "alias");

    /* an Entity given name is no better */
    const ng_link_record entity[] = {
        REC("ex:ana", "ana", NG_TYPE_ENTITY),
        REC("ex:ana-torres", "ana torres", NG_TYPE_PERSON),
    };
    run(entity, N(entity), &res);
    alone(&res, "ex:ana");
}

/* ---- similar-spelling ---------------------------------------------------------------------- */

static void test_similar_spelling(void **state)
{
    (void)state;
    result res;
    const ng_link_record r[] = {
        REC("ex:zelenski", "zelenski", NG_TYPE_ENTITY),
        REC_W("ex:zelensky", "zelensky", NG_TYPE_PERSON, 2),
    };
    run(r, N(r), &res);
    joined(&res, "ex:zelenski", "ex:zelensky", "similar-spelling");

    /* several words with the same first word */
    const ng_link_record full[] = {
        REC("ex:vz-1", "volodimir zelenski", NG_TYPE_PERSON),
        REC_W("ex:vz-2", "volodimir zelensky", NG_TYPE_PERSON, 3),
    };
    run(full, N(full), &res);
    joined(&res, "ex:vz-1", "ex:vz-2", "similar-spelling");

    /* people whose first words differ are two of one family */
    const ng_link_record family[] = {
        REC("ex:maria-lopez", "maria lopez", NG_TYPE_PERSON),
        REC("ex:mario-lopez", "mario lopez", NG_TYPE_PERSON),
    };
    run(family, N(family), &res);
    alone(&res, "ex:maria-lopez");
    alone(&res, "ex:mario-lopez");

    /* too short to tell a variant from another name */
    const ng_link_record shortw[] = {
        REC("ex:kiev", "kiev", NG_TYPE_CITY),
        REC("ex:kyiv", "kyiv", NG_TYPE_CITY),
    };
    run(shortw, N(shortw), &res);
    alone(&res, "ex:kiev");
    alone(&res, "ex:kyiv");

    /* classes that do not fit */
    const ng_link_record classes[] = {
        REC("ex:zelenski", "zelenski", NG_TYPE_ORGANIZATION),
        REC("ex:zelensky", "zelensky", NG_TYPE_PERSON),
    };
    run(classes, N(classes), &res);
    alone(&res, "ex:zelenski");
}

/* The header's own example: "Pionyang", "Pyongyang". */
/* The rule wants 85 % alike: "piongyang" is (one letter off), "pionyang"
 * is not (two of nine), and stays apart; the gazetteer, not spelling,
 * knows that one. */
static void test_similar_spelling_threshold(void **state)
{
    (void)state;
    const ng_link_record r[] = {
        REC("ex:piongyang", "piongyang", NG_TYPE_CITY),
        REC_W("ex:pyongyang", "pyongyang", NG_TYPE_CITY, 5),
    };
    result res;
    run(r, N(r), &res);
    joined(&res, "ex:piongyang", "ex:pyongyang", "similar-spelling");
    const ng_link_record q[] = {
        REC("ex:pionyang", "pionyang", NG_TYPE_CITY),
        REC_W("ex:pyongyang", "pyongyang", NG_TYPE_CITY, 5),
    };
    run(q, N(q), &res);
    alone(&res, "ex:pionyang");
}

/* ---- naming -------------------------------------------------------------------------------- */

static void test_naming(void **state)
{
    (void)state;
    static const char *const putin[] = {"vladimir vladimirovich putin"};
    static const char *const soviets[] = {"federacion rusa de los soviets"};
    const ng_link_record r[] = {
        /* the gazetteer record names, though fewer words and less seen */
        REC_W("ex:vvp", "vladimir vladimirovich putin", NG_TYPE_PERSON, 10),
        REC_W("ex:putin", "putin", NG_TYPE_ENTITY, 50),
        REC_GA("ex:vladimir-putin", "vladimir putin", NG_TYPE_PERSON, "Q7747", putin),
        /* no gazetteer record: the most words, whatever the weight */
        REC_W("ex:cne", "cne", NG_TYPE_ORGANIZATION, 100),
        REC_W("ex:consejo", "consejo nacional electoral", NG_TYPE_ORGANIZATION, 1),
        /* as many words: the most seen */
        REC_W("ex:a-zelensky", "zelensky", NG_TYPE_PERSON, 3),
        REC_W("ex:b-zelenski", "zelenski", NG_TYPE_PERSON, 5),
        /* as many words, as often seen: the smallest key */
        REC_W("ex:bruselas-b", "bruselas", NG_TYPE_CITY, 2),
        REC_W("ex:bruselas-a", "bruselas", NG_TYPE_CITY, 2),
        /* two gazetteer records: the most words among them, not the most
         * words of the cluster */
        REC_GA("ex:russia", "russia", NG_TYPE_COUNTRY, "ru", soviets),
        REC_W("ex:rusia-plain", "federacion rusa de los soviets", NG_TYPE_COUNTRY, 9),
        REC_G("ex:rusia", "federacion de rusia", NG_TYPE_COUNTRY, "ru"),
    };
    result res;
    run(r, N(r), &res);
    names(&res, "ex:vladimir-putin");
    joined(&res, "ex:vvp", "ex:vladimir-putin", "alias");
    joined(&res, "ex:putin", "ex:vladimir-putin", "surname");
    names(&res, "ex:consejo");
    joined(&res, "ex:cne", "ex:consejo", "acronym");
    names(&res, "ex:b-zelenski");
    joined(&res, "ex:a-zelensky", "ex:b-zelenski", "similar-spelling");
    names(&res, "ex:bruselas-a");
    joined(&res, "ex:bruselas-b", "ex:bruselas-a", "alias");
    names(&res, "ex:rusia");
    joined(&res, "ex:russia", "ex:rusia", "gazetteer-id");
    joined(&res, "ex:rusia-plain", "ex:rusia", "alias");
    /* exactly those five clusters */
    size_t clusters = 0;
    for (size_t i = 0; i < res.n; i++)
        clusters += res.root[i] == i;
    assert_int_equal(clusters, 5);
}

/* ---- order independence -------------------------------------------------------------------- */

static const char *const usa_aliases[] = {"eeuu", "ee uu"};
static const char *const mj_aliases[] = {"michael", "air jordan"};

static const ng_link_record MIX[] = {
    REC_G("ex:russia", "russia", NG_TYPE_COUNTRY, "ru"),
    REC_G("ex:rusia", "federacion de rusia", NG_TYPE_COUNTRY, "ru"),
    REC_A("ex:usa", "estados unidos", NG_TYPE_COUNTRY, usa_aliases),
    REC_W("ex:eeuu", "eeuu", NG_TYPE_COUNTRY, 4),
    REC_W("ex:greens", "greens", NG_TYPE_ORGANIZATION, 7),
    REC("ex:green-party", "green party", NG_TYPE_ORGANIZATION),
    REC_W("ex:cne", "cne", NG_TYPE_ORGANIZATION, 9),
    REC("ex:consejo", "consejo nacional electoral", NG_TYPE_ORGANIZATION),
    REC_W("ex:putin", "putin", NG_TYPE_ENTITY, 3),
    REC("ex:vladimir-putin", "vladimir putin", NG_TYPE_PERSON),
    REC("ex:ocasio-cortez", "ocasio-cortez", NG_TYPE_ENTITY),
    REC("ex:aoc", "alexandria ocasio-cortez", NG_TYPE_PERSON),
    REC_W("ex:zelenski", "zelenski", NG_TYPE_ENTITY, 2),
    REC_W("ex:zelensky", "zelensky", NG_TYPE_PERSON, 2),
    REC("ex:torres", "torres", NG_TYPE_PERSON),
    REC("ex:ana-torres", "ana torres", NG_TYPE_PERSON),
    REC("ex:luis-torres", "luis torres", NG_TYPE_PERSON),
    REC_AW("ex:michael-jordan", "michael jordan", NG_TYPE_PERSON, mj_aliases, 3),
    REC("ex:michael", "michael", NG_TYPE_PERSON),
    REC("ex:air-jordan", "air jordan", NG_TYPE_PERSON),
    REC("ex:bruselas-b", "bruselas", NG_TYPE_CITY),
    REC("ex:bruselas-a", "bruselas", NG_TYPE_CITY),
};

/* For each record of MIX (by MIX's order) the key naming its cluster and its
 * rule, from linking MIX in the order perm gives. */
static void link_in_order(const size_t *perm, const char **root_key, const char **rule)
{
    ng_link_record recs[N(MIX)];
    for (size_t p = 0; p < N(MIX); p++)
        recs[p] = MIX[perm[p]];
    result res;
    run(recs, N(MIX), &res);
    for (size_t p = 0; p < N(MIX); p++) {
        root_key[perm[p]] = recs[res.root[p]].key;
        rule[perm[p]] = res.rule[p];
    }
}

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void test_order_independence(void **state)
{
    (void)state;
    enum { n = N(MIX) };
    size_t perm[n];
    const char *want_root[n], *want_rule[n], *got_root[n], *got_rule[n];
    for (size_t i = 0; i < n; i++)
        perm[i] = i;
    link_in_order(perm, want_root, want_rule);

    /* the order as given is right to begin with */
    static const char *const expect[][3] = {
        {"ex:russia", "ex:rusia", "gazetteer-id"},
        {"ex:rusia", "ex:rusia", NULL},
        {"ex:usa", "ex:usa", NULL},
        {"ex:eeuu", "ex:usa", "alias"},
        {"ex:greens", "ex:green-party", "short-form"},
        {"ex:green-party", "ex:green-party", NULL},
        {"ex:cne", "ex:consejo", "acronym"},
        {"ex:consejo", "ex:consejo", NULL},
        {"ex:putin", "ex:vladimir-putin", "surname"},
        {"ex:vladimir-putin", "ex:vladimir-putin", NULL},
        {"ex:ocasio-cortez", "ex:aoc", "surname"},
        {"ex:aoc", "ex:aoc", NULL},
        {"ex:zelenski", "ex:zelenski", NULL}, /* same words, weight: smallest key */
        {"ex:zelensky", "ex:zelenski", "similar-spelling"},
        {"ex:torres", "ex:torres", NULL},
        {"ex:ana-torres", "ex:ana-torres", NULL},
        {"ex:luis-torres", "ex:luis-torres", NULL},
        {"ex:michael-jordan", "ex:michael-jordan", NULL},
        {"ex:michael", "ex:michael", NULL},
        {"ex:air-jordan", "ex:michael-jordan", "alias"},
        {"ex:bruselas-b", "ex:bruselas-a", "alias"},
        {"ex:bruselas-a", "ex:bruselas-a", NULL},
    };
    assert_int_equal(N(expect), n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(MIX[i].key, expect[i][0]);
        if (strcmp(want_root[i], expect[i][1]) != 0)
            fail_msg("%s: named by %s, want %s", expect[i][0], want_root[i], expect[i][1]);
        if (!want_rule[i] != !expect[i][2] ||
            (want_rule[i] && strcmp(want_rule[i], expect[i][2]) != 0))
            fail_msg("%s: rule %s, want %s", expect[i][0], want_rule[i] ? want_rule[i] : "(none)",
                     expect[i][2] ? expect[i][2] : "(none)");
    }

    uint32_t seed = 20240601u;
    for (int round = 0; round <= 50; round++) {
        if (round == 50) {
            for (size_t i = 0; i < n; i++)
                perm[i] = n - 1 - i;
        } else {
            for (size_t i = 0; i < n; i++)
                perm[i] = i;
            for (size_t i = n - 1; i > 0; i--) {
                size_t j = lcg(&seed) % (i + 1), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
        }
        link_in_order(perm, got_root, got_rule);
        for (size_t i = 0; i < n; i++) {
            if (strcmp(got_root[i], want_root[i]) != 0)
                fail_msg("round %d: %s named by %s, in MIX's order by %s", round, MIX[i].key,
                         got_root[i], want_root[i]);
            if (!got_rule[i] != !want_rule[i] ||
                (got_rule[i] && strcmp(got_rule[i], want_rule[i]) != 0))
                fail_msg("round %d: %s rule %s, in MIX's order %s", round, MIX[i].key,
                         got_rule[i] ? got_rule[i] : "(none)",
                         want_rule[i] ? want_rule[i] : "(none)");
        }
    }
}

/* ---- classes ------------------------------------------------------------------------------- */

static void test_type_compatibility(void **state)
{
    (void)state;
    result res;
    static const char *const hk[] = {"jordan"};
    const ng_link_record r[] = {
        REC("ex:jordan-person", "jordan", NG_TYPE_PERSON),
        REC("ex:jordan-org", "jordan", NG_TYPE_ORGANIZATION),
        REC_A("ex:jordania", "jordania", NG_TYPE_COUNTRY, hk),
    };
    run(r, N(r), &res);
    alone(&res, "ex:jordan-person");
    alone(&res, "ex:jordan-org");
    alone(&res, "ex:jordania");

    /* an Entity fits any class */
    const ng_link_record any[] = {
        REC("ex:jordan", "jordan", NG_TYPE_ENTITY),
        {.key = "ex:jordania",
         .folded = "jordania",
         .type = NG_TYPE_COUNTRY,
         .aliases = hk,
         .naliases = 1,
         .weight = 2},
    };
    run(any, N(any), &res);
    joined(&res, "ex:jordan", "ex:jordania", "alias");
}

/* An Entity "jordan" fits both the person and the country: it joins neither
 * and must not put the two in one cluster. */
static void test_entity_does_not_bridge_classes(void **state)
{
    (void)state;
    const ng_link_record r[] = {
        REC("ex:jordan-person", "jordan", NG_TYPE_PERSON),
        REC("ex:jordan-country", "jordan", NG_TYPE_COUNTRY),
        REC("ex:jordan", "jordan", NG_TYPE_ENTITY),
    };
    result res;
    run(r, N(r), &res);
    apart(&res, "ex:jordan-person", "ex:jordan-country");
    alone(&res, "ex:jordan");
}

/* ---- no records ---------------------------------------------------------------------------- */

/* The user's corrections: two records kept apart stay apart, whichever
 * rule would join them and through whichever other record. */
static void test_kept_apart(void **state)
{
    (void)state;
    static const char *const lumen[] = {"centro lumen"};
    const ng_link_record r[] = {
        REC("ex:marta-quiroga", "marta quiroga", NG_TYPE_PERSON),
        REC("ex:quiroga", "quiroga", NG_TYPE_PERSON),
        REC_AW("ex:instituto-lumen", "instituto lumen", NG_TYPE_ORGANIZATION, lumen, 2),
        REC("ex:centro-lumen", "centro lumen", NG_TYPE_ORGANIZATION),
    };
    result res;
    run(r, N(r), &res);
    joined(&res, "ex:quiroga", "ex:marta-quiroga", "surname");
    const ng_link_pair pairs[] = {{1, 0}};
    ng_error err = {0};
    assert_int_equal(ng_link_apart(G->l, r, N(r), pairs, N(pairs), res.root, res.rule, &err), 0);
    apart(&res, "ex:quiroga", "ex:marta-quiroga");
    names(&res, "ex:marta-quiroga");
    /* the rest still links */
    joined(&res, "ex:centro-lumen", "ex:instituto-lumen", "alias");
    /* pairs past the records are no pairs */
    const ng_link_pair outside[] = {{7, 0}};
    assert_int_equal(ng_link_apart(G->l, r, N(r), outside, N(outside), res.root, res.rule, &err),
                     0);
    joined(&res, "ex:quiroga", "ex:marta-quiroga", "surname");
}

static void test_empty(void **state)
{
    (void)state;
    size_t root[1] = {42};
    const char *rule[1] = {"untouched"};
    ng_error err = {0};
    assert_int_equal(ng_link(G->l, NULL, 0, root, rule, &err), 0);
    assert_int_equal(root[0], 42);
    assert_string_equal(rule[0], "untouched");
    ng_link_record none[1] = {REC("ex:x", "x", NG_TYPE_ENTITY)};
    assert_int_equal(ng_link(G->l, none, 0, root, rule, &err), 0);
    assert_int_equal(root[0], 42);
    /* and one record alone */
    result res;
    run(none, 1, &res);
    alone(&res, "ex:x");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gazetteer_id),
        cmocka_unit_test(test_gazetteer_entries_not_bridged),
        cmocka_unit_test(test_gazetteer_people_not_joined_by_surname),
        cmocka_unit_test(test_alias),
        cmocka_unit_test(test_bare_bodies),
        cmocka_unit_test(test_short_form),
        cmocka_unit_test(test_acronym),
        cmocka_unit_test(test_surname),
        cmocka_unit_test(test_surname_refusals),
        cmocka_unit_test(test_similar_spelling),
        cmocka_unit_test(test_similar_spelling_threshold),
        cmocka_unit_test(test_naming),
        cmocka_unit_test(test_order_independence),
        cmocka_unit_test(test_type_compatibility),
        cmocka_unit_test(test_entity_does_not_bridge_classes),
        cmocka_unit_test(test_kept_apart),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
