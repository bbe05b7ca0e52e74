/* Unit tests for claim qualifiers: dates, quantities, modality, attribution
 * (newsgraph/extract.h; src/extract/dates.c, quantities.c, relations.c).
 *
 * Every test reads a short article (title line first), finds the claim a
 * sentence produces by its subject, property and object, and checks the
 * exact `when`, `quantity`, `modality` and `speaker` on it. Relative dates
 * need the article's date: extract_dated() sets it as ng_read_options.date. */
#include "support.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Like support.h's extract(), with the article date `date` (YYYY-MM-DD or
 * NULL). The document stays in F->doc until the next call. */
static const ng_extraction *extract_dated(const char *lang, const char *date, const char *text)
{
    ng_error err = {0};
    ng_document_free(F->doc);
    F->doc = NULL;
    ng_read_options ro = NG_READ_OPTIONS_INIT;
    ro.lang = lang;
    ro.date = date;
    ro.format = NG_FORMAT_TEXT;
    if (ng_document_read_memory(&F->doc, "test.txt", text, strlen(text), &ro, &err))
        fail_msg("read: %s", err.msg);
    const ng_extraction *ex = NULL;
    if (ng_extract(F->x, F->doc, NULL, &ex, &err)) fail_msg("extract: %s", err.msg);
    assert_non_null(ex);
    return ex;
}

static const char *ename(const ng_extraction *ex, size_t i)
{
    const ng_entity_view *v = ng_extraction_entity(ex, i);
    assert_non_null(v);
    return v->name;
}

static const char *when_kind_name(ng_when_kind k)
{
    switch (k) {
    case NG_WHEN_NONE:
        return "none";
    case NG_WHEN_DATE:
        return "date";
    case NG_WHEN_YEAR_MONTH:
        return "year-month";
    case NG_WHEN_YEAR:
        return "year";
    default: /* gMonthDay, gMonth: the value tells which */
        return "partial";
    }
}

static const char *when_rel_name(ng_when_rel r)
{
    switch (r) {
    case NG_WHEN_AT:
        return "at";
    case NG_WHEN_SINCE:
        return "since";
    case NG_WHEN_UNTIL:
        return "until";
    }
    return "?";
}

static const char *bound_name(ng_bound b)
{
    switch (b) {
    case NG_BOUND_EXACT:
        return "exact";
    case NG_BOUND_MIN:
        return "min";
    case NG_BOUND_MAX:
        return "max";
    case NG_BOUND_APPROX:
        return "approx";
    }
    return "?";
}

/* Everything the extraction holds, with the qualifiers, for failure messages. */
static void dump(const ng_extraction *ex)
{
    const char *date = ng_extraction_date(ex);
    ng_extract_stats st = ng_extraction_stats(ex);
    size_t len;
    print_message("    text: %s\n", ng_document_text(F->doc, &len));
    print_message("    article date %s; %zu dates, %zu quantities\n", date ? date : "(none)",
                  st.dates, st.quantities);
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        print_message("    entity %zu: %s | %s | %s\n", i, v->key, v->name, ng_type_name(v->type));
    }
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        print_message("    claim: %s %s %s (%s, %s, speaker %ld)\n", ename(ex, c->subject),
                      c->property, ename(ex, c->object), c->pattern, ng_modality_name(c->modality),
                      c->speaker);
        print_message("      when %s %s '%s'", when_kind_name(c->when.kind),
                      when_rel_name(c->when.rel), c->when.value);
        if (c->quantity.present)
            print_message("; quantity %s %.10g %s\n", bound_name(c->quantity.bound),
                          c->quantity.value, c->quantity.unit ? c->quantity.unit : "(no unit)");
        else
            print_message("; no quantity\n");
    }
}

/* Entity whose name or alias is `s`; index or -1. */
static long ent(const ng_extraction *ex, const char *s)
{
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        if (strcmp(v->name, s) == 0) return (long)i;
        for (size_t k = 0; k < v->naliases; k++)
            if (strcmp(v->aliases[k], s) == 0) return (long)i;
    }
    return -1;
}

