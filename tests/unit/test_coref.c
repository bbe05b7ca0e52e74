/* Unit tests for coreference inside an article (src/extract/coref.c):
 * pronouns, clitics and possessives by salience and agreement, a pronoun
 * that is never its own clause's argument, definite descriptions only when
 * one entity fits, and claims through a reference naming its rule.
 * They need the parse and entity models (models/) and are skipped without
 * them. */
#include "models.h"

/* The reference whose text is `word` (the n-th such, from 0), or NULL. */
static const ng_reference_view *ref_at(const ng_extraction *ex, const char *word, int n)
{
    const char *text = ng_document_text(F->doc, NULL);
    for (size_t i = 0; i < ng_extraction_reference_count(ex); i++) {
        const ng_reference_view *r = ng_extraction_reference(ex, i);
        size_t len = r->byte_end - r->byte_start;
        if (len == strlen(word) && memcmp(text + r->byte_start, word, len) == 0 && n-- == 0)
            return r;
    }
    return NULL;
}

/* The name of the entity `word` was resolved to; fails when it was not. */
static const char *resolved(const ng_extraction *ex, const char *word, int n)
{
    const ng_reference_view *r = ref_at(ex, word, n);
    if (!r) {
        dump(ex);
        fail_msg("'%s' (#%d) resolved to nothing", word, n);
    }
    return ename(ex, r->entity);
}

static void test_pronoun_subject_gives_a_claim(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nPedro Castillo lleg\xC3\xB3 a Brasilia. "
                      "Castillo agradeci\xC3\xB3 el apoyo y dijo que \xC3\xA9l "
                      "firmar\xC3\xA1 un acuerdo con Brasil.");
    assert_string_equal(resolved(ex, "\xC3\xA9l", 0), "Pedro Castillo");
    assert_string_equal(ref_at(ex, "\xC3\xA9l", 0)->rule, "coref:pronoun");
    const ng_claim *c = claim_of(ex, "Pedro Castillo", "signsAgreementWith", "Brasil");
    assert_string_equal(c->pattern, "tree:firmar+coref:pronoun");
}

static void test_pronoun_is_not_its_clauses_argument(void **state)
{
    (void)state;
    need_models();
    /* "him" is the object of a verb whose subject, shared, is Obama */
    const ng_extraction *ex = extract("en", "Title\nBarack Obama met Joe Biden on Monday and "
                                            "praised him.");
    assert_string_equal(resolved(ex, "him", 0), "Joe Biden");
}

static void test_spanish_clitics_and_possessives_are_left(void **state)
{
    (void)state;
    need_models();
    /* "le" and "su" are as often "usted", a thing or someone never named */
    const ng_extraction *ex = extract("es", "Titular\nPedro Castillo viaj\xC3\xB3 a Brasilia. "
                                            "All\xC3\xAD Lula le ofreci\xC3\xB3 su apoyo.");
    assert_null(ref_at(ex, "le", 0));
    assert_null(ref_at(ex, "su", 0));
}

static void test_gender_agreement(void **state)
{
    (void)state;
    need_models();
    /* the subject is the more salient, but "ella" is the minister */
    const ng_extraction *ex =
        extract("es", "Titular\nEl embajador Juan P\xC3\xA9rez visit\xC3\xB3 a la ministra Ana "
                      "D\xC3\xAD"
                      "az. Ella anunci\xC3\xB3 un acuerdo con Chile.");
    assert_string_equal(resolved(ex, "Ella", 0), "Ana D\xC3\xAD"
                                                 "az");
}

static void test_english_he_and_not_it(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("en", "Title\nAngela Merkel visited Paris on Monday. The "
                                            "visit was short. She praised France, and it "
                                            "welcomed her.");
    assert_string_equal(resolved(ex, "She", 0), "Angela Merkel");
    /* "it" points at events and things far more often than at a name */
    assert_null(ref_at(ex, "it", 0));
    const ng_claim *c = claim_of(ex, "Angela Merkel", "praises", "France");
    assert_string_equal(c->pattern, "tree:praise+coref:pronoun");
}

static void test_description_with_one_candidate(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nLa petrolera Repsol anunci\xC3\xB3 una inversi\xC3\xB3n. "
                      "La compa\xC3\xB1\xC3\xAD"
                      "a firmar\xC3\xA1 un contrato con Petroper\xC3\xBA.");
    assert_string_equal(resolved(ex,
                                 "compa\xC3\xB1\xC3\xAD"
                                 "a",
                                 0),
                        "Repsol");
    const ng_claim *c = claim_of(ex, "Repsol", "signsAgreementWith", "Petroper\xC3\xBA");
    assert_string_equal(c->pattern, "tree:firmar+coref:description");
}

static void test_description_with_two_candidates_is_left(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("es", "Titular\nRepsol compr\xC3\xB3 acciones de Iberdrola. "
                                            "La compa\xC3\xB1\xC3\xAD"
                                            "a firmar\xC3\xA1 un contrato con Petroper\xC3\xBA.");
    assert_null(ref_at(ex,
                       "compa\xC3\xB1\xC3\xAD"
                       "a",
                       0));
}

static void test_description_with_a_nationality(void **state)
{
    (void)state;
    need_models();
    /* two presidents; the Peruvian one is the one seen beside Peru */
    const ng_extraction *ex =
        extract("es", "Titular\nEl presidente de Per\xC3\xBA, Pedro Castillo, se reuni\xC3\xB3 con "
                      "Lula en Brasilia. El mandatario peruano firm\xC3\xB3 un acuerdo con Chile.");
    assert_string_equal(resolved(ex, "mandatario", 0), "Pedro Castillo");
    assert_string_equal(ref_at(ex, "mandatario", 0)->rule, "coref:description");
}

/* "ambos países" is the two countries named last, coordinated or alone
 * in reach; with a verb or an event of each other, a relation between
 * them. */
static void test_both(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nChile y Bolivia firmaron un tratado en 2019. Ambos pa\xC3\xADses "
              "mantienen una alianza desde entonces. Se habl\xC3\xB3 de la cooperaci\xC3\xB3n "
              "entre ambos pa\xC3\xADses.");
    const ng_reference_view *r = ref_at(ex, "pa\xC3\xADses", 0);
    assert_non_null(r);
    assert_string_equal(r->rule, "coref:both");
    claim_of(ex, "Chile", "signsAgreementWith", "Bolivia");
    const ng_claim *c = claim_of(ex, "Bolivia", "alliedWith", "Chile");
    assert_string_equal(c->pattern, "noun:alianza+coref:both");
    claim_of(ex, "Bolivia", "cooperatesWith", "Chile");
    /* three countries in reach, none coordinated: nobody */
    ex = extract("es", "Titular\nChile habl\xC3\xB3 con Per\xC3\xBA sobre Bolivia. Ambos "
                       "pa\xC3\xADses mantienen una alianza.");
    assert_null(ref_at(ex, "pa\xC3\xADses", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pronoun_subject_gives_a_claim),
        cmocka_unit_test(test_pronoun_is_not_its_clauses_argument),
        cmocka_unit_test(test_spanish_clitics_and_possessives_are_left),
        cmocka_unit_test(test_gender_agreement),
        cmocka_unit_test(test_english_he_and_not_it),
        cmocka_unit_test(test_description_with_one_candidate),
        cmocka_unit_test(test_description_with_two_candidates_is_left),
        cmocka_unit_test(test_description_with_a_nationality),
        cmocka_unit_test(test_both),
    };
    return cmocka_run_group_tests(tests, setup_models, teardown_models);
}
