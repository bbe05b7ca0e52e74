/* Sentence and token segmentation over UTF-8 text.
 *
 * One left-to-right pass: classify each code point with utf8proc, build
 * tokens, then decide sentence ends from the tokens around each terminator. */
#include "newsgraph/text.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int is_letter(int32_t c)
{
    int k = ng_utf8_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME);
}

static int is_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

static int is_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 ||
           c == 0x202F || c == 0x200B || ng_utf8_category(c) == UTF8PROC_CATEGORY_ZS;
}

static int is_upper(int32_t c)
{
    int k = ng_utf8_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_dash(int32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014;
}

static int is_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019;
}

/* Peek the code point at byte i (0 at the end). */
static int32_t peek(const char *s, size_t n, size_t i, int *k)
{
    int32_t c = 0;
    *k = 1;
    if (i >= n) {
        *k = 0;
        return 0;
    }
    int len = ng_utf8_decode(s + i, n - i, &c);
    if (!len) return 0xFFFD;
    *k = len;
    return c;
}

static int push_token(ng_segmentation *seg, size_t start, size_t end, uint32_t flags)
{
    if (NG_GROW(seg->tokens, seg->tokens_cap, seg->ntokens + 1)) return NG_ENOMEM;
    seg->tokens[seg->ntokens++] = (ng_token){(uint32_t)start, (uint32_t)end, flags};
    return 0;
}

/* Scan a word from i: letters and digits, inner apostrophes (O'Brien), inner
 * periods in short abbreviations (EE.UU., U.S.). */
static size_t scan_word(const char *s, size_t n, size_t i, uint32_t *flags)
{
    int k, letters = 0, uppers = 0, seglen = 0, dotted = 0;
    int32_t c = peek(s, n, i, &k);
    *flags = NG_TOK_WORD;
    if (is_upper(c)) *flags |= NG_TOK_UPPER;
    while (i < n) {
        c = peek(s, n, i, &k);
        if (is_letter(c) || is_digit(c)) {
            if (is_letter(c)) letters++;
            if (is_upper(c)) uppers++;
            seglen++;
            i += (size_t)k;
            continue;
        }
        int k2;
        int32_t next = peek(s, n, i + (size_t)k, &k2);
        if (c == '.' && seglen <= 3 && is_letter(next)) {
            /* "EE.UU", "U.S": an abbreviation with inner periods */
            dotted = 1;
            seglen = 0;
            i += (size_t)k;
            continue;
        }
        if (is_apostrophe(c) && is_upper(next) && seglen == 1) {
            i += (size_t)k; /* O'Brien, D'Alema */
            seglen = 0;
            continue;
        }
        break;
    }
    if (dotted && peek(s, n, i, &k) == '.') {
        i += (size_t)k;
        *flags |= NG_TOK_ABBR;
    }
    if (letters >= 2 && uppers == letters) *flags |= NG_TOK_ALLCAPS;
    return i;
}

/* Digits with inner separators: 10.000, 3,5, 1.2, 2024. */
static size_t scan_number(const char *s, size_t n, size_t i)
{
    int k, k2;
    while (i < n) {
        int32_t c = peek(s, n, i, &k);
        if (is_digit(c) || is_letter(c)) {
            i += (size_t)k;
            continue;
        }
        if ((c == '.' || c == ',') && is_digit(peek(s, n, i + 1, &k2))) {
            i += 1;
            continue;
        }
        break;
    }
    return i;
}

static int tokenize(ng_segmentation *seg, const char *s, size_t n)
{
    size_t i = 0;
    int space_before = 1;
    while (i < n) {
        int k;
        int32_t c = peek(s, n, i, &k);
        if (!k) break;
        if (is_space(c)) {
            if (c == '\n' && push_token(seg, i, i + 1, NG_TOK_PUNCT)) return NG_ENOMEM;
            i += (size_t)k;
            space_before = 1;
            continue;
        }
        uint32_t flags = space_before ? 0 : NG_TOK_NOSPACE;
        size_t end;
        if (is_digit(c)) {
            end = scan_number(s, n, i);
            flags |= NG_TOK_NUM;
        } else if (is_letter(c)) {
            uint32_t f;
            end = scan_word(s, n, i, &f);
            flags |= f;
        } else {
            end = i + (size_t)k;
            flags |= NG_TOK_PUNCT;
            if (is_dash(c)) flags |= NG_TOK_HYPHEN;
            if (is_apostrophe(c)) {
                /* English possessive: "'s" is one token */
                int k2;
                int32_t nx = peek(s, n, end, &k2);
                if ((nx == 's' || nx == 'S') && !is_letter(peek(s, n, end + 1, &k2))) {
                    end += 1;
                    flags = (flags & NG_TOK_NOSPACE) | NG_TOK_WORD;
                }
            }
        }
        if (push_token(seg, i, end, flags)) return NG_ENOMEM;
        i = end;
        space_before = 0;
    }
    return 0;
}

