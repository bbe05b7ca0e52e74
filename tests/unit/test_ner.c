/* Unit tests for the entity tagger (newsgraph/ner.h and src/ner/ner_int.h):
 * - the label helpers (class and B-/I- of every label), the class names and
 *   which label may follow which;
 * - Viterbi decoding: never I-c after anything but B-c or I-c, even where
 *   the emission scores favour it, and the best allowed path on hand-made
 *   lattices and on random ones (checked against every path);
 * - training on a synthetic corpus of invented names built here: the
 *   training sentences come back tagged, unseen names in seen contexts are
 *   found, the same options give the same bytes;
 * - the model file: save and load give the same labels and bytes; missing,
 *   empty, foreign, truncated, damaged and other-version files are refused
 *   with a message naming them;
 * - headlines (ALL-CAPS lines read without case), a sentence longer than the
 *   tagger takes at once, and a folder of models (DIR/<lang>.ner.ngm).
 *
 * The group setup builds the corpus, trains a model with the default options
 * and saves it into a folder of its own under /tmp, which the teardown
 * removes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "newsgraph/ner.h"
#include "newsgraph/parse.h"
#include "ner/ner_int.h"

#include "files.h"

enum { L = NG_NER_NLABELS };

/* The model header: magic, version, language, payload length, checksum. */
#define HDR_VERSION 4
#define HDR_PLEN 16
#define HDR_SUM 24
#define HDR_SIZE 32

/* Labels by class, as ner.h numbers them (written out, not computed with
 * the helpers under test). */
#define B(c) ((uint8_t)(2 * (c)-1))
#define I(c) ((uint8_t)(2 * (c)))

/* ---- a synthetic corpus ---------------------------------------------------- */

#define MAX_TOKS 32
typedef struct sentence {
    ng_ner_token toks[MAX_TOKS];
    uint8_t gold[MAX_TOKS];
    size_t n;
    char text[512]; /* the forms, each NUL-terminated; toks point here */
    size_t used;
} sentence;

/* Sentence frames: words of the lexicon below, and %P %O %L %M where a name
 * of a person, organisation, place or other kind goes. */
static const char *const TEMPLATES[] = {
    "La ministra %P visitó %L ayer .",
    "El %O subió los tipos .",
    "%P habló con el presidente de %O en %L .",
    "Según %O , la economía de %L creció .",
    "El portavoz %P dijo que la crisis terminó .",
    "%P y %P firmaron un acuerdo en %L .",
    "La ministra %P se reunió con %P .",
    "El director de %O viajó a %L .",
    "%P ganó el %M en %L .",
    "Los jueces de %L entrevistaron a %P .",
    "El %M empezó ayer en %L .",
};
#define NTEMPLATES (sizeof TEMPLATES / sizeof *TEMPLATES)
#define NSENT (8 * NTEMPLATES)

/* Invented names, so that nothing but this corpus can teach them. */
static const char *const PER_NAMES[] = {
    "Ana Pérez",    "Luis Omarte",  "Carla Venturi", "Tomás Iruzu", "Elena Brasca", "Jorge Malvec",
    "Rosa Quintal", "Pablo Ederra", "Nuria Calbet",  "Iker Sondal", "Inés Arbide"};
static const char *const ORG_NAMES[] = {
    "Banco Central de Oruvia", "Grupo Falcia",   "Liga Norte",      "Consejo de Valdemora",
    "Fundación Arteo",         "Partido Verdal", "Instituto Melgar"};
static const char *const LOC_NAMES[] = {"Lima",    "Oruvia",       "Valdemora",
                                        "Kestria", "Puerto Ansel", "San Lidio",
                                        "Marvela", "Tordesia",     "Alcabre"};
static const char *const MISC_NAMES[] = {"Festival Ormi", "Premio Oquendo", "Torneo Lunar",
                                         "Salón Brisa"};

typedef struct common_word {
    const char *form;
    ng_upos upos;
} common_word;

static const common_word LEXICON[] = {
    {"la", NG_UPOS_DET},        {"el", NG_UPOS_DET},        {"los", NG_UPOS_DET},
    {"un", NG_UPOS_DET},        {"ministra", NG_UPOS_NOUN}, {"presidente", NG_UPOS_NOUN},
    {"portavoz", NG_UPOS_NOUN}, {"crisis", NG_UPOS_NOUN},   {"director", NG_UPOS_NOUN},
    {"jueces", NG_UPOS_NOUN},   {"tipos", NG_UPOS_NOUN},    {"economía", NG_UPOS_NOUN},
    {"acuerdo", NG_UPOS_NOUN},  {"visitó", NG_UPOS_VERB},   {"subió", NG_UPOS_VERB},
    {"habló", NG_UPOS_VERB},    {"creció", NG_UPOS_VERB},   {"dijo", NG_UPOS_VERB},
    {"terminó", NG_UPOS_VERB},  {"firmaron", NG_UPOS_VERB}, {"reunió", NG_UPOS_VERB},
    {"viajó", NG_UPOS_VERB},    {"ganó", NG_UPOS_VERB},     {"entrevistaron", NG_UPOS_VERB},
    {"empezó", NG_UPOS_VERB},   {"ayer", NG_UPOS_ADV},      {"con", NG_UPOS_ADP},
    {"de", NG_UPOS_ADP},        {"en", NG_UPOS_ADP},        {"a", NG_UPOS_ADP},
    {"según", NG_UPOS_ADP},     {"que", NG_UPOS_SCONJ},     {"y", NG_UPOS_CCONJ},
    {"se", NG_UPOS_PRON},       {".", NG_UPOS_PUNCT},       {",", NG_UPOS_PUNCT},
};

