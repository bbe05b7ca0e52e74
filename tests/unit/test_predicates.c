/* Unit tests for verbal predicates over the dependency tree
 * (src/extract/predicates.c): coordinated subjects and objects, a subject
 * shared with a clause of saying, objects a parse coordinates with the verb,
 * relative clauses, the distance rules kept inside the verb's clause, what
 * was only tried, and the owner of an object for verbs of judging.
 * They need the parse and entity models (models/) and are skipped without
 * them. */
#include "models.h"

/* Whether some claim has property prop between the entities named s and o. */
static int has_claim(const ng_extraction *ex, const char *s, const char *prop, const char *o)
{
    long si = ent(ex, s), oi = ent(ex, o);
    for (size_t i = 0; si >= 0 && oi >= 0 && i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        if (c->subject == (size_t)si && c->object == (size_t)oi && strcmp(c->property, prop) == 0)
            return 1;
    }
    return 0;
}

static void test_coordinated_subjects(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("es", "Titular\nLula y Petro firmaron un acuerdo con Chile.");
    const ng_claim *c = claim_of(ex, "Petro", "signsAgreementWith", "Chile");
    assert_string_equal(c->pattern, "tree:firmar");
    claim_of(ex, "Lula", "signsAgreementWith", "Chile");
    /* coordinated subjects of a verb of meeting meet each other, unless the
     * verb is one whose subjects may each act alone (verbs.tsv: solo) */
    ex = extract("es", "Titular\nLula y Petro se reunieron el martes.");
    claim_of(ex, "Lula", "meetsWith", "Petro");
    /* an apposition a parse reads as a conjunct joins no one */
    ex = extract(
        "es", "Titular\nCodelco, cuyo presidente ejecutivo, M\xC3\xA1ximo Pacheco, habl\xC3\xB3.");
    assert_false(has_claim(ex, "Codelco", "talksWith", "M\xC3\xA1ximo Pacheco"));
    ex = extract("es", "Titular\nRusia, Brasil y Chile se encuentran entre los compradores.");
    assert_false(has_claim(ex, "Rusia", "meetsWith", "Chile"));
    assert_false(has_claim(ex, "Rusia", "meetsWith", "Brasil"));
}

static void test_subject_of_a_clause_of_saying(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es",
        "Titular\nEl Kremlin asegur\xC3\xB3 que prestar\xC3\xA1 asistencia militar a Pyongyang.");
    const ng_claim *c = find_claim(ex, "providesAssistanceTo");
    if (!c) {
        dump(ex);
        fail_msg("no providesAssistanceTo");
    }
    assert_string_equal(c->pattern, "tree:prestar");
    assert_int_equal(c->modality, NG_MOD_FUTURE);
}

static void test_objects_coordinated_with_the_verb(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nEl presidente de Bielorrusia, Alexandr Lukashenko, agradeci\xC3\xB3 "
              "a Ir\xC3\xA1n y a su l\xC3\xAD"
              "der, Al\xC3\xAD Jamene\xC3\xAD, el env\xC3\xADo "
              "de los efectivos.");
    long lukashenko = ent_gaz(ex, "alexander-lukashenko");
    assert_true(lukashenko >= 0);
    size_t thanked = 0;
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        if (strcmp(c->property, "thanks") == 0 && c->subject == (size_t)lukashenko) thanked++;
    }
    if (thanked != 2) {
        dump(ex);
        fail_msg("Lukashenko thanks %zu, want Iran and its leader", thanked);
    }
}

static void test_relative_clause(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nBoric, que visit\xC3\xB3 Lima, critic\xC3\xB3 a Per\xC3\xBA"
                      ".");
    const ng_claim *c = claim_of(ex, "Boric", "criticises", "Per\xC3\xBA");
    assert_string_equal(c->pattern, "tree:criticar");
    /* the place in the relative clause does not criticise */
    assert_false(has_claim(ex, "Lima", "criticises", "Per\xC3\xBA"));
}