/* The claim `prop` from the entity named (or aliased) s to o; fails if absent. */
static const ng_claim *claim_of(const ng_extraction *ex, const char *s, const char *prop,
                                const char *o)
{
    long si = ent(ex, s), oi = ent(ex, o);
    for (size_t i = 0; si >= 0 && oi >= 0 && i < ng_extraction_claim_count(ex); i++) {
        const ng_claim *c = ng_extraction_claim(ex, i);
        if (c->subject == (size_t)si && c->object == (size_t)oi && strcmp(c->property, prop) == 0)
            return c;
    }
    dump(ex);
    fail_msg("no claim %s %s %s", s, prop, o);
    return NULL;
}

/* The claim's `when` is exactly kind/rel/value. */
static void expect_when(const ng_extraction *ex, const ng_claim *c, ng_when_kind kind,
                        ng_when_rel rel, const char *value)
{
    if (c->when.kind != kind || c->when.rel != rel || strcmp(c->when.value, value) != 0) {
        dump(ex);
        fail_msg("%s %s %s: when %s %s '%s', want %s %s '%s'", ename(ex, c->subject), c->property,
                 ename(ex, c->object), when_kind_name(c->when.kind), when_rel_name(c->when.rel),
                 c->when.value, when_kind_name(kind), when_rel_name(rel), value);
    }
}

static void expect_no_when(const ng_extraction *ex, const ng_claim *c)
{
    if (c->when.kind != NG_WHEN_NONE) {
        dump(ex);
        fail_msg("%s %s %s: when %s '%s', want none", ename(ex, c->subject), c->property,
                 ename(ex, c->object), when_kind_name(c->when.kind), c->when.value);
    }
}

static int same_value(double a, double b)
{
    double d = a > b ? a - b : b - a;
    double m = (a > 0 ? a : -a) > (b > 0 ? b : -b) ? (a > 0 ? a : -a) : (b > 0 ? b : -b);
    return d <= 1e-9 * (m > 1 ? m : 1);
}

/* The claim's quantity is exactly bound/value/unit (unit NULL: not checked). */
static void expect_qty(const ng_extraction *ex, const ng_claim *c, ng_bound bound, double value,
                       const char *unit)
{
    const ng_quantity *q = &c->quantity;
    if (!q->present || q->bound != bound || !same_value(q->value, value) ||
        (unit && (!q->unit || strcmp(q->unit, unit) != 0))) {
        dump(ex);
        if (!q->present)
            fail_msg("%s %s %s: no quantity, want %s %.10g %s", ename(ex, c->subject), c->property,
                     ename(ex, c->object), bound_name(bound), value, unit ? unit : "");
        fail_msg("%s %s %s: quantity %s %.10g %s, want %s %.10g %s", ename(ex, c->subject),
                 c->property, ename(ex, c->object), bound_name(q->bound), q->value,
                 q->unit ? q->unit : "(no unit)", bound_name(bound), value, unit ? unit : "");
    }
}

static void expect_no_qty(const ng_extraction *ex, const ng_claim *c)
{
    if (c->quantity.present) {
        dump(ex);
        fail_msg("%s %s %s: quantity %s %.10g %s, want none", ename(ex, c->subject), c->property,
                 ename(ex, c->object), bound_name(c->quantity.bound), c->quantity.value,
                 c->quantity.unit ? c->quantity.unit : "(no unit)");
    }
}

static void expect_modality(const ng_extraction *ex, const ng_claim *c, ng_modality m)
{
    if (c->modality != m) {
        dump(ex);
        fail_msg("%s %s %s: modality %s, want %s", ename(ex, c->subject), c->property,
                 ename(ex, c->object), ng_modality_name(c->modality), ng_modality_name(m));
    }
}

/* The claim's speaker is the entity named `who`, or nobody when who is NULL. */
static void expect_speaker(const ng_extraction *ex, const ng_claim *c, const char *who)
{
    long want = -1;
    if (who) {
        want = ent(ex, who);
        if (want < 0) {
            dump(ex);
            fail_msg("no entity %s", who);
        }
    }
    if (c->speaker != want) {
        dump(ex);
        fail_msg("%s %s %s: speaker %s, want %s", ename(ex, c->subject), c->property,
                 ename(ex, c->object), c->speaker >= 0 ? ename(ex, (size_t)c->speaker) : "(none)",
                 who ? who : "(none)");
    }
}

