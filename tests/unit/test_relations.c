/* Unit tests for relations (newsgraph/extract.h, src/extract/relations.c):
 * role appositions, prenominal roles, verb frames, passives, nominal
 * patterns, attribution of reported speech, and modality. */
#include "support.h"

/* ---- helpers ------------------------------------------------------------------ */

static void assert_prefix(const char *s, const char *prefix)
{
    if (strncmp(s, prefix, strlen(prefix)) != 0)
        fail_msg("'%s' does not start with '%s'", s, prefix);
}

/* The sentence of a claim is the text between its code point offsets. */
static void assert_claim_span(const ng_claim *c)
{
    size_t len;
    const char *t = ng_document_text(F->doc, &len);
    size_t cp = 0, b0 = (size_t)-1, b1 = (size_t)-1;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || ((unsigned char)t[i] & 0xC0) != 0x80) {
            if (cp == c->char_start) b0 = i;
            if (cp == c->char_end) b1 = i;
            cp++;
        }
    }
    assert_true(b0 != (size_t)-1 && b1 != (size_t)-1 && b0 < b1);
    assert_non_null(c->sentence);
    assert_int_equal(strlen(c->sentence), b1 - b0);
    assert_memory_equal(c->sentence, t + b0, b1 - b0);
    assert_true(c->confidence > 0.0 && c->confidence <= 1.0);
}

/* ---- roles -------------------------------------------------------------------- */

static void test_role_apposition(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nEl presidente de Rusia, Vladimir Putin, recibi\xC3\xB3 a los "
                      "enviados.");
    const ng_claim *c = claim_of(ex, "Vladimir Putin", "presidentOf", "Rusia");
    assert_string_equal(c->pattern, "apposition:role");
    assert_int_equal(c->modality, NG_MOD_ASSERTED);
    assert_int_equal(c->speaker, -1);
    assert_int_equal(ng_extraction_entity(ex, c->subject)->type, NG_TYPE_PERSON);
    assert_int_equal(ng_extraction_entity(ex, c->object)->type, NG_TYPE_COUNTRY);
    assert_string_equal(ng_extraction_entity(ex, c->object)->gaz_id, "RU");
    assert_claim_span(c);
    assert_string_equal(c->sentence, "El presidente de Rusia, Vladimir Putin, recibi\xC3\xB3 a los "
                                     "enviados.");
    assert_int_equal(c->char_start, 8); /* after "Titular\n" */

    /* the holder first: "PERSON, portavoz de ORG" */
    ex = extract("es", "Titular\nDmitri Peskov, portavoz de la Presidencia rusa, habl\xC3\xB3 con "
                       "la prensa.");
    c = claim_of(ex, "Dmitri Peskov", "spokespersonOf", "Presidencia rusa");
    assert_string_equal(c->pattern, "apposition:role");
    assert_int_equal(ng_extraction_entity(ex, c->subject)->type, NG_TYPE_PERSON);
    assert_int_equal(ng_extraction_entity(ex, c->object)->type, NG_TYPE_ORGANIZATION);

    /* a name nothing else types becomes a Person through the role */
    ex = extract("es", "Titular\nKovalenko, portavoz del Kremlin, neg\xC3\xB3 los hechos.");
    c = claim_of(ex, "Kovalenko", "spokespersonOf", "Kremlin");
    assert_int_equal(ng_extraction_entity(ex, c->subject)->type, NG_TYPE_PERSON);
    assert_null(ng_extraction_entity(ex, c->subject)->gaz_id);

    /* demonym owner: "el ministro de Defensa ruso, X" */
    ex = extract(
        "es", "Titular\nEl ministro de Defensa ruso, Andr\xC3\xA9i Belo\xC3\xBAsov, visit\xC3\xB3 "
              "el frente.");
    c = claim_of(ex, "Andr\xC3\xA9i Belo\xC3\xBAsov", "defenceMinisterOf", "Rusia");
    assert_string_equal(c->pattern, "apposition:role");
}

static void test_possessive_role(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nRusia elogi\xC3\xB3 a Corea del Norte y su l\xC3\xAD"
                      "der, Kim "
                      "Jong-un, por su apoyo.");
    const ng_claim *c = claim_of(ex, "Kim Jong-un", "leaderOf", "Corea del Norte");
    assert_string_equal(c->pattern, "apposition:possessive");
    assert_int_equal(ng_extraction_entity(ex, c->subject)->type, NG_TYPE_PERSON);
    /* the verb reaches both coordinated objects */
    claim_of(ex, "Rusia", "praises", "Corea del Norte");
    c = claim_of(ex, "Rusia", "praises", "Kim Jong-un");
    assert_prefix(c->pattern, "svo:");
}

