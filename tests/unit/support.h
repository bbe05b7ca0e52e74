/* Shared fixture for the unit tests that need the real ontology: a context,
 * the ontology loaded from NG_TEST_ONTOLOGY, an extractor over it, the last
 * article read with its extraction, and a temporary folder under /tmp. Use
 * setup/teardown as the group fixture:
 *
 *     return cmocka_run_group_tests(tests, setup, teardown);
 *
 * Below the fixture: extract()/extract_dated() to read and extract an article,
 * lookups of entities and claims in an extraction (ent, claim_of, …) and
 * dump(), which prints an extraction for failure messages.
 *
 * Everything here is static inline, so a test file that leaves a helper
 * unused gets no warning. */
#ifndef NG_TESTS_UNIT_SUPPORT_H
#define NG_TESTS_UNIT_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"

typedef struct fixture {
    ng_context *ctx;
    ng_ontology *onto;
    ng_extractor *x;
    ng_document *doc;        /* the last article, kept alive while its extraction is used */
    const ng_extraction *ex; /* its extraction, borrowed from x until the next one */
    char tmp[256];           /* a folder of its own under /tmp, removed by teardown */
} fixture;

/* The group's fixture, for helpers that have no `state` at hand. */
static fixture *F;

/* Free in dependency order (document, extractor, ontology, context last) and
 * remove the temporary folder; -1 if it could not be removed. */
static inline int fixture_free(fixture *f)
{
    if (!f) return 0;
    ng_document_free(f->doc);
    ng_extractor_free(f->x);
    ng_ontology_free(f->onto);
    ng_context_free(f->ctx);
    int rc = 0;
    if (f->tmp[0]) {
        char cmd[400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
        rc = system(cmd) == 0 ? 0 : -1;
    }
    free(f);
    return rc;
}

static inline int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    ng_error err = {0};
    if (ng_context_new(&f->ctx, &err) ||
        ng_ontology_load(&f->onto, f->ctx, NG_TEST_ONTOLOGY, NULL, &err) ||
        ng_extractor_new(&f->x, f->onto, &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        fixture_free(f);
        return -1;
    }
    snprintf(f->tmp, sizeof f->tmp, "/tmp/ng-test-XXXXXX");
    if (!mkdtemp(f->tmp)) {
        perror("setup: mkdtemp");
        f->tmp[0] = '\0';
        fixture_free(f);
        return -1;
    }
    F = f;
    *state = f;
    return 0;
}

static inline int teardown(void **state)
{
    int rc = fixture_free(*state);
    *state = NULL;
    F = NULL;
    return rc;
}

/* Read `text` (title line first) as language `lang` (NULL: detect it) with
 * the article date `date` (YYYY-MM-DD, or NULL for none) and extract it with
 * the fixture's extractor. The document stays in F->doc and the extraction in
 * F->ex until the next call. */
static inline const ng_extraction *extract_dated(const char *lang, const char *date,
                                                 const char *text)
{
    ng_error err = {0};
    ng_document_free(F->doc);
    F->doc = NULL;
    F->ex = NULL;
    ng_read_options ro = NG_READ_OPTIONS_INIT;
    ro.lang = lang;
    ro.date = date;
    ro.format = NG_FORMAT_TEXT;
    if (ng_document_read_memory(&F->doc, "test.txt", text, strlen(text), &ro, &err))
        fail_msg("read: %s", err.msg);
    const ng_extraction *ex = NULL;
    if (ng_extract(F->x, F->doc, NULL, &ex, &err)) fail_msg("extract: %s", err.msg);
    assert_non_null(ex);
    F->ex = ex;
    return ex;
}

/* extract_dated() without an article date. */
static inline const ng_extraction *extract(const char *lang, const char *text)
{
    return extract_dated(lang, NULL, text);
}

/* ---- names for diagnostics ---------------------------------------------------- */

/* The name of entity i; fails if there is none. */
static inline const char *ename(const ng_extraction *ex, size_t i)
{
    const ng_entity_view *v = ng_extraction_entity(ex, i);
    assert_non_null(v);
    return v->name;
}

/* names[i], or `other` past the end of the table. */
static inline const char *name_in(const char *const *names, size_t n, unsigned i, const char *other)
{
    return i < n ? names[i] : other;
}

/* The names of the qualifier enums, in the order of their values. */
static inline const char *when_kind_name(ng_when_kind k)
{
    static const char *const names[] = {"none", "date", "year-month", "year"};
    /* gMonthDay, gMonth: the value tells which */
    return name_in(names, sizeof names / sizeof *names, (unsigned)k, "partial");
}

static inline const char *when_rel_name(ng_when_rel r)
{
    static const char *const names[] = {"at", "since", "until"};
    return name_in(names, sizeof names / sizeof *names, (unsigned)r, "?");
}

static inline const char *bound_name(ng_bound b)
{
    static const char *const names[] = {"exact", "min", "max", "approx"};
    return name_in(names, sizeof names / sizeof *names, (unsigned)b, "?");
}

/* Everything the extraction holds, with the article's text when it is the
 * last one read and every claim's qualifiers, for failure messages. */
static inline void dump(const ng_extraction *ex)
{
    const char *date = ng_extraction_date(ex);
    ng_extract_stats st = ng_extraction_stats(ex);
    size_t len;
    if (F && F->doc && F->ex == ex) print_message("    text: %s\n", ng_document_text(F->doc, &len));
    print_message("    article date %s; %zu dates, %zu quantities\n", date ? date : "(none)",
                  st.dates, st.quantities);
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        print_message("    entity %zu: %s | %s | %s | gaz=%s\n", i, v->key, v->name,
                      ng_type_name(v->type), v->gaz_id ? v->gaz_id : "-");
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

/* ---- lookups ------------------------------------------------------------------ */

/* Whether `a` is one of the aliases of v. */
static inline int has_alias(const ng_entity_view *v, const char *a)
{
    for (size_t k = 0; k < v->naliases; k++)
        if (strcmp(v->aliases[k], a) == 0) return 1;
    return 0;
}

/* Entity whose name or alias is `s`; index or -1. */
static inline long ent(const ng_extraction *ex, const char *s)
{
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        if (strcmp(v->name, s) == 0 || has_alias(v, s)) return (long)i;
    }
    return -1;
}

/* The first entity with the gazetteer id `gaz_id`; index or -1. */
static inline long ent_gaz(const ng_extraction *ex, const char *gaz_id)
{
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        if (v->gaz_id && strcmp(v->gaz_id, gaz_id) == 0) return (long)i;
    }
    return -1;
}

/* The first claim with the property `prop`, or NULL. */
static inline const ng_claim *find_claim(const ng_extraction *ex, const char *prop)
{
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++)
        if (strcmp(ng_extraction_claim(ex, i)->property, prop) == 0)
            return ng_extraction_claim(ex, i);
    return NULL;
}

/* The claim `prop` from the entity named (or aliased) s to o; dumps the
 * extraction and fails if absent. */
static inline const ng_claim *claim_of(const ng_extraction *ex, const char *s, const char *prop,
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

#endif