static char tmp[256];          /* this run's folder */
static char model_path[320];   /* the setup's model, saved */
static sentence corpus[NSENT]; /* built by the setup */
static ng_ner_example examples[NSENT];
static ng_ner_model *model; /* trained by the setup, default options */

static int add_token(sentence *s, const char *form, size_t len, ng_upos upos, uint8_t dict,
                     uint8_t label)
{
    if (s->n == MAX_TOKS || s->used + len + 1 > sizeof s->text) return -1;
    char *at = s->text + s->used;
    memcpy(at, form, len);
    at[len] = '\0';
    s->used += len + 1;
    s->toks[s->n] = (ng_ner_token){at, (uint32_t)len, (uint8_t)upos, 0, dict, 0, NULL, NULL, 0};
    s->gold[s->n++] = label;
    return 0;
}

/* The part of speech of a common word (ASCII case ignored, so that a
 * sentence may start with "La"), or -1. */
static int common_upos(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof LEXICON / sizeof *LEXICON; i++)
        if (strlen(LEXICON[i].form) == len && strncasecmp(LEXICON[i].form, w, len) == 0)
            return (int)LEXICON[i].upos;
    return -1;
}

static ng_ner_class placeholder_class(char c)
{
    return c == 'P' ? NG_NER_PER : c == 'O' ? NG_NER_ORG : c == 'L' ? NG_NER_LOC : NG_NER_MISC;
}

/* The words of a name: proper nouns, B- then I-; a lower-case word inside
 * it ("de") is a preposition the dictionary knows. */
static int add_name(sentence *s, const char *name, ng_ner_class c)
{
    for (int first = 1; *name; first = 0) {
        size_t len = strcspn(name, " ");
        int lower = name[0] >= 'a' && name[0] <= 'z';
        if (add_token(s, name, len, lower ? NG_UPOS_ADP : NG_UPOS_PROPN, lower ? 1 : 0,
                      first ? B(c) : I(c)))
            return -1;
        name += len;
        name += *name == ' ';
    }
    return 0;
}

/* Fill s from a template, its placeholders replaced by names[0], names[1]...
 * in order. 0, or -1 for a word the lexicon lacks or a sentence too long. */
static int build(sentence *s, const char *tmpl, const char *const *names)
{
    memset(s, 0, sizeof *s);
    size_t next = 0;
    while (*tmpl) {
        size_t len = strcspn(tmpl, " ");
        if (tmpl[0] == '%') {
            if (add_name(s, names[next++], placeholder_class(tmpl[1]))) return -1;
        } else {
            int upos = common_upos(tmpl, len);
            if (upos < 0) {
                fprintf(stderr, "'%.*s' is not in the test lexicon\n", (int)len, tmpl);
                return -1;
            }
            if (add_token(s, tmpl, len, (ng_upos)upos, 1, 0)) return -1;
        }
        tmpl += len;
        tmpl += *tmpl == ' ';
    }
    return 0;
}

static void must_build(sentence *s, const char *tmpl, const char *const *names)
{
    if (build(s, tmpl, names)) fail_msg("cannot build '%s'", tmpl);
}

/* The next name of class c, each list taken in turn (the lists have
 * different lengths, so the frames meet many pairings). */
static const char *next_name(ng_ner_class c, size_t *turn)
{
    size_t k = turn[c]++;
    switch (c) {
    case NG_NER_PER:
        return PER_NAMES[k % (sizeof PER_NAMES / sizeof *PER_NAMES)];
    case NG_NER_ORG:
        return ORG_NAMES[k % (sizeof ORG_NAMES / sizeof *ORG_NAMES)];
    case NG_NER_LOC:
        return LOC_NAMES[k % (sizeof LOC_NAMES / sizeof *LOC_NAMES)];
    default:
        return MISC_NAMES[k % (sizeof MISC_NAMES / sizeof *MISC_NAMES)];
    }
}

static int build_corpus(void)
{
    size_t turn[NG_NER_NCLASSES] = {0};
    for (size_t k = 0; k < NSENT; k++) {
        const char *tmpl = TEMPLATES[k % NTEMPLATES], *names[8];
        size_t nn = 0;
        for (const char *p = strchr(tmpl, '%'); p && nn < 8; p = strchr(p + 1, '%'))
            names[nn++] = next_name(placeholder_class(p[1]), turn);
        if (build(&corpus[k], tmpl, names)) return -1;
        examples[k] = (ng_ner_example){corpus[k].toks, corpus[k].gold, corpus[k].n, 0};
    }
    return 0;
}

/* An ALL-CAPS copy of src as a headline comes (ASCII and the accented
 * letters of Latin-1, enough for this corpus), without parts of speech. */