static int tok_is(const char *s, const ng_token *t, const char *lit)
{
    size_t l = strlen(lit);
    return t->end - t->start == l && memcmp(s + t->start, lit, l) == 0;
}

static int is_closer(const char *s, const ng_token *t)
{
    return tok_is(s, t, "\"") || tok_is(s, t, "\u201D") || tok_is(s, t, "\u00BB") ||
           tok_is(s, t, ")") || tok_is(s, t, "'") || tok_is(s, t, "\u2019");
}

static int is_terminator(const char *s, const ng_token *t)
{
    return tok_is(s, t, ".") || tok_is(s, t, "!") || tok_is(s, t, "?") || tok_is(s, t, "\u2026");
}

/* Whether the period token at index i really ends the sentence. */
static int period_ends(const char *s, const ng_segmentation *seg, size_t i, ng_abbrev_fn fn,
                       void *ud)
{
    const ng_token *t = &seg->tokens[i];
    if (!tok_is(s, t, ".")) return 1;
    if (i > 0 && (t->flags & NG_TOK_NOSPACE)) {
        const ng_token *p = &seg->tokens[i - 1];
        size_t plen = p->end - p->start;
        int32_t c0;
        int k = ng_utf8_decode(s + p->start, plen, &c0);
        if ((p->flags & NG_TOK_WORD) && (size_t)k == plen && is_upper(c0))
            return 0; /* an initial: "J. R. R. Tolkien" */
        if ((p->flags & NG_TOK_WORD) && fn && fn(ud, s + p->start, plen)) return 0;
    }
    /* Look at what follows: a lower-case word or a digit continues the sentence. */
    size_t j = i + 1;
    while (j < seg->ntokens && (is_closer(s, &seg->tokens[j]) || tok_is(s, &seg->tokens[j], ".")))
        j++;
    if (j >= seg->ntokens) return 1;
    const ng_token *nx = &seg->tokens[j];
    if (tok_is(s, nx, "\n")) return 1;
    if (nx->flags & NG_TOK_NUM) return 0;
    if ((nx->flags & NG_TOK_WORD) && !(nx->flags & NG_TOK_UPPER)) return 0;
    if (tok_is(s, nx, ",") || tok_is(s, nx, ";")) return 0;
    return 1;
}

static int push_sentence(ng_segmentation *seg, const char *s, size_t first, size_t last,
                         size_t *chars_done, size_t *bytes_done)
{
    /* drop line-break tokens at the edges */
    while (first < last && tok_is(s, &seg->tokens[first], "\n"))
        first++;
    while (last > first && tok_is(s, &seg->tokens[last - 1], "\n"))
        last--;
    if (first >= last) return 0;
    if (NG_GROW(seg->sentences, seg->sentences_cap, seg->nsentences + 1)) return NG_ENOMEM;
    ng_sentence *z = &seg->sentences[seg->nsentences++];
    z->start = seg->tokens[first].start;
    z->end = seg->tokens[last - 1].end;
    *chars_done += ng_utf8_count(s + *bytes_done, z->start - *bytes_done);
    z->char_start = (uint32_t)*chars_done;
    *chars_done += ng_utf8_count(s + z->start, z->end - z->start);
    z->char_end = (uint32_t)*chars_done;
    *bytes_done = z->end;
    z->first = (uint32_t)first;
    z->count = (uint32_t)(last - first);
    return 0;
}

int ng_segment(ng_segmentation *seg, const char *text, size_t len, ng_abbrev_fn is_abbrev, void *ud,
               ng_error *err)
{
    seg->ntokens = 0;
    seg->nsentences = 0;
    if (len > UINT32_MAX) return ng_error_set(err, NG_ETOOBIG, "text over 4 GiB");
    if (tokenize(seg, text, len)) return ng_error_set(err, NG_ENOMEM, "out of memory");
    size_t first = 0, chars = 0, bytes = 0;
    for (size_t i = 0; i < seg->ntokens; i++) {
        const ng_token *t = &seg->tokens[i];
        size_t end = 0;
        if (tok_is(text, t, "\n")) {
            end = i + 1;
        } else if (is_terminator(text, t) && period_ends(text, seg, i, is_abbrev, ud)) {
            end = i + 1;
            while (end < seg->ntokens &&
                   (is_closer(text, &seg->tokens[end]) || is_terminator(text, &seg->tokens[end])))
                end++;
        } else if (i + 1 - first >= NG_MAX_SENTENCE_TOKENS) {
            end = i + 1; /* cap runaway sentences (tables, lists without stops) */
        }
        if (!end) continue;
        if (push_sentence(seg, text, first, end, &chars, &bytes))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        first = end;
        i = end - 1;
    }
    if (push_sentence(seg, text, first, seg->ntokens, &chars, &bytes))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    return 0;
}

void ng_segmentation_free(ng_segmentation *seg)
{
    free(seg->tokens);
    free(seg->sentences);
    memset(seg, 0, sizeof *seg);
}
