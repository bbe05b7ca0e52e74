/* Unit tests for claim qualifiers: dates, quantities, modality, attribution
 * (newsgraph/extract.h; src/extract/dates.c, quantities.c, relations.c).
 *
 * Every test reads a short article (title line first), finds the claim a
 * sentence produces by its subject, property and object, and checks the
 * exact `when`, `quantity`, `modality` and `speaker` on it. Relative dates
 * need the article's date: extract_dated() sets it as ng_read_options.date. */
#include "support.h"

/* ---- helpers ------------------------------------------------------------------ */

#define countof(a) (sizeof(a) / sizeof *(a))

/* The claim `prop` from s to o in the last extraction (F->ex); fails if absent. */
static const ng_claim *claim(const char *s, const char *prop, const char *o)
{
    return claim_of(F->ex, s, prop, o);
}

/* Dump the last extraction and fail with "<subject> <property> <object>: <message>". */
static void fail_claim(const ng_claim *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void fail_claim(const ng_claim *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dump(F->ex);
    fail_msg("%s %s %s: %s", ename(F->ex, c->subject), c->property, ename(F->ex, c->object), msg);
}

/* The claim's `when` is exactly kind/rel/value. */
static void expect_when(const ng_claim *c, ng_when_kind kind, ng_when_rel rel, const char *value)
{
    if (c->when.kind != kind || c->when.rel != rel || strcmp(c->when.value, value) != 0)
        fail_claim(c, "when %s %s '%s', want %s %s '%s'", when_kind_name(c->when.kind),
                   when_rel_name(c->when.rel), c->when.value, when_kind_name(kind),
                   when_rel_name(rel), value);
}

static void expect_no_when(const ng_claim *c)
{
    if (c->when.kind != NG_WHEN_NONE)
        fail_claim(c, "when %s '%s', want none", when_kind_name(c->when.kind), c->when.value);
}

static int same_value(double a, double b)
{
    double d = a > b ? a - b : b - a;
    double m = (a > 0 ? a : -a) > (b > 0 ? b : -b) ? (a > 0 ? a : -a) : (b > 0 ? b : -b);
    return d <= 1e-9 * (m > 1 ? m : 1);
}

/* The claim's quantity is exactly bound/value/unit (unit NULL: not checked). */
static void expect_qty(const ng_claim *c, ng_bound bound, double value, const char *unit)
{
    const ng_quantity *q = &c->quantity;
    if (!q->present)
        fail_claim(c, "no quantity, want %s %.10g %s", bound_name(bound), value, unit ? unit : "");
    if (q->bound != bound || !same_value(q->value, value) ||
        (unit && (!q->unit || strcmp(q->unit, unit) != 0)))
        fail_claim(c, "quantity %s %.10g %s, want %s %.10g %s", bound_name(q->bound), q->value,
                   q->unit ? q->unit : "(no unit)", bound_name(bound), value, unit ? unit : "");
}

static void expect_no_qty(const ng_claim *c)
{
    const ng_quantity *q = &c->quantity;
    if (q->present)
        fail_claim(c, "quantity %s %.10g %s, want none", bound_name(q->bound), q->value,
                   q->unit ? q->unit : "(no unit)");
}

static void expect_modality(const ng_claim *c, ng_modality m)
{
    if (c->modality != m)
        fail_claim(c, "modality %s, want %s", ng_modality_name(c->modality), ng_modality_name(m));
}

/* The claim's speaker is the entity named `who`, or nobody when who is NULL. */
static void expect_speaker(const ng_claim *c, const char *who)
{
    long want = who ? ent(F->ex, who) : -1;
    if (who && want < 0) {
        dump(F->ex);
        fail_msg("no entity %s", who);
    }
    if (c->speaker != want)
        fail_claim(c, "speaker %s, want %s",
                   c->speaker >= 0 ? ename(F->ex, (size_t)c->speaker) : "(none)",
                   who ? who : "(none)");
}

/* The last extraction's article date is `date` (NULL: it has none). */
static void expect_date(const char *date)
{
    const char *got = ng_extraction_date(F->ex);
    if (date ? !got || strcmp(got, date) != 0 : got != NULL) {
        dump(F->ex);
        fail_msg("article date %s, want %s", got ? got : "(none)", date ? date : "(none)");
    }
}

/* ---- absolute dates ----------------------------------------------------------- */

static void test_date_month_year_es(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte defendi\xC3\xB3 el tratado firmado con "
                  "Mosc\xC3\xBA en junio de 2024.");
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Mosc\xC3\xBA"), NG_WHEN_YEAR_MONTH,
                NG_WHEN_AT, "2024-06");
}

