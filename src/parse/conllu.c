/* CoNLL-U reading: sentences of syntactic words, with the comment and
 * multiword-token lines kept so that they can be written back unchanged. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"

#define CONLLU_LIMIT ((size_t)1 << 30)

static int add_word(ng_csent *s, ng_cword w)
{
    if (NG_GROW(s->words, s->cap, s->n + 1)) return NG_ENOMEM;
    s->words[s->n++] = w;
    return 0;
}

static int add_line(ng_treebank *tb, ng_csent *s, const char *text, int is_mwt, uint32_t from,
                    uint32_t to)
{
    if (NG_GROW(s->lines, s->lines_cap, s->nlines + 1)) return NG_ENOMEM;
    char *copy = ng_pool_strdup(tb->pool, text);
    if (!copy) return NG_ENOMEM;
    s->lines[s->nlines++] = (ng_cline){s->n, copy, is_mwt, from, to};
    return 0;
}

static int end_sentence(ng_treebank *tb, ng_csent *s)
{
    if (s->n == 0) {
        free(s->lines);
        memset(s, 0, sizeof *s);
        return 0;
    }
    if (NG_GROW(tb->sents, tb->cap, tb->n + 1)) return NG_ENOMEM;
    tb->sents[tb->n++] = *s;
    memset(s, 0, sizeof *s);
    return 0;
}

static int parse_uint(const char *s, uint32_t *v)
{
    char *end;
    errno = 0;
    unsigned long x = strtoul(s, &end, 10);
    if (errno || end == s || *end || x > 100000) return -1;
    *v = (uint32_t)x;
    return 0;
}

static char *pooled(ng_treebank *tb, const char *s)
{
    return ng_pool_strdup(tb->pool, s);
}

static int read_word(ng_treebank *tb, ng_csent *s, char **f, const char *name, size_t lineno,
                     ng_error *err)
{
    uint32_t id, head = 0;
    if (parse_uint(f[0], &id) || id != s->n + 1)
        return ng_error_set(err, NG_EFORMAT, "%s:%zu: word number '%s' out of sequence", name,
                            lineno, f[0]);
    if (strcmp(f[6], "_") != 0 && parse_uint(f[6], &head))
        return ng_error_set(err, NG_EFORMAT, "%s:%zu: bad head '%s'", name, lineno, f[6]);
    ng_cword w = {pooled(tb, f[1]), pooled(tb, f[2]), pooled(tb, f[3]), pooled(tb, f[4]),
                  pooled(tb, f[5]), pooled(tb, f[7]), pooled(tb, f[9]), head};
    if (!w.form || !w.lemma || !w.upos || !w.xpos || !w.feats || !w.deprel || !w.misc ||
        add_word(s, w))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

/* Heads are checked when the sentence is complete: a head may point forward. */
static int check_heads(const ng_csent *s, const char *name, size_t lineno, ng_error *err)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->words[i].head > s->n)
            return ng_error_set(err, NG_EFORMAT,
                                "%s:%zu: word %zu of the sentence ending here has head %u, "
                                "beyond its %zu words",
                                name, lineno, i + 1, s->words[i].head, s->n);
    return 0;
}

static int read_line(ng_treebank *tb, ng_csent *cur, char *line, const char *name, size_t lineno,
                     ng_error *err)
{
    if (line[0] == '#') {
        if (add_line(tb, cur, line, 0, 0, 0)) return ng_error_set(err, NG_ENOMEM, "out of memory");
        return 0;
    }
    char *copy = strdup(line);
    if (!copy) return ng_error_set(err, NG_ENOMEM, "out of memory");
    char *f[10];
    int nf = ng_split_tabs(line, f, 10);
    int rc = 0;
    if (nf != 10) {
        rc = ng_error_set(err, NG_EFORMAT, "%s:%zu: %d fields, CoNLL-U has 10", name, lineno, nf);
    } else if (strchr(f[0], '.')) {
        /* an empty node of enhanced dependencies: not a word of the basic tree */
    } else if (strchr(f[0], '-')) {
        uint32_t from, to;
        char *dash = strchr(f[0], '-');
        *dash = '\0';
        if (parse_uint(f[0], &from) || parse_uint(dash + 1, &to) || to < from)
            rc = ng_error_set(err, NG_EFORMAT, "%s:%zu: bad range", name, lineno);
        else if (add_line(tb, cur, copy, 1, from, to))
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    } else {
        rc = read_word(tb, cur, f, name, lineno, err);
    }
    free(copy);
    return rc;
}

int ng_treebank_parse(ng_treebank *tb, char *text, size_t len, const char *name, ng_error *err)
{
    if (!tb->pool && !(tb->pool = ng_pool_new()))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    if (memchr(text, '\0', len))
        return ng_error_set(err, NG_EFORMAT, "%s: binary data (NUL byte), not CoNLL-U", name);
    ng_csent cur = {0};
    size_t lineno = 0;
    int rc = 0;
    char *p = text, *end = text + len;
    while (p < end && !rc) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        if (e > p && e[-1] == '\r') e[-1] = '\0';
        *e = '\0';
        lineno++;
        if (*p == '\0') {
            rc = check_heads(&cur, name, lineno, err);
            if (!rc && end_sentence(tb, &cur)) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        } else {
            rc = read_line(tb, &cur, p, name, lineno, err);
        }
        p = e + 1;
    }
    if (!rc) rc = check_heads(&cur, name, lineno, err);
    if (!rc && end_sentence(tb, &cur)) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    if (rc) {
        free(cur.words);
        free(cur.lines);
    }
    return rc;
}

int ng_treebank_read(ng_treebank *tb, const char *path, ng_error *err)
{
    char *text;
    size_t len;
    int rc;
    if (strcmp(path, "-") == 0) {
        ng_buf b = {0};
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
            if (ng_buf_add(&b, chunk, n)) {
                ng_buf_free(&b);
                return ng_error_set(err, NG_ENOMEM, "out of memory");
            }
        if (ferror(stdin)) {
            ng_buf_free(&b);
            return ng_error_set(err, NG_EIO, "standard input: read error");
        }
        if (!ng_buf_cstr(&b)) return ng_error_set(err, NG_ENOMEM, "out of memory");
        rc = ng_treebank_parse(tb, b.data, b.len, "standard input", err);
        ng_buf_free(&b);
        return rc;
    }
    rc = ng_read_file(path, CONLLU_LIMIT, &text, &len, err);
    if (rc) return rc;
    rc = ng_treebank_parse(tb, text, len, path, err);
    free(text);
    return rc;
}

void ng_treebank_free(ng_treebank *tb)
{
    for (size_t i = 0; i < tb->n; i++) {
        free(tb->sents[i].words);
        free(tb->sents[i].lines);
    }
    free(tb->sents);
    ng_pool_free(tb->pool);
    memset(tb, 0, sizeof *tb);
}
