/* File and byte helpers for the unit tests that write, read and damage
 * model files: a whole file in and out, and little-endian fields of a
 * header. Static inline, so a test that leaves one unused gets no warning.
 * Include after <cmocka.h>. */
#ifndef NG_TESTS_UNIT_FILES_H
#define NG_TESTS_UNIT_FILES_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole file (malloc'd) or NULL; *len is 0 when there is none. */
static inline unsigned char *slurp(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, k;
    unsigned char *d = malloc(cap);
    while (d && (k = fread(d + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            unsigned char *g = realloc(d, cap *= 2);
            if (!g) free(d);
            d = g;
        }
    }
    fclose(f);
    *len = n;
    return d;
}

static inline unsigned char *must_slurp(const char *path, size_t *len)
{
    unsigned char *d = slurp(path, len);
    if (!d) fail_msg("cannot read %s", path);
    return d;
}

static inline void spill(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) fail_msg("cannot write %s", path);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static inline uint64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static inline void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static inline uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

#endif