static void test_date_full_es(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el 26 de abril de "
                  "2025.");
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Rusia"), NG_WHEN_DATE, NG_WHEN_AT,
                "2025-04-26");
}

static void test_date_absolute_en(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        ng_when_kind kind;
        const char *value;
    } cases[] = {
        {"Headline\nNorth Korea signed an agreement with Russia on March 3, 2025.", NG_WHEN_DATE,
         "2025-03-03"},
        {"Headline\nNorth Korea signed an agreement with Russia in June 2024.", NG_WHEN_YEAR_MONTH,
         "2024-06"},
    };
    for (size_t i = 0; i < countof(cases); i++) {
        extract("en", cases[i].text);
        expect_when(claim("North Korea", "signsAgreementWith", "Russia"), cases[i].kind, NG_WHEN_AT,
                    cases[i].value);
    }
}

static void test_date_year_es(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en 2023.");
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Rusia"), NG_WHEN_YEAR, NG_WHEN_AT,
                "2023");
}

/* ---- relative dates ----------------------------------------------------------- */

/* A sentence with a relative date in which one country signs an agreement
 * with another, and the `when` of that claim: `kind`/`value` against the
 * article date; in an undated article the xsd:gMonth `month`, or no `when`
 * at all (and no date counted) when month is NULL. */
typedef struct relative_date {
    const char *text;
    ng_when_kind kind;
    const char *value;
    const char *month;
} relative_date;

/* Spanish, against an article of Monday 2025-04-28. */
static const relative_date RELATIVE_ES[] = {
    {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia este lunes.", NG_WHEN_DATE,
     "2025-04-28", NULL},
    {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el s\xC3\xA1"
     "bado.",
     NG_WHEN_DATE, "2025-04-26", NULL},
    {"Titular\nCorea del Norte firm\xC3\xB3 ayer un acuerdo con Rusia.", NG_WHEN_DATE, "2025-04-27",
     NULL},
    {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el mes pasado.",
     NG_WHEN_YEAR_MONTH, "2025-03", NULL},
};

/* Months are placed in the year by the article date too: the most recent
 * October before it. Without one they are kept as an xsd:gMonth ("--10"),
 * which says no more than the text does. */
static const relative_date MONTHS_ES[] = {
    {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en octubre.", NG_WHEN_YEAR_MONTH,
     "2024-10", "--10"},
    {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en junio pasado.",
     NG_WHEN_YEAR_MONTH, "2024-06", "--06"},
};

/* English, against an article of Thursday 2025-02-06. */
static const relative_date RELATIVE_EN[] = {
    {"Headline\nNorth Korea signed an agreement with Russia on Tuesday.", NG_WHEN_DATE,
     "2025-02-04", NULL},
    {"Headline\nNorth Korea signed an agreement with Russia last month.", NG_WHEN_YEAR_MONTH,
     "2025-01", NULL},
    {"Headline\nNorth Korea signed an agreement with Russia yesterday.", NG_WHEN_DATE, "2025-02-05",
     NULL},
};

/* Read each of the n rows as `lang` with the article date `date` (NULL:
 * none): the article has that date, and the claim s signsAgreementWith o the
 * row's `when` for it. */
