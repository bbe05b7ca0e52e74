/* Unit tests for mentions and entities (newsgraph/extract.h, src/extract/
 * mentions.c): gazetteer matches, demonyms, name chunks typed by cue words,
 * and resolution inside one article (surnames, acronyms). */
#include "support.h"

#include <strings.h>

/* ---- helpers ------------------------------------------------------------------ */

static const ng_entity_view *by_key(const ng_extraction *ex, const char *key)
{
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++)
        if (strcmp(ng_extraction_entity(ex, i)->key, key) == 0) return ng_extraction_entity(ex, i);
    return NULL;
}

static const ng_entity_view *by_name(const ng_extraction *ex, const char *name)
{
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++)
        if (strcmp(ng_extraction_entity(ex, i)->name, name) == 0)
            return ng_extraction_entity(ex, i);
    return NULL;
}

/* Entity whose name or one of whose aliases is `surface`. */
static const ng_entity_view *by_surface(const ng_extraction *ex, const char *surface)
{
    long i = ent(ex, surface);
    return i < 0 ? NULL : ng_extraction_entity(ex, (size_t)i);
}

static const ng_entity_view *must(const ng_extraction *ex, const ng_entity_view *v,
                                  const char *what)
{
    if (!v) {
        dump(ex);
        fail_msg("no entity %s", what);
    }
    return v;
}

static size_t count_gaz(const ng_extraction *ex, const char *gaz_id)
{
    size_t n = 0;
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        if (v->gaz_id && strcmp(v->gaz_id, gaz_id) == 0) n++;
    }
    return n;
}

/* A non-gazetteer key: "name:<slug>", the slug folded (lower case, no accents). */
static void assert_name_key(const ng_entity_view *v)
{
    if (strncmp(v->key, "name:", 5) != 0 || !v->key[5]) fail_msg("bad key '%s'", v->key);
    for (const char *p = v->key + 5; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == ' ' || *p == '-' ||
              *p == '\''))
            fail_msg("key '%s' is not folded", v->key);
    assert_null(v->gaz_id);
}

/* ---- gazetteer ------------------------------------------------------------------ */

static void test_gazetteer_country(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nLa delegaci\xC3\xB3n de Corea del Norte lleg\xC3\xB3 ayer.");
    const ng_entity_view *kp = must(ex, by_key(ex, "gaz:KP"), "gaz:KP");
    assert_string_equal(kp->gaz_id, "KP");
    assert_int_equal(kp->type, NG_TYPE_COUNTRY);
    assert_string_equal(kp->name, "Corea del Norte");
    assert_non_null(kp->label_en);
    assert_string_equal(kp->label_en, "North Korea");
    assert_string_equal(kp->label_es, "Corea del Norte");
    assert_non_null(kp->qid);
    assert_int_equal(kp->qid[0], 'Q');
    assert_int_equal(count_gaz(ex, "KP"), 1);
    assert_string_equal(ng_extraction_lang(ex), "es");
    ng_extract_stats st = ng_extraction_stats(ex);
    assert_int_equal(st.sentences, 2);
    assert_true(st.tokens >= 8);
    assert_true(st.words >= 6);
    assert_true(st.mentions >= 1);

    /* the same country in English gets the same key and its English name */
    ex = extract("en", "Headline\nA delegation from North Korea arrived yesterday.");
    kp = must(ex, by_key(ex, "gaz:KP"), "gaz:KP (en)");
    assert_string_equal(kp->name, "North Korea");
    assert_int_equal(kp->type, NG_TYPE_COUNTRY);
    assert_string_equal(ng_extraction_lang(ex), "en");

    /* matching ignores case and accents of the alias, but a lower-case
     * common word is not a gazetteer name */
    ex = extract("es", "Titular\nEl enviado de COREA DEL NORTE habl\xC3\xB3.");
    must(ex, by_key(ex, "gaz:KP"), "gaz:KP (upper case)");
    ex = extract("es", "Titular\nLa china de la playa era peque\xC3\xB1"
                       "a.");
    assert_null(by_key(ex, "gaz:CN"));
}

/* An alias may belong to one language: "EU" is the European Union in
 * English and the United States in (Mexican) Spanish. */
