/* Unit tests for the parse stage (newsgraph/parse.h and src/parse/parse_int.h):
 * - the arc-hybrid transition system: its dynamic oracle rebuilds every
 *   projective gold tree of tests/fixtures/parse/{es,en}-mini.conllu, and its
 *   costs count exactly the gold arcs a transition loses; lifting makes the
 *   non-projective tree projective and keeps it a tree;
 * - training: the same options give the same bytes; bad options, treebanks
 *   and outputs are errors naming the file;
 * - the model file: load, parse and save again; truncated, foreign, damaged
 *   (checksum, tables) and missing files refused with one line naming them;
 *   a folder of models;
 * - multiword tokens (del, al, verbs with clitics, seen and unseen) split
 *   into words whose byte and code point offsets tile the token; sentences
 *   longer than the parser takes; lemmas as the treebank gives them;
 * - the CoNLL-U reader and the re-parse of a treebank;
 * - word classes: the exchange algorithm groups words used alike; training
 *   learns them from text without the held-out sentences.
 *
 * The group setup trains small models on the fixture treebanks into a folder
 * of its own under /tmp, which the teardown removes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"
#include "newsgraph/parse.h"
#include "newsgraph/text.h"
#include "parse/parse_int.h"

#include "files.h"

#define ES_MINI NG_TEST_FIXTURES "/parse/es-mini.conllu"
#define EN_MINI NG_TEST_FIXTURES "/parse/en-mini.conllu"

/* The model header: magic, version, language, payload length, checksum. */
#define HDR_VERSION 4
#define HDR_PLEN 16
#define HDR_SUM 24
#define HDR_SIZE 32

static char tmp[256];                     /* this run's folder */
static char es_model[320], en_model[320]; /* trained by the setup */

/* ---- helpers ------------------------------------------------------------- */

static const char *in_tmp(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", tmp, name);
    return buf;
}

