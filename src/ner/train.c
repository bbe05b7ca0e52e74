/* Training the entity tagger: a structured averaged perceptron (Collins
 * 2002). Each sentence is decoded with the current weights; where the best
 * path differs from the gold one, the gold path's features and transitions
 * gain and the predicted path's lose. Weights are averaged over all steps;
 * with several corpora each feature also has a weight of its corpus
 * (Daumé 2007) and the model keeps the shared ones plus corpus 0's. */
#include <stdlib.h>
#include <string.h>

#include "ner_int.h"

typedef struct trainer {
    const ng_ner_train_options *o;
    ng_dtrain emit, trans;
    ner_work w;
    uint64_t *feats; /* NG_MAX_FEATS per token */
    size_t *nfeats;
    float *em;
    uint8_t *back, *guess;
    size_t correct, total;
} trainer;

static int trainer_init(trainer *t, const ng_ner_train_options *o)
{
    memset(t, 0, sizeof *t);
    t->o = o;
    t->w.quick_common = o->quick_common;
    size_t n = NG_NER_MAX_TOKENS;
    t->feats = malloc(n * NG_MAX_FEATS * sizeof *t->feats);
    t->nfeats = malloc(n * sizeof *t->nfeats);
    t->em = malloc(n * NG_NER_NLABELS * sizeof *t->em);
    t->back = malloc(n * NG_NER_NLABELS);
    t->guess = malloc(n);
    if (!t->feats || !t->nfeats || !t->em || !t->back || !t->guess) return NG_ENOMEM;
    if (ng_dtrain_init(&t->emit, NG_NER_NLABELS, o->ndomains) ||
        ng_dtrain_init(&t->trans, NG_NER_NLABELS, o->ndomains))
        return NG_ENOMEM;
    return 0;
}

static void trainer_free(trainer *t)
{
    ng_dtrain_free(&t->emit);
    ng_dtrain_free(&t->trans);
    ng__ner_work_free(&t->w);
    free(t->feats);
    free(t->nfeats);
    free(t->em);
    free(t->back);
    free(t->guess);
}

static size_t example_len(const ng_ner_example *e)
{
    return e->n < NG_NER_MAX_TOKENS ? e->n : NG_NER_MAX_TOKENS;
}

static int features_of(trainer *t, const ng_ner_example *e, int headline)
{
    size_t n = example_len(e);
    if (ng__ner_atoms(&t->w, e->toks, n)) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        t->nfeats[i] = ng__ner_features(&t->w, n, i, headline, t->feats + i * NG_MAX_FEATS);
    return 0;
}

/* Features seen on gold paths, for pruning the rare ones. */
static int count_gold(trainer *t, const ng_ner_example *e, int headline)
{
    size_t n = example_len(e);
    if (features_of(t, e, headline)) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        uint64_t key = ng__ner_trans_key(i ? e->labels[i - 1] : NG_NER_START);
        if (ng_dtrain_count(&t->emit, t->feats + i * NG_MAX_FEATS, t->nfeats[i]) ||
            ng_dtrain_count(&t->trans, &key, 1))
            return NG_ENOMEM;
    }
    return 0;
}

static int update_path(trainer *t, const ng_ner_example *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const uint64_t *f = t->feats + i * NG_MAX_FEATS;
        uint32_t gold = e->labels[i], guess = t->guess[i];
        /* the clock moves once per token, right or wrong */
        if (ng_dtrain_update(&t->emit, f, t->nfeats[i], e->domain, gold, guess)) return NG_ENOMEM;
        uint32_t pg = i ? e->labels[i - 1] : NG_NER_START, pp = i ? t->guess[i - 1] : NG_NER_START;
        if (pg == pp && gold == guess) continue;
        uint64_t kg = ng__ner_trans_key(pg), kp = ng__ner_trans_key(pp);
        t->trans.gen.now = t->emit.gen.now;
        if (ng_dtrain_add(&t->trans, &kg, 1, e->domain, gold, 1.0f) ||
            ng_dtrain_add(&t->trans, &kp, 1, e->domain, guess, -1.0f))
            return NG_ENOMEM;
    }
    return 0;
}