static void upcase_copy(sentence *dst, const sentence *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->n; i++) {
        const ng_ner_token *t = &src->toks[i];
        char up[64];
        assert_true(t->len < sizeof up);
        for (uint32_t k = 0; k < t->len; k++) {
            unsigned char c = (unsigned char)t->form[k];
            if (c >= 'a' && c <= 'z') c = (unsigned char)(c - 32);
            /* U+00E0..U+00FE but U+00F7 are two bytes C3 A0..BE */
            if (k > 0 && (unsigned char)t->form[k - 1] == 0xC3 && c >= 0xA0 && c <= 0xBE &&
                c != 0xB7)
                c = (unsigned char)(c - 0x20);
            up[k] = (char)c;
        }
        assert_int_equal(add_token(dst, up, t->len, NG_UPOS_X, t->dict, src->gold[i]), 0);
    }
}

/* ---- helpers ------------------------------------------------------------- */

static const char *in_tmp(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", tmp, name);
    return buf;
}

static const char *label_name(uint8_t y, char buf[16])
{
    if (y == 0)
        snprintf(buf, 16, "O");
    else if (y < L)
        snprintf(buf, 16, "%c-%s", y & 1 ? 'B' : 'I',
                 ng_ner_class_name((ng_ner_class)((y + 1) / 2)));
    else
        snprintf(buf, 16, "?%u", y);
    return buf;
}

/* "Ana/B-PER Pérez/I-PER visitó/O ..." for failure messages, into out. */
#define SHOW_CAP 2048
static const char *show_in(char *out, const sentence *s, const uint8_t *labels)
{
    const size_t cap = SHOW_CAP;
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->n && used < cap; i++) {
        char a[16], b[16];
        used += (size_t)snprintf(out + used, cap - used, " %s/%s", s->toks[i].form,
                                 label_name(labels[i], a));
        if (labels[i] != s->gold[i] && used < cap)
            used +=
                (size_t)snprintf(out + used, cap - used, "(gold %s)", label_name(s->gold[i], b));
    }
    return out;
}

/* The same into a static buffer (one use per message). */
static const char *show(const sentence *s, const uint8_t *labels)
{
    static char out[SHOW_CAP];
    return show_in(out, s, labels);
}

/* Every label is one of the labels, and an I-c follows B-c or I-c (labels
 * written out: B-c is I-c minus one). */
static void assert_valid_bio(const uint8_t *labels, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t y = labels[i];
        if (y >= L) fail_msg("%s: token %zu has label %u of %d", what, i, y, L);
        int inside = y != 0 && y % 2 == 0;
        if (inside && (i == 0 || (labels[i - 1] != y && labels[i - 1] != y - 1))) {
            char a[16], b[16];
            fail_msg("%s: token %zu is %s after %s", what, i, label_name(y, a),
                     i ? label_name(labels[i - 1], b) : "the start");
        }
    }
}

/* Tag with a fresh tagger; labels start as 0xFF so that an unwritten one
 * shows as invalid. */
static void tag(const ng_ner_model *m, const ng_ner_token *toks, size_t n, int headline,
                uint8_t *labels)
{
    ng_ner_tagger *t = NULL;
    ng_error err = {0};
    assert_int_equal(ng_ner_tagger_new(&t, &err), 0);
    memset(labels, 0xFF, n);
    if (ng_ner_tag(t, m, toks, n, headline, labels, &err)) fail_msg("tag: %s", err.msg);
    ng_ner_tagger_free(t);
    assert_valid_bio(labels, n, headline ? "headline" : "sentence");
}

static void tag_sentence(const ng_ner_model *m, const sentence *s, int headline, uint8_t *labels)
{
    tag(m, s->toks, s->n, headline, labels);
}

static void train_or_fail(ng_ner_model **m, const ng_ner_train_options *o)
{
    ng_error err = {0};
    *m = NULL;
    if (ng_ner_train(m, examples, NSENT, o, &err)) fail_msg("train: %s", err.msg);
    assert_non_null(*m);
}

static void save_or_fail(const ng_ner_model *m, const char *path)
{
    ng_error err = {0};
    if (ng_ner_model_save(m, path, &err)) fail_msg("save %s: %s", path, err.msg);
}

static ng_ner_model *load_ok(const char *path)
{
    ng_ner_model *m = NULL;
    ng_error err = {0};
    if (ng_ner_model_load(&m, path, &err)) fail_msg("load %s: %s", path, err.msg);
    assert_non_null(m);
    return m;
}