static void test_prenominal_role(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("en", "Headline\nUK Prime Minister Keir Starmer met Emmanuel Macron in Paris.");
    const ng_claim *c = claim_of(ex, "Keir Starmer", "primeMinisterOf", "UK");
    assert_string_equal(c->pattern, "prenominal:role");
    assert_string_equal(ng_extraction_entity(ex, c->object)->gaz_id, "GB");
    assert_int_equal(ng_extraction_entity(ex, c->subject)->type, NG_TYPE_PERSON);
    c = claim_of(ex, "Keir Starmer", "meetsWith", "Emmanuel Macron");
    assert_string_equal(c->pattern, "svo:meet");
    assert_claim_span(c);

    ex = extract("en", "Headline\nRussian President Vladimir Putin met the envoy.");
    c = claim_of(ex, "Vladimir Putin", "presidentOf", "Russia");
}

/* ---- verb frames ------------------------------------------------------------------ */

static void test_svo_deploy(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte ha desplegado tropas en Rusia.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_string_equal(c->pattern, "svo:desplegar");
    assert_int_equal(c->modality, NG_MOD_ASSERTED);
    assert_int_equal(c->speaker, -1);
    assert_claim_span(c);
    assert_int_equal(ng_extraction_claim_count(ex), 1);
    assert_int_equal(c->subject, ent_gaz(ex, "KP"));
    assert_int_equal(c->object, ent_gaz(ex, "RU"));

    ex = extract("en", "Headline\nNorth Korea has deployed troops to Russia.");
    c = claim_of(ex, "North Korea", "deploysTroopsTo", "Russia");
    assert_string_equal(c->pattern, "svo:deploy");

    /* a capital as subject stands for its country's government */
    ex = extract("es", "Titular\nPionyang ha desplegado tropas en Rusia. Corea del Norte lo "
                       "confirm\xC3\xB3.");
    c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_string_equal(c->sentence, "Pionyang ha desplegado tropas en Rusia.");

    /* one claim per fact and article */
    ex = extract("es", "Titular\nCorea del Norte ha desplegado tropas en Rusia. Corea del Norte "
                       "ha desplegado tropas en Rusia.");
    assert_int_equal(ng_extraction_claim_count(ex), 1);

    /* a symmetric verb frame with its preposition */
    ex = extract("es", "Titular\nRusia firm\xC3\xB3 un acuerdo con Ucrania.");
    c = claim_of(ex, "Rusia", "signsAgreementWith", "Ucrania");
    assert_string_equal(c->pattern, "svo:firmar");
}

/* A verb is read as that verb whatever the articles before it said: a word
 * that folds like it ("crítico", a critic, and "criticó", criticised) is
 * another word. */
static void test_verb_after_a_lookalike(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Uno\nEl cr\xC3\xADtico de cine habl\xC3\xB3 ayer en Madrid.");
    ex = extract("es", "Dos\nRusia critic\xC3\xB3 a Francia por la guerra.");
    const ng_claim *c = claim_of(ex, "Rusia", "criticises", "Francia");
    assert_string_equal(c->pattern, "svo:criticar");
}

static void test_passive(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nEl periodista Juan P\xC3\xA9rez fue capturado por Rusia en Kursk.");
    const ng_claim *c = claim_of(ex, "Rusia", "captures", "Juan P\xC3\xA9rez");
    assert_string_equal(c->pattern, "passive:capturar");
    assert_int_equal(ng_extraction_entity(ex, c->object)->type, NG_TYPE_PERSON);

    ex = extract("en", "Headline\nAlexei Navalny was arrested by the FSB.");
    c = claim_of(ex, "FSB", "arrests", "Alexei Navalny");
    assert_string_equal(c->pattern, "passive:arrest");

    /* without an agent the subject is not the actor */
    ex = extract("es", "Titular\nJuan P\xC3\xA9rez fue capturado en Kursk.");
    if (find_claim(ex, "captures")) {
        dump(ex);
        fail_msg("a passive without agent made its patient the actor");
    }
}

