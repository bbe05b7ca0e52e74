/* Shared fixture for the unit tests that need the real ontology: a context,
 * the ontology loaded from NG_TEST_ONTOLOGY, an extractor over it, the last
 * article read (kept alive while its extraction is used) and a temporary
 * folder under /tmp. Use setup/teardown as the group fixture:
 *
 *     return cmocka_run_group_tests(tests, setup, teardown);
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
    ng_document *doc; /* the last article, kept alive while its extraction is used */
    char tmp[256];    /* a folder of its own under /tmp, removed by teardown */
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

/* Read `text` (title line first) as language `lang` (NULL: detect it) and
 * extract it with the fixture's extractor. The document stays in F->doc
 * until the next call. */
static inline const ng_extraction *extract(const char *lang, const char *text)
{
    ng_error err = {0};
    ng_document_free(F->doc);
    F->doc = NULL;
    ng_read_options ro = NG_READ_OPTIONS_INIT;
    ro.lang = lang;
    ro.format = NG_FORMAT_TEXT;
    if (ng_document_read_memory(&F->doc, "test.txt", text, strlen(text), &ro, &err))
        fail_msg("read: %s", err.msg);
    const ng_extraction *ex = NULL;
    if (ng_extract(F->x, F->doc, NULL, &ex, &err)) fail_msg("extract: %s", err.msg);
    assert_non_null(ex);
    return ex;
}

#endif