static void test_alias_of_one_language(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("es", "Titular\nEl presidente de EU habl\xC3\xB3 ayer.");
    assert_int_equal(count_gaz(ex, "US"), 1);
    assert_int_equal(count_gaz(ex, "european-union"), 0);
    ex = extract("en", "Headline\nThe EU met on Monday.");
    assert_int_equal(count_gaz(ex, "european-union"), 1);
    assert_int_equal(count_gaz(ex, "US"), 0);
}

static void test_demonym(void **state)
{
    (void)state;
    /* a demonym alone stands for its country */
    const ng_extraction *ex =
        extract("es", "Titular\nLas tropas norcoreanas llegaron al frente ayer.");
    const ng_entity_view *kp = must(ex, by_key(ex, "gaz:KP"), "gaz:KP from norcoreanas");
    assert_string_equal(kp->gaz_id, "KP");
    assert_int_equal(kp->type, NG_TYPE_COUNTRY);
    assert_string_equal(kp->name, "Corea del Norte");

    /* with the country named too: one entity */
    ex = extract("es", "Titular\nCorea del Norte envi\xC3\xB3 soldados. La prensa norcoreana "
                       "lo confirm\xC3\xB3.");
    assert_int_equal(count_gaz(ex, "KP"), 1);
    kp = must(ex, by_key(ex, "gaz:KP"), "gaz:KP");
    /* the adjective is not a name of the country */
    assert_false(has_alias(kp, "norcoreana"));

    ex = extract("en", "Headline\nNorth Korean troops arrived in Kursk.");
    must(ex, by_key(ex, "gaz:KP"), "gaz:KP from North Korean");
    assert_int_equal(count_gaz(ex, "KP"), 1);
}

static void test_city_spellings(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nPionyang respondi\xC3\xB3 ayer. Las autoridades de Pyongyang "
                      "no dieron detalles.");
    const ng_entity_view *p = must(ex, by_surface(ex, "Pionyang"), "Pionyang");
    const ng_entity_view *q = must(ex, by_surface(ex, "Pyongyang"), "Pyongyang");
    assert_ptr_equal(p, q);
    assert_int_equal(p->type, NG_TYPE_CITY);
    assert_non_null(p->gaz_id);
    size_t cities = 0;
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++)
        if (ng_extraction_entity(ex, i)->type == NG_TYPE_CITY) cities++;
    assert_int_equal(cities, 1);
}

static void test_kremlin(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nEl Kremlin guard\xC3\xB3 silencio sobre el asunto.");
    const ng_entity_view *k = must(ex, by_surface(ex, "Kremlin"), "Kremlin");
    assert_int_equal(k->type, NG_TYPE_ORGANIZATION);
    assert_non_null(k->gaz_id);
    assert_int_equal(strncmp(k->key, "gaz:", 4), 0);
    /* "El" is not part of the name, and no other entity appears */
    assert_null(by_surface(ex, "El Kremlin"));
    assert_int_equal(ng_extraction_entity_count(ex), 1);

    ex = extract("en", "Headline\nThe Kremlin said nothing about the talks.");
    k = must(ex, by_surface(ex, "Kremlin"), "Kremlin (en)");
    assert_int_equal(k->type, NG_TYPE_ORGANIZATION);
}

/* ---- name chunks ------------------------------------------------------------------ */

static void test_name_chunk_with_connectors(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nLa Comisi\xC3\xB3n Militar Central del Partido de los "
                      "Trabajadores se reuni\xC3\xB3 ayer.");
    const ng_entity_view *cmc =
        must(ex, by_name(ex, "Comisi\xC3\xB3n Militar Central"), "Comisión Militar Central");
    const ng_entity_view *wp =
        must(ex, by_name(ex, "Partido de los Trabajadores"), "Partido de los Trabajadores");
    assert_int_equal(cmc->type, NG_TYPE_ORGANIZATION);
    assert_int_equal(wp->type, NG_TYPE_ORGANIZATION);
    assert_null(cmc->gaz_id);
    assert_name_key(cmc);
    assert_name_key(wp);
    assert_string_not_equal(cmc->key, wp->key);
    assert_non_null(strstr(cmc->key, "comision"));
    assert_non_null(strstr(wp->key, "trabajadores"));
    assert_int_equal(ng_extraction_entity_count(ex), 2);
    const ng_claim *c = find_claim(ex, "partOf");
    if (!c) {
        dump(ex);
        fail_msg("no partOf claim");
    }
    assert_ptr_equal(ng_extraction_entity(ex, c->subject), cmc);
    assert_ptr_equal(ng_extraction_entity(ex, c->object), wp);
    assert_string_equal(c->pattern, "nominal:part-of");

    /* one organisation with a place after its connector stays one name */
    ex = extract("es", "Titular\nEl Ministerio de Defensa de Ruritania anunci\xC3\xB3 maniobras.");
    const ng_entity_view *m = must(ex, by_name(ex, "Ministerio de Defensa de Ruritania"),
                                   "Ministerio de Defensa de Ruritania");
    assert_int_equal(m->type, NG_TYPE_ORGANIZATION);
    assert_int_equal(ng_extraction_entity_count(ex), 1);

    ex = extract("en", "Headline\nThe Ministry of Defence of Ruritania announced drills.");
    m = must(ex, by_name(ex, "Ministry of Defence of Ruritania"), "Ministry of Defence (en)");
    assert_int_equal(m->type, NG_TYPE_ORGANIZATION);
}