/* ---- nominal patterns ---------------------------------------------------------------- */

static void test_nominals(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nLas tropas llegaron a la regi\xC3\xB3n rusa de Kursk.");
    long k = ent(ex, "Kursk");
    assert_true(k >= 0);
    const ng_claim *c = claim_of(ex, "Kursk", "locatedIn", "Rusia");
    assert_string_equal(c->pattern, "nominal:region-of");

    ex = extract("es", "Titular\nLa agencia estatal norcoreana KCNA difundi\xC3\xB3 las "
                       "im\xC3\xA1genes.");
    c = claim_of(ex, "KCNA", "stateAgencyOf", "Corea del Norte");
    assert_string_equal(c->pattern, "nominal:state-media");

    ex = extract("es", "Titular\nCorea del Norte y Rusia firmaron un pacto. La alianza "
                       "Pionyang-Mosc\xC3\xBA preocupa a Jap\xC3\xB3n.");
    c = claim_of(ex, "Corea del Norte", "alliedWith", "Rusia");
    assert_string_equal(c->pattern, "nominal:alliance");
    assert_prefix(c->sentence, "La alianza");
    assert_claim_span(c);

    /* the alliance pattern at the very end of the text (no hyphen follows);
     * a fresh extractor so that valgrind sees any read past the last token */
    ng_error err = {0};
    ng_extractor_free(F->x);
    F->x = NULL;
    assert_int_equal(ng_extractor_new(&F->x, F->onto, &err), 0);
    ex = extract("es", "Titular\nCorea del Norte y Rusia firmaron. La alianza Pionyang");
    assert_null(find_claim(ex, "alliedWith"));
}

/* ---- attribution --------------------------------------------------------------------- */

static void test_speaker_according_to(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nSeg\xC3\xBAn KCNA, Corea del Norte ha desplegado tropas en Rusia.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_true(c->speaker >= 0);
    assert_int_equal(c->speaker, ent(ex, "KCNA"));
    assert_int_equal(c->modality, NG_MOD_REPORTED);

    ex = extract("en", "Headline\nAccording to KCNA, North Korea has deployed troops to Russia.");
    c = claim_of(ex, "North Korea", "deploysTroopsTo", "Russia");
    assert_int_equal(c->speaker, ent(ex, "KCNA"));
    assert_int_equal(c->modality, NG_MOD_REPORTED);
}

