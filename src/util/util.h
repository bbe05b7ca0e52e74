/* Internal helpers shared by every module: growable byte buffers, a string
 * hash map, a string pool, hashing and UTF-8 folding. Not part of the public
 * API (nothing under include/ exposes these types). */
#ifndef NG_UTIL_H
#define NG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

/* ---- growable buffer ------------------------------------------------------ */
typedef struct ng_buf {
    char *data;
    size_t len, cap;
} ng_buf;

int ng_buf_reserve(ng_buf *b, size_t extra);
int ng_buf_add(ng_buf *b, const void *p, size_t n);
int ng_buf_adds(ng_buf *b, const char *s);
int ng_buf_addc(ng_buf *b, char c);
int ng_buf_printf(ng_buf *b, const char *fmt, ...) NG_PRINTF(2, 3);
/* NUL-terminates without counting the NUL in len; returns data or NULL. */
const char *ng_buf_cstr(ng_buf *b);
void ng_buf_free(ng_buf *b);

/* Grow an array of element size `size` so that it can hold `need` items. */
int ng_grow(void **arr, size_t *cap, size_t need, size_t size);
#define NG_GROW(arr, cap, need) ng_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* ---- string pool: stable copies freed all at once ------------------------- */
typedef struct ng_pool ng_pool;
ng_pool *ng_pool_new(void);
/* Returns a NUL-terminated copy owned by the pool, or NULL on OOM. */
char *ng_pool_strndup(ng_pool *p, const char *s, size_t n);
char *ng_pool_strdup(ng_pool *p, const char *s);
void *ng_pool_alloc(ng_pool *p, size_t n);
void ng_pool_reset(ng_pool *p);
void ng_pool_free(ng_pool *p);

/* ---- string -> pointer hash map (keys are copied) --------------------------- */
typedef struct ng_map ng_map;
ng_map *ng_map_new(void);
/* Borrowed value or NULL. */
void *ng_map_get(const ng_map *m, const char *key, size_t klen);
/* Insert or replace; returns 0 or NG_ENOMEM. */
int ng_map_put(ng_map *m, const char *key, size_t klen, void *value);
size_t ng_map_count(const ng_map *m);
/* Iterate: *it starts at 0; returns 0 at the end. */
int ng_map_next(const ng_map *m, size_t *it, const char **key, void **value);
void ng_map_clear(ng_map *m);
void ng_map_free(ng_map *m);

/* ---- hashing -------------------------------------------------------------- */
uint64_t ng_hash64(const void *p, size_t n);
uint64_t ng_hash64_more(uint64_t h, const void *p, size_t n);

/* ---- text ------------------------------------------------------------------ */
/* Case-fold and strip accents (utf8proc), appending to out. Hyphens and
 * apostrophes are kept; other characters pass through. Returns 0 or an error. */
int ng_fold_append(ng_buf *out, const char *s, size_t n);
/* Decode one UTF-8 code point at s (n bytes left); returns its length or 0 when
 * invalid. */
int ng_utf8_decode(const char *s, size_t n, int32_t *cp);
/* utf8proc's general category of cp (a utf8proc_category_t) and its lower
 * case; ASCII letters and digits, most of any text, without a table
 * lookup. */
int ng_utf8_category(int32_t cp);
int32_t ng_utf8_tolower(int32_t cp);
/* Lower-case s[0..n) (utf8proc, code point by code point), appending to
 * out; invalid bytes are copied as they are. Returns 0 or NG_ENOMEM. */
int ng_lower_append(ng_buf *out, const char *s, size_t n);
/* Byte offset after the first k code points of s[0..n) (n when shorter). */
size_t ng_utf8_skip(const char *s, size_t n, size_t k);
/* Byte offset where the last k code points of s[0..n) start (0 when shorter). */
size_t ng_utf8_last(const char *s, size_t n, size_t k);
/* Number of code points in s[0..n). Input must be valid UTF-8. */
size_t ng_utf8_count(const char *s, size_t n);
/* The length of the longest valid UTF-8 prefix of s[0..n): n when all of
 * it is valid. */
size_t ng_utf8_valid_len(const char *s, size_t n);

/* Read a whole file; *out is malloc'd and NUL-terminated. limit 0 = none. */
int ng_read_file(const char *path, size_t limit, char **out, size_t *len, ng_error *err);

/* Split a line at TABs in place; returns the number of fields (<= max). */
int ng_split_tabs(char *line, char **fields, int max);

#endif