static void test_distance_stays_in_the_clause(void **state)
{
    (void)state;
    need_models();
    /* "condenó el ataque": the tree gives the verb an object that names
     * nobody; the country the next verb asks is not what was condemned */
    const ng_extraction *ex = extract(
        "es",
        "Titular\nFrancia conden\xC3\xB3 el ataque y pidi\xC3\xB3 a Rusia una explicaci\xC3\xB3n.");
    assert_false(has_claim(ex, "Francia", "condemns", "Rusia"));
    claim_of(ex, "Francia", "asks", "Rusia");
}

/* What was only tried, asked or promised is no fact: hedged, whichever
 * rule read the verb. */
static void test_intended_is_hedged(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("es", "Titular\nRusia intent\xC3\xB3 invadir Ucrania.");
    const ng_claim *c = claim_of(ex, "Rusia", "invades", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_HEDGED);
    assert_false(ng_claim_is_direct(c));
}

/* For verbs of judging a bare object that names no one stands for whose
 * it is; for other verbs it does not. */
static void test_owner_of_the_object(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nAlemania critic\xC3\xB3 la decisi\xC3\xB3n de Francia.");
    claim_of(ex, "Alemania", "criticises", "Francia");
    ex = extract("es", "Titular\nEl presidente Boric dirigir\xC3\xA1 la delegaci\xC3\xB3n de Chile "
                       "en la cumbre.");
    assert_false(has_claim(ex, "Boric", "leads", "Chile"));
    /* the second "en" after the verb says where, the first what */
    ex =
        extract("es", "Titular\nLo explica la doctora Ana Ruiz, quien participa en la campa\xC3\xB1"
                      "a de vacunaci\xC3\xB3n en Lima, Per\xC3\xBA.");
    assert_true(ent(ex, "Ana Ruiz") >= 0 && ent(ex, "Lima") >= 0);
    assert_false(has_claim(ex, "Ana Ruiz", "participatesIn", "Lima"));
    assert_false(has_claim(ex, "Ana Ruiz", "participatesIn", "Per\xC3\xBA"));
}

/* "una mujer llamada X": a participle of naming names; nobody calls */
static void test_named_is_no_call(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nFelton habl\xC3\xB3 con un agente de secuestros llamado Adam "
                      "Whittington.");
    assert_null(find_claim(ex, "calls"));
}

/* A verb the lexicon does not map still says the two are related: a
 * claim naming the verb, never a direct triple. */
static void test_unmapped_verb(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("es", "Titular\nLula almorz\xC3\xB3 con Boric en Brasilia.");
    const ng_claim *c = claim_of(ex, "Lula", NG_UNMAPPED_PROPERTY, "Boric");
    assert_string_equal(c->pattern, "verb:almorzar con");
    assert_false(ng_claim_is_direct(c));
}

/* Bugs the distance rules had: "al" is the marker "a"; the preposition
 * before the object decides, not the first after the verb; a nationality
 * after a noun is no object. */
static void test_markers_and_nationalities(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("es", "Titular\nRusia envi\xC3\xB3 tropas al L\xC3\xAD"
                                            "bano.");
    claim_of(ex, "Rusia", "deploysTroopsTo",
             "L\xC3\xAD"
             "bano");
    ex = extract("es", "Titular\nBoric se reuni\xC3\xB3 el martes en Lima con Lula.");
    claim_of(ex, "Boric", "meetsWith", "Lula");
    ex = extract("es", "Titular\nRepsol compr\xC3\xB3 la empresa brit\xC3\xA1nica Fuelco.");
    claim_of(ex, "Repsol", "buys", "Fuelco");
    long gb = ent_gaz(ex, "GB");
    for (size_t i = 0; gb >= 0 && i < ng_extraction_claim_count(ex); i++)
        if (ng_extraction_claim(ex, i)->object == (size_t)gb &&
            strcmp(ng_extraction_claim(ex, i)->property, "buys") == 0)
            fail_msg("a nationality as what was bought");
}