static int learn_sentence(trainer *t, const ng_ner_example *e, int headline)
{
    size_t n = example_len(e);
    if (!n) return 0;
    if (features_of(t, e, headline)) return NG_ENOMEM;
    float tr[NG_NER_NLABELS + 1][NG_NER_NLABELS];
    for (uint32_t p = 0; p <= NG_NER_NLABELS; p++) {
        uint64_t key = ng__ner_trans_key(p);
        ng_dtrain_score(&t->trans, &key, 1, e->domain, tr[p]);
    }
    for (size_t i = 0; i < n; i++)
        ng_dtrain_score(&t->emit, t->feats + i * NG_MAX_FEATS, t->nfeats[i], e->domain,
                        t->em + i * NG_NER_NLABELS);
    ng__ner_viterbi(t->em, n, (const float(*)[NG_NER_NLABELS])tr, t->back, t->guess);
    for (size_t i = 0; i < n; i++)
        t->correct += t->guess[i] == e->labels[i];
    t->total += n;
    return update_path(t, e, n);
}

static int headline_copy(const ng_ner_train_options *o, size_t i)
{
    return o->headline_every > 0 && i % (size_t)o->headline_every == 0;
}

/* A fixed permutation per epoch from the seed (xorshift and Fisher-Yates). */
static void shuffle(size_t *order, size_t n, uint64_t *state)
{
    for (size_t i = n; i > 1; i--) {
        uint64_t x = *state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *state = x;
        size_t j = (size_t)(x % i), tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
    }
}

static int train_all(trainer *t, const ng_ner_example *ex, size_t n)
{
    const ng_ner_train_options *o = t->o;
    for (size_t i = 0; i < n; i++)
        if (count_gold(t, &ex[i], 0) || (headline_copy(o, i) && count_gold(t, &ex[i], 1)))
            return NG_ENOMEM;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    uint64_t state = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)o->seed * 0xBF58476D1CE4E5B9ULL);
    int rc = 0;
    for (int epoch = 0; epoch < o->epochs && !rc; epoch++) {
        shuffle(order, n, &state);
        t->correct = t->total = 0;
        for (size_t k = 0; k < n && !rc; k++) {
            size_t i = order[k];
            rc = learn_sentence(t, &ex[i], 0);
            if (!rc && headline_copy(o, i)) rc = learn_sentence(t, &ex[i], 1);
        }
        t->trans.gen.now = t->emit.gen.now;
        if (o->progress && t->total)
            o->progress(o->progress_arg, epoch + 1, 100.0 * (double)t->correct / (double)t->total);
    }
    free(order);
    return rc;
}

/* One member: a model trained with the examples in the order of seed. */
static int train_member(ng_ner_model *m, const ng_ner_example *ex, size_t n,
                        const ng_ner_train_options *o, uint32_t seed)
{
    ng_ner_train_options mo = *o;
    mo.seed = seed;
    trainer t;
    int rc = trainer_init(&t, &mo) || train_all(&t, ex, n) ||
             ng_dtrain_compile(&m->emit, &t.emit, o->min_count, 1e-3f) ||
             ng_dtrain_compile(&m->trans, &t.trans, 0, 0.0f);
    trainer_free(&t);
    return rc ? NG_ENOMEM : 0;
}

/* Adds member b into a (scores are linear: summed weights sum the scores). */
static int add_member(ng_ner_model *a, ng_ner_model *b)
{
    ng_wtab emit, trans;
    if (ng_wtab_sum(&emit, &a->emit, &b->emit)) return NG_ENOMEM;
    if (ng_wtab_sum(&trans, &a->trans, &b->trans)) {
        ng_wtab_free(&emit);
        return NG_ENOMEM;
    }
    ng_wtab_free(&a->emit);
    ng_wtab_free(&a->trans);
    a->emit = emit;
    a->trans = trans;
    return 0;
}

int ng_ner_train(ng_ner_model **out, const ng_ner_example *ex, size_t n,
                 const ng_ner_train_options *o, ng_error *err)
{
    if (!o->lang || !*o->lang || strlen(o->lang) > 7)
        return ng_error_set(err, NG_EINVAL, "training needs a language code");
    ng_ner_model *m = calloc(1, sizeof *m), *b = NULL;
    int rc = !m || train_member(m, ex, n, o, o->seed);
    for (int k = 1; k < o->members && !rc; k++) {
        rc = !(b = calloc(1, sizeof *b)) ||
             train_member(b, ex, n, o, o->seed + 7919u * (uint32_t)k) || add_member(m, b);
        ng_ner_model_free(b);
        b = NULL;
    }
    if (rc) {
        ng_ner_model_free(m);
        return ng_error_set(err, NG_ENOMEM, "out of memory while training");
    }
    strcpy(m->lang, o->lang);
    m->flags = o->quick_common ? NG_NER_QUICK_COMMON : 0;
    ng__ner_fill_transitions(m);
    *out = m;
    return 0;
}
