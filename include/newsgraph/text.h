/* Segmenter: sentences and tokens with byte offsets.
 *
 * Works on a document's text (valid UTF-8, NFC). Tokens are words (letters and
 * digits; abbreviations with inner periods such as "EE.UU." or "U.S." stay one
 * token), numbers in either convention ("10.000", "1,2", "1.2"), and single
 * punctuation marks. Hyphens and the English possessive "'s" are tokens of
 * their own so that "Pionyang-Moscú" and "Japan's" split. A sentence ends at
 * . ! ? … or a line break, unless the period closes a known abbreviation, an
 * initial, or is followed by a lower-case word or a digit. */
#ifndef NEWSGRAPH_TEXT_H
#define NEWSGRAPH_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

enum ng_token_flags {
    NG_TOK_WORD = 1 << 0,    /* letters (possibly with digits) */
    NG_TOK_NUM = 1 << 1,     /* starts with a digit */
    NG_TOK_PUNCT = 1 << 2,   /* one punctuation or symbol character */
    NG_TOK_UPPER = 1 << 3,   /* first letter is upper case */
    NG_TOK_ALLCAPS = 1 << 4, /* two or more letters, all upper case */
    NG_TOK_HYPHEN = 1 << 5,  /* a hyphen or dash */
    NG_TOK_ABBR = 1 << 6,    /* ends with a period that is part of the token */
    NG_TOK_NOSPACE = 1 << 7  /* no white space before this token */
};

typedef struct ng_token {
    uint32_t start, end; /* byte offsets into the text */
    uint32_t flags;
} ng_token;

typedef struct ng_sentence {
    uint32_t start, end;           /* byte offsets */
    uint32_t char_start, char_end; /* code point offsets */
    uint32_t first, count;         /* tokens [first, first+count) */
} ng_sentence;

/* Result arrays, reused from one call to the next; the caller owns the struct
 * (zero-initialise it) and releases the arrays with ng_segmentation_free. */
typedef struct ng_segmentation {
    ng_token *tokens;
    size_t ntokens, tokens_cap;
    ng_sentence *sentences;
    size_t nsentences, sentences_cap;
} ng_segmentation;

/* Answers whether `word` (without its final period, any case) is an
 * abbreviation that does not end a sentence. */
typedef int (*ng_abbrev_fn)(void *ud, const char *word, size_t len);

/* Limits that keep one pathological input from growing without bound. */
#define NG_MAX_SENTENCE_TOKENS 400

/* Segment text (valid UTF-8). is_abbrev may be NULL. Returns 0 or NG_ENOMEM. */
int ng_segment(ng_segmentation *seg, const char *text, size_t len, ng_abbrev_fn is_abbrev, void *ud,
               ng_error *err);

void ng_segmentation_free(ng_segmentation *seg);

#ifdef __cplusplus
}
#endif
#endif