/* An organisation beside a noun with a nationality is based in that
 * country, and the state's when the noun says so; a person's nationality
 * is not the organisation's. */
static void test_nationality(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nLa chilena Codelco anunci\xC3\xB3 inversiones.");
    claim_of(ex, "Codelco", "locatedIn", "Chile");
    ex = extract(
        "es", "Titular\nLa petrolera estatal peruana Petroper\xC3\xBA subi\xC3\xB3 los precios.");
    const ng_claim *c = claim_of(ex, "Per\xC3\xBA", "ownerOf", "Petroper\xC3\xBA");
    assert_string_equal(c->pattern, "tree:state-owned");
    ex = extract("es", "Titular\nFirmaron el exministro franc\xC3\xA9s Nicolas Hulot y la ONG "
                       "Finance Watch.");
    assert_null(find_claim(ex, "locatedIn"));
}

/* A person named beside a noun of a nationality is its national; a
 * nationality on another noun of the phrase (the body the person works for)
 * says nothing of theirs. */
static void test_person_nationality(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nEl epidemi\xC3\xB3logo mexicano Hugo L\xC3\xB3pez-Gatell present\xC3\xB3 "
              "el informe.");
    const ng_claim *c = claim_of(ex, "Hugo L\xC3\xB3pez-Gatell", "nationality", "M\xC3\xA9xico");
    assert_string_equal(c->pattern, "tree:nationality");
    ex = extract("es", "Titular\nAna Ruiz, una ingeniera chilena, visit\xC3\xB3 Lima.");
    claim_of(ex, "Ana Ruiz", "nationality", "Chile");
    ex = extract("es", "Titular\nEl canadiense Frank Ruiz lleg\xC3\xB3 a Quito.");
    claim_of(ex, "Frank Ruiz", "nationality", "Canad\xC3\xA1");
    ex = extract("en", "Headline\nAner Shalev is an Israeli mathematician.");
    claim_of(ex, "Aner Shalev", "nationality", "Israel");
    ex = extract("es", "Titular\nEl director de la farmac\xC3\xA9utica estadounidense Pfizer, "
                       "Albert Bourla, habl\xC3\xB3 con la prensa.");
    assert_false(has_claim(ex, "Albert Bourla", "nationality", "Estados Unidos"));
    ex = extract("es", "Titular\n\xE2\x80\x9CNo hay control\xE2\x80\x9D, dijo Laura Gil, "
                       "portavoz de Reunite, una organizaci\xC3\xB3n brit\xC3\xA1nica que ayuda a "
                       "las familias.");
    assert_null(find_claim(ex, "nationality"));
}

/* A body whose name ends in a known place lies there: after "de" or, in
 * Spanish, a nationality; an embassy does not lie in the country it
 * stands for, and a name with no body in it ("Iván Lima") has no seat. */
static void test_seat_in_the_name(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nEl Gobierno de Tamaulipas y la Embajada de Chile firmaron un convenio.");
    const ng_claim *c = claim_of(ex, "Gobierno de Tamaulipas", "locatedIn", "Tamaulipas");
    assert_string_equal(c->pattern, "name:seat");
    assert_true(ent(ex, "Embajada de Chile") >= 0);
    assert_false(has_claim(ex, "Embajada de Chile", "locatedIn", "Chile"));
    assert_non_null(find_claim(ex, "signsAgreementWith"));
    ex = extract("es", "Titular\nEn mayo, el Ej\xC3\xA9rcito tailand\xC3\xA9s derroc\xC3\xB3 al "
                       "gobierno civil.");
    claim_of(ex, "Ej\xC3\xA9rcito tailand\xC3\xA9s", "locatedIn", "Tailandia");
    ex = extract("es", "Titular\nEl delantero Iv\xC3\xA1n Lima marc\xC3\xB3 dos goles.");
    assert_null(find_claim(ex, "locatedIn"));
}

/* A role noun with a copula: its subject holds the role (the whole role:
 * "primer ministro"), of a body or a place, never of a person. */