static void test_speaker_according_to_agency(void **state)
{
    (void)state;
    /* "según la agencia KCNA": the media noun between "según" and the name */
    const ng_extraction *ex =
        extract("es", "Titular\nSeg\xC3\xBAn la agencia KCNA, Corea del Norte ha desplegado "
                      "tropas en Rusia.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    long kcna = ent(ex, "KCNA");
    assert_true(kcna >= 0);
    if (c->speaker != kcna) {
        dump(ex);
        fail_msg("speaker %ld, want KCNA (%ld)", c->speaker, kcna);
    }
    assert_int_equal(c->modality, NG_MOD_REPORTED);
}

static void test_speaker_verbs(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte ha desplegado tropas en Rusia, dijo Peskov.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_int_equal(c->speaker, ent(ex, "Peskov"));
    assert_int_equal(c->modality, NG_MOD_REPORTED);
    assert_int_equal(ng_extraction_entity(ex, (size_t)c->speaker)->type, NG_TYPE_PERSON);

    ex = extract("es", "Titular\nEl Kremlin afirm\xC3\xB3 que Corea del Norte ha desplegado tropas "
                       "en Rusia.");
    c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_int_equal(c->speaker, ent(ex, "Kremlin"));

    ex = extract("en", "Headline\nNorth Korea has deployed troops to Russia, Peskov told "
                       "reporters.");
    c = claim_of(ex, "North Korea", "deploysTroopsTo", "Russia");
    assert_int_equal(c->speaker, ent(ex, "Peskov"));
    assert_int_equal(c->modality, NG_MOD_REPORTED);

    /* the speaker is not attributed its own claim */
    ex = extract("es", "Titular\nCorea del Norte ha desplegado tropas en Rusia, afirm\xC3\xB3 el "
                       "portavoz del Kremlin, Dmitri Peskov.");
    c = claim_of(ex, "Dmitri Peskov", "spokespersonOf", "Kremlin");
    assert_int_equal(c->speaker, -1);
    c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_int_equal(c->speaker, ent(ex, "Dmitri Peskov"));
}

static void test_speaker_english_said(void **state)
{
    (void)state;
    /* "said" is the commonest verb of saying in English news */
    const char *texts[] = {
        "Headline\nNorth Korea has deployed troops to Russia, Peskov said.",
        "Headline\nNorth Korea has deployed troops to Russia, said Peskov.",
        "Headline\nNorth Korea has deployed troops to Russia, Peskov says.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const ng_extraction *ex = extract("en", texts[i]);
        const ng_claim *c = claim_of(ex, "North Korea", "deploysTroopsTo", "Russia");
        if (c->speaker != ent(ex, "Peskov") || c->modality != NG_MOD_REPORTED) {
            dump(ex);
            fail_msg("no attribution to Peskov in: %s", texts[i] + 9);
        }
    }
}

/* ---- modality ----------------------------------------------------------------------- */

static void test_modality(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nRusia no firm\xC3\xB3 el acuerdo con Ucrania.");
    const ng_claim *c = claim_of(ex, "Rusia", "signsAgreementWith", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_NEGATED);
    assert_string_equal(ng_modality_name(c->modality), "negated");

    ex = extract("en", "Headline\nRussia did not sign the agreement with Ukraine.");
    c = claim_of(ex, "Russia", "signsAgreementWith", "Ukraine");
    assert_int_equal(c->modality, NG_MOD_NEGATED);

    ex = extract("es", "Titular\nChina prestar\xC3\xA1 ayuda a Corea del Norte.");
    c = claim_of(ex, "China", "providesAssistanceTo", "Corea del Norte");
    assert_int_equal(c->modality, NG_MOD_FUTURE);
    assert_prefix(c->pattern, "svo:prestar");

    ex = extract("es", "Titular\nRusia firmar\xC3\xA1 un acuerdo con Ucrania.");
    c = claim_of(ex, "Rusia", "signsAgreementWith", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_FUTURE);

    ex = extract("en", "Headline\nChina will send troops to Russia.");
    c = claim_of(ex, "China", "deploysTroopsTo", "Russia");
    assert_int_equal(c->modality, NG_MOD_FUTURE);

    ex = extract("es", "Titular\nCorea del Norte podr\xC3\xAD"
                       "a desplegar tropas en Rusia.");
    c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    assert_int_equal(c->modality, NG_MOD_HEDGED);

    /* "puede atacar": what may happen is no fact */
    ex = extract("es", "Titular\nRusia puede atacar a Ucrania.");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_HEDGED);

    /* the past tense is asserted, and a negation in another clause does not leak */
    ex = extract("es", "Titular\nRusia firm\xC3\xB3 un acuerdo con Ucrania.");
    c = claim_of(ex, "Rusia", "signsAgreementWith", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_ASSERTED);

    for (int m = NG_MOD_ASSERTED; m <= NG_MOD_PAST; m++)
        assert_non_null(ng_modality_name((ng_modality)m));
    assert_string_equal(ng_modality_name(NG_MOD_PAST), "past");
    assert_string_equal(ng_modality_name(NG_MOD_REPORTED), "reported");
    assert_string_equal(ng_modality_name(NG_MOD_FUTURE), "future");
}

/* A place written with the wider place it lies in, after a comma or in
 * brackets, lies there; a list of places says nothing of the kind. */
static void test_place_in_place(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nLo detuvieron en Acapulco, Guerrero, el lunes.");
    const ng_claim *c = claim_of(ex, "Acapulco", "locatedIn", "Guerrero");
    assert_string_equal(c->pattern, "nominal:place-in");
    ex = extract("es", "Titular\nHubo protestas en Detroit (Michigan) durante la noche.");
    claim_of(ex, "Detroit", "locatedIn", "Michigan");
    ex = extract("es", "Titular\nLos delegados votaron en Arizona, Georgia, Nevada y Wisconsin.");
    assert_true(ent(ex, "Arizona") >= 0 && ent(ex, "Georgia") >= 0);
    assert_null(find_claim(ex, "locatedIn"));
    /* a place after a gap belongs to the gapped clause, not to the first place */
    ex = extract("es", "Titular\nSofia estudia ingenier\xC3\xAD"
                       "a civil en Quito y Mayla, "
                       "medicina en Argentina.");
    assert_true(ent(ex, "Quito") >= 0 && ent(ex, "Argentina") >= 0);
    assert_null(find_claim(ex, "locatedIn"));
}