static int train_to(const char *treebank, const char *lang, uint64_t seed, const char *out,
                    ng_error *err)
{
    ng_train_options o = NG_TRAIN_OPTIONS_INIT;
    const char *files[] = {treebank};
    o.lang = lang;
    o.train = files;
    o.ntrain = 1;
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.seed = seed;
    o.min_count = 1;
    return ng_train(&o, out, NULL, err);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void assert_same_bytes(const char *a, const char *b)
{
    size_t la, lb;
    unsigned char *da = must_slurp(a, &la), *db = must_slurp(b, &lb);
    if (la != lb) fail_msg("%s has %zu bytes, %s %zu", a, la, b, lb);
    for (size_t i = 0; i < la; i++)
        if (da[i] != db[i]) fail_msg("%s and %s differ at byte %zu", a, b, i);
    free(da);
    free(db);
}

/* Make the header agree with a changed payload (length and checksum), so
 * that only the tables themselves can tell that the file is damaged. */
static void reseal(unsigned char *d, size_t len)
{
    put64(d + HDR_PLEN, len - HDR_SIZE);
    put64(d + HDR_SUM, ng_model_checksum(d + HDR_SIZE, len - HDR_SIZE));
}

/* Code points in s[0..n), counted independently of the library. */
static uint32_t cps(const char *s, size_t n)
{
    uint32_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

static ng_model *load_ok(const char *path)
{
    ng_model *m = NULL;
    ng_error err = {0};
    if (ng_model_load(&m, path, &err)) fail_msg("load %s: %s", path, err.msg);
    assert_non_null(m);
    return m;
}

static void read_treebank(ng_treebank *tb, const char *path)
{
    ng_error err = {0};
    memset(tb, 0, sizeof *tb);
    if (ng_treebank_read(tb, path, &err)) fail_msg("%s: %s", path, err.msg);
    assert_true(tb->n > 0);
}

/* heads[1..n] of a treebank sentence (heads[0] = 0, two spare cells). */
static uint32_t *gold_heads(const ng_csent *s)
{
    uint32_t *h = calloc(s->n + 2, sizeof *h);
    assert_non_null(h);
    for (size_t i = 0; i < s->n; i++)
        h[i + 1] = s->words[i].head;
    return h;
}

/* Every word reaches the root without a cycle and exactly one word is
 * attached to it. */
static void assert_tree(const uint32_t *head, size_t n, const char *what)
{
    size_t roots = 0;
    for (uint32_t d = 1; d <= n; d++) {
        if (head[d] > n) fail_msg("%s: word %u has head %u of %zu", what, d, head[d], n);
        roots += head[d] == 0;
        uint32_t k = d;
        size_t steps = 0;
        while (k && steps++ <= n)
            k = head[k];
        if (k) fail_msg("%s: word %u is on a cycle", what, d);
    }
    if (roots != 1) fail_msg("%s: %zu words attached to the root", what, roots);
}

static const char *sent_text(const ng_csent *s)
{
    for (size_t i = 0; i < s->nlines; i++)
        if (strncmp(s->lines[i].text, "# text = ", 9) == 0) return s->lines[i].text + 9;
    return "(no text)";
}

/* ---- the transition system ------------------------------------------------ */

/* Follow zero-cost transitions, the first of `order` that is valid and free,
 * from the initial configuration; every head must come out as gold. */
static void oracle_rebuilds(ng_config *c, const uint32_t *gold, size_t n, const int *order,
                            const char *what)
{
    assert_int_equal(ng_config_init(c, n), 0);
    size_t steps = 0;
    while (!ng_config_done(c)) {
        int t = -1;
        for (int k = 0; k < NG_T_COUNT && t < 0; k++)
            if (ng_config_valid(c, order[k]) && ng_config_cost(c, order[k], gold) == 0)
                t = order[k];
        if (t < 0) fail_msg("%s: no valid zero-cost transition after %zu steps", what, steps);
        ng_config_apply(c, t, 0);
        if (++steps > 2 * n) fail_msg("%s: more than %zu transitions", what, 2 * n);
    }
    /* arc-hybrid: every word shifted once and reduced once */
    if (steps != 2 * n) fail_msg("%s: %zu transitions for %zu words", what, steps, n);
    for (uint32_t d = 1; d <= n; d++)
        if (c->head[d] != gold[d])
            fail_msg("%s (order %d%d%d): word %u got head %u, gold %u", what, order[0], order[1],
                     order[2], d, c->head[d], gold[d]);
}

static const int ORDERS[3][NG_T_COUNT] = {{NG_T_SHIFT, NG_T_LEFT, NG_T_RIGHT},
                                          {NG_T_LEFT, NG_T_RIGHT, NG_T_SHIFT},
                                          {NG_T_RIGHT, NG_T_SHIFT, NG_T_LEFT}};

static void test_oracle_rebuilds_projective_trees(void **state)
{
    (void)state;
    const char *banks[] = {ES_MINI, EN_MINI};
    ng_config c = {0};
    size_t projective = 0, nonprojective = 0;
    for (size_t b = 0; b < 2; b++) {
        ng_treebank tb;
        read_treebank(&tb, banks[b]);
        for (size_t s = 0; s < tb.n; s++) {
            const ng_csent *cs = &tb.sents[s];
            uint32_t *gold = gold_heads(cs);
            assert_tree(gold, cs->n, sent_text(cs));
            if (!ng_is_projective(gold, cs->n)) {
                nonprojective++;
                free(gold);
                continue;
            }
            projective++;
            for (int o = 0; o < 3; o++)
                oracle_rebuilds(&c, gold, cs->n, ORDERS[o], sent_text(cs));
            free(gold);
        }
        ng_treebank_free(&tb);
    }
    ng_config_free(&c);
    /* 13 Spanish sentences, 12 English of which one is not projective */
    assert_int_equal(projective, 24);
    assert_int_equal(nonprojective, 1);
}

/* From any configuration, the cost of a transition is the number of gold arcs
 * it makes unreachable: after any sequence of valid transitions the parse has
 * exactly n minus the summed costs right. */
static void test_oracle_costs_count_lost_arcs(void **state)
{
    (void)state;
    const char *banks[] = {ES_MINI, EN_MINI};
    ng_config c = {0};
    uint64_t r = 0x9E3779B97F4A7C15ULL;
    for (size_t b = 0; b < 2; b++) {
        ng_treebank tb;
        read_treebank(&tb, banks[b]);
        for (size_t s = 0; s < tb.n; s++) {
            const ng_csent *cs = &tb.sents[s];
            uint32_t *gold = gold_heads(cs);
            if (!ng_is_projective(gold, cs->n)) ng_projectivize(gold, cs->n);
            for (int run = 0; run < 40; run++) {
                assert_int_equal(ng_config_init(&c, cs->n), 0);
                int lost = 0;
                while (!ng_config_done(&c)) {
                    int valid[NG_T_COUNT], nv = 0;
                    for (int t = 0; t < NG_T_COUNT; t++)
                        if (ng_config_valid(&c, t)) valid[nv++] = t;
                    assert_true(nv > 0);
                    r ^= r << 13, r ^= r >> 7, r ^= r << 17;
                    int t = valid[r % (uint64_t)nv];
                    int cost = ng_config_cost(&c, t, gold);
                    assert_true(cost >= 0);
                    lost += cost;
                    ng_config_apply(&c, t, 0);
                }
                int right = 0;
                for (uint32_t d = 1; d <= cs->n; d++)
                    right += c.head[d] == gold[d];
                if (right != (int)cs->n - lost)
                    fail_msg("%s, run %d: %d of %zu heads right, costs summed to %d", sent_text(cs),
                             run, right, cs->n, lost);
                uint32_t *made = calloc(cs->n + 1, sizeof *made);
                for (uint32_t d = 1; d <= cs->n; d++)
                    made[d] = c.head[d];
                assert_tree(made, cs->n, "a parse the transitions made");
                free(made);
            }
            free(gold);
        }
        ng_treebank_free(&tb);
    }
    ng_config_free(&c);
}

static void test_projectivize_lifts_nonprojective_arc(void **state)
{
    (void)state;
    ng_treebank tb;
    read_treebank(&tb, EN_MINI);
    ng_config c = {0};
    size_t seen = 0;
    for (size_t s = 0; s < tb.n; s++) {
        const ng_csent *cs = &tb.sents[s];
        uint32_t *gold = gold_heads(cs);
        if (ng_is_projective(gold, cs->n)) {
            /* a projective tree is left alone */
            uint32_t *copy = gold_heads(cs);
            ng_projectivize(copy, cs->n);
            assert_memory_equal(copy, gold, (cs->n + 1) * sizeof *gold);
            free(copy);
            free(gold);
            continue;
        }
        seen++;
        uint32_t *lifted = gold_heads(cs);
        ng_projectivize(lifted, cs->n);
        assert_true(ng_is_projective(lifted, cs->n));
        assert_tree(lifted, cs->n, "projectivized tree");
        /* a lifted word hangs from an ancestor of its gold head */
        size_t changed = 0;
        for (uint32_t d = 1; d <= cs->n; d++) {
            if (lifted[d] == gold[d]) continue;
            changed++;
            uint32_t k = gold[d];
            while (k && k != lifted[d])
                k = gold[k];
            if (k != lifted[d]) fail_msg("word %u lifted to %u, not an ancestor", d, lifted[d]);
        }
        assert_int_equal(changed, 1);
        /* "A decision was announced yesterday about the port tariffs.": tariffs
         * (9) leaves decision (2) for announced (4) */
        assert_string_equal(cs->words[8].form, "tariffs");
        assert_int_equal(gold[9], 2);
        assert_int_equal(lifted[9], 4);
        for (int o = 0; o < 3; o++)
            oracle_rebuilds(&c, lifted, cs->n, ORDERS[o], "projectivized tree");
        free(lifted);
        free(gold);
    }
    assert_int_equal(seen, 1);
    ng_config_free(&c);
    ng_treebank_free(&tb);

    /* hand-made trees: an arc crossing another, and one crossing the root's */
    uint32_t cross[] = {0, 3, 4, 0, 3}; /* 4 -> 2 passes over 3, the root */
    assert_false(ng_is_projective(cross, 4));
    ng_projectivize(cross, 4);
    assert_true(ng_is_projective(cross, 4));
    assert_tree(cross, 4, "lifted cross");
    assert_int_equal(cross[2], 3);
    uint32_t over_root[] = {0, 3, 0, 2}; /* 3 -> 1 passes over the root word 2 */
    assert_false(ng_is_projective(over_root, 3));
    ng_projectivize(over_root, 3);
    assert_true(ng_is_projective(over_root, 3));
    assert_tree(over_root, 3, "lifted over root");
    assert_int_equal(over_root[1], 2);
    uint32_t chain[] = {0, 0, 1, 2, 3};
    assert_true(ng_is_projective(chain, 4));
}

/* ---- training ------------------------------------------------------------- */

static void test_training_is_deterministic(void **state)
{
    (void)state;
    char a[320], b[320], other[320];
    ng_error err = {0};
    in_tmp(a, sizeof a, "det-a.ngm");
    in_tmp(b, sizeof b, "det-b.ngm");
    if (train_to(ES_MINI, "es", 1, a, &err)) fail_msg("train: %s", err.msg);
    if (train_to(ES_MINI, "es", 1, b, &err)) fail_msg("train: %s", err.msg);
    assert_same_bytes(a, b);
    assert_same_bytes(a, es_model); /* the setup's, trained with the same options */
    /* another seed still trains a model that loads and parses */
    in_tmp(other, sizeof other, "det-seed.ngm");
    if (train_to(ES_MINI, "es", 12345, other, &err)) fail_msg("train seed: %s", err.msg);
    ng_model *m = load_ok(other);
    assert_string_equal(ng_model_lang(m), "es");
    ng_parse *p;
    assert_int_equal(ng_parse_new(&p, &err), 0);
    const char *forms[] = {"El", "acuerdo", "fue", "firmado", "."};
    assert_int_equal(ng_parse_words(p, m, forms, 5, &err), 0);
    assert_int_equal(ng_parse_word_count(p), 5);
    ng_parse_free(p);
    ng_model_free(m);
    /* no temporary files left beside the models */
    char probe[400];
    snprintf(probe, sizeof probe, "ls '%s' | grep -q '[.]tmp'", tmp);
    assert_int_not_equal(system(probe), 0);
}

static void test_training_errors(void **state)
{
    (void)state;
    ng_error err = {0};
    char out[320], bad[320], missing[320], nodir[320];
    in_tmp(out, sizeof out, "never.ngm");
    ng_train_options o = NG_TRAIN_OPTIONS_INIT;
    assert_int_equal(ng_train(&o, out, NULL, &err), NG_EINVAL); /* no treebank */
    const char *files[1] = {ES_MINI};
    o.train = files;
    o.ntrain = 1;
    o.tagger_epochs = 0;
    assert_int_equal(ng_train(&o, out, NULL, &err), NG_EINVAL);
    o.tagger_epochs = 1;
    o.version = 99;
    assert_int_equal(ng_train(&o, out, NULL, &err), NG_EINVAL);
    o.version = NG_TRAIN_OPTIONS_VERSION;
    o.parser_epochs = 1;

    in_tmp(missing, sizeof missing, "no-such.conllu");
    files[0] = missing;
    ng_error_clear(&err);
    assert_int_equal(ng_train(&o, out, NULL, &err), NG_EIO);
    assert_non_null(strstr(err.msg, missing));

    in_tmp(bad, sizeof bad, "bad.conllu");
    const char *text = "# text = a b\n1\ta\ta\tNOUN\t_\t_\t0\troot\t_\t_\n2\tb\tb\tNOUN\t_\n";
    spill(bad, text, strlen(text));
    files[0] = bad;
    ng_error_clear(&err);
    assert_int_equal(ng_train(&o, out, NULL, &err), NG_EFORMAT);
    char where[400];
    snprintf(where, sizeof where, "%s:3", bad);
    if (!strstr(err.msg, where)) fail_msg("message does not say %s: %s", where, err.msg);
    assert_false(file_exists(out));

    /* an output that cannot be written */
    files[0] = ES_MINI;
    in_tmp(nodir, sizeof nodir, "no/such/dir/m.ngm");
    ng_error_clear(&err);
    assert_int_equal(ng_train(&o, nodir, NULL, &err), NG_EIO);
    assert_non_null(strstr(err.msg, nodir));
}

/* ---- the model file ---------------------------------------------------------- */

static void check_parse_invariants(const ng_parse *p)
{
    for (size_t s = 0; s < ng_parse_sentence_count(p); s++) {
        const ng_parse_sentence *ps = ng_parse_sentence_at(p, s);
        assert_non_null(ps);
        size_t roots = 0;
        uint32_t *heads = calloc(ps->count + 1, sizeof *heads);
        assert_non_null(heads);
        for (uint32_t i = 0; i < ps->count; i++) {
            const ng_word *w = ng_parse_word(p, ps->first + i);
            assert_non_null(w);
            if (w->head > ps->count)
                fail_msg("sentence %zu word %u '%s': head %u of %u", s, i + 1, w->form, w->head,
                         ps->count);
            heads[i + 1] = w->head;
            roots += w->head == 0;
            assert_non_null(w->form);
            assert_non_null(w->lemma);
            assert_non_null(w->feats);
            assert_non_null(w->deprel);
            if (!w->lemma[0] || !w->deprel[0] || !w->feats[0])
                fail_msg("word '%s': lemma '%s' deprel '%s' feats '%s'", w->form, w->lemma,
                         w->deprel, w->feats);
            assert_true((unsigned)w->upos < NG_UPOS_COUNT);
            /* the root arc and only it is labelled root */
            assert_int_equal(w->head == 0, strcmp(w->deprel, "root") == 0);
        }
        if (ps->count) {
            assert_int_equal(roots, 1);
            assert_tree(heads, ps->count, "parse");
        }
        free(heads);
    }
}

/* Two models give the same analysis of every sentence of tb. */
static void assert_parses_alike(const ng_model *a, const ng_model *b, const ng_treebank *tb)
{
    ng_parse *pa, *pb;
    ng_error err = {0};
    assert_int_equal(ng_parse_new(&pa, &err), 0);
    assert_int_equal(ng_parse_new(&pb, &err), 0);
    for (size_t s = 0; s < tb->n; s++) {
        const ng_csent *cs = &tb->sents[s];
        const char **forms = calloc(cs->n, sizeof *forms);
        for (size_t i = 0; i < cs->n; i++)
            forms[i] = cs->words[i].form;
        ng_parse_reset(pa);
        ng_parse_reset(pb);
        assert_int_equal(ng_parse_words(pa, a, forms, cs->n, &err), 0);
        assert_int_equal(ng_parse_words(pb, b, forms, cs->n, &err), 0);
        for (size_t i = 0; i < cs->n; i++) {
            const ng_word *x = ng_parse_word(pa, i), *y = ng_parse_word(pb, i);
            if (x->upos != y->upos || x->head != y->head || strcmp(x->deprel, y->deprel) ||
                strcmp(x->lemma, y->lemma) || strcmp(x->feats, y->feats))
                fail_msg("'%s': %s %u %s %s %s, reloaded %s %u %s %s %s", x->form,
                         ng_upos_name(x->upos), x->head, x->deprel, x->lemma, x->feats,
                         ng_upos_name(y->upos), y->head, y->deprel, y->lemma, y->feats);
        }
        free(forms);
    }
    ng_parse_free(pa);
    ng_parse_free(pb);
}

static void test_model_round_trip(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    assert_string_equal(ng_model_lang(m), "es");
    ng_error err = {0};
    ng_parse *p;
    assert_int_equal(ng_parse_new(&p, &err), 0);

    /* every sentence of the treebank the model learnt from, on its own words */
    ng_treebank tb;
    read_treebank(&tb, ES_MINI);
    size_t all = 0, upos = 0, uas = 0;
    for (size_t s = 0; s < tb.n; s++) {
        const ng_csent *cs = &tb.sents[s];
        const char **forms = calloc(cs->n, sizeof *forms);
        for (size_t i = 0; i < cs->n; i++)
            forms[i] = cs->words[i].form;
        ng_parse_reset(p);
        assert_int_equal(ng_parse_words(p, m, forms, cs->n, &err), 0);
        assert_int_equal(ng_parse_sentence_count(p), 1);
        assert_int_equal(ng_parse_word_count(p), cs->n);
        check_parse_invariants(p);
        uint32_t bytes = 0, chars = 0;
        for (size_t i = 0; i < cs->n; i++) {
            const ng_word *w = ng_parse_word(p, i);
            assert_string_equal(w->form, forms[i]);
            assert_ptr_not_equal(w->form, forms[i]); /* copied */
            assert_int_equal(w->sentence, 0);
            assert_int_equal(w->token, i);
            assert_int_equal(w->mwt, 0);
            /* offsets count within the words joined by spaces */
            size_t len = strlen(forms[i]);
            assert_int_equal(w->byte_start, bytes);
            assert_int_equal(w->byte_end, bytes + len);
            assert_int_equal(w->char_start, chars);
            assert_int_equal(w->char_end, chars + cps(forms[i], len));
            bytes = w->byte_end + 1;
            chars = w->char_end + 1;
            all++;
            upos += strcmp(ng_upos_name(w->upos), cs->words[i].upos) == 0;
            uas += w->head == cs->words[i].head;
        }
        free(forms);
    }
    /* the model fits what it was trained on */
    if (upos * 100 < all * 90 || uas * 100 < all * 60)
        fail_msg("on its training data: UPOS %zu/%zu, UAS %zu/%zu", upos, all, uas, all);

    /* appending: two sentences, the second numbered 1 */
    ng_parse_reset(p);
    const char *a[] = {"El", "juez", "ordenó", "."}, *b[] = {"La", "empresa", "anunció", "."};
    assert_int_equal(ng_parse_words(p, m, a, 4, &err), 0);
    assert_int_equal(ng_parse_words(p, m, b, 4, &err), 0);
    assert_int_equal(ng_parse_sentence_count(p), 2);
    assert_int_equal(ng_parse_sentence_at(p, 1)->first, 4);
    assert_int_equal(ng_parse_word(p, 5)->sentence, 1);
    assert_null(ng_parse_word(p, 8));
    assert_null(ng_parse_sentence_at(p, 2));
    check_parse_invariants(p);
    /* no words at all */
    ng_parse_reset(p);
    assert_int_equal(ng_parse_words(p, m, a, 0, &err), 0);
    assert_int_equal(ng_parse_word_count(p), 0);
    ng_parse_free(p);

    /* saved again and loaded, the model parses as before */
    char again[320];
    in_tmp(again, sizeof again, "resaved.ngm");
    if (ng_model_save(m, again, &err)) fail_msg("save: %s", err.msg);
    ng_model *m2 = load_ok(again);
    assert_string_equal(ng_model_lang(m2), "es");
    assert_parses_alike(m, m2, &tb);
    ng_model_free(m2);
    ng_model_free(m);
    ng_treebank_free(&tb);
}

/* Saving a loaded model writes the bytes it was loaded from. */
static void test_model_resave_same_bytes(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    char again[320];
    ng_error err = {0};
    in_tmp(again, sizeof again, "resaved-bytes.ngm");
    if (ng_model_save(m, again, &err)) fail_msg("save: %s", err.msg);
    ng_model_free(m);
    assert_same_bytes(es_model, again);
}

/* A form the treebank always shows with one tag and one lemma gets that
 * lemma back when it is tagged so, whatever its case ("El" at the start of a
 * sentence is "el", as the treebank says). */
static void test_lemmas_as_in_training(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    ng_treebank tb;
    read_treebank(&tb, ES_MINI);
    ng_parse *p;
    ng_error err = {0};
    assert_int_equal(ng_parse_new(&p, &err), 0);
    char problems[2048] = "";
    size_t used = 0, checked = 0;
    for (size_t s = 0; s < tb.n; s++) {
        const ng_csent *cs = &tb.sents[s];
        const char **forms = calloc(cs->n, sizeof *forms);
        for (size_t i = 0; i < cs->n; i++)
            forms[i] = cs->words[i].form;
        ng_parse_reset(p);
        assert_int_equal(ng_parse_words(p, m, forms, cs->n, &err), 0);
        for (size_t i = 0; i < cs->n; i++) {
            const ng_cword *g = &cs->words[i];
            const ng_word *w = ng_parse_word(p, i);
            if (strcmp(ng_upos_name(w->upos), g->upos) != 0) continue;
            /* the same form with the same tag has the same lemma everywhere */
            int unique = 1;
            for (size_t t = 0; t < tb.n && unique; t++)
                for (size_t k = 0; k < tb.sents[t].n; k++) {
                    const ng_cword *o = &tb.sents[t].words[k];
                    if (!strcmp(o->form, g->form) && !strcmp(o->upos, g->upos) &&
                        strcmp(o->lemma, g->lemma))
                        unique = 0;
                }
            if (!unique) continue;
            checked++;
            if (strcmp(w->lemma, g->lemma) != 0 && used < sizeof problems - 1)
                used += (size_t)snprintf(problems + used, sizeof problems - used,
                                         "\n    %s %s: lemma '%s', the treebank says '%s'", g->form,
                                         g->upos, w->lemma, g->lemma);
        }
        free(forms);
    }
    ng_parse_free(p);
    ng_treebank_free(&tb);
    ng_model_free(m);
    assert_true(checked > 100);
    if (used) fail_msg("lemmas of %zu words:%s", checked, problems);
}

/* A load that must fail with `code` and one line naming the file. */
static void expect_refused(const char *path, int code, const char *needle)
{
    ng_model *m = NULL;
    ng_error err = {0};
    int rc = ng_model_load(&m, path, &err);
    if (rc != code) fail_msg("%s: returned %d (%s), want %d", path, rc, err.msg, code);
    assert_int_equal(err.code, code);
    assert_null(m);
    if (!strstr(err.msg, path)) fail_msg("message does not name %s: %s", path, err.msg);
    if (needle && !strstr(err.msg, needle)) fail_msg("message lacks '%s': %s", needle, err.msg);
    assert_null(strchr(err.msg, '\n'));
}

static void test_broken_model_files(void **state)
{
    (void)state;
    size_t len;
    unsigned char *good = must_slurp(es_model, &len);
    assert_true(len > HDR_SIZE + 64);
    assert_memory_equal(good, NG_MODEL_MAGIC, 4);
    assert_int_equal(get64(good + HDR_PLEN), len - HDR_SIZE);
    char path[320];

    /* truncated: in the header, just after it, half way, one byte short */
    size_t cuts[] = {0, 3, HDR_SIZE - 1, HDR_SIZE, HDR_SIZE + 1, len / 2, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        snprintf(path, sizeof path, "%s/cut-%zu.ngm", tmp, cuts[i]);
        spill(path, good, cuts[i]);
        expect_refused(path, NG_EFORMAT, NULL);
    }
    /* a byte too many */
    unsigned char *d = malloc(len + 1);
    memcpy(d, good, len);
    d[len] = 0;
    in_tmp(path, sizeof path, "long.ngm");
    spill(path, d, len + 1);
    expect_refused(path, NG_EFORMAT, NULL);
    /* not a model at all */
    memcpy(d, good, len);
    d[0] = 'X';
    in_tmp(path, sizeof path, "magic.ngm");
    spill(path, d, len);
    expect_refused(path, NG_EFORMAT, "not a newsgraph model");
    in_tmp(path, sizeof path, "text.ngm");
    spill(path, "1\tEl\tel\tDET\n", 12);
    expect_refused(path, NG_EFORMAT, NULL);
    /* another version of the format */
    memcpy(d, good, len);
    put32(d + HDR_VERSION, NG_MODEL_VERSION + 1);
    in_tmp(path, sizeof path, "version.ngm");
    spill(path, d, len);
    expect_refused(path, NG_EFORMAT, "version");
    /* one flipped bit in the payload: the checksum tells */
    size_t spots[] = {HDR_SIZE, HDR_SIZE + (len - HDR_SIZE) / 3, len / 2, len - 1};
    for (size_t i = 0; i < sizeof spots / sizeof *spots; i++) {
        memcpy(d, good, len);
        d[spots[i]] ^= 0x10;
        snprintf(path, sizeof path, "%s/flip-%zu.ngm", tmp, spots[i]);
        spill(path, d, len);
        expect_refused(path, NG_EFORMAT, "checksum");
    }
    /* a damaged checksum */
    memcpy(d, good, len);
    d[HDR_SUM] ^= 1;
    in_tmp(path, sizeof path, "sum.ngm");
    spill(path, d, len);
    expect_refused(path, NG_EFORMAT, "checksum");
    /* cannot be read */
    in_tmp(path, sizeof path, "missing.ngm");
    expect_refused(path, NG_EIO, NULL);
    expect_refused(tmp, NG_EIO, NULL); /* a folder */
    free(d);
    free(good);
}

/* Payloads whose checksum is right but whose tables are not. */
static void test_damaged_tables_refused(void **state)
{
    (void)state;
    size_t len;
    unsigned char *good = must_slurp(es_model, &len);
    unsigned char *d = malloc(len + 16);
    char path[320];
    in_tmp(path, sizeof path, "tables.ngm");
    uint32_t nstr = get32(good + HDR_SIZE); /* the string table comes first */
    assert_true(nstr > 1 && HDR_SIZE + 4 + nstr < len);

    /* a string table longer than the file */
    memcpy(d, good, len);
    put32(d + HDR_SIZE, 0xFFFFFFF0u);
    reseal(d, len);
    spill(path, d, len);
    expect_refused(path, NG_EFORMAT, NULL);
    /* bytes after the last table */
    memcpy(d, good, len);
    memset(d + len, 0, 16);
    reseal(d, len + 16);
    spill(path, d, len + 16);
    expect_refused(path, NG_EFORMAT, NULL);
    /* the label count of the first table past the string table */
    memcpy(d, good, len);
    put32(d + HDR_SIZE + 4 + nstr, 0x7FFFFFFFu);
    reseal(d, len);
    spill(path, d, len);
    expect_refused(path, NG_EFORMAT, NULL);

    /* bytes changed anywhere: refused as a damaged model, or loaded into a
     * model that still parses into trees */
    uint64_t r = 88172645463325252ULL;
    const char *forms[] = {"El", "ministro", "habló", "de", "el", "acuerdo", "."};
    ng_parse *p;
    ng_error err = {0};
    assert_int_equal(ng_parse_new(&p, &err), 0);
    int loaded = 0;
    for (int k = 0; k < 160; k++) {
        memcpy(d, good, len);
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        /* half of the changes in the first kilobytes, where the counts are */
        size_t span = k % 2 ? len - HDR_SIZE : (len - HDR_SIZE < 4096 ? len - HDR_SIZE : 4096);
        size_t at = HDR_SIZE + (size_t)(r % span);
        d[at] ^= (unsigned char)(1u << (r >> 40) % 8);
        reseal(d, len);
        spill(path, d, len);
        ng_model *m = NULL;
        ng_error_clear(&err);
        int rc = ng_model_load(&m, path, &err);
        if (rc == 0) {
            loaded++;
            ng_parse_reset(p);
            assert_int_equal(ng_parse_words(p, m, forms, 7, &err), 0);
            for (size_t i = 0; i < 7; i++)
                assert_true(ng_parse_word(p, i)->head <= 7);
            ng_model_free(m);
        } else if (rc != NG_EFORMAT) {
            fail_msg("byte %zu changed: returned %d (%s)", at, rc, err.msg);
        } else {
            assert_null(m);
            assert_non_null(strstr(err.msg, path));
        }
    }
    print_message("    %d of 160 damaged models loaded\n", loaded);
    ng_parse_free(p);
    free(d);
    free(good);
}

/* A string table whose last string is not terminated is a damaged model,
 * not a lack of memory. */
static void test_unterminated_strings_refused(void **state)
{
    (void)state;
    size_t len;
    unsigned char *d = must_slurp(es_model, &len);
    uint32_t nstr = get32(d + HDR_SIZE);
    assert_true(nstr > 1 && HDR_SIZE + 4 + nstr < len);
    assert_int_equal(d[HDR_SIZE + 4 + nstr - 1], 0);
    d[HDR_SIZE + 4 + nstr - 1] = 'x';
    reseal(d, len);
    char path[320];
    in_tmp(path, sizeof path, "unterminated.ngm");
    spill(path, d, len);
    free(d);
    expect_refused(path, NG_EFORMAT, NULL);
}

static void copy_file(const char *from, const char *to)
{
    size_t len;
    unsigned char *d = must_slurp(from, &len);
    spill(to, d, len);
    free(d);
}

static void test_models_folder(void **state)
{
    (void)state;
    char dir[320], es[400], en[400];
    in_tmp(dir, sizeof dir, "models");
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(es, sizeof es, "%s/es.ngm", dir);
    snprintf(en, sizeof en, "%s/en.ngm", dir);
    copy_file(en_model, es); /* an English model where the Spanish one should be */

    ng_models *ms;
    ng_error err = {0};
    assert_int_equal(ng_models_new(&ms, dir, &err), 0);
    const ng_model *m = NULL, *m2 = NULL;
    for (int again = 0; again < 2; again++) { /* a failure is not remembered as a model */
        ng_error_clear(&err);
        assert_int_equal(ng_models_get(ms, "es", &m, &err), NG_EFORMAT);
        if (!strstr(err.msg, es) || !strstr(err.msg, "'en'"))
            fail_msg("foreign model: %s", err.msg);
    }
    ng_error_clear(&err);
    assert_int_equal(ng_models_get(ms, "en", &m, &err), NG_EIO);
    if (!strstr(err.msg, en)) fail_msg("missing model: %s", err.msg);
    assert_int_equal(ng_models_get(ms, "../en", &m, &err), NG_EINVAL);
    assert_int_equal(ng_models_get(ms, "", &m, &err), NG_EINVAL);

    copy_file(en_model, en);
    assert_int_equal(ng_models_get(ms, "en", &m, &err), 0);
    assert_non_null(m);
    assert_string_equal(ng_model_lang(m), "en");
    assert_int_equal(ng_models_get(ms, "en", &m2, &err), 0);
    assert_ptr_equal(m, m2); /* loaded once */
    copy_file(es_model, es);
    assert_int_equal(ng_models_get(ms, "es", &m2, &err), 0);
    assert_string_equal(ng_model_lang(m2), "es");
    ng_models_free(ms);
    ng_models_free(NULL);
    ng_model_free(NULL);
}

/* ---- multiword tokens and offsets ------------------------------------------- */

typedef struct parsed {
    ng_segmentation seg;
    ng_parse *p;
    const char *text;
} parsed;

static void parse_text(parsed *x, const ng_model *m, const char *text)
{
    ng_error err = {0};
    x->text = text;
    if (ng_segment(&x->seg, text, strlen(text), NULL, NULL, &err)) fail_msg("segment: %s", err.msg);
    if (!x->p && ng_parse_new(&x->p, &err)) fail_msg("%s", err.msg);
    if (ng_parse_text(x->p, m, text, &x->seg, &err)) fail_msg("parse: %s", err.msg);
}

static void parsed_free(parsed *x)
{
    ng_segmentation_free(&x->seg);
    ng_parse_free(x->p);
}

/* The words of every token tile its bytes, in order, with code point offsets
 * that agree with the bytes; a token left whole keeps its spelling. */
static void check_offsets(const parsed *x)
{
    const ng_parse *p = x->p;
    size_t wi = 0, n = ng_parse_word_count(p);
    for (size_t ti = 0; ti < x->seg.ntokens; ti++) {
        const ng_token *t = &x->seg.tokens[ti];
        size_t first = wi;
        uint32_t at = t->start;
        while (wi < n && ng_parse_word(p, wi)->token == ti) {
            const ng_word *w = ng_parse_word(p, wi);
            if (w->byte_start != at || w->byte_end <= w->byte_start || w->byte_end > t->end)
                fail_msg("token %zu '%.*s': word '%s' at %u-%u, expected from %u", ti,
                         (int)(t->end - t->start), x->text + t->start, w->form, w->byte_start,
                         w->byte_end, at);
            assert_int_equal(w->char_start, cps(x->text, w->byte_start));
            assert_int_equal(w->char_end, cps(x->text, w->byte_end));
            at = w->byte_end;
            wi++;
        }
        size_t k = wi - first;
        if (k == 0) fail_msg("token %zu has no word", ti);
        assert_int_equal(at, t->end);
        int nospace = ti + 1 < x->seg.ntokens && (x->seg.tokens[ti + 1].flags & NG_TOK_NOSPACE);
        for (size_t i = first; i < wi; i++) {
            const ng_word *w = ng_parse_word(p, i);
            assert_int_equal(w->mwt, k > 1);
            assert_int_equal(w->no_space, i + 1 == wi && nospace);
        }
        if (k == 1) {
            const ng_word *w = ng_parse_word(p, first);
            size_t len = t->end - t->start;
            if (strlen(w->form) != len || memcmp(w->form, x->text + t->start, len) != 0)
                fail_msg("token '%.*s' became '%s'", (int)len, x->text + t->start, w->form);
        }
    }
    assert_int_equal(wi, n);
    check_parse_invariants(p);
}

static long token_of(const parsed *x, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < x->seg.ntokens; i++) {
        const ng_token *t = &x->seg.tokens[i];
        if (t->end - t->start == n && memcmp(x->text + t->start, s, n) == 0) return (long)i;
    }
    fail_msg("no token '%s' in: %s", s, x->text);
    return -1;
}

/* Token `tok` became exactly the words `forms`, each covering `bytes` bytes
 * of the token in turn. */
static void expect_split(const parsed *x, const char *tok, const char *const *forms,
                         const uint32_t *bytes, size_t k)
{
    long ti = token_of(x, tok);
    const ng_token *t = &x->seg.tokens[ti];
    size_t wi = 0, n = ng_parse_word_count(x->p);
    while (wi < n && ng_parse_word(x->p, wi)->token != (uint32_t)ti)
        wi++;
    uint32_t at = t->start;
    for (size_t i = 0; i < k; i++, wi++) {
        const ng_word *w = ng_parse_word(x->p, wi);
        if (!w || w->token != (uint32_t)ti) fail_msg("'%s' has %zu words, want %zu", tok, i, k);
        if (strcmp(w->form, forms[i]) != 0)
            fail_msg("'%s': word %zu is '%s', want '%s'", tok, i + 1, w->form, forms[i]);
        assert_int_equal(w->mwt, 1);
        assert_int_equal(w->byte_start, at);
        assert_int_equal(w->byte_end, at + bytes[i]);
        at += bytes[i];
    }
    assert_int_equal(at, t->end);
    const ng_word *next = ng_parse_word(x->p, wi);
    if (next && next->token == (uint32_t)ti) fail_msg("'%s' has more than %zu words", tok, k);
}

static void test_contractions_keep_offsets(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    parsed x = {0};
    const char *text = "El ministro habló del acuerdo al llegar y quiso dárselo.";
    parse_text(&x, m, text);
    check_offsets(&x);
    expect_split(&x, "del", (const char *[]){"de", "el"}, (const uint32_t[]){2, 1}, 2);
    expect_split(&x, "al", (const char *[]){"a", "el"}, (const uint32_t[]){1, 1}, 2);
    /* "dár" is three code points in four bytes */
    expect_split(&x, "d\xC3\xA1rselo", (const char *[]){"dar", "se", "lo"},
                 (const uint32_t[]){4, 2, 2}, 3);
    long ti = token_of(&x, "d\xC3\xA1rselo");
    for (size_t i = 0; i < ng_parse_word_count(x.p); i++) {
        const ng_word *w = ng_parse_word(x.p, i);
        if (w->token != (uint32_t)ti || strcmp(w->form, "dar") != 0) continue;
        assert_int_equal(w->byte_end - w->byte_start, 4);
        assert_int_equal(w->char_end - w->char_start, 3);
        assert_int_equal(w->char_start, cps(text, x.seg.tokens[ti].start));
    }
    /* the word before the final period has no space after it */
    const ng_word *lo = ng_parse_word(x.p, ng_parse_word_count(x.p) - 2);
    assert_string_equal(lo->form, "lo");
    assert_int_equal(lo->no_space, 1);
    assert_int_equal(ng_parse_word(x.p, 0)->no_space, 0);

    /* words of a split token written as the token is: "Al" -> "A" "el",
     * "DEL" -> "DE" "EL"; a second text replaces the first result */
    const char *caps = "Al final, el informe DEL juez llegó al Congreso.";
    parse_text(&x, m, caps);
    check_offsets(&x);
    expect_split(&x, "Al", (const char *[]){"A", "el"}, (const uint32_t[]){1, 1}, 2);
    expect_split(&x, "DEL", (const char *[]){"DE", "EL"}, (const uint32_t[]){2, 1}, 2);
    expect_split(&x, "al", (const char *[]){"a", "el"}, (const uint32_t[]){1, 1}, 2);
    /* a word that only looks like a contraction stays whole */
    const char *whole = "Delia y Alma leyeron el dale y el alba.";
    parse_text(&x, m, whole);
    check_offsets(&x);
    assert_int_equal(ng_parse_word_count(x.p), x.seg.ntokens);
    parsed_free(&x);
    ng_model_free(m);
}

/* ---- word classes ------------------------------------------------------------ */

/* Words used in the same places share a class: animals come after "the"
 * and before a verb, colours after "a" and before "car". */
static void test_exchange_groups_words(void **state)
{
    (void)state;
    enum { THE = 1, A, CAR, RUNS, EATS, CAT, DOG, COW, RED, BLUE, GREEN, NWORDS };
    const uint32_t animals[] = {CAT, DOG, COW}, colours[] = {RED, BLUE, GREEN};
    uint32_t seq[400];
    size_t n = 0;
    for (int rep = 0; rep < 12; rep++)
        for (int k = 0; k < 3; k++) {
            uint32_t s1[] = {THE, animals[k], (rep + k) % 2 ? RUNS : EATS, 0};
            uint32_t s2[] = {A, colours[(k + rep) % 3], CAR, 0};
            memcpy(seq + n, s1, sizeof s1);
            n += 4;
            memcpy(seq + n, s2, sizeof s2);
            n += 4;
        }
    uint32_t cls[NWORDS], again[NWORDS], moves[10];
    assert_int_equal(ng_exchange_clusters(seq, n, NWORDS, 4, 10, cls, moves), 0);
    assert_int_equal(cls[CAT], cls[DOG]);
    assert_int_equal(cls[CAT], cls[COW]);
    assert_int_equal(cls[RED], cls[BLUE]);
    assert_int_equal(cls[RED], cls[GREEN]);
    assert_int_not_equal(cls[CAT], cls[RED]);
    for (int w = 1; w < NWORDS; w++)
        assert_true(cls[w] < 4);
    assert_int_equal(ng_exchange_clusters(seq, n, NWORDS, 4, 10, again, NULL), 0);
    assert_memory_equal(cls, again, sizeof cls);
    assert_int_equal(ng_exchange_clusters(seq, n, NWORDS, 0, 10, cls, NULL), NG_EINVAL);
}

static uint32_t class_of(const ng_model *m, const char *form)
{
    ng_watoms a;
    ng_buf lower = {0};
    assert_int_equal(ng_atoms_make(&a, form, strlen(form), &lower), 0);
    ng_buf_free(&lower);
    return ng_model_class(m, a.w);
}

static int train_classes(const char *text, const char *held, const char *out, char *log,
                         size_t logcap, ng_error *err)
{
    ng_train_options o = NG_TRAIN_OPTIONS_INIT;
    const char *files[] = {ES_MINI}, *texts[] = {text}, *helds[] = {held};
    o.lang = "es";
    o.train = files;
    o.ntrain = 1;
    o.tagger_epochs = 2;
    o.parser_epochs = 2;
    o.min_count = 1;
    o.clusters = 8;
    o.text = texts;
    o.ntext = 1;
    o.held_out = helds;
    o.nheld_out = held ? 1 : 0;
    FILE *f = fmemopen(log, logcap, "w");
    assert_non_null(f);
    int rc = ng_train(&o, out, f, err);
    fclose(f);
    return rc;
}

/* Classes come from the treebank and the text, without the sentences of the
 * held-out file; the model keeps them and trains the same bytes twice. */
static void test_word_classes_from_text(void **state)
{
    (void)state;
    char text[320], held[320], a[320], b[320], log[8192];
    ng_error err = {0};
    in_tmp(text, sizeof text, "classes.tsv");
    in_tmp(held, sizeof held, "held.conllu");
    in_tmp(a, sizeof a, "classes-a.ngm");
    in_tmp(b, sizeof b, "classes-b.ngm");
    /* "zanahorias" only in a held-out sentence (twice), "tratado" twice in
     * kept ones; the held-out sentence's tokens carry entity tags */
    const char tsv[] = "El\tO\ntratado\tO\nfue\tO\nfirmado\tO\n.\tO\n\n"
                       "Compró\tO\nzanahorias\tO\ny\tO\nzanahorias\tO\n.\tO\n\n"
                       "El\tO\ntratado\tO\nllegó\tO\n.\tO\n\n";
    spill(text, tsv, sizeof tsv - 1);
    const char conllu[] = "# text = Compró zanahorias y zanahorias.\n"
                          "1\tCompró\tcomprar\tVERB\t_\t_\t0\troot\t_\t_\n"
                          "2\tzanahorias\tzanahoria\tNOUN\t_\t_\t1\tobj\t_\t_\n"
                          "3\ty\ty\tCCONJ\t_\t_\t4\tcc\t_\t_\n"
                          "4\tzanahorias\tzanahoria\tNOUN\t_\t_\t2\tconj\t_\tSpaceAfter=No\n"
                          "5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n";
    spill(held, conllu, sizeof conllu - 1);
    if (train_classes(text, held, a, log, sizeof log, &err)) fail_msg("train: %s", err.msg);
    assert_non_null(strstr(log, "(1 held out)"));
    assert_non_null(strstr(log, "fine classes (8)"));
    if (train_classes(text, held, b, log, sizeof log, &err)) fail_msg("train: %s", err.msg);
    assert_same_bytes(a, b);
    ng_model *m = load_ok(a);
    assert_int_not_equal(class_of(m, "tratado"), 0);
    assert_int_not_equal(class_of(m, "Tratado"), 0); /* looked up lower-cased */
    assert_int_equal(class_of(m, "zanahorias"), 0);
    assert_int_equal(class_of(m, "inexistente"), 0);
    ng_parse *p;
    assert_int_equal(ng_parse_new(&p, &err), 0);
    const char *forms[] = {"El", "tratado", "fue", "firmado", "."};
    assert_int_equal(ng_parse_words(p, m, forms, 5, &err), 0);
    assert_int_equal(ng_parse_word_count(p), 5);
    ng_parse_free(p);
    ng_model_free(m);
    /* without the held-out file the sentence counts */
    if (train_classes(text, NULL, b, log, sizeof log, &err)) fail_msg("train: %s", err.msg);
    assert_non_null(strstr(log, "(0 held out)"));
    m = load_ok(b);
    assert_int_not_equal(class_of(m, "zanahorias"), 0);
    ng_model_free(m);
    /* a text that cannot be read, or is not UTF-8, is an error naming it */
    char missing[320], bad[320];
    in_tmp(missing, sizeof missing, "no-such-text.tsv");
    assert_int_not_equal(train_classes(missing, NULL, b, log, sizeof log, &err), 0);
    assert_non_null(strstr(err.msg, missing));
    in_tmp(bad, sizeof bad, "bad-text.tsv");
    spill(bad, "El\tO\n\xff\xfe\tO\n", 9);
    assert_int_not_equal(train_classes(bad, NULL, b, log, sizeof log, &err), 0);
    assert_non_null(strstr(err.msg, bad));
    assert_non_null(strstr(err.msg, "UTF-8"));
}

/* A split the treebank makes of a form it mostly writes whole is not
 * learnt: en-mini splits "Its" once ("It s", a slip for "it's") and has
 * "its" whole twice; "cannot" is always split. */
static void test_splits_follow_the_usual_form(void **state)
{
    (void)state;
    ng_model *m = load_ok(en_model);
    parsed x = {0};
    parse_text(&x, m, "The mayor said its fees cannot rise.");
    check_offsets(&x);
    expect_split(&x, "cannot", (const char *[]){"can", "not"}, (const uint32_t[]){3, 3}, 2);
    long ti = token_of(&x, "its");
    size_t words = 0;
    for (size_t i = 0; i < ng_parse_word_count(x.p); i++)
        words += ng_parse_word(x.p, i)->token == (uint32_t)ti;
    assert_int_equal(words, 1);
    parsed_free(&x);
    ng_model_free(m);
}

static void test_clitics_keep_offsets(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    parsed x = {0};
    /* forms the treebank shows as multiword tokens */
    const char *seen = "El Gobierno prometió firmarlo y los jueces quieren entregárselo.";
    parse_text(&x, m, seen);
    check_offsets(&x);
    expect_split(&x, "firmarlo", (const char *[]){"firmar", "lo"}, (const uint32_t[]){6, 2}, 2);
    expect_split(&x, "entreg\xC3\xA1rselo", (const char *[]){"entregar", "se", "lo"},
                 (const uint32_t[]){9, 2, 2}, 3);
    /* unseen forms, from clitic and host endings the treebank showed twice */
    const char *unseen = "La jueza decidió enviárselo y publicarlo.";
    parse_text(&x, m, unseen);
    check_offsets(&x);
    expect_split(&x, "envi\xC3\xA1rselo", (const char *[]){"enviar", "se", "lo"},
                 (const uint32_t[]){7, 2, 2}, 3);
    expect_split(&x, "publicarlo", (const char *[]){"publicar", "lo"}, (const uint32_t[]){8, 2}, 2);
    parsed_free(&x);
    ng_model_free(m);
}

/* A sentence with more words than the parser takes is parsed in parts; the
 * parts keep tokens whole and the CoNLL-U of the sentences after it keeps
 * their own text. */
static void test_long_sentence_in_parts(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    ng_buf b = {0};
    for (int i = 0; i < 360; i++) /* 360 tokens of three words each */
        assert_int_equal(ng_buf_adds(&b, "d\xC3\xA1rselo "), 0);
    assert_int_equal(ng_buf_adds(&b, "fin. El acuerdo fue firmado."), 0);
    const char *text = ng_buf_cstr(&b);
    parsed x = {0};
    parse_text(&x, m, text);
    assert_int_equal(x.seg.nsentences, 2);
    check_offsets(&x);
    assert_true(ng_parse_word_count(x.p) > NG_PARSE_MAX_WORDS);
    char problems[1024] = "";
    size_t used = 0;
    for (size_t s = 1; s < ng_parse_sentence_count(x.p); s++) {
        const ng_parse_sentence *ps = ng_parse_sentence_at(x.p, s);
        const ng_word *first = ng_parse_word(x.p, ps->first), *before = first - 1;
        if (first->token == before->token)
            used += (size_t)snprintf(problems + used, sizeof problems - used,
                                     "\n    sentence %zu starts inside token %u ('%s' after '%s')",
                                     s, first->token, first->form, before->form);
    }
    char path[320];
    in_tmp(path, sizeof path, "long.conllu");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    ng_error err = {0};
    assert_int_equal(ng_parse_write_conllu(x.p, text, &x.seg, "long", f, &err), 0);
    assert_int_equal(fclose(f), 0);
    size_t len;
    char *out = (char *)must_slurp(path, &len);
    out = realloc(out, len + 1);
    out[len] = '\0';
    /* the last sentence is introduced by its own text (and not another part) */
    const char *tag = "# text = El acuerdo fue firmado.\n";
    const char *own = strstr(out, tag);
    if (!own || strncmp(own + strlen(tag), "1\tEl\t", 5) != 0)
        used +=
            (size_t)snprintf(problems + used, used < sizeof problems ? sizeof problems - used : 0,
                             "\n    '%.31s' does not introduce its sentence; there:\n%.120s", tag,
                             own ? own : "(nowhere)");
    if (used) fail_msg("a sentence of %zu words:%s", ng_parse_word_count(x.p), problems);
    free(out);
    parsed_free(&x);
    ng_buf_free(&b);
    ng_model_free(m);
}

/* ---- CoNLL-U ---------------------------------------------------------------- */

static char **lines_of(char *text, size_t *n)
{
    size_t cap = 64;
    char **l = malloc(cap * sizeof *l);
    *n = 0;
    for (char *s = strtok(text, "\n"); s; s = strtok(NULL, "\n")) {
        if (*n == cap) l = realloc(l, (cap *= 2) * sizeof *l);
        l[(*n)++] = s;
    }
    return l;
}

static void test_parse_conllu_keeps_lines(void **state)
{
    (void)state;
    ng_model *m = load_ok(es_model);
    char path[320];
    in_tmp(path, sizeof path, "reparsed.conllu");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    ng_error err = {0};
    if (ng_parse_conllu(m, ES_MINI, f, &err)) fail_msg("%s", err.msg);
    assert_int_equal(fclose(f), 0);
    size_t glen, plen, ng, np;
    char *gold = (char *)must_slurp(ES_MINI, &glen), *pred = (char *)must_slurp(path, &plen);
    gold = realloc(gold, glen + 1), pred = realloc(pred, plen + 1);
    gold[glen] = pred[plen] = '\0';
    char **gl = lines_of(gold, &ng), **pl = lines_of(pred, &np);
    assert_int_equal(ng, np);
    for (size_t i = 0; i < ng; i++) {
        size_t id_len = strcspn(gl[i], "\t");
        if (gl[i][0] == '#' || memchr(gl[i], '-', id_len)) {
            if (strcmp(gl[i], pl[i]) != 0) fail_msg("line %zu: '%s' became '%s'", i, gl[i], pl[i]);
            continue;
        }
        char *g[10], *p[10];
        assert_int_equal(ng_split_tabs(gl[i], g, 10), 10);
        assert_int_equal(ng_split_tabs(pl[i], p, 10), 10);
        assert_string_equal(p[0], g[0]);
        assert_string_equal(p[1], g[1]);
        assert_string_equal(p[9], g[9]); /* MISC as read */
        assert_string_equal(p[4], "_");
        assert_string_equal(p[8], "_");
        assert_true(ng_upos_from_name(p[3], strlen(p[3])) >= 0);
        assert_true(p[2][0] && p[5][0] && p[7][0]);
    }
    free(gl);
    free(pl);
    free(gold);
    free(pred);
    ng_error_clear(&err);
    f = fopen(path, "w");
    char missing[320];
    in_tmp(missing, sizeof missing, "none.conllu");
    assert_int_equal(ng_parse_conllu(m, missing, f, &err), NG_EIO);
    assert_non_null(strstr(err.msg, missing));
    fclose(f);
    ng_model_free(m);
}

static void expect_bad_conllu(const char *text, const char *needle)
{
    ng_treebank tb = {0};
    ng_error err = {0};
    char *copy = strdup(text);
    int rc = ng_treebank_parse(&tb, copy, strlen(copy), "mem.conllu", &err);
    if (rc != NG_EFORMAT) fail_msg("accepted (%d): %s", rc, text);
    if (!strstr(err.msg, needle)) fail_msg("message lacks '%s': %s", needle, err.msg);
    free(copy);
    ng_treebank_free(&tb);
}

static void test_treebank_reader(void **state)
{
    (void)state;
    ng_treebank tb;
    read_treebank(&tb, ES_MINI);
    assert_int_equal(tb.n, 13);
    /* "Al llegar al Congreso, la presidenta quiso dárselo a los diputados." */
    const ng_csent *s = &tb.sents[3];
    assert_int_equal(s->n, 17);
    size_t mwt = 0, comments = 0;
    for (size_t i = 0; i < s->nlines; i++) {
        if (s->lines[i].is_mwt) {
            mwt++;
            assert_int_equal(s->lines[i].before, s->lines[i].from - 1);
        } else {
            comments++;
            assert_int_equal(s->lines[i].before, 0);
        }
    }
    assert_int_equal(mwt, 3);
    assert_int_equal(comments, 2);
    assert_string_equal(s->words[10].form, "dar");
    assert_string_equal(s->words[11].deprel, "iobj");
    assert_int_equal(s->words[9].head, 0);
    ng_treebank_free(&tb);

    /* CRLF line ends and empty nodes (skipped) */
    char ok[] =
        "# text = a b\r\n1\ta\ta\tNOUN\t_\t_\t0\troot\t_\t_\r\n"
        "1.1\tx\tx\tNOUN\t_\t_\t_\t_\t1:dep\t_\r\n2\tb\tb\tNOUN\t_\t_\t1\tnmod\t_\t_\r\n\r\n";
    ng_error err = {0};
    memset(&tb, 0, sizeof tb);
    if (ng_treebank_parse(&tb, ok, strlen(ok), "mem.conllu", &err)) fail_msg("%s", err.msg);
    assert_int_equal(tb.n, 1);
    assert_int_equal(tb.sents[0].n, 2);
    assert_string_equal(tb.sents[0].words[1].misc, "_");
    ng_treebank_free(&tb);

    expect_bad_conllu("1\ta\ta\tNOUN\t_\t_\t0\troot\n", "mem.conllu:1");
    expect_bad_conllu("1\ta\ta\tNOUN\t_\t_\t0\troot\t_\t_\n3\tb\tb\tNOUN\t_\t_\t1\tdep\t_\t_\n",
                      "mem.conllu:2");
    expect_bad_conllu("1\ta\ta\tNOUN\t_\t_\tx\troot\t_\t_\n", "mem.conllu:1");
    expect_bad_conllu("1\ta\ta\tNOUN\t_\t_\t0\troot\t_\t_\n2\tb\tb\tNOUN\t_\t_\t7\tdep\t_\t_\n",
                      "mem.conllu");
    expect_bad_conllu("2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", "mem.conllu:1");
    char nul[] = "1\ta\0";
    ng_error_clear(&err);
    memset(&tb, 0, sizeof tb);
    assert_int_equal(ng_treebank_parse(&tb, nul, 4, "mem.conllu", &err), NG_EFORMAT);
    ng_treebank_free(&tb);
}

static void test_upos_names(void **state)
{
    (void)state;
    for (int u = 0; u < NG_UPOS_COUNT; u++) {
        const char *name = ng_upos_name((ng_upos)u);
        assert_int_equal(ng_upos_from_name(name, strlen(name)), u);
    }
    assert_string_equal(ng_upos_name(NG_UPOS_COUNT), "X");
    assert_string_equal(ng_upos_name((ng_upos)-1), "X");
    assert_string_equal(ng_upos_name(NG_UPOS_NOUN), "NOUN");
    assert_int_equal(ng_upos_from_name("NOUNS", 5), -1);
    assert_int_equal(ng_upos_from_name("NOUNS", 4), NG_UPOS_NOUN);
    assert_int_equal(ng_upos_from_name("noun", 4), -1);
    assert_int_equal(ng_upos_from_name("", 0), -1);
}

/* ---- fixture ---------------------------------------------------------------- */

/* ---- the extraction carries the parse ------------------------------------------ */

static void test_extraction_carries_parse(void **state)
{
    (void)state;
    ng_error err = {0};
    ng_context *ctx = NULL;
    ng_ontology *onto = NULL;
    ng_extractor *x = NULL;
    ng_models *ms = NULL;
    ng_document *doc = NULL;
    const ng_extraction *ex = NULL;
    const char *text =
        "Titular\nEl ministro habl\xC3\xB3 del acuerdo con Chile. Lo firm\xC3\xB3 ayer.";
    ng_read_options ro = NG_READ_OPTIONS_INIT;
    assert_int_equal(ng_context_new(&ctx, &err), 0);
    assert_int_equal(ng_ontology_load(&onto, ctx, NG_TEST_ONTOLOGY, NULL, &err), 0);
    assert_int_equal(ng_extractor_new(&x, onto, &err), 0);
    assert_int_equal(ng_document_read_memory(&doc, "p.txt", text, strlen(text), &ro, &err), 0);
    /* without models: no parse, the extraction as before */
    assert_int_equal(ng_extract(x, doc, "es", &ex, &err), 0);
    assert_null(ng_extraction_parse(ex));
    assert_int_equal(ng_models_new(&ms, tmp, &err), 0);
    assert_int_equal(ng_extractor_set_models(x, ms, &err), 0);
    assert_int_equal(ng_extract(x, doc, "es", &ex, &err), 0);
    const ng_parse *p = ng_extraction_parse(ex);
    const ng_segmentation *seg = ng_extraction_segmentation(ex);
    assert_non_null(p);
    assert_int_equal(ng_parse_sentence_count(p), seg->nsentences);
    size_t len;
    const char *t = ng_document_text(doc, &len);
    int saw_del = 0;
    for (size_t i = 0; i < ng_parse_word_count(p); i++) {
        const ng_word *w = ng_parse_word(p, i);
        assert_true(w->token < seg->ntokens);
        const ng_token *tok = &seg->tokens[w->token];
        assert_true(w->byte_start >= tok->start && w->byte_end <= tok->end);
        const ng_parse_sentence *ps = ng_parse_sentence_at(p, w->sentence);
        assert_true(w->head <= ps->count);
        if (tok->end - tok->start == 3 && memcmp(t + tok->start, "del", 3) == 0) {
            assert_true(w->mwt);
            saw_del++;
        }
    }
    assert_int_equal(saw_del, 2);
    /* parse only: the same words, no claims */
    size_t words = ng_parse_word_count(p);
    assert_int_equal(ng_extract_parse(x, doc, "es", &ex, &err), 0);
    assert_int_equal(ng_parse_word_count(ng_extraction_parse(ex)), words);
    assert_int_equal(ng_extraction_claim_count(ex), 0);
    ng_document_free(doc);
    ng_extractor_free(x);
    ng_models_free(ms);
    ng_ontology_free(onto);
    ng_context_free(ctx);
}

static int group_setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/ng-test-parse-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("setup: mkdtemp");
        return -1;
    }
    ng_error err = {0};
    in_tmp(es_model, sizeof es_model, "es.ngm");
    in_tmp(en_model, sizeof en_model, "en.ngm");
    if (train_to(ES_MINI, "es", 1, es_model, &err) || train_to(EN_MINI, "en", 1, en_model, &err)) {
        fprintf(stderr, "setup: training: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oracle_rebuilds_projective_trees),
        cmocka_unit_test(test_oracle_costs_count_lost_arcs),
        cmocka_unit_test(test_projectivize_lifts_nonprojective_arc),
        cmocka_unit_test(test_training_is_deterministic),
        cmocka_unit_test(test_training_errors),
        cmocka_unit_test(test_exchange_groups_words),
        cmocka_unit_test(test_word_classes_from_text),
        cmocka_unit_test(test_model_round_trip),
        cmocka_unit_test(test_model_resave_same_bytes),
        cmocka_unit_test(test_lemmas_as_in_training),
        cmocka_unit_test(test_broken_model_files),
        cmocka_unit_test(test_damaged_tables_refused),
        cmocka_unit_test(test_unterminated_strings_refused),
        cmocka_unit_test(test_models_folder),
        cmocka_unit_test(test_contractions_keep_offsets),
        cmocka_unit_test(test_clitics_keep_offsets),
        cmocka_unit_test(test_splits_follow_the_usual_form),
        cmocka_unit_test(test_long_sentence_in_parts),
        cmocka_unit_test(test_parse_conllu_keeps_lines),
        cmocka_unit_test(test_treebank_reader),
        cmocka_unit_test(test_upos_names),
        cmocka_unit_test(test_extraction_carries_parse),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