static void test_copular_role(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nPedro S\xC3\xA1nchez es el presidente de Espa\xC3\xB1"
                      "a.");
    const ng_claim *c = claim_of(ex, "Pedro S\xC3\xA1nchez", "presidentOf",
                                 "Espa\xC3\xB1"
                                 "a");
    assert_string_equal(c->pattern, "copula:role");
    ex = extract("es", "Titular\nRishi Sunak fue primer ministro del Reino Unido.");
    claim_of(ex, "Rishi Sunak", "primeMinisterOf", "Reino Unido");
}

/* A verb set beside another with nothing to join them ("dice …;
 * defiende a …") and no subject of its own shares that verb's subject:
 * not the name inside "dice que veía a …". Read from the tree. */
static void test_distance_subject_in_a_clause_above(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract("es", "Titular\nL\xC3\xB3pez Obrador dice que ve\xC3\xAD"
                                            "a a Don Gato con sus "
                                            "hijos; defiende a Benito Bodoque.");
    long amlo = ent_gaz(ex, "andres-manuel-lopez-obrador");
    assert_true(amlo >= 0);
    size_t defends = 0;
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        if (strcmp(c->property, "defends") != 0) continue;
        if (c->subject != (size_t)amlo) {
            dump(ex);
            fail_msg("defends has the wrong subject");
        }
        assert_string_equal(c->pattern, "tree:defender");
        defends++;
    }
    assert_int_equal(defends, 1);
}

/* On a parsed sentence an active verb's frames are read from the tree
 * only: the distance rules, right a third of the time on judged news, would
 * take "Chile" out of "una delegación de Chile" as what was received. */
static void test_no_distance_frames_beside_a_parse(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nEl alcalde Quiroga recibi\xC3\xB3 a una delegaci\xC3\xB3n de Chile.");
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        if (strncmp(c->pattern, "svo:", 4) == 0) {
            dump(ex);
            fail_msg("a distance claim (%s) on a parsed sentence", c->pattern);
        }
    }
    assert_false(has_claim(ex, "Quiroga", "receives", "Chile"));
}

/* A subjunctive clause that completes a noun or a verb says what was
 * wanted or decided: hedged; one of time stays a fact. */
static void test_subjunctive_complement_is_hedged(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es",
        "Titular\nLa decisi\xC3\xB3n de que Rusia apoye a Ir\xC3\xA1n sorprendi\xC3\xB3 a Europa.");
    assert_int_equal(claim_of(ex, "Rusia", "supports", "Ir\xC3\xA1n")->modality, NG_MOD_HEDGED);
    ex = extract("es", "Titular\nRusia apoy\xC3\xB3 a Ir\xC3\xA1n despu\xC3\xA9s de que Francia "
                       "visite Teher\xC3\xA1n.");
    assert_int_equal(claim_of(ex, "Rusia", "supports", "Ir\xC3\xA1n")->modality, NG_MOD_ASSERTED);
}

/* A claim read from the tree in a sentence that names its source is that
 * source's report. */
static void test_tree_claims_are_attributed(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es",
        "Titular\nSeg\xC3\xBAn la agencia estatal KCNA, Rusia atac\xC3\xB3 a Ucrania el lunes.");
    const ng_claim *c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    assert_int_equal(strncmp(c->pattern, "tree:", 5), 0);
    assert_int_equal(c->modality, NG_MOD_REPORTED);
    assert_true(c->speaker >= 0);
    assert_int_equal(c->speaker, ent(ex, "KCNA"));
    /* the complement of a verb of saying */
    ex = extract("es", "Titular\nPeskov dijo que Rusia atac\xC3\xB3 a Ucrania.");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_REPORTED);
    assert_int_equal(c->speaker, ent(ex, "Peskov"));
    /* a claim outside any report stays the article's own */
    ex = extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania el lunes.");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    assert_int_equal(c->modality, NG_MOD_ASSERTED);
    assert_true(c->speaker < 0);
}