static void expect_relative(const char *lang, const char *date, const char *s, const char *o,
                            const relative_date *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        extract_dated(lang, date, rows[i].text);
        expect_date(date);
        const ng_claim *c = claim(s, "signsAgreementWith", o);
        if (date) {
            expect_when(c, rows[i].kind, NG_WHEN_AT, rows[i].value);
        } else if (rows[i].month) {
            expect_when(c, NG_WHEN_MONTH, NG_WHEN_AT, rows[i].month);
        } else {
            expect_no_when(c);
            assert_int_equal(ng_extraction_stats(F->ex).dates, 0);
        }
    }
}

static void test_date_relative_es(void **state)
{
    (void)state;
    expect_relative("es", "2025-04-28", "Corea del Norte", "Rusia", RELATIVE_ES,
                    countof(RELATIVE_ES));
    expect_relative("es", "2025-04-28", "Corea del Norte", "Rusia", MONTHS_ES, countof(MONTHS_ES));
}

static void test_date_relative_en(void **state)
{
    (void)state;
    expect_relative("en", "2025-02-06", "North Korea", "Russia", RELATIVE_EN, countof(RELATIVE_EN));
}

/* Without an article date relative dates stay unresolved; absolute ones do not
 * need it. */
static void test_date_relative_needs_article_date(void **state)
{
    (void)state;
    expect_relative("es", NULL, "Corea del Norte", "Rusia", RELATIVE_ES, countof(RELATIVE_ES));
    expect_relative("en", NULL, "North Korea", "Russia", RELATIVE_EN, countof(RELATIVE_EN));

    /* an absolute date next to a relative one, in an undated article */
    extract_dated("es", NULL,
                  "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en junio de 2024. "
                  "Rusia atac\xC3\xB3 ayer a Ucrania.");
    expect_date(NULL);
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Rusia"), NG_WHEN_YEAR_MONTH,
                NG_WHEN_AT, "2024-06");
    expect_no_when(claim("Rusia", "attacks", "Ucrania"));

    extract_dated("en", NULL,
                  "Headline\nNorth Korea signed an agreement with Russia on March 3, 2025.");
    expect_when(claim("North Korea", "signsAgreementWith", "Russia"), NG_WHEN_DATE, NG_WHEN_AT,
                "2025-03-03");

    extract_dated("es", NULL,
                  "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en 2023.");
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Rusia"), NG_WHEN_YEAR, NG_WHEN_AT,
                "2023");
}

/* Without an article date a month cannot be placed in a year: it is kept as
 * an xsd:gMonth ("--10"). */
static void test_date_month_needs_article_date(void **state)
{
    (void)state;
    expect_relative("es", NULL, "Corea del Norte", "Rusia", MONTHS_ES, countof(MONTHS_ES));
}

/* A full date in a body sentence is when that claim held, not the article's
 * date: it is no dateline, so "ayer" elsewhere in an undated article stays
 * unresolved. */
static void test_date_in_body_is_no_dateline(void **state)
{
    (void)state;
    extract_dated("es", NULL,
                  "Titular\nRusia atac\xC3\xB3 ayer a Ucrania. Corea del Norte firm\xC3\xB3 un "
                  "acuerdo con Rusia el 26 de abril de 2025.");
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Rusia"), NG_WHEN_DATE, NG_WHEN_AT,
                "2025-04-26");
    expect_no_when(claim("Rusia", "attacks", "Ucrania"));
    expect_date(NULL);
}

/* ---- ranges ------------------------------------------------------------------- */

static void test_date_ranges(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte ha desplegado tropas en Rusia desde agosto de 2024.");
    expect_when(claim("Corea del Norte", "deploysTroopsTo", "Rusia"), NG_WHEN_YEAR_MONTH,
                NG_WHEN_SINCE, "2024-08");

    extract("en", "Headline\nNorth Korea has deployed troops to Russia since 2019.");
    expect_when(claim("North Korea", "deploysTroopsTo", "Russia"), NG_WHEN_YEAR, NG_WHEN_SINCE,
                "2019");
}

/* ---- dateline ----------------------------------------------------------------- */