static int same_bytes(const char *a, const char *b)
{
    size_t la, lb;
    unsigned char *da = must_slurp(a, &la), *db = must_slurp(b, &lb);
    int same = la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

/* ---- labels ------------------------------------------------------------------ */

static void test_labels_and_class_names(void **state)
{
    (void)state;
    /* 0 O, then B-c I-c for each class in order */
    static const ng_ner_class classes[] = {NG_NER_O,   NG_NER_PER,  NG_NER_PER,
                                           NG_NER_ORG, NG_NER_ORG,  NG_NER_LOC,
                                           NG_NER_LOC, NG_NER_MISC, NG_NER_MISC};
    static const int begins[] = {0, 1, 0, 1, 0, 1, 0, 1, 0};
    assert_int_equal(L, 9);
    for (uint8_t y = 0; y < L; y++) {
        if (ng_ner_label_class(y) != classes[y])
            fail_msg("label %u: class %d, expected %d", y, ng_ner_label_class(y), classes[y]);
        if (ng_ner_label_begins(y) != begins[y])
            fail_msg("label %u: begins %d, expected %d", y, ng_ner_label_begins(y), begins[y]);
    }

    static const char *const names[] = {"O", "PER", "ORG", "LOC", "MISC"};
    for (int c = 0; c < NG_NER_NCLASSES; c++) {
        assert_string_equal(ng_ner_class_name((ng_ner_class)c), names[c]);
        assert_int_equal(ng_ner_class_from_name(names[c]), c);
    }
    /* anything else reads as O, and a class out of range is named O */
    static const char *const unknown[] = {"per", "PERSON", "B-PER", "", "ORG ", "LOCATION"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
        if (ng_ner_class_from_name(unknown[i]) != NG_NER_O)
            fail_msg("'%s' read as class %d", unknown[i], ng_ner_class_from_name(unknown[i]));
    assert_string_equal(ng_ner_class_name(NG_NER_NCLASSES), "O");
    assert_string_equal(ng_ner_class_name((ng_ner_class)-1), "O");

    /* which label may follow which, from the start (NG_NER_START) too */
    for (uint32_t prev = 0; prev <= NG_NER_START; prev++)
        for (uint32_t y = 0; y < L; y++) {
            int inside = y != 0 && y % 2 == 0;
            int want = !inside || (prev < L && (prev == y || prev == y - 1));
            if (ng__ner_allowed(prev, y) != want)
                fail_msg("allowed(%u, %u) = %d, expected %d", prev, y, ng__ner_allowed(prev, y),
                         want);
        }
}

/* ---- Viterbi ------------------------------------------------------------------ */

typedef float trans_table[L + 1][L];

static int path_allowed(const uint8_t *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int inside = y[i] != 0 && y[i] % 2 == 0;
        if (inside && (i == 0 || (y[i - 1] != y[i] && y[i - 1] != y[i] - 1))) return 0;
    }
    return 1;
}

static double path_score(const float *em, size_t n, const trans_table tr, const uint8_t *y)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)tr[i ? y[i - 1] : NG_NER_START][y[i]] + (double)em[i * L + y[i]];
    return s;
}

/* The best allowed path by trying every one (n small). */
static double brute_best(const float *em, size_t n, const trans_table tr)
{
    uint8_t y[8] = {0};
    double best = -1e30;
    for (;;) {
        if (path_allowed(y, n)) {
            double s = path_score(em, n, tr, y);
            if (s > best) best = s;
        }
        size_t i = 0;
        while (i < n && ++y[i] == L)
            y[i++] = 0;
        if (i == n) return best;
    }
}

static void viterbi(const float *em, size_t n, const trans_table tr, uint8_t *out)
{
    uint8_t back[16 * L];
    assert_true(n <= 16);
    ng__ner_viterbi(em, n, tr, back, out);
    assert_valid_bio(out, n, "viterbi");
}

static void expect_path(const float *em, size_t n, const trans_table tr, const uint8_t *want,
                        const char *what)
{
    uint8_t got[16];
    viterbi(em, n, tr, got);
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i]) {
            char a[16], b[16];
            fail_msg("%s: token %zu got %s, expected %s", what, i, label_name(got[i], a),
                     label_name(want[i], b));
        }
}

static float rnd(uint64_t *s, float lo, float hi)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *s = x;
    return lo + (hi - lo) * (float)(x >> 40) / (float)(1u << 24);
}