/* A quote is not part of the name it closes ("“Cucho” también" names
 * Cucho), and a word after "un", or read as a common noun, names nothing
 * in particular. */
static void test_quotes_stay_outside_names(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nDijo que \xE2\x80\x9C"
                      "Cucho\xE2\x80\x9D tambi\xC3\xA9n es bueno y que \xE2\x80\x9C"
                      "Benito\xE2\x80\x9D no.");
    for (size_t k = 0; k < ng_extraction_entity_count(ex); k++) {
        const char *name = ng_extraction_entity(ex, k)->name;
        if (strstr(name, "\xE2\x80\x9D") || strstr(name, "\xE2\x80\x9C")) {
            dump(ex);
            fail_msg("entity '%s' holds a quote", name);
        }
    }
    /* one dictionary word after an indefinite article names no one */
    ex = extract("es", "Titular\nLa Universidad de Washington public\xC3\xB3 un Estudio que "
                       "se\xC3\xB1"
                       "ala riesgos.");
    assert_true(ent(ex, "Universidad de Washington") >= 0);
    assert_true(ent(ex, "Estudio") < 0);
    /* nor one the parse reads as a common noun, capital or not */
    ex = extract("es", "Titular\nLa agencia difundi\xC3\xB3 el Informe citado el lunes por el "
                       "Gobierno de Chile.");
    assert_true(ent(ex, "Gobierno de Chile") >= 0);
    assert_true(ent(ex, "Informe") < 0);
}

/* A line in capitals is read for its words, accented capitals too: none
 * of "CAMIÓN Y AVIÓN PARA LA LOGÍSTICA" is a name. */
static void test_accented_capitals(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nLos virus no son bacterias, explic\xC3\xB3 la doctora.\n\n"
                      "CAMI\xC3\x93N Y AVI\xC3\x93N PARA LA LOG\xC3\x8DSTICA\nEl env\xC3\xADo "
                      "llegar\xC3\xA1 el lunes.");
    if (ng_extraction_entity_count(ex)) {
        dump(ex);
        fail_msg("%zu entities in words of the dictionary", ng_extraction_entity_count(ex));
    }
}

/* A role compared with ("al igual que el presidente chileno, X", "like
 * the Chilean president, X") is someone else's. */
static void test_compared_role(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nAl igual que el presidente chileno, Ram\xC3\xB3n G\xC3\xB3mez, de 60 "
              "a\xC3\xB1os, apoya la reforma.");
    assert_true(ent(ex, "Ram\xC3\xB3n G\xC3\xB3mez") >= 0);
    assert_false(has_claim(ex, "Ram\xC3\xB3n G\xC3\xB3mez", "presidentOf", "Chile"));
    assert_false(has_claim(ex, "Ram\xC3\xB3n G\xC3\xB3mez", "nationality", "Chile"));
    ex = extract("es",
                 "Titular\nEl presidente chileno, Ram\xC3\xB3n G\xC3\xB3mez, de 60 a\xC3\xB1os, "
                 "apoya la reforma.");
    claim_of(ex, "Ram\xC3\xB3n G\xC3\xB3mez", "presidentOf", "Chile");
    ex = extract("en", "Headline\nLike the Chilean president, Ramon Gomez backs the reform.");
    assert_false(has_claim(ex, "Ramon Gomez", "presidentOf", "Chile"));
}

/* A body's name goes on over "y"/"and" and capitalised words of no other
 * name, not over another body. */
static void test_coordinated_body_name(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "en", "Headline\nThe Department of Health and Human Services said that the Ministry "
              "of Defence and the Army agreed.");
    assert_true(ent(ex, "Department of Health and Human Services") >= 0);
    assert_true(ent(ex, "Department of Health") < 0);
    assert_true(ent(ex, "Ministry of Defence") >= 0);
    assert_true(ent(ex, "Army") >= 0);
}