static void expect_date(const ng_extraction *ex, const char *date)
{
    const char *got = ng_extraction_date(ex);
    if (date ? !got || strcmp(got, date) != 0 : got != NULL) {
        dump(ex);
        fail_msg("article date %s, want %s", got ? got : "(none)", date ? date : "(none)");
    }
}

/* ---- absolute dates ----------------------------------------------------------- */

static void test_date_month_year_es(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte defendi\xC3\xB3 el tratado firmado con "
                      "Mosc\xC3\xBA en junio de 2024.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Mosc\xC3\xBA");
    expect_when(ex, c, NG_WHEN_YEAR_MONTH, NG_WHEN_AT, "2024-06");
}

static void test_date_full_es(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con "
                                            "Rusia el 26 de abril de 2025.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-04-26");
}

static void test_date_absolute_en(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("en", "Headline\nNorth Korea signed an agreement with Russia on March 3, 2025.");
    const ng_claim *c = claim_of(ex, "North Korea", "signsAgreementWith", "Russia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-03-03");

    ex = extract("en", "Headline\nNorth Korea signed an agreement with Russia in June 2024.");
    c = claim_of(ex, "North Korea", "signsAgreementWith", "Russia");
    expect_when(ex, c, NG_WHEN_YEAR_MONTH, NG_WHEN_AT, "2024-06");
}

static void test_date_year_es(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en 2023.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_YEAR, NG_WHEN_AT, "2023");
}

/* ---- relative dates ----------------------------------------------------------- */

/* Spanish, against an article of Monday 2025-04-28. */
static void test_date_relative_es(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        ng_when_kind kind;
        const char *value;
    } cases[] = {
        {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia este lunes.", NG_WHEN_DATE,
         "2025-04-28"},
        {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el s\xC3\xA1"
         "bado.",
         NG_WHEN_DATE, "2025-04-26"},
        {"Titular\nCorea del Norte firm\xC3\xB3 ayer un acuerdo con Rusia.", NG_WHEN_DATE,
         "2025-04-27"},
        /* the most recent October before the article */
        {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en octubre.",
         NG_WHEN_YEAR_MONTH, "2024-10"},
        {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en junio pasado.",
         NG_WHEN_YEAR_MONTH, "2024-06"},
        {"Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el mes pasado.",
         NG_WHEN_YEAR_MONTH, "2025-03"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const ng_extraction *ex = extract_dated("es", "2025-04-28", cases[i].text);
        expect_date(ex, "2025-04-28");
        const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
        expect_when(ex, c, cases[i].kind, NG_WHEN_AT, cases[i].value);
    }
}

/* English, against an article of Thursday 2025-02-06. */
static void test_date_relative_en(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        ng_when_kind kind;
        const char *value;
    } cases[] = {
        {"Headline\nNorth Korea signed an agreement with Russia on Tuesday.", NG_WHEN_DATE,
         "2025-02-04"},
        {"Headline\nNorth Korea signed an agreement with Russia last month.", NG_WHEN_YEAR_MONTH,
         "2025-01"},
        {"Headline\nNorth Korea signed an agreement with Russia yesterday.", NG_WHEN_DATE,
         "2025-02-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const ng_extraction *ex = extract_dated("en", "2025-02-06", cases[i].text);
        expect_date(ex, "2025-02-06");
        const ng_claim *c = claim_of(ex, "North Korea", "signsAgreementWith", "Russia");
        expect_when(ex, c, cases[i].kind, NG_WHEN_AT, cases[i].value);
    }
}

/* Without an article date relative dates stay unresolved; absolute ones do not
 * need it. */
