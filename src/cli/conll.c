/* CoNLL-2002-style token files (token first on each line, tag last, blank
 * line between sentences), read for `mentions --conll` and for training the
 * entity tagger: the tokens become a text, one sentence a line, that the
 * extractor reads like an article. */
#include "cli.h"
#include "newsgraph/error.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int grow(void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap * 2 : 256;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * size);
    if (!p) return -1;
    *arr = p;
    *cap = n;
    return 0;
}
#define GROW(arr, cap, need) grow((void **)&(arr), &(cap), (need), sizeof *(arr))

static char *latin1_to_utf8(const char *s, size_t n, size_t *out_len)
{
    char *r = malloc(2 * n + 1);
    if (!r) return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            r[w++] = (char)c;
        } else {
            r[w++] = (char)(0xC0 | (c >> 6));
            r[w++] = (char)(0x80 | (c & 0x3F));
        }
    }
    r[w] = '\0';
    *out_len = w;
    return r;
}

/* Append t (NFC) to the text; returns 0 or -1. */
static int append_text(cli_conll *c, const char *t, size_t n)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)n, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0) return -1;
    if (c->len + (size_t)k + 2 > c->cap) {
        size_t cap = c->cap ? c->cap : 4096;
        while (c->len + (size_t)k + 2 > cap)
            cap *= 2;
        char *p = realloc(c->text, cap);
        if (!p) {
            free(nfc);
            return -1;
        }
        c->text = p;
        c->cap = cap;
    }
    memcpy(c->text + c->len, nfc, (size_t)k);
    c->len += (size_t)k;
    free(nfc);
    return 0;
}

static int read_all(cli_conll *c, const char *path, ng_error *err)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in) return ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));
    size_t n, cap = 0;
    char chunk[65536];
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
        if (c->rawlen + n + 1 > cap) {
            cap = (c->rawlen + n + 1) * 2;
            char *p = realloc(c->raw, cap);
            if (!p) {
                rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
                break;
            }
            c->raw = p;
        }
        memcpy(c->raw + c->rawlen, chunk, n);
        c->rawlen += n;
    }
    if (!rc && ferror(in)) rc = ng_error_set(err, NG_EIO, "%s: read error", path);
    if (in != stdin) fclose(in);
    if (rc) return rc;
    if (!c->raw) return ng_error_set(err, NG_EEMPTY, "%s: empty file", path);
    c->raw[c->rawlen] = '\0';
    if (memchr(c->raw, '\0', c->rawlen))
        return ng_error_set(err, NG_EFORMAT, "%s: binary file (NUL bytes), not CoNLL", path);
    return 0;
}

static int valid_utf8(const char *s, size_t n)
{
    utf8proc_ssize_t ok = 0;
    for (size_t i = 0; i < n; i += (size_t)ok) {
        utf8proc_int32_t cp;
        ok = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (ok <= 0) return 0;
    }
    return 1;
}

/* The last field of a line (its tag), as an offset into src. */
static void last_field(const char *line, size_t n, size_t tl, size_t *at, size_t *len)
{
    size_t e = n;
    while (e > tl && (line[e - 1] == ' ' || line[e - 1] == '\t'))
        e--;
    size_t b = e;
    while (b > tl && line[b - 1] != '\t' && line[b - 1] != ' ')
        b--;
    *at = b;
    *len = e - b;
}

static int add_line(cli_conll *c, const char *path, const char *line, size_t n, size_t rstart,
                    size_t rlen, int *open, int lineno, ng_error *err)
{
    if (GROW(c->lines, c->lines_cap, c->nlines + 1))
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    cli_conll_line *L = &c->lines[c->nlines++];
    *L = (cli_conll_line){rstart, rlen, -1};
    size_t tl = 0;
    while (tl < n && line[tl] != '\t' && line[tl] != ' ')
        tl++;
    if (n == 0 || tl == 0 || strncmp(line, "-DOCSTART-", 10) == 0) {
        *open = 0;
        return 0;
    }
    if (!valid_utf8(line, tl))
        return ng_error_set(err, NG_EENCODING, "%s:%d: invalid UTF-8 (try --encoding latin1)", path,
                            lineno);
    if (GROW(c->toks, c->toks_cap, c->ntoks + 1) ||
        (c->len && append_text(c, *open ? " " : "\n", 1)))
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    size_t at = c->len;
    if (append_text(c, line, tl))
        return ng_error_set(err, NG_EENCODING, "%s:%d: bad token", path, lineno);
    cli_conll_token *t = &c->toks[c->ntoks];
    t->at = at;
    t->len = c->len - at;
    t->first = !*open;
    last_field(line, n, tl, &t->tag, &t->tag_len);
    t->tag += (size_t)(line - c->src);
    L->token = (long)c->ntoks++;
    *open = 1;
    return 0;
}

int cli_conll_read(cli_conll *c, const char *path, int latin1, ng_error *err)
{
    memset(c, 0, sizeof *c);
    int rc = read_all(c, path, err);
    if (rc) return rc;
    size_t srclen = c->rawlen;
    c->src = c->raw;
    if (latin1) {
        if (!(c->utf = latin1_to_utf8(c->raw, c->rawlen, &srclen)))
            return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
        c->src = c->utf;
    }
    /* the raw and UTF-8 views have the same line breaks */
    size_t rpos = 0, spos = 0;
    int open = 0, lineno = 0;
    while (rpos < c->rawlen) {
        const char *re = memchr(c->raw + rpos, '\n', c->rawlen - rpos);
        size_t rl = re ? (size_t)(re - c->raw - rpos) : c->rawlen - rpos;
        const char *se = memchr(c->src + spos, '\n', srclen - spos);
        size_t sl = se ? (size_t)(se - c->src - spos) : srclen - spos;
        lineno++;
        size_t rtrim = rl && c->raw[rpos + rl - 1] == '\r' ? rl - 1 : rl;
        size_t strim = sl && c->src[spos + sl - 1] == '\r' ? sl - 1 : sl;
        rc = add_line(c, path, c->src + spos, strim, rpos, rtrim, &open, lineno, err);
        if (rc) return rc;
        rpos += rl + (re ? 1 : 0);
        spos += sl + (se ? 1 : 0);
    }
    if (!c->ntoks) return ng_error_set(err, NG_EEMPTY, "%s: no tokens", path);
    c->text[c->len] = '\0';
    return 0;
}

void cli_conll_free(cli_conll *c)
{
    free(c->raw);
    free(c->utf);
    free(c->text);
    free(c->lines);
    free(c->toks);
    memset(c, 0, sizeof *c);
}