static void test_chunk_types(void **state)
{
    (void)state;
    /* place head before the name */
    const ng_extraction *ex =
        extract("es", "Titular\nLos combates siguen en la regi\xC3\xB3n de Tralavia, al norte.");
    const ng_entity_view *r = must(ex, by_name(ex, "Tralavia"), "Tralavia");
    assert_int_equal(r->type, NG_TYPE_REGION);
    assert_name_key(r);
    assert_non_null(strstr(r->key, "tralavia"));

    /* a bare title marks a person */
    ex = extract("es", "Titular\nEl general Kovalenko visit\xC3\xB3 el frente.");
    r = must(ex, by_name(ex, "Kovalenko"), "Kovalenko");
    assert_int_equal(r->type, NG_TYPE_PERSON);

    /* a known given name marks a person; hyphenated names stay whole and the
     * key folds accents and drops the hyphen */
    ex = extract("es", "Titular\nJean-No\xC3\xABl Kowalczyk habl\xC3\xB3 ayer con la prensa.");
    r = must(ex, by_name(ex, "Jean-No\xC3\xABl Kowalczyk"), "Jean-Noël Kowalczyk");
    assert_int_equal(r->type, NG_TYPE_PERSON);
    assert_name_key(r);
    assert_non_null(strstr(r->key, "noel"));
    assert_int_equal(ng_extraction_entity_count(ex), 1);

    /* sentence-initial and single capitalised dictionary words are not names */
    ex = extract("es", "Titular\nAyer lleg\xC3\xB3 la delegaci\xC3\xB3n. Patria y Estado son "
                       "palabras.");
    if (ng_extraction_entity_count(ex)) {
        dump(ex);
        fail_msg("dictionary words taken for names");
    }
}

static void test_hyphenated_gazetteer_name(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("es", "Titular\nEl l\xC3\xAD"
                                            "der Kim Jong-un inspeccion\xC3\xB3 la f\xC3\xA1"
                                            "brica.");
    const ng_entity_view *k = must(ex, by_surface(ex, "Kim Jong-un"), "Kim Jong-un");
    assert_int_equal(k->type, NG_TYPE_PERSON);
    assert_null(by_name(ex, "Kim"));
    assert_null(by_name(ex, "Jong"));
    /* people.tsv lists "Kim Jong-un" (label_es): the gazetteer must match it */
    if (!k->gaz_id) fail_msg("'Kim Jong-un' not matched in the gazetteer (key %s)", k->key);
    assert_string_equal(k->key, "gaz:kim-jong-un");
}

static void test_possessive_split(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("en", "Headline\nJapan's foreign minister arrived.");
    const ng_entity_view *j = must(ex, by_key(ex, "gaz:JP"), "gaz:JP");
    assert_string_equal(j->name, "Japan");
    assert_null(by_surface(ex, "Japan's"));
}

/* ---- resolution inside the article -------------------------------------------------- */

/* A virus or a vaccine the gazetteer knows (things.tsv) is an Entity, in
 * any of its listed spellings, and never an organisation. */