/* The same rules read English trees. */
static void test_english(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("en", "Headline\nNorth Korea and Russia signed a treaty with Belarus.");
    const ng_claim *c = claim_of(ex, "North Korea", "signsAgreementWith", "Belarus");
    assert_string_equal(c->pattern, "tree:sign");
    claim_of(ex, "Russia", "signsAgreementWith", "Belarus");
    ex = extract("en", "Headline\nThe president of Russia, Vladimir Putin, met Xi Jinping in "
                       "Beijing.");
    claim_of(ex, "Vladimir Putin", "meetsWith", "Xi Jinping");
}

/* The troops, forces or government of a country stand for it as actors,
 * a region for its own name; as objects only for verbs of judging. */
static void test_members_and_places(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nLos soldados de Corea del Norte participaron en la recuperaci\xC3\xB3n de "
              "la regi\xC3\xB3n de Kursk.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "participatesIn",
                                 "\xC3\x93"
                                 "blast de Kursk");
    assert_string_equal(c->pattern, "tree:participar+member");
    ex = extract("en", "Headline\nOn Monday, Russian troops attacked the city of Kharkiv again.");
    claim_of(ex, "Russia", "attacks", "Kharkiv");
    ex = extract("es", "Titular\nChile critic\xC3\xB3 al gobierno de Per\xC3\xBA.");
    claim_of(ex, "Chile", "criticises", "Per\xC3\xBA");
}

/* "acusó a Ucrania de haber invadido …": the object of a verb of object
 * control is the subject of its complement. */
static void test_object_control(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nRusia acus\xC3\xB3 a Ucrania de haber invadido territorio ruso.");
    const ng_claim *c = claim_of(ex, "Ucrania", "invades", "Rusia");
    assert_string_equal(c->pattern, "tree:invadir+place");
    assert_false(has_claim(ex, "Rusia", "invades", "Rusia"));
}

/* A verb whose subject in the tree names no one is not read by distance:
 * the protesters attacked the police station, not Bogota. */
static void test_unnamed_subject_is_no_name(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nEn Bogot\xC3\xA1 los manifestantes atacaron la sede del Partido Liberal.");
    assert_false(has_claim(ex, "Bogot\xC3\xA1", "attacks", "Partido Liberal"));
    assert_null(find_claim(ex, "attacks"));
}

/* A person after a comma that the parse hangs under the role noun by
 * another relation than apposition is still its holder. */
static void test_role_holder_after_a_comma(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("en", "Headline\nRussia's chief of the general staff, Gen Valery Gerasimov, "
                      "told Putin that the villages had been retaken.");
    const ng_claim *c = claim_of(ex, "Valery Gerasimov", "informs", "Putin");
    assert_string_equal(c->pattern, "tree:tell");
}

/* Noun phrases: an organisation or a place with a wider place hung on it
 * lies there; a person ", de <organisation>" is its member; with a noun in
 * apposition whose "de" is an organisation, works for it. */
static void test_places_and_affiliations(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nLa Universidad de Cornell, en Nueva York, public\xC3\xB3 el estudio. "
              "Fernando Clavijo, de Coalici\xC3\xB3n Canaria, lament\xC3\xB3 la ausencia. Jorge "
              "Cort\xC3\xA9s, infect\xC3\xB3logo del Hospital Universitario Nacional de "
              "Colombia, habl\xC3\xB3 ayer.");
    const ng_claim *c = claim_of(ex, "Universidad de Cornell", "locatedIn", "Nueva York");
    assert_string_equal(c->pattern, "tree:located-in");
    c = claim_of(ex, "Fernando Clavijo", "memberOf", "Coalici\xC3\xB3n Canaria");
    assert_string_equal(c->pattern, "tree:member-of");
    c = claim_of(ex, "Jorge Cort\xC3\xA9s", "worksFor",
                 "Hospital Universitario Nacional de Colombia");
    assert_string_equal(c->pattern, "tree:works-for");
    ex = extract("en", "Headline\nThe Adler Planetarium in Chicago, Illinois, will get a "
                       "simulator.");
    claim_of(ex, "Chicago", "locatedIn", "Illinois");
    /* of a transitive verb's phrases with "a", only the first is its object */
    ex = extract("es",
                 "Titular\nM\xC3\xA9xico detiene a cientos de miles de centroamericanos que huyen "
                 "hacia el norte, a los Estados Unidos.");
    assert_false(has_claim(ex, "M\xC3\xA9xico", "detains", "Estados Unidos"));
    /* "el español" as a singular noun is a language or one person, not Spain */
    ex = extract("es", "Titular\nFilipinas, colonizada por Espa\xC3\xB1"
                       "a, ha perdido el espa\xC3\xB1ol como su idioma oficial.");
    assert_false(has_claim(ex, "Filipinas", "loses",
                           "Espa\xC3\xB1"
                           "a"));
    /* a body the gazetteer knows is not where its mission is */
    ex = extract("es", "Titular\nLa misi\xC3\xB3n de la OMS en Wuhan encontr\xC3\xB3 indicios.");
    assert_false(has_claim(ex, "OMS", "locatedIn", "Wuhan"));
}