static void test_date_relative_needs_article_date(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *s, *o;
    } relative[] = {
        {"es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia este lunes.",
         "Corea del Norte", "Rusia"},
        {"es",
         "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el s\xC3\xA1"
         "bado.",
         "Corea del Norte", "Rusia"},
        {"es", "Titular\nCorea del Norte firm\xC3\xB3 ayer un acuerdo con Rusia.",
         "Corea del Norte", "Rusia"},
        {"es", "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia el mes pasado.",
         "Corea del Norte", "Rusia"},
        {"en", "Headline\nNorth Korea signed an agreement with Russia on Tuesday.", "North Korea",
         "Russia"},
        {"en", "Headline\nNorth Korea signed an agreement with Russia last month.", "North Korea",
         "Russia"},
        {"en", "Headline\nNorth Korea signed an agreement with Russia yesterday.", "North Korea",
         "Russia"},
    };
    for (size_t i = 0; i < sizeof relative / sizeof *relative; i++) {
        const ng_extraction *ex = extract_dated(relative[i].lang, NULL, relative[i].text);
        expect_date(ex, NULL);
        const ng_claim *c = claim_of(ex, relative[i].s, "signsAgreementWith", relative[i].o);
        expect_no_when(ex, c);
        assert_int_equal(ng_extraction_stats(ex).dates, 0);
    }

    /* an absolute date next to a relative one, in an undated article */
    const ng_extraction *ex = extract_dated(
        "es", NULL,
        "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en junio de 2024. "
        "Rusia atac\xC3\xB3 ayer a Ucrania.");
    expect_date(ex, NULL);
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_YEAR_MONTH, NG_WHEN_AT, "2024-06");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_no_when(ex, c);

    ex = extract_dated("en", NULL,
                       "Headline\nNorth Korea signed an agreement with Russia on March 3, 2025.");
    c = claim_of(ex, "North Korea", "signsAgreementWith", "Russia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-03-03");

    ex = extract_dated("es", NULL,
                       "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en 2023.");
    c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_YEAR, NG_WHEN_AT, "2023");
}

/* "en octubre", "junio pasado" are placed by the article date too: without
 * one they are not set either. */
/* Without an article date a month cannot be placed in a year: it is kept as
 * an xsd:gMonth ("--10"), which says no more than the text does. */
static void test_date_month_needs_article_date(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en octubre.",
        "Titular\nCorea del Norte firm\xC3\xB3 un acuerdo con Rusia en junio pasado.",
    };
    static const char *const months[] = {"--10", "--06"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const ng_extraction *ex = extract_dated("es", NULL, texts[i]);
        expect_date(ex, NULL);
        const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
        expect_when(ex, c, NG_WHEN_MONTH, NG_WHEN_AT, months[i]);
    }
}

/* A full date in a body sentence is when that claim held, not the article's
 * date: it is no dateline, so "ayer" elsewhere in an undated article stays
 * unresolved. */
static void test_date_in_body_is_no_dateline(void **state)
{
    (void)state;
    const ng_extraction *ex = extract_dated(
        "es", NULL,
        "Titular\nRusia atac\xC3\xB3 ayer a Ucrania. Corea del Norte firm\xC3\xB3 un acuerdo "
        "con Rusia el 26 de abril de 2025.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-04-26");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_no_when(ex, c);
    expect_date(ex, NULL);
}

/* ---- ranges ------------------------------------------------------------------- */

static void test_date_ranges(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte ha desplegado tropas en Rusia desde agosto de "
                      "2024.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_when(ex, c, NG_WHEN_YEAR_MONTH, NG_WHEN_SINCE, "2024-08");

    ex = extract("en", "Headline\nNorth Korea has deployed troops to Russia since 2019.");
    c = claim_of(ex, "North Korea", "deploysTroopsTo", "Russia");
    expect_when(ex, c, NG_WHEN_YEAR, NG_WHEN_SINCE, "2019");
}

/* ---- dateline ----------------------------------------------------------------- */

static void test_dateline(void **state)
{
    (void)state;
    const char *text = "Titular\nMADRID, 14 de marzo de 2025. Corea del Norte firm\xC3\xB3 ayer un "
                       "acuerdo con Rusia.";
    const ng_extraction *ex = extract_dated("es", NULL, text);
    expect_date(ex, "2025-03-14");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-03-13");

    /* the dateline in a paragraph of its own */
    ex = extract_dated("es", NULL,
                       "Titular\nMADRID, 14 de marzo de 2025.\nCorea del Norte firm\xC3\xB3 ayer "
                       "un acuerdo con Rusia.");
    expect_date(ex, "2025-03-14");
    c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-03-13");

    /* the document's own date comes first */
    ex = extract_dated("es", "2025-04-28", text);
    expect_date(ex, "2025-04-28");
    c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Rusia");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-04-27");
}

