/* The parse and entity models of models/ for tests that extract with
 * them: a cmocka group setup that loads both into the fixture's extractor
 * (support.h), and need_models() to skip a test when they are absent. */
#ifndef NG_TEST_MODELS_H
#define NG_TEST_MODELS_H

#include "support.h"
#include "newsgraph/ner.h"
#include "newsgraph/parse.h"

#include <unistd.h>

static ng_models *MS;
static ng_ner_models *NMS; /* the entity models, as extraction uses them */

static inline int setup_models(void **state)
{
    int rc = setup(state);
    if (rc) return rc;
    char path[512];
    snprintf(path, sizeof path, "%s/es.ngm", NG_TEST_MODELS);
    if (access(path, R_OK) != 0) return 0; /* every test skips */
    ng_error err = {0};
    if (ng_models_new(&MS, NG_TEST_MODELS, &err) || ng_extractor_set_models(F->x, MS, &err) ||
        ng_ner_models_new(&NMS, NG_TEST_MODELS, &err) ||
        ng_extractor_set_entity_models(F->x, NMS, &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static inline int teardown_models(void **state)
{
    int rc = teardown(state); /* the extractor goes before the models it borrows */
    ng_models_free(MS);
    ng_ner_models_free(NMS);
    MS = NULL;
    NMS = NULL;
    return rc;
}

static inline void need_models(void)
{
    if (!MS) {
        fprintf(stderr, "no parse models in %s: skipped\n", NG_TEST_MODELS);
        skip();
    }
}

#endif
