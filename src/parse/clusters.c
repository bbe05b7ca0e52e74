/* Word classes for a model (trainer side): the words of the treebanks and of
 * plain-text files are clustered by the exchange algorithm, at a fine and a
 * coarse grain, so that the tagger and the parser can generalise from a word
 * seen in training to words used the same way that the treebank never shows.
 * Sentences of held-out files are left out of the text, so that scores
 * measured on them stay honest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

#define TEXT_LIMIT ((size_t)512 << 20)
#define CLUSTER_PASSES 12
#define MIN_WORD_COUNT 2 /* words seen once get no class */

typedef struct corpus {
    uint64_t *tok; /* lower-cased form hashes; 0 between sentences */
    size_t n, cap;
    ng_lex held; /* keys of held-out sentences */
    ng_buf lower, key;
    size_t sents, skipped;
} corpus;

static int push(corpus *c, uint64_t h)
{
    if (NG_GROW(c->tok, c->cap, c->n + 1)) return NG_ENOMEM;
    c->tok[c->n++] = h;
    return 0;
}

/* A sentence's key: its characters without spaces or underscores (AnCora's
 * entity files join multiword names with them, its treebank with spaces). */
static int key_add(ng_buf *key, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '_' && s[i] != '\t' && ng_buf_addc(key, s[i])) return NG_ENOMEM;
    return 0;
}

static uint64_t key_hash(const ng_buf *key)
{
    return ng_hash64(key->data ? key->data : "", key->len) | 1;
}

static int add_word(corpus *c, const char *form, size_t len)
{
    ng_watoms a;
    if (ng_atoms_make(&a, form, len, &c->lower)) return NG_ENOMEM;
    return a.w ? push(c, a.w) : 0;
}

static int add_treebank(corpus *c, const ng_treebank *tb)
{
    for (size_t i = 0; i < tb->n; i++) {
        const ng_csent *s = &tb->sents[i];
        for (size_t k = 0; k < s->n; k++)
            if (add_word(c, s->words[k].form, strlen(s->words[k].form))) return NG_ENOMEM;
        if (push(c, 0)) return NG_ENOMEM;
        c->sents++;
    }
    return 0;
}

static int held_sentence_key(corpus *c, const ng_csent *s)
{
    c->key.len = 0;
    for (size_t i = 0; i < s->nlines; i++)
        if (!s->lines[i].is_mwt && strncmp(s->lines[i].text, "# text = ", 9) == 0)
            return key_add(&c->key, s->lines[i].text + 9, strlen(s->lines[i].text + 9));
    for (size_t k = 0; k < s->n; k++)
        if (key_add(&c->key, s->words[k].form, strlen(s->words[k].form))) return NG_ENOMEM;
    return 0;
}