/* ---- quantities --------------------------------------------------------------- */

static void test_qty_more_than_es(void **state)
{
    (void)state;
    /* the count after the object */
    const ng_extraction *ex =
        extract("es", "Titular\nRusia envi\xC3\xB3 a Bielorrusia m\xC3\xA1s de 10.000 soldados.");
    const ng_claim *c = claim_of(ex, "Rusia", "deploysTroopsTo", "Bielorrusia");
    expect_qty(ex, c, NG_BOUND_MIN, 10000, "soldado");

    /* the usual order: the count between the verb and the object */
    ex = extract("es", "Titular\nRusia envi\xC3\xB3 m\xC3\xA1s de 10.000 soldados a Bielorrusia.");
    c = claim_of(ex, "Rusia", "deploysTroopsTo", "Bielorrusia");
    expect_qty(ex, c, NG_BOUND_MIN, 10000, "soldado");
}

/* "3,5" is three and a half, "3.500" three thousand five hundred. */
static void test_qty_decimal_vs_thousands(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte envi\xC3\xB3 3,5 toneladas a Rusia.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "sends", "Rusia");
    expect_qty(ex, c, NG_BOUND_EXACT, 3.5, "tonne");

    ex = extract("es", "Titular\nCorea del Norte envi\xC3\xB3 3.500 soldados a Rusia.");
    c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_qty(ex, c, NG_BOUND_EXACT, 3500, "soldado");
}

static void test_qty_more_than_en(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("en", "Headline\nNorth Korea sent more than 3,000 soldiers to Russia.");
    const ng_claim *c = claim_of(ex, "North Korea", "deploysTroopsTo", "Russia");
    expect_qty(ex, c, NG_BOUND_MIN, 3000, "soldier");
}

static void test_qty_dollars_billion_en(void **state)
{
    (void)state;
    /* the amount after the object */
    const ng_extraction *ex = extract("en", "Headline\nChina lent Venezuela $3 billion.");
    const ng_claim *c = claim_of(ex, "China", "lendsTo", "Venezuela");
    expect_qty(ex, c, NG_BOUND_EXACT, 3e9, "USD");

    /* the amount between the verb and the object */
    ex = extract("en", "Headline\nChina will lend $3 billion to Venezuela.");
    c = claim_of(ex, "China", "lendsTo", "Venezuela");
    expect_qty(ex, c, NG_BOUND_EXACT, 3e9, "USD");
}

static void test_qty_millones_de_dolares(void **state)
{
    (void)state;
    /* the amount after the object */
    const ng_extraction *ex =
        extract("es", "Titular\nChina prest\xC3\xB3 a Venezuela 2.500 millones de d\xC3\xB3lares.");
    const ng_claim *c = claim_of(ex, "China", "lendsTo", "Venezuela");
    expect_qty(ex, c, NG_BOUND_EXACT, 2.5e9, "USD");

    /* the amount between the verb and the object */
    ex =
        extract("es", "Titular\nChina prest\xC3\xB3 2.500 millones de d\xC3\xB3lares a Venezuela.");
    c = claim_of(ex, "China", "lendsTo", "Venezuela");
    expect_qty(ex, c, NG_BOUND_EXACT, 2.5e9, "USD");
}

static void test_qty_approx(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("es", "Titular\nRusia envi\xC3\xB3 unos 40 veh\xC3\xAD"
                                            "culos a Bielorrusia.");
    const ng_claim *c = claim_of(ex, "Rusia", "sends", "Bielorrusia");
    expect_qty(ex, c, NG_BOUND_APPROX, 40, NULL);
}

/* "miles de soldados": at least a thousand. */
static void test_qty_miles(void **state)
{
    (void)state;
    /* the count after the object */
    const ng_extraction *ex =
        extract("es", "Titular\nRusia envi\xC3\xB3 a Bielorrusia miles de soldados.");
    const ng_claim *c = claim_of(ex, "Rusia", "deploysTroopsTo", "Bielorrusia");
    expect_qty(ex, c, NG_BOUND_MIN, 1000, "soldado");

    /* the count between the verb and the object */
    ex = extract("es", "Titular\nRusia envi\xC3\xB3 miles de soldados a Bielorrusia.");
    c = claim_of(ex, "Rusia", "deploysTroopsTo", "Bielorrusia");
    expect_qty(ex, c, NG_BOUND_MIN, 1000, "soldado");
}