static void test_viterbi_keeps_bio(void **state)
{
    (void)state;
    static const trans_table zero = {{0}};
    const uint8_t P = NG_NER_PER, O = NG_NER_ORG, LC = NG_NER_LOC;

    /* the first token prefers I-PER, which cannot open a sentence */
    float em[16 * L] = {0};
    em[0 * L + I(P)] = 10, em[0 * L + B(P)] = 1, em[1 * L + I(P)] = 5;
    expect_path(em, 2, zero, (const uint8_t[]){B(P), I(P)}, "I-PER first");

    /* I-PER after B-ORG is not a path, however well both score: B-PER
     * (scored 0) then I-PER beats B-ORG then anything else */
    memset(em, 0, sizeof em);
    em[0 * L + B(O)] = 3, em[1 * L + I(P)] = 10;
    expect_path(em, 2, zero, (const uint8_t[]){B(P), I(P)}, "I-PER after B-ORG");

    /* O then I-LOC would score 20; the best allowed is O O (11) */
    memset(em, 0, sizeof em);
    em[0 * L + 0] = 10, em[1 * L + I(LC)] = 10, em[1 * L + 0] = 1;
    expect_path(em, 2, zero, (const uint8_t[]){0, 0}, "I-LOC after O");

    /* every token wants I-ORG: the path opens with B-ORG and stays inside */
    memset(em, 0, sizeof em);
    for (size_t i = 0; i < 5; i++)
        em[i * L + I(O)] = 4;
    expect_path(em, 5, zero, (const uint8_t[]){B(O), I(O), I(O), I(O), I(O)}, "all I-ORG");

    /* an obvious lattice, "Ana Pérez visitó Puerto Ansel .", with noise */
    const uint8_t gold[] = {B(P), I(P), 0, B(LC), I(LC), 0};
    uint64_t seed = 0x2545F4914F6CDD1DULL;
    for (size_t i = 0; i < 6; i++)
        for (uint32_t y = 0; y < L; y++)
            em[i * L + y] = (y == gold[i] ? 5.0f : 0.0f) + rnd(&seed, -0.5f, 0.5f);
    expect_path(em, 6, zero, gold, "obvious lattice");

    /* where the emissions cannot choose, the transitions do */
    trans_table tr = {{0}};
    memset(em, 0, sizeof em);
    em[0 * L + B(P)] = 3;
    tr[B(P)][I(P)] = 2;
    expect_path(em, 2, (const float(*)[L])tr, (const uint8_t[]){B(P), I(P)}, "transitions decide");

    /* random lattices: the best path of all allowed ones */
    for (int trial = 0; trial < 300; trial++) {
        size_t n = 1 + (size_t)trial % 4;
        for (uint32_t p = 0; p <= L; p++)
            for (uint32_t y = 0; y < L; y++)
                tr[p][y] = rnd(&seed, -3, 3);
        for (size_t k = 0; k < n * L; k++)
            em[k] = rnd(&seed, -5, 5);
        /* make the forbidden labels tempting */
        for (size_t i = 0; i < n; i++)
            em[i * L + I(1 + (uint32_t)trial % 4)] += 6;
        uint8_t got[16];
        viterbi(em, n, (const float(*)[L])tr, got);
        double s = path_score(em, n, (const float(*)[L])tr, got),
               best = brute_best(em, n, (const float(*)[L])tr);
        if (s < best - 1e-3)
            fail_msg("trial %d (%zu tokens): path scores %g, best %g", trial, n, s, best);
    }
}

/* ---- training ------------------------------------------------------------------ */

/* m labels at least 95 % of the training corpus's tokens right. */
static void learns_corpus(const ng_ner_model *m, const char *what)
{
    size_t right = 0, total = 0;
    for (size_t k = 0; k < NSENT; k++) {
        uint8_t labels[MAX_TOKS];
        tag_sentence(m, &corpus[k], 0, labels);
        for (size_t i = 0; i < corpus[k].n; i++)
            right += labels[i] == corpus[k].gold[i];
        total += corpus[k].n;
    }
    if (right * 100 < total * 95)
        fail_msg("%s: %zu of %zu training tokens right", what, right, total);
}

static void test_training_tags_corpus(void **state)
{
    (void)state;
    learns_corpus(model, "model");

    /* a name never seen, in the frame "La ministra ... visitó ..." */
    sentence s;
    uint8_t labels[MAX_TOKS];
    must_build(&s, TEMPLATES[0], (const char *[]){"Marta Quiroga", "Lima"});
    tag_sentence(model, &s, 0, labels);
    if (labels[2] != B(NG_NER_PER) || labels[3] != I(NG_NER_PER) || labels[4] != 0)
        fail_msg("unseen person:%s", show(&s, labels));
    /* an unseen place after "la economía de" */
    must_build(&s, TEMPLATES[3], (const char *[]){"Grupo Falcia", "Zorvania"});
    tag_sentence(model, &s, 0, labels);
    if (labels[7] != B(NG_NER_LOC)) fail_msg("unseen place:%s", show(&s, labels));

    /* training needs a language */
    ng_ner_train_options o = NG_NER_TRAIN_OPTIONS_INIT;
    ng_ner_model *m = NULL;
    ng_error err = {0};
    assert_int_equal(ng_ner_train(&m, examples, NSENT, &o, &err), NG_EINVAL);
    assert_null(m);
    o.lang = "much-too-long";
    assert_int_equal(ng_ner_train(&m, examples, NSENT, &o, &err), NG_EINVAL);
    assert_null(m);
}

/* No "<model>.tmpPID" left in the folder by the saves. */
static void assert_no_temporaries(void)
{
    DIR *d = opendir(tmp);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strstr(e->d_name, ".tmp")) fail_msg("left behind: %s/%s", tmp, e->d_name);
    closedir(d);
}

static void assert_same_labels(const ng_ner_model *a, const ng_ner_model *b, const sentence *s,
                               int headline)
{
    uint8_t la[MAX_TOKS], lb[MAX_TOKS];
    tag_sentence(a, s, headline, la);
    tag_sentence(b, s, headline, lb);
    if (memcmp(la, lb, s->n) != 0) {
        char a[SHOW_CAP], b[SHOW_CAP];
        fail_msg("first:%s\nsecond:%s", show_in(a, s, la), show_in(b, s, lb));
    }
}