static void test_dateline(void **state)
{
    (void)state;
    const char *text = "Titular\nMADRID, 14 de marzo de 2025. Corea del Norte firm\xC3\xB3 ayer un "
                       "acuerdo con Rusia.";
    const struct {
        const char *date, *text; /* the article and its date, if it has one */
        const char *article;     /* the date the extraction gives it */
        const char *when;        /* "ayer" */
    } cases[] = {
        {NULL, text, "2025-03-14", "2025-03-13"},
        /* the dateline in a paragraph of its own */
        {NULL,
         "Titular\nMADRID, 14 de marzo de 2025.\nCorea del Norte firm\xC3\xB3 ayer un acuerdo "
         "con Rusia.",
         "2025-03-14", "2025-03-13"},
        /* the document's own date comes first */
        {"2025-04-28", text, "2025-04-28", "2025-04-27"},
    };
    for (size_t i = 0; i < countof(cases); i++) {
        extract_dated("es", cases[i].date, cases[i].text);
        expect_date(cases[i].article);
        const ng_claim *c = claim("Corea del Norte", "signsAgreementWith", "Rusia");
        expect_when(c, NG_WHEN_DATE, NG_WHEN_AT, cases[i].when);
    }
}

/* ---- quantities --------------------------------------------------------------- */

/* A claim and the quantity it must carry (unit NULL: not checked). */
typedef struct qty_claim {
    const char *s, *prop, *o;
    ng_bound bound;
    double value;
    const char *unit;
} qty_claim;

/* Read `text` as `lang` and check the quantity on its claim q. */
static void expect_qty_in(const char *lang, const char *text, qty_claim q)
{
    extract(lang, text);
    expect_qty(claim(q.s, q.prop, q.o), q.bound, q.value, q.unit);
}

static void test_qty_more_than_es(void **state)
{
    (void)state;
    const qty_claim q = {"Rusia", "deploysTroopsTo", "Bielorrusia", NG_BOUND_MIN, 10000, "soldado"};
    /* the count after the object */
    expect_qty_in("es", "Titular\nRusia envi\xC3\xB3 a Bielorrusia m\xC3\xA1s de 10.000 soldados.",
                  q);
    /* the usual order: the count between the verb and the object */
    expect_qty_in("es", "Titular\nRusia envi\xC3\xB3 m\xC3\xA1s de 10.000 soldados a Bielorrusia.",
                  q);
}

/* "3,5" is three and a half, "3.500" three thousand five hundred. */
static void test_qty_decimal_vs_thousands(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte envi\xC3\xB3 3,5 toneladas a Rusia.");
    expect_qty(claim("Corea del Norte", "sends", "Rusia"), NG_BOUND_EXACT, 3.5, "tonne");

    extract("es", "Titular\nCorea del Norte envi\xC3\xB3 3.500 soldados a Rusia.");
    expect_qty(claim("Corea del Norte", "deploysTroopsTo", "Rusia"), NG_BOUND_EXACT, 3500,
               "soldado");
}

static void test_qty_more_than_en(void **state)
{
    (void)state;
    extract("en", "Headline\nNorth Korea sent more than 3,000 soldiers to Russia.");
    expect_qty(claim("North Korea", "deploysTroopsTo", "Russia"), NG_BOUND_MIN, 3000, "soldier");
}

static void test_qty_dollars_billion_en(void **state)
{
    (void)state;
    const qty_claim q = {"China", "lendsTo", "Venezuela", NG_BOUND_EXACT, 3e9, "USD"};
    /* the amount after the object */
    expect_qty_in("en", "Headline\nChina lent Venezuela $3 billion.", q);
    /* the amount between the verb and the object */
    expect_qty_in("en", "Headline\nChina will lend $3 billion to Venezuela.", q);
}

static void test_qty_millones_de_dolares(void **state)
{
    (void)state;
    const qty_claim q = {"China", "lendsTo", "Venezuela", NG_BOUND_EXACT, 2.5e9, "USD"};
    /* the amount after the object */
    expect_qty_in("es",
                  "Titular\nChina prest\xC3\xB3 a Venezuela 2.500 millones de d\xC3\xB3lares.", q);
    /* the amount between the verb and the object */
    expect_qty_in("es",
                  "Titular\nChina prest\xC3\xB3 2.500 millones de d\xC3\xB3lares a Venezuela.", q);
}