/* The article "una" is no count of one. */
static void test_qty_article_is_no_count(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nCorea del Norte envi\xC3\xB3 tropas a Rusia cumpliendo una orden "
                      "de Kim Jong-un.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_no_qty(ex, c);
    assert_int_equal(ng_extraction_stats(ex).quantities, 0);
}

/* ---- which claim a qualifier goes to ------------------------------------------ */

static void test_date_goes_to_nearest_claim(void **state)
{
    (void)state;
    /* the date after the second verb */
    const ng_extraction *ex = extract(
        "es", "Titular\nRusia atac\xC3\xB3 a Ucrania, mientras Corea del Norte firm\xC3\xB3 un "
              "acuerdo con Bielorrusia en junio de 2024.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Bielorrusia");
    expect_when(ex, c, NG_WHEN_YEAR_MONTH, NG_WHEN_AT, "2024-06");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_no_when(ex, c);

    /* the date after the first verb */
    ex = extract_dated("es", "2025-04-28",
                       "Titular\nRusia atac\xC3\xB3 a Ucrania el s\xC3\xA1"
                       "bado, mientras Corea del Norte firm\xC3\xB3 un acuerdo con Bielorrusia.");
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_when(ex, c, NG_WHEN_DATE, NG_WHEN_AT, "2025-04-26");
    c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Bielorrusia");
    expect_no_when(ex, c);

    /* a date in a sentence without a claim qualifies nothing in another one */
    ex = extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania. Corea del Norte anunci\xC3\xB3 en "
                       "junio de 2024 nuevas medidas.");
    assert_int_equal(ng_extraction_stats(ex).dates, 1);
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_no_when(ex, c);
}

static void test_quantity_goes_to_nearest_claim(void **state)
{
    (void)state;
    const ng_extraction *ex = extract(
        "es", "Titular\nRusia envi\xC3\xB3 3.500 soldados a Ucrania, mientras Corea del Norte "
              "firm\xC3\xB3 un acuerdo con Bielorrusia.");
    const ng_claim *c = claim_of(ex, "Rusia", "deploysTroopsTo", "Ucrania");
    expect_qty(ex, c, NG_BOUND_EXACT, 3500, "soldado");
    c = claim_of(ex, "Corea del Norte", "signsAgreementWith", "Bielorrusia");
    expect_no_qty(ex, c);

    ex = extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania, mientras Corea del Norte "
                       "envi\xC3\xB3 unos 40 veh\xC3\xAD"
                       "culos a Bielorrusia.");
    c = claim_of(ex, "Corea del Norte", "sends", "Bielorrusia");
    expect_qty(ex, c, NG_BOUND_APPROX, 40, NULL);
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_no_qty(ex, c);

    /* a count in a sentence without a claim qualifies nothing in another one */
    ex = extract("es", "Titular\nRusia atac\xC3\xB3 a Ucrania. Corea del Norte tiene 3.500 "
                       "soldados.");
    assert_int_equal(ng_extraction_stats(ex).quantities, 1);
    c = claim_of(ex, "Rusia", "attacks", "Ucrania");
    expect_no_qty(ex, c);
}

/* ---- modality ----------------------------------------------------------------- */

static void test_modality_negated(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nRusia no firm\xC3\xB3 el acuerdo con Ucrania.");
    const ng_claim *c = claim_of(ex, "Rusia", "signsAgreementWith", "Ucrania");
    expect_modality(ex, c, NG_MOD_NEGATED);
}