static void test_training_is_deterministic(void **state)
{
    (void)state;
    char a[320], b[320], s1[320], s2[320];
    ng_ner_train_options o = NG_NER_TRAIN_OPTIONS_INIT;
    o.lang = "es";
    ng_ner_model *ma, *mb;
    train_or_fail(&ma, &o);
    train_or_fail(&mb, &o);
    save_or_fail(ma, in_tmp(a, sizeof a, "det-a.ner.ngm"));
    save_or_fail(mb, in_tmp(b, sizeof b, "det-b.ner.ngm"));
    if (!same_bytes(a, b)) fail_msg("%s and %s differ", a, b);
    /* and the same as the setup's, trained with the same options */
    if (!same_bytes(a, model_path)) fail_msg("%s and %s differ", a, model_path);
    ng_ner_model_free(ma);
    ng_ner_model_free(mb);

    /* one member: the seed orders the examples, and the averaged weights
     * show it (the training is deterministic, so this holds or never does) */
    o.members = 1;
    train_or_fail(&ma, &o);
    o.seed = 2;
    train_or_fail(&mb, &o);
    save_or_fail(ma, in_tmp(s1, sizeof s1, "seed-1.ner.ngm"));
    save_or_fail(mb, in_tmp(s2, sizeof s2, "seed-2.ner.ngm"));
    if (same_bytes(s1, s2)) fail_msg("seeds 1 and 2 gave the same model");
    ng_ner_model_free(ma);
    ng_ner_model_free(mb);

    /* few features for common lower-case words: another model, that says
     * so in its file and still learns the corpus */
    o.seed = 1;
    o.quick_common = 1;
    char q[320];
    train_or_fail(&ma, &o);
    save_or_fail(ma, in_tmp(q, sizeof q, "quick.ner.ngm"));
    if (same_bytes(q, s1)) fail_msg("--quick-common changed nothing");
    mb = load_ok(q);
    for (size_t k = 0; k < NSENT; k++)
        assert_same_labels(ma, mb, &corpus[k], 0);
    learns_corpus(mb, "quick");
    ng_ner_model_free(ma);
    ng_ner_model_free(mb);
    assert_no_temporaries();
}

/* ---- the model file ----------------------------------------------------------- */

static void test_model_round_trip(void **state)
{
    (void)state;
    ng_ner_model *m = load_ok(model_path);
    assert_string_equal(ng_ner_model_lang(m), "es");
    assert_string_equal(ng_ner_model_lang(model), "es");
    for (size_t k = 0; k < NSENT; k += 3) {
        sentence up;
        upcase_copy(&up, &corpus[k]);
        assert_same_labels(model, m, &corpus[k], 0);
        assert_same_labels(model, m, &up, 1);
    }
    sentence s;
    must_build(&s, TEMPLATES[2], (const char *[]){"Marta Quiroga", "Liga Sur", "Zorvania"});
    assert_same_labels(model, m, &s, 0);
    must_build(&s, TEMPLATES[5], (const char *[]){"Ana Pérez", "Iker Sondal", "Kestria"});
    assert_same_labels(model, m, &s, 0);
    /* saved again, the same bytes */
    char again[320];
    save_or_fail(m, in_tmp(again, sizeof again, "again.ner.ngm"));
    if (!same_bytes(again, model_path)) fail_msg("%s and %s differ", again, model_path);
    ng_ner_model_free(m);
    ng_ner_model_free(NULL);
}

/* The load fails, names the file and says why (needle). */
static void expect_refused(const char *path, int code, const char *needle)
{
    ng_ner_model *m = NULL;
    ng_error err = {0};
    int rc = ng_ner_model_load(&m, path, &err);
    if (rc == 0) fail_msg("%s loaded", path);
    if (code && rc != code) fail_msg("%s: code %d, expected %d (%s)", path, rc, code, err.msg);
    assert_null(m);
    if (!strstr(err.msg, path)) fail_msg("message does not name %s: %s", path, err.msg);
    if (!strstr(err.msg, needle)) fail_msg("message lacks '%s': %s", needle, err.msg);
}

/* A copy of the setup's model with its bytes changed by edit. */
static void write_changed(const char *path, void (*edit)(unsigned char *d, size_t *len))
{
    size_t len;
    unsigned char *d = must_slurp(model_path, &len);
    assert_true(len > HDR_SIZE + 16);
    d = realloc(d, len + 64); /* room for bytes added */
    assert_non_null(d);
    edit(d, &len);
    spill(path, d, len);
    free(d);
}

static void as_parse_model(unsigned char *d, size_t *len)
{
    (void)len;
    memcpy(d, "NGPM", 4);
}

static void cut_tail(unsigned char *d, size_t *len)
{
    (void)d;
    *len -= 7;
}

static void flip_payload_byte(unsigned char *d, size_t *len)
{
    d[HDR_SIZE + (*len - HDR_SIZE) / 2] ^= 0x40;
}

static void version_next(unsigned char *d, size_t *len)
{
    (void)len;
    put32(d + HDR_VERSION, NG_NER_VERSION + 1);
}

/* Flags this newsgraph does not know, under a header made to agree. */
static void unknown_flags(unsigned char *d, size_t *len)
{
    d[HDR_SIZE + 1] |= 0x80;
    put64(d + HDR_SUM, ng_model_checksum(d + HDR_SIZE, *len - HDR_SIZE));
}

/* A payload cut short under a header made to agree with it: only the
 * tables can tell. */
static void cut_and_reseal(unsigned char *d, size_t *len)
{
    *len -= 7;
    put64(d + HDR_PLEN, *len - HDR_SIZE);
    put64(d + HDR_SUM, ng_model_checksum(d + HDR_SIZE, *len - HDR_SIZE));
}