/* Event nouns (events.tsv) between who did it and what it was done to;
 * a possible event is hedged, "de acuerdo con" is no agreement. */
static void test_event_nouns(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nTras la invasi\xC3\xB3n rusa de Ucrania, la visita de Joe Biden a "
              "M\xC3\xA9xico fue breve. Rusia lanz\xC3\xB3 un ataque contra Kiev el lunes. Las "
              "sanciones de Estados Unidos contra Ir\xC3\xA1n siguen. Una posible invasi\xC3\xB3n "
              "de Taiw\xC3\xA1n por China preocupa a Jap\xC3\xB3n.");
    const ng_claim *c = claim_of(ex, "Rusia", "invades", "Ucrania");
    assert_string_equal(c->pattern, "noun:invasion");
    assert_true(ng_claim_is_direct(c));
    claim_of(ex, "Joe Biden", "visits", "M\xC3\xA9xico");
    claim_of(ex, "Rusia", "attacks", "Kiev");
    claim_of(ex, "Estados Unidos", "sanctions", "Ir\xC3\xA1n");
    c = claim_of(ex, "China", "invades", "Taiw\xC3\xA1n");
    assert_int_equal(c->modality, NG_MOD_HEDGED);
    ex = extract("es", "Titular\nDe acuerdo con el art\xC3\xAD"
                       "culo 96 de la "
                       "Constituci\xC3\xB3n de Colombia, la ley sigue.");
    assert_null(find_claim(ex, "signsAgreementWith"));
    ex = extract("en", "Headline\nRussia's invasion of Ukraine began in 2022.");
    claim_of(ex, "Russia", "invades", "Ukraine");
}

/* A quotation is its own clause: who quotes it is no argument of its
 * verbs. */
static void test_quotation_is_its_own_clause(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nPedro S\xC3\xA1nchez record\xC3\xB3 ayer en Madrid: "
                      "\"Marruecos firm\xC3\xB3 un acuerdo con Francia en 2019\".");
    claim_of(ex, "Marruecos", "signsAgreementWith", "Francia");
    assert_false(has_claim(ex, "Pedro S\xC3\xA1nchez", "signsAgreementWith", "Francia"));
    assert_false(has_claim(ex, "Pedro S\xC3\xA1nchez", "signsAgreementWith", "Marruecos"));
}

/* Beside a parse, distance fills in only what the tree leaves open: the
 * tree's subject stays the subject. */
static void test_distance_keeps_the_trees_subject(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex = extract(
        "es", "Titular\nAl aeropuerto llegaron un mill\xC3\xB3n de dosis de Coronavac, "
              "fabricadas por la china Sinovac, anunci\xC3\xB3 el canciller Marcelo Ebrard.");
    assert_null(find_claim(ex, "announces"));
    /* a name before the noun of a bare object only modifies it */
    /* a participle with an agent was done to the noun it is on */
    ex = extract("es",
                 "Titular\nEl ej\xC3\xA9rcito lanz\xC3\xB3 un ataque contra instalaciones en el "
                 "este de Siria utilizadas por milicias respaldadas por Ir\xC3\xA1n.");
    assert_null(find_claim(ex, "supports"));
    ex = extract("en", "Headline\nYesterday Reuters interviewed a New York bar owner about the "
                       "cocktail.");
    assert_null(find_claim(ex, "interviews"));
}