static void test_modality_hedged(void **state)
{
    (void)state;
    const ng_extraction *ex = extract("es", "Titular\nCorea del Norte podr\xC3\xAD"
                                            "a enviar tropas a Rusia.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_modality(ex, c, NG_MOD_HEDGED);
}

static void test_modality_future_es(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nRusia prestar\xC3\xA1 asistencia militar a Corea del Norte.");
    const ng_claim *c = claim_of(ex, "Rusia", "providesAssistanceTo", "Corea del Norte");
    expect_modality(ex, c, NG_MOD_FUTURE);
}

static void test_modality_future_en(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("en", "Headline\nRussia will provide military assistance to North Korea.");
    const ng_claim *c = claim_of(ex, "Russia", "providesAssistanceTo", "North Korea");
    expect_modality(ex, c, NG_MOD_FUTURE);
}

/* "would" as the future in the past */
static void test_modality_would(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("en", "Headline\nJapan would buy liquefied natural gas from Russia.");
    const ng_claim *c = claim_of(ex, "Japan", "buysFrom", "Russia");
    expect_modality(ex, c, NG_MOD_FUTURE);
}

/* ---- attribution -------------------------------------------------------------- */

static void test_speaker_according_to_agency(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nSeg\xC3\xBAn la agencia KCNA, Corea del Norte ha desplegado "
                      "tropas en Rusia.");
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_speaker(ex, c, "KCNA");
    expect_modality(ex, c, NG_MOD_REPORTED);
}

/* What a body said just before its spokesperson is quoted, in the same
 * paragraph, was said by that person. */
static void test_speaker_spokesperson_same_paragraph(void **state)
{
    (void)state;
    const ng_extraction *ex = extract(
        "es", "Titular\nEl Kremlin asegur\xC3\xB3 que prestar\xC3\xA1 asistencia a Pyongyang. "
              "\xE2\x80\x9C"
              "Es un asunto bilateral\xE2\x80\x9D, dijo el portavoz de la "
              "Presidencia rusa, Dmitri Peskov.");
    const ng_claim *c = claim_of(ex, "Kremlin", "providesAssistanceTo", "Pyongyang");
    expect_speaker(ex, c, "Dmitri Peskov");
    c = claim_of(ex, "Dmitri Peskov", "spokespersonOf", "Presidencia rusa");
    expect_speaker(ex, c, NULL);
}

static void test_speaker_spokesperson_other_paragraph(void **state)
{
    (void)state;
    const ng_extraction *ex = extract(
        "es", "Titular\nEl Kremlin asegur\xC3\xB3 que prestar\xC3\xA1 asistencia a Pyongyang.\n\n"
              "\xE2\x80\x9C"
              "Es un asunto bilateral\xE2\x80\x9D, dijo el portavoz de la "
              "Presidencia rusa, Dmitri Peskov.");
    const ng_claim *c = claim_of(ex, "Kremlin", "providesAssistanceTo", "Pyongyang");
    expect_speaker(ex, c, NULL);
}

/* Appositions say how the article names someone, not what a speaker said. */
static void test_apposition_has_no_speaker(void **state)
{
    (void)state;
    const ng_extraction *ex =
        extract("es", "Titular\nRusia prestar\xC3\xA1 asistencia a Pyongyang, dijo el portavoz de "
                      "la Presidencia rusa, Dmitri Peskov.");
    const ng_claim *c = claim_of(ex, "Dmitri Peskov", "spokespersonOf", "Presidencia rusa");
    expect_speaker(ex, c, NULL);
    expect_modality(ex, c, NG_MOD_ASSERTED);
    c = claim_of(ex, "Rusia", "providesAssistanceTo", "Pyongyang");
    expect_speaker(ex, c, "Dmitri Peskov");

    ex = extract("es", "Titular\nSeg\xC3\xBAn la agencia KCNA, el presidente de Rusia, Vladimir "
                       "Putin, visit\xC3\xB3 Pyongyang.");
    c = claim_of(ex, "Vladimir Putin", "presidentOf", "Rusia");
    expect_speaker(ex, c, NULL);
    expect_modality(ex, c, NG_MOD_ASSERTED);
    c = claim_of(ex, "Vladimir Putin", "visits", "Pyongyang");
    expect_speaker(ex, c, "KCNA");
    expect_modality(ex, c, NG_MOD_REPORTED);
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
    const ng_claim *c = claim_of(ex, "Corea del Norte", "deploysTroopsTo", "Rusia");
    expect_when(ex, c, NG_WHEN_YEAR, NG_WHEN_AT, "2023");
    expect_qty(ex, c, NG_BOUND_EXACT, 3500, "soldado");

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