/* Tables whole, then bytes that belong to none, under a header made to
 * agree. */
static void pad_and_reseal(unsigned char *d, size_t *len)
{
    memset(d + *len, 0, 8);
    *len += 8;
    put64(d + HDR_PLEN, *len - HDR_SIZE);
    put64(d + HDR_SUM, ng_model_checksum(d + HDR_SIZE, *len - HDR_SIZE));
}

static void test_damaged_files_refused(void **state)
{
    (void)state;
    char p[320];
    expect_refused(in_tmp(p, sizeof p, "missing.ner.ngm"), NG_EIO, "");
    spill(in_tmp(p, sizeof p, "empty.ner.ngm"), "", 0);
    expect_refused(p, NG_EFORMAT, "not a newsgraph entity model");
    spill(in_tmp(p, sizeof p, "short.ner.ngm"), "NGNE", 4);
    expect_refused(p, NG_EFORMAT, "not a newsgraph entity model");
    const char *text = "Ana P\xC3\xA9rez visit\xC3\xB3 Lima ayer, y no es un modelo de nada.\n";
    spill(in_tmp(p, sizeof p, "text.ner.ngm"), text, strlen(text));
    expect_refused(p, NG_EFORMAT, "not a newsgraph entity model");
    write_changed(in_tmp(p, sizeof p, "parse.ner.ngm"), as_parse_model);
    expect_refused(p, NG_EFORMAT, "not a newsgraph entity model");
    write_changed(in_tmp(p, sizeof p, "cut.ner.ngm"), cut_tail);
    expect_refused(p, NG_EFORMAT, "truncated");
    write_changed(in_tmp(p, sizeof p, "flip.ner.ngm"), flip_payload_byte);
    expect_refused(p, NG_EFORMAT, "checksum");
    write_changed(in_tmp(p, sizeof p, "next.ner.ngm"), version_next);
    char want[32];
    snprintf(want, sizeof want, "version %d", NG_NER_VERSION + 1);
    expect_refused(p, NG_EFORMAT, want);
    write_changed(in_tmp(p, sizeof p, "flags.ner.ngm"), unknown_flags);
    expect_refused(p, NG_EFORMAT, "damaged entity model");
    write_changed(in_tmp(p, sizeof p, "resealed.ner.ngm"), cut_and_reseal);
    expect_refused(p, NG_EFORMAT, "damaged entity model");
    write_changed(in_tmp(p, sizeof p, "padded.ner.ngm"), pad_and_reseal);
    expect_refused(p, NG_EFORMAT, "damaged entity model");
    /* a folder where the file should be */
    expect_refused(tmp, 0, "not a regular file");
}

/* ---- headlines ---------------------------------------------------------------- */

/* Spans [start, end) of a BIO label sequence, whatever their class. */
static size_t spans(const uint8_t *y, size_t n, size_t (*out)[2])
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!y[i] || y[i] % 2 == 0) continue;
        size_t j = i + 1;
        while (j < n && y[j] == y[i] + 1)
            j++;
        out[k][0] = i, out[k][1] = j, k++;
    }
    return k;
}

static void test_headlines(void **state)
{
    (void)state;
    /* the default model: an ALL-CAPS line in headline mode is valid BIO
     * (tag checks it), and so is a cased sentence read as a headline */
    for (size_t k = 0; k < NSENT; k += 5) {
        sentence up;
        uint8_t labels[MAX_TOKS];
        upcase_copy(&up, &corpus[k]);
        tag_sentence(model, &up, 1, labels);
        tag_sentence(model, &corpus[k], 1, labels);
    }

    /* every sentence also learnt as a headline: the names of the training
     * sentences are found in their ALL-CAPS copies */
    ng_ner_train_options o = NG_NER_TRAIN_OPTIONS_INIT;
    o.lang = "es";
    o.headline_every = 1;
    ng_ner_model *m;
    train_or_fail(&m, &o);
    size_t found = 0, total = 0, right_class = 0;
    for (size_t k = 0; k < NSENT; k++) {
        sentence up;
        uint8_t labels[MAX_TOKS];
        size_t gold[MAX_TOKS][2], got[MAX_TOKS][2];
        upcase_copy(&up, &corpus[k]);
        tag_sentence(m, &up, 1, labels);
        size_t ng = spans(up.gold, up.n, gold), nt = spans(labels, up.n, got);
        for (size_t g = 0; g < ng; g++) {
            int hit = 0;
            for (size_t t = 0; t < nt && !hit; t++)
                hit = got[t][0] == gold[g][0] && got[t][1] == gold[g][1];
            if (!hit) fprintf(stderr, "    missed in headline:%s\n", show(&up, labels));
            found += hit;
            right_class += hit && labels[gold[g][0]] == up.gold[gold[g][0]];
        }
        total += ng;
    }
    ng_ner_model_free(m);
    if (found != total) fail_msg("%zu of %zu names found in headlines", found, total);
    if (right_class * 10 < total * 9)
        fail_msg("%zu of %zu headline names of the right class", right_class, total);
}

/* ---- long input ---------------------------------------------------------------- */