/* Roles with words that do not change them (interina, electa, a
 * nationality inside), roles once held ("ex", entonces: modality past),
 * coordinated roles, and a person right after the owner without a comma. */
static void test_role_modifiers(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nLa presidenta interina de Per\xC3\xBA, Dina Boluarte, habl\xC3\xB3 "
                      "ayer. La ministra peruana de Econom\xC3\xAD"
                      "a, Ana D\xC3\xAD"
                      "az, "
                      "renunci\xC3\xB3. El expresidente de Brasil Jair Bolsonaro viaj\xC3\xB3. "
                      "Kamala Harris, vicepresidenta electa de Estados Unidos, habl\xC3\xB3.");
    claim_of(ex, "Dina Boluarte", "presidentOf", "Per\xC3\xBA");
    claim_of(ex,
             "Ana D\xC3\xAD"
             "az",
             "ministerOf", "Per\xC3\xBA");
    /* a former holder's role is of the past: no direct triple */
    const ng_claim *c = claim_of(ex, "Jair Bolsonaro", "presidentOf", "Brasil");
    assert_int_equal(c->modality, NG_MOD_PAST);
    assert_false(ng_claim_is_direct(c));
    c = claim_of(ex, "Kamala Harris", "vicePresidentOf", "Estados Unidos");
    assert_int_equal(c->modality, NG_MOD_ASSERTED);
    assert_int_equal(claim_of(ex, "Dina Boluarte", "presidentOf", "Per\xC3\xBA")->modality,
                     NG_MOD_ASSERTED);
    ex = extract("es", "Titular\nMichelle Bachelet, ex presidenta de Chile, habl\xC3\xB3. "
                       "El entonces ministro de Chile, Andr\xC3\xA9s Velasco, firm\xC3\xB3.");
    assert_int_equal(claim_of(ex, "Michelle Bachelet", "presidentOf", "Chile")->modality,
                     NG_MOD_PAST);
    assert_int_equal(claim_of(ex, "Andr\xC3\xA9s Velasco", "ministerOf", "Chile")->modality,
                     NG_MOD_PAST);
    ex = extract("en", "Headline\nThe ex-minister of France, Jean Dupont, left.");
    assert_int_equal(claim_of(ex, "Jean Dupont", "ministerOf", "France")->modality, NG_MOD_PAST);
    ex = extract("es", "Titular\nNavid Madani, vir\xC3\xB3loga y directora del Instituto "
                       "Nacional de Salud, habl\xC3\xB3 ayer.");
    claim_of(ex, "Navid Madani", "headOf", "Instituto Nacional de Salud");
    /* a relative possessive names the role's owner */
    ex =
        extract("es", "Titular\nLa delegaci\xC3\xB3n lleg\xC3\xB3 de Per\xC3\xBA, cuyo presidente, "
                      "Pedro Castillo, viaj\xC3\xB3 a Chile.");
    assert_string_equal(claim_of(ex, "Pedro Castillo", "presidentOf", "Per\xC3\xBA")->pattern,
                        "apposition:relative");
    ex = extract("en", "Headline\nThe talks were held in Brazil, whose president is Luiz "
                       "In\xC3\xA1"
                       "cio Lula da Silva.");
    claim_of(ex,
             "Luiz In\xC3\xA1"
             "cio Lula da Silva",
             "presidentOf", "Brazil");
    /* the country named with an ambassador is the one they represent */
    ex = extract("es", "Titular\nEl embajador de Rusia, Anatoli Antonov, habl\xC3\xB3 ayer.");
    claim_of(ex, "Anatoli Antonov", "represents", "Rusia");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_apposition),
        cmocka_unit_test(test_possessive_role),
        cmocka_unit_test(test_prenominal_role),
        cmocka_unit_test(test_svo_deploy),
        cmocka_unit_test(test_verb_after_a_lookalike),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_nominals),
        cmocka_unit_test(test_speaker_according_to),
        cmocka_unit_test(test_speaker_according_to_agency),
        cmocka_unit_test(test_speaker_verbs),
        cmocka_unit_test(test_speaker_english_said),
        cmocka_unit_test(test_modality),
        cmocka_unit_test(test_role_modifiers),
        cmocka_unit_test(test_place_in_place),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