static void test_things_are_no_bodies(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("es", "Titular\nEl SARS-CoV-2 lleg\xC3\xB3 a Lima. "
                                            "El Sars-Cov-2 mut\xC3\xB3 y la Sputnik V "
                                            "lleg\xC3\xB3 a M\xC3\xA9xico.");
    assert_int_equal(count_gaz(ex, "sars-cov-2"), 1);
    for (size_t k = 0; k < ng_extraction_entity_count(ex); k++) {
        const ng_entity_view *v = ng_extraction_entity(ex, k);
        if (v->gaz_id &&
            (strcmp(v->gaz_id, "sars-cov-2") == 0 || strcmp(v->gaz_id, "sputnik-v") == 0))
            assert_int_equal(v->type, NG_TYPE_ENTITY);
        /* "Sars-Cov-2" is the gazetteer's too, not a name of its own */
        if (!v->gaz_id && strncasecmp(v->name, "sars", 4) == 0) {
            dump(ex);
            fail_msg("'%s' is not the gazetteer's SARS-CoV-2", v->name);
        }
    }
    assert_int_equal(count_gaz(ex, "sputnik-v"), 1);
}

static void test_surname_resolution(void **state)
{
    (void)state;
    /* a gazetteer person: "Putin" after "Vladimir Putin" */
    const ng_extraction *ex = extract(
        "es", "Titular\nVladimir Putin habl\xC3\xB3 ayer. Despu\xC3\xA9s Putin viaj\xC3\xB3 "
              "a China.");
    const ng_entity_view *a = must(ex, by_surface(ex, "Vladimir Putin"), "Vladimir Putin");
    const ng_entity_view *b = must(ex, by_surface(ex, "Putin"), "Putin");
    assert_ptr_equal(a, b);
    assert_int_equal(a->type, NG_TYPE_PERSON);
    size_t persons = 0;
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++)
        persons += ng_extraction_entity(ex, i)->type == NG_TYPE_PERSON;
    assert_int_equal(persons, 1);
    /* the claim of the second sentence is about the same entity */
    const ng_claim *c = find_claim(ex, "visits");
    if (c) assert_ptr_equal(ng_extraction_entity(ex, c->subject), a);

    /* a person the gazetteer does not know */
    ex = extract("es", "Titular\nIv\xC3\xA1n Petrenko habl\xC3\xB3 ayer. Despu\xC3\xA9s Petrenko "
                       "viaj\xC3\xB3 a China.");
    a = must(ex, by_name(ex, "Iv\xC3\xA1n Petrenko"), "Iván Petrenko");
    assert_int_equal(a->type, NG_TYPE_PERSON);
    assert_name_key(a);
    assert_non_null(strstr(a->key, "ivan"));
    assert_true(has_alias(a, "Petrenko"));
    assert_null(by_name(ex, "Petrenko"));
    assert_int_equal(ng_extraction_entity_count(ex), 2); /* Iván Petrenko, China */
    c = find_claim(ex, "visits");
    if (!c) {
        dump(ex);
        fail_msg("no visits claim");
    }
    assert_ptr_equal(ng_extraction_entity(ex, c->subject), a);

    /* two candidates: no guess */
    ex = extract("es", "Titular\nIv\xC3\xA1n Petrenko y Olga Petrenko llegaron. Petrenko "
                       "habl\xC3\xB3 despu\xC3\xA9s.");
    const ng_entity_view *iv = must(ex, by_name(ex, "Iv\xC3\xA1n Petrenko"), "Iván Petrenko");
    const ng_entity_view *ol = must(ex, by_name(ex, "Olga Petrenko"), "Olga Petrenko");
    const ng_entity_view *p = must(ex, by_name(ex, "Petrenko"), "Petrenko alone");
    assert_ptr_not_equal(p, iv);
    assert_ptr_not_equal(p, ol);
    assert_false(has_alias(iv, "Petrenko"));
    assert_false(has_alias(ol, "Petrenko"));
}

static void test_acronym_resolution(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nEl Frente Nacional de Liberaci\xC3\xB3n convoc\xC3\xB3 una huelga. "
                      "El FNL exige cambios.");
    const ng_entity_view *f = must(ex, by_name(ex, "Frente Nacional de Liberaci\xC3\xB3n"),
                                   "Frente Nacional de Liberación");
    assert_int_equal(f->type, NG_TYPE_ORGANIZATION);
    assert_true(has_alias(f, "FNL"));
    assert_null(by_name(ex, "FNL"));
    assert_int_equal(ng_extraction_entity_count(ex), 1);
}

/* A generic body's name ("Ministerio de Salud") is, within its article,
 * the one fuller name that starts with it. */