static void test_long_sentence_in_parts(void **state)
{
    (void)state;
    enum { N = 3000 };
    ng_ner_token *toks = malloc(N * sizeof *toks);
    uint8_t *labels = malloc(N), *part = malloc(NG_NER_MAX_TOKENS);
    assert_true(toks && labels && part);
    /* the corpus sentences one after another, as one "sentence" */
    for (size_t i = 0, k = 0, j = 0; i < N; i++) {
        toks[i] = corpus[k].toks[j];
        if (++j == corpus[k].n) j = 0, k = (k + 1) % NSENT;
    }
    /* a name across the first cut: "Ana" the last token of the first part,
     * "Pérez" the first of the second, which cannot continue it */
    const size_t cut = NG_NER_MAX_TOKENS, at_name = 2;
    for (size_t j = 0; j < corpus[0].n; j++)
        toks[cut - 1 - at_name + j] = corpus[0].toks[j];
    assert_string_equal(toks[cut - 1].form, "Ana");
    assert_int_equal(corpus[0].gold[at_name + 1], I(NG_NER_PER));
    tag(model, toks, N, 0, labels);
    if (labels[cut] == I(NG_NER_PER))
        fail_msg("token %zu continues a name of the part before", cut);
    /* tagged in parts of NG_NER_MAX_TOKENS: each part as if alone */
    for (size_t at = 0; at < N; at += NG_NER_MAX_TOKENS) {
        size_t n = N - at < NG_NER_MAX_TOKENS ? N - at : NG_NER_MAX_TOKENS;
        tag(model, toks + at, n, 0, part);
        if (memcmp(part, labels + at, n) != 0) fail_msg("the part at token %zu differs", at);
    }
    tag(model, toks, N, 1, labels);
    /* no tokens at all */
    tag(model, toks, 0, 0, labels);
    free(toks);
    free(labels);
    free(part);
}

/* ---- a folder of models -------------------------------------------------------- */

static void test_models_folder(void **state)
{
    (void)state;
    char dir[320], es[400], en[400];
    in_tmp(dir, sizeof dir, "models");
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(es, sizeof es, "%s/es.ner.ngm", dir);
    snprintf(en, sizeof en, "%s/en.ner.ngm", dir);
    save_or_fail(model, es);

    ng_ner_models *ms = NULL;
    ng_error err = {0};
    assert_int_equal(ng_ner_models_new(&ms, dir, &err), 0);
    const ng_ner_model *m = NULL, *m2 = NULL;
    if (ng_ner_models_get(ms, "es", &m, &err)) fail_msg("es: %s", err.msg);
    assert_non_null(m);
    assert_string_equal(ng_ner_model_lang(m), "es");
    assert_int_equal(ng_ner_models_get(ms, "es", &m2, &err), 0);
    assert_ptr_equal(m, m2); /* loaded once */
    assert_same_labels(model, m, &corpus[0], 0);

    ng_error_clear(&err);
    assert_int_equal(ng_ner_models_get(ms, "en", &m, &err), NG_EIO);
    if (!strstr(err.msg, en)) fail_msg("missing model: %s", err.msg);
    /* a Spanish model under the English name; a failure is not remembered */
    save_or_fail(model, en);
    for (int again = 0; again < 2; again++) {
        ng_error_clear(&err);
        assert_int_equal(ng_ner_models_get(ms, "en", &m, &err), NG_EFORMAT);
        if (!strstr(err.msg, en) || !strstr(err.msg, "a model for 'es', not 'en'"))
            fail_msg("foreign model: %s", err.msg);
    }
    /* language codes that are no file names */
    static const char *const bad[] = {"../x", "", "es/../es", "ES", "much-too-long"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ng_error_clear(&err);
        if (ng_ner_models_get(ms, bad[i], &m, &err) != NG_EINVAL)
            fail_msg("language '%s' accepted (%s)", bad[i], err.msg);
        if (!strstr(err.msg, bad[i])) fail_msg("'%s': %s", bad[i], err.msg);
    }
    ng_ner_models_free(ms);
    ng_ner_models_free(NULL);
}

/* ---- setup ------------------------------------------------------------------------ */

static int group_setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/ng-test-ner-XXXXXX");
    if (!mkdtemp(tmp)) {
        perror("setup: mkdtemp");
        return -1;
    }
    if (build_corpus()) return -1;
    ng_ner_train_options o = NG_NER_TRAIN_OPTIONS_INIT;
    o.lang = "es";
    ng_error err = {0};
    in_tmp(model_path, sizeof model_path, "es.ner.ngm");
    if (ng_ner_train(&model, examples, NSENT, &o, &err) ||
        ng_ner_model_save(model, model_path, &err)) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    ng_ner_model_free(model);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_and_class_names),
        cmocka_unit_test(test_viterbi_keeps_bio),
        cmocka_unit_test(test_training_tags_corpus),
        cmocka_unit_test(test_training_is_deterministic),
        cmocka_unit_test(test_model_round_trip),
        cmocka_unit_test(test_damaged_files_refused),
        cmocka_unit_test(test_headlines),
        cmocka_unit_test(test_long_sentence_in_parts),
        cmocka_unit_test(test_models_folder),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