/* A Spanish relative clause with its subject after the verb; a passive's
 * subject is not who did what the verb beside it says. */
static void test_relative_subject_after_the_verb(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nDesde la Delegaci\xC3\xB3n del Gobierno de Madrid, que lidera el "
                      "socialista Jos\xC3\xA9 Manuel Franco, se ha puesto un l\xC3\xADmite.");
    claim_of(ex, "Jos\xC3\xA9 Manuel Franco", "leads", "Delegaci\xC3\xB3n del Gobierno de Madrid");
    assert_false(has_claim(ex, "Delegaci\xC3\xB3n del Gobierno de Madrid", "leads",
                           "Jos\xC3\xA9 Manuel Franco"));
    ex = extract("es", "Titular\nFilipinas fue conquistada por los espa\xC3\xB1oles en 1565 y "
                       "fund\xC3\xB3 la ciudad de Ceb\xC3\xBA.");
    assert_null(find_claim(ex, "founderOf"));
}

/* A counterpart of another country holds there the office the clause's
 * subject holds of its own. */
static void test_counterpart(void **state)
{
    (void)state;
    need_models();
    const ng_extraction *ex =
        extract("es", "Titular\nEl presidente de Brasil, Luiz In\xC3\xA1"
                      "cio Lula da Silva, "
                      "lleg\xC3\xB3 a Santiago. All\xC3\xAD Lula se reuni\xC3\xB3 con su "
                      "hom\xC3\xB3logo chileno, Gabriel Boric.");
    const ng_claim *c = claim_of(ex, "Gabriel Boric", "presidentOf", "Chile");
    assert_string_equal(c->pattern, "tree:counterpart");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coordinated_subjects),
        cmocka_unit_test(test_subject_of_a_clause_of_saying),
        cmocka_unit_test(test_objects_coordinated_with_the_verb),
        cmocka_unit_test(test_relative_clause),
        cmocka_unit_test(test_distance_stays_in_the_clause),
        cmocka_unit_test(test_intended_is_hedged),
        cmocka_unit_test(test_owner_of_the_object),
        cmocka_unit_test(test_named_is_no_call),
        cmocka_unit_test(test_unmapped_verb),
        cmocka_unit_test(test_markers_and_nationalities),
        cmocka_unit_test(test_nationality),
        cmocka_unit_test(test_person_nationality),
        cmocka_unit_test(test_seat_in_the_name),
        cmocka_unit_test(test_copular_role),
        cmocka_unit_test(test_distance_subject_in_a_clause_above),
        cmocka_unit_test(test_no_distance_frames_beside_a_parse),
        cmocka_unit_test(test_tree_claims_are_attributed),
        cmocka_unit_test(test_subjunctive_complement_is_hedged),
        cmocka_unit_test(test_quotes_stay_outside_names),
        cmocka_unit_test(test_accented_capitals),
        cmocka_unit_test(test_compared_role),
        cmocka_unit_test(test_coordinated_body_name),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_members_and_places),
        cmocka_unit_test(test_object_control),
        cmocka_unit_test(test_unnamed_subject_is_no_name),
        cmocka_unit_test(test_role_holder_after_a_comma),
        cmocka_unit_test(test_places_and_affiliations),
        cmocka_unit_test(test_event_nouns),
        cmocka_unit_test(test_quotation_is_its_own_clause),
        cmocka_unit_test(test_distance_keeps_the_trees_subject),
        cmocka_unit_test(test_relative_subject_after_the_verb),
        cmocka_unit_test(test_counterpart),
    };
    return cmocka_run_group_tests(tests, setup_models, teardown_models);
}