static int read_held_out(corpus *c, const char *path, ng_error *err)
{
    ng_treebank tb = {0};
    int rc = ng_treebank_read(&tb, path, err);
    for (size_t i = 0; !rc && i < tb.n; i++) {
        if (held_sentence_key(c, &tb.sents[i]) || ng_lex_put(&c->held, key_hash(&c->key), 0, 0))
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    ng_treebank_free(&tb);
    return rc;
}

/* The sentence of tokens tok[from..c->n) ends: kept unless held out. */
static int end_text_sentence(corpus *c, size_t from)
{
    if (c->n == from) return 0;
    if (ng_lex_find(&c->held, key_hash(&c->key))) {
        c->n = from;
        c->skipped++;
    } else {
        if (push(c, 0)) return NG_ENOMEM;
        c->sents++;
    }
    c->key.len = 0;
    return 0;
}

/* Plain text, one token a line (its first tab-separated field), a blank
 * line between sentences: the layout of the AnCora entity files. */
static int add_text(corpus *c, const char *path, ng_error *err)
{
    char *text;
    size_t len;
    int rc = ng_read_file(path, TEXT_LIMIT, &text, &len, err);
    if (rc) return rc;
    if (ng_utf8_valid_len(text, len) != len) {
        free(text);
        return ng_error_set(err, NG_EFORMAT, "%s: not valid UTF-8", path);
    }
    size_t from = c->n;
    c->key.len = 0;
    for (size_t i = 0; i < len && !rc;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t t = i;
        while (t < e && text[t] != '\t' && text[t] != '\r')
            t++;
        if (t == i) {
            rc = end_text_sentence(c, from);
            from = c->n;
        } else if (add_word(c, text + i, t - i) || key_add(&c->key, text + i, t - i)) {
            rc = NG_ENOMEM;
        }
        i = e + 1;
    }
    if (!rc) rc = end_text_sentence(c, from);
    free(text);
    return rc == NG_ENOMEM ? ng_error_set(err, NG_ENOMEM, "out of memory") : rc;
}

typedef struct vword {
    uint64_t h;
    uint32_t count;
} vword;

static int cmp_vword(const void *a, const void *b)
{
    const vword *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->h < y->h ? -1 : x->h > y->h;
}

/* Word ids by falling frequency (1..nwords-1); words seen less than
 * MIN_WORD_COUNT times share the last id. */
static int number_words(const corpus *c, ng_lex *ids, vword **words, uint32_t *nwords,
                        uint32_t **seq)
{
    for (size_t i = 0; i < c->n; i++) {
        if (!c->tok[i]) continue;
        const ng_lex_entry *e = ng_lex_find(ids, c->tok[i]);
        if (ng_lex_put(ids, c->tok[i], e ? e->feats + 1 : 1, 0)) return NG_ENOMEM;
    }
    vword *v = malloc((ids->count ? ids->count : 1) * sizeof *v);
    if (!v) return NG_ENOMEM;
    size_t nv = 0;
    for (size_t i = 0; i < ids->cap; i++)
        if (ids->slots[i].key) v[nv++] = (vword){ids->slots[i].key, ids->slots[i].feats};
    qsort(v, nv, sizeof *v, cmp_vword);
    uint32_t kept = 0;
    while (kept < nv && v[kept].count >= MIN_WORD_COUNT)
        kept++;
    for (uint32_t i = 0; i < nv; i++)
        if (ng_lex_put(ids, v[i].h, i < kept ? i + 1 : kept + 1, 0)) {
            free(v);
            return NG_ENOMEM;
        }
    *seq = malloc((c->n ? c->n : 1) * sizeof **seq);
    if (!*seq) {
        free(v);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < c->n; i++)
        (*seq)[i] = c->tok[i] ? ng_lex_find(ids, c->tok[i])->feats : 0;
    *words = v;
    *nwords = kept + 2;
    return 0;
}

static void log_passes(FILE *log, const char *grain, uint32_t nclasses, const uint32_t *moves)
{
    if (!log) return;
    fprintf(log, "  %s classes (%u), words moved per pass:", grain, nclasses);
    for (int i = 0; i < CLUSTER_PASSES; i++)
        fprintf(log, " %u", moves[i]);
    fputc('\n', log);
}

static int cluster_words(ng_model *m, const corpus *c, uint32_t nclasses, FILE *log)
{
    ng_lex ids = {0};
    vword *words = NULL;
    uint32_t nwords = 0, *seq = NULL, *fine = NULL, *coarse = NULL;
    uint32_t ncoarse = nclasses / 8 > 1 ? nclasses / 8 : 2;
    uint32_t moves[CLUSTER_PASSES] = {0};
    int rc = number_words(c, &ids, &words, &nwords, &seq);
    if (!rc) {
        fine = malloc(nwords * sizeof *fine);
        coarse = malloc(nwords * sizeof *coarse);
        if (!fine || !coarse) rc = NG_ENOMEM;
    }
    if (log && !rc)
        fprintf(log, "word classes: %zu sentences (%zu held out), %u words seen %d times or more\n",
                c->sents, c->skipped, nwords - 2, MIN_WORD_COUNT);
    if (!rc) rc = ng_exchange_clusters(seq, c->n, nwords, nclasses, CLUSTER_PASSES, fine, moves);
    if (!rc) log_passes(log, "fine", nclasses, moves);
    if (!rc) rc = ng_exchange_clusters(seq, c->n, nwords, ncoarse, CLUSTER_PASSES, coarse, moves);
    if (!rc) log_passes(log, "coarse", ncoarse, moves);
    for (uint32_t w = 1; !rc && w + 1 < nwords; w++)
        rc = ng_lex_put(&m->clusters, words[w - 1].h, (fine[w] + 1) | (coarse[w] + 1) << 16, 0);
    free(ids.slots);
    free(words);
    free(seq);
    free(fine);
    free(coarse);
    return rc;
}

int ng_train_clusters(ng_model *m, const ng_treebank *tb, const ng_train_options *o, FILE *log,
                      ng_error *err)
{
    corpus c = {0};
    int rc = 0;
    for (size_t i = 0; !rc && i < o->nheld_out; i++)
        rc = read_held_out(&c, o->held_out[i], err);
    if (!rc && add_treebank(&c, tb)) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < o->ntext; i++)
        rc = add_text(&c, o->text[i], err);
    if (!rc && cluster_words(m, &c, (uint32_t)o->clusters, log))
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    free(c.tok);
    free(c.held.slots);
    ng_buf_free(&c.lower);
    ng_buf_free(&c.key);
    return rc;
}

uint32_t ng_model_class(const ng_model *m, uint64_t form)
{
    const ng_lex_entry *e = ng_lex_find(&m->clusters, form);
    return e ? e->feats : 0;
}