static void test_generic_body_resolution(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nEl Ministerio de Salud de Per\xC3\xBA inform\xC3\xB3 de tres "
                      "casos. El Ministerio de Salud a\xC3\xB1"
                      "adi\xC3\xB3 que no hay m\xC3\xA1s.");
    const ng_entity_view *m =
        must(ex, by_name(ex, "Ministerio de Salud de Per\xC3\xBA"), "Ministerio de Salud de Perú");
    assert_true(has_alias(m, "Ministerio de Salud"));
    assert_null(by_name(ex, "Ministerio de Salud"));
}

static void test_articles_do_not_leak(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nIv\xC3\xA1n Petrenko habl\xC3\xB3 ayer. Despu\xC3\xA9s Petrenko "
                      "viaj\xC3\xB3 a China. Rusia y Ucrania callaron.");
    assert_true(ng_extraction_entity_count(ex) >= 4);
    /* the next article starts from nothing */
    ex = extract("es", "Titular\nIv\xC3\xA1n Petrenko lleg\xC3\xB3 a Par\xC3\xADs.");
    const ng_entity_view *a = must(ex, by_name(ex, "Iv\xC3\xA1n Petrenko"), "Iván Petrenko");
    assert_int_equal(a->naliases, 0);
    assert_null(by_key(ex, "gaz:CN"));
    assert_null(by_key(ex, "gaz:RU"));
    assert_int_equal(ng_extraction_entity_count(ex), 2);
    /* many articles in a row with many entities each (growth of the tables) */
    for (int round = 0; round < 3; round++) {
        ex =
            extract("es", "Titular\nRusia, Ucrania, China, Francia, Alemania, Italia, Espa\xC3\xB1"
                          "a, Portugal, Polonia, Suecia, Noruega, Finlandia, Grecia, Turqu\xC3\xAD"
                          "a, Egipto, Marruecos, Argelia, Chile, Per\xC3\xBA, Cuba y M\xC3\xA9xico "
                          "firmaron. Iv\xC3\xA1n Petrenko y Olga Sidorenko aplaudieron.");
        assert_true(ng_extraction_entity_count(ex) >= 21);
        const ng_entity_view *o = must(ex, by_name(ex, "Olga Sidorenko"), "Olga Sidorenko");
        assert_int_equal(o->naliases, 0);
        ex = extract("es", "Titular\nOlga Sidorenko habl\xC3\xB3. Sidorenko call\xC3\xB3.");
        o = must(ex, by_name(ex, "Olga Sidorenko"), "Olga Sidorenko (2)");
        assert_int_equal(o->naliases, 1);
        assert_string_equal(o->aliases[0], "Sidorenko");
        assert_int_equal(ng_extraction_entity_count(ex), 1);
    }
}

static void test_language_detection_in_extract(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract(NULL, "Headline\nThe Kremlin said nothing about the troops that were sent to "
                      "the front by the government.");
    assert_string_equal(ng_extraction_lang(ex), "en");
    const ng_entity_view *k = must(ex, by_surface(ex, "Kremlin"), "Kremlin");
    assert_string_equal(k->name, k->label_en);
    ex = extract(NULL, "Titular\nEl Kremlin no dijo nada sobre las tropas que fueron enviadas "
                       "al frente por el gobierno.");
    assert_string_equal(ng_extraction_lang(ex), "es");
    k = must(ex, by_surface(ex, "Kremlin"), "Kremlin");
    assert_string_equal(k->name, k->label_es);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gazetteer_country),
        cmocka_unit_test(test_demonym),
        cmocka_unit_test(test_city_spellings),
        cmocka_unit_test(test_kremlin),
        cmocka_unit_test(test_name_chunk_with_connectors),
        cmocka_unit_test(test_chunk_types),
        cmocka_unit_test(test_hyphenated_gazetteer_name),
        cmocka_unit_test(test_possessive_split),
        cmocka_unit_test(test_surname_resolution),
        cmocka_unit_test(test_things_are_no_bodies),
        cmocka_unit_test(test_acronym_resolution),
        cmocka_unit_test(test_generic_body_resolution),
        cmocka_unit_test(test_articles_do_not_leak),
        cmocka_unit_test(test_language_detection_in_extract),
        cmocka_unit_test(test_alias_of_one_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