static void test_qty_approx(void **state)
{
    (void)state;
    extract("es", "Titular\nRusia envi\xC3\xB3 unos 40 veh\xC3\xAD"
                  "culos a Bielorrusia.");
    expect_qty(claim("Rusia", "sends", "Bielorrusia"), NG_BOUND_APPROX, 40, NULL);
}

/* "miles de soldados": at least a thousand. */
static void test_qty_miles(void **state)
{
    (void)state;
    const qty_claim q = {"Rusia", "deploysTroopsTo", "Bielorrusia", NG_BOUND_MIN, 1000, "soldado"};
    /* the count after the object */
    expect_qty_in("es", "Titular\nRusia envi\xC3\xB3 a Bielorrusia miles de soldados.", q);
    /* the count between the verb and the object */
    expect_qty_in("es", "Titular\nRusia envi\xC3\xB3 miles de soldados a Bielorrusia.", q);
}

/* The article "una" is no count of one. */
static void test_qty_article_is_no_count(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte envi\xC3\xB3 tropas a Rusia cumpliendo una orden "
                  "de Kim Jong-un.");
    expect_no_qty(claim("Corea del Norte", "deploysTroopsTo", "Rusia"));
    assert_int_equal(ng_extraction_stats(F->ex).quantities, 0);
}

/* ---- which claim a qualifier goes to ------------------------------------------ */

static void test_date_goes_to_nearest_claim(void **state)
{
    (void)state;
    /* the date after the second verb */
    extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania, mientras Corea del Norte firm\xC3\xB3 un "
                  "acuerdo con Bielorrusia en junio de 2024.");
    expect_when(claim("Corea del Norte", "signsAgreementWith", "Bielorrusia"), NG_WHEN_YEAR_MONTH,
                NG_WHEN_AT, "2024-06");
    expect_no_when(claim("Rusia", "attacks", "Ucrania"));

    /* the date after the first verb */
    extract_dated("es", "2025-04-28",
                  "Titular\nRusia atac\xC3\xB3 a Ucrania el s\xC3\xA1"
                  "bado, mientras Corea del Norte firm\xC3\xB3 un acuerdo con Bielorrusia.");
    expect_when(claim("Rusia", "attacks", "Ucrania"), NG_WHEN_DATE, NG_WHEN_AT, "2025-04-26");
    expect_no_when(claim("Corea del Norte", "signsAgreementWith", "Bielorrusia"));

    /* a date in a sentence without a claim qualifies nothing in another one */
    extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania. Corea del Norte anunci\xC3\xB3 en "
                  "junio de 2024 nuevas medidas.");
    assert_int_equal(ng_extraction_stats(F->ex).dates, 1);
    expect_no_when(claim("Rusia", "attacks", "Ucrania"));
}

static void test_quantity_goes_to_nearest_claim(void **state)
{
    (void)state;
    extract("es", "Titular\nRusia envi\xC3\xB3 3.500 soldados a Ucrania, mientras Corea del Norte "
                  "firm\xC3\xB3 un acuerdo con Bielorrusia.");
    expect_qty(claim("Rusia", "deploysTroopsTo", "Ucrania"), NG_BOUND_EXACT, 3500, "soldado");
    expect_no_qty(claim("Corea del Norte", "signsAgreementWith", "Bielorrusia"));

    extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania, mientras Corea del Norte "
                  "envi\xC3\xB3 unos 40 veh\xC3\xAD"
                  "culos a Bielorrusia.");
    expect_qty(claim("Corea del Norte", "sends", "Bielorrusia"), NG_BOUND_APPROX, 40, NULL);
    expect_no_qty(claim("Rusia", "attacks", "Ucrania"));

    /* a count in a sentence without a claim qualifies nothing in another one */
    extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania. Corea del Norte tiene 3.500 "
                  "soldados.");
    assert_int_equal(ng_extraction_stats(F->ex).quantities, 1);
    expect_no_qty(claim("Rusia", "attacks", "Ucrania"));
}

