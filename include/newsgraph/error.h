/* Status codes and the error record every fallible call fills.
 *
 * Every function that can fail returns 0 or a negative ng_status and, when an
 * ng_error is passed, writes one printable line into it. The record is owned by
 * the caller (usually on the stack); nothing in it needs freeing. */
#ifndef NEWSGRAPH_ERROR_H
#define NEWSGRAPH_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ng_status {
    NG_OK = 0,
    NG_ENOMEM = -1,    /* out of memory */
    NG_EIO = -2,       /* a file could not be opened, read or written */
    NG_EINVAL = -3,    /* a bad argument or option */
    NG_EENCODING = -4, /* input is not valid UTF-8 */
    NG_EFORMAT = -5,   /* input is binary, malformed or of an unknown kind */
    NG_EEMPTY = -6,    /* input holds no text */
    NG_ETOOBIG = -7,   /* input exceeds a configured limit */
    NG_EDATA = -8,     /* an ontology or lexicon file is broken */
    NG_ELIB = -9       /* a dependency (Raptor, Graphviz, hunspell) failed */
} ng_status;

typedef struct ng_error {
    int code;
    char msg[512];
} ng_error;

#if defined(__GNUC__)
#define NG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define NG_PRINTF(a, b)
#endif

/* Static description of a status code; never NULL. */
const char *ng_strerror(int code);

/* Fill err (may be NULL) and return code, so callers can write
 * `return ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));`. */
int ng_error_set(ng_error *err, int code, const char *fmt, ...) NG_PRINTF(3, 4);

/* Reset err to NG_OK with an empty message. */
void ng_error_clear(ng_error *err);

#ifdef __cplusplus
}
#endif
#endif