/* ---- modality ----------------------------------------------------------------- */

static void test_modality_negated(void **state)
{
    (void)state;
    extract("es", "Titular\nRusia no firm\xC3\xB3 el acuerdo con Ucrania.");
    expect_modality(claim("Rusia", "signsAgreementWith", "Ucrania"), NG_MOD_NEGATED);
}

static void test_modality_hedged(void **state)
{
    (void)state;
    extract("es", "Titular\nCorea del Norte podr\xC3\xAD"
                  "a enviar tropas a Rusia.");
    expect_modality(claim("Corea del Norte", "deploysTroopsTo", "Rusia"), NG_MOD_HEDGED);
}

static void test_modality_future_es(void **state)
{
    (void)state;
    extract("es", "Titular\nRusia prestar\xC3\xA1 asistencia militar a Corea del Norte.");
    expect_modality(claim("Rusia", "providesAssistanceTo", "Corea del Norte"), NG_MOD_FUTURE);
}

static void test_modality_future_en(void **state)
{
    (void)state;
    extract("en", "Headline\nRussia will provide military assistance to North Korea.");
    expect_modality(claim("Russia", "providesAssistanceTo", "North Korea"), NG_MOD_FUTURE);
}

/* "would" as the future in the past */
static void test_modality_would(void **state)
{
    (void)state;
    extract("en", "Headline\nJapan would buy liquefied natural gas from Russia.");
    expect_modality(claim("Japan", "buysFrom", "Russia"), NG_MOD_FUTURE);
}

/* ---- attribution -------------------------------------------------------------- */

static void test_speaker_according_to_agency(void **state)
{
    (void)state;
    extract("es", "Titular\nSeg\xC3\xBAn la agencia KCNA, Corea del Norte ha desplegado tropas en "
                  "Rusia.");
    const ng_claim *c = claim("Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_speaker(c, "KCNA");
    expect_modality(c, NG_MOD_REPORTED);
}

/* What a body said just before its spokesperson is quoted, in the same
 * paragraph, was said by that person. */
static void test_speaker_spokesperson_same_paragraph(void **state)
{
    (void)state;
    extract("es", "Titular\nEl Kremlin asegur\xC3\xB3 que prestar\xC3\xA1 asistencia a Pyongyang. "
                  "\xE2\x80\x9C"
                  "Es un asunto bilateral\xE2\x80\x9D, dijo el portavoz de la "
                  "Presidencia rusa, Dmitri Peskov.");
    expect_speaker(claim("Kremlin", "providesAssistanceTo", "Pyongyang"), "Dmitri Peskov");
    expect_speaker(claim("Dmitri Peskov", "spokespersonOf", "Presidencia rusa"), NULL);
}

static void test_speaker_spokesperson_other_paragraph(void **state)
{
    (void)state;
    extract("es",
            "Titular\nEl Kremlin asegur\xC3\xB3 que prestar\xC3\xA1 asistencia a Pyongyang.\n\n"
            "\xE2\x80\x9C"
            "Es un asunto bilateral\xE2\x80\x9D, dijo el portavoz de la "
            "Presidencia rusa, Dmitri Peskov.");
    expect_speaker(claim("Kremlin", "providesAssistanceTo", "Pyongyang"), NULL);
}

/* Appositions say how the article names someone, not what a speaker said. */
static void test_apposition_has_no_speaker(void **state)
{
    (void)state;
    extract("es", "Titular\nRusia prestar\xC3\xA1 asistencia a Pyongyang, dijo el portavoz de la "
                  "Presidencia rusa, Dmitri Peskov.");
    const ng_claim *c = claim("Dmitri Peskov", "spokespersonOf", "Presidencia rusa");
    expect_speaker(c, NULL);
    expect_modality(c, NG_MOD_ASSERTED);
    expect_speaker(claim("Rusia", "providesAssistanceTo", "Pyongyang"), "Dmitri Peskov");

    extract("es", "Titular\nSeg\xC3\xBAn la agencia KCNA, el presidente de Rusia, Vladimir "
                  "Putin, visit\xC3\xB3 Pyongyang.");
    c = claim("Vladimir Putin", "presidentOf", "Rusia");
    expect_speaker(c, NULL);
    expect_modality(c, NG_MOD_ASSERTED);
    c = claim("Vladimir Putin", "visits", "Pyongyang");
    expect_speaker(c, "KCNA");
    expect_modality(c, NG_MOD_REPORTED);
}

/* ---- stats -------------------------------------------------------------------- */

static void test_stats(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en junio de "
                      "2024. Corea del Norte envi\xC3\xB3 3.500 soldados a Rusia en 2023. Rusia "
                      "envi\xC3\xB3 unos 40 veh\xC3\xAD"
                      "culos a Bielorrusia.");
    ng_extract_stats st = ng_extraction_stats(ex);
    assert_int_equal(st.dates, 2);
    assert_int_equal(st.quantities, 2);
    const ng_claim *c = claim("Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_when(c, NG_WHEN_YEAR, NG_WHEN_AT, "2023");
    expect_qty(c, NG_BOUND_EXACT, 3500, "soldado");

    /* relative dates count only when resolved */
    const char *rel = "Titular\nCorea del Norte firm\xC3\xB3 ayer un acuerdo con Rusia. Rusia "
                      "atac\xC3\xB3 a Ucrania el s\xC3\xA1"
                      "bado.";
    ex = extract_dated("es", "2025-04-28", rel);
    assert_int_equal(ng_extraction_stats(ex).dates, 2);
    assert_int_equal(ng_extraction_stats(ex).quantities, 0);
    ex = extract_dated("es", NULL, rel);
    assert_int_equal(ng_extraction_stats(ex).dates, 0);

    ex = extract("en", "Headline\nNorth Korea sent more than 3,000 soldiers to Russia in June "
                       "2024. China lent Venezuela $3 billion.");
    st = ng_extraction_stats(ex);
    assert_int_equal(st.dates, 1);
    assert_int_equal(st.quantities, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_month_year_es),
        cmocka_unit_test(test_date_full_es),
        cmocka_unit_test(test_date_absolute_en),
        cmocka_unit_test(test_date_year_es),
        cmocka_unit_test(test_date_relative_es),
        cmocka_unit_test(test_date_relative_en),
        cmocka_unit_test(test_date_relative_needs_article_date),
        cmocka_unit_test(test_date_month_needs_article_date),
        cmocka_unit_test(test_date_in_body_is_no_dateline),
        cmocka_unit_test(test_date_ranges),
        cmocka_unit_test(test_dateline),
        cmocka_unit_test(test_qty_more_than_es),
        cmocka_unit_test(test_qty_decimal_vs_thousands),
        cmocka_unit_test(test_qty_more_than_en),
        cmocka_unit_test(test_qty_dollars_billion_en),
        cmocka_unit_test(test_qty_millones_de_dolares),
        cmocka_unit_test(test_qty_approx),
        cmocka_unit_test(test_qty_miles),
        cmocka_unit_test(test_qty_article_is_no_count),
        cmocka_unit_test(test_date_goes_to_nearest_claim),
        cmocka_unit_test(test_quantity_goes_to_nearest_claim),
        cmocka_unit_test(test_modality_negated),
        cmocka_unit_test(test_modality_hedged),
        cmocka_unit_test(test_modality_future_es),
        cmocka_unit_test(test_modality_future_en),
        cmocka_unit_test(test_modality_would),
        cmocka_unit_test(test_speaker_according_to_agency),
        cmocka_unit_test(test_speaker_spokesperson_same_paragraph),
        cmocka_unit_test(test_speaker_spokesperson_other_paragraph),
        cmocka_unit_test(test_apposition_has_no_speaker),
        cmocka_unit_test(test_stats),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
