/* Buffers, pools, maps and hashing used across the library. */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int ng_buf_reserve(ng_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) return NG_ENOMEM;
    b->data = d;
    b->cap = cap;
    return 0;
}

int ng_buf_add(ng_buf *b, const void *p, size_t n)
{
    if (ng_buf_reserve(b, n)) return NG_ENOMEM;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int ng_buf_adds(ng_buf *b, const char *s)
{
    return ng_buf_add(b, s, strlen(s));
}

int ng_buf_addc(ng_buf *b, char c)
{
    return ng_buf_add(b, &c, 1);
}

int ng_buf_printf(ng_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || ng_buf_reserve(b, (size_t)n)) return NG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

const char *ng_buf_cstr(ng_buf *b)
{
    if (ng_buf_reserve(b, 0)) return NULL;
    b->data[b->len] = '\0';
    return b->data;
}

void ng_buf_free(ng_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int ng_grow(void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *p = realloc(*arr, c * size);
    if (!p) return NG_ENOMEM;
    *arr = p;
    *cap = c;
    return 0;
}

/* ---- pool ---- */
typedef struct pool_block {
    struct pool_block *next;
    size_t used, size;
    char data[];
} pool_block;

struct ng_pool {
    pool_block *head;
};

ng_pool *ng_pool_new(void)
{
    return calloc(1, sizeof(ng_pool));
}

void *ng_pool_alloc(ng_pool *p, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (!p->head || p->head->used + n > p->head->size) {
        size_t size = n > 16384 ? n : 16384;
        pool_block *b = malloc(sizeof *b + size);
        if (!b) return NULL;
        b->next = p->head;
        b->used = 0;
        b->size = size;
        p->head = b;
    }
    void *r = p->head->data + p->head->used;
    p->head->used += n;
    return r;
}

char *ng_pool_strndup(ng_pool *p, const char *s, size_t n)
{
    char *d = ng_pool_alloc(p, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *ng_pool_strdup(ng_pool *p, const char *s)
{
    return ng_pool_strndup(p, s, strlen(s));
}

void ng_pool_reset(ng_pool *p)
{
    /* Keep the newest block for reuse: per-article pools then stop allocating. */
    if (!p->head) return;
    pool_block *b = p->head->next;
    while (b) {
        pool_block *n = b->next;
        free(b);
        b = n;
    }
    p->head->next = NULL;
    p->head->used = 0;
}

void ng_pool_free(ng_pool *p)
{
    if (!p) return;
    pool_block *b = p->head;
    while (b) {
        pool_block *n = b->next;
        free(b);
        b = n;
    }
    free(p);
}

/* ---- map: open addressing, linear probing ---- */
typedef struct map_slot {
    char *key;
    size_t klen;
    uint64_t hash;
    void *value;
} map_slot;

struct ng_map {
    map_slot *slots;
    size_t cap, count;
};

ng_map *ng_map_new(void)
{
    ng_map *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->cap = 64;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

static map_slot *map_find(const ng_map *m, const char *key, size_t klen, uint64_t h)
{
    size_t i = h & (m->cap - 1);
    for (;;) {
        map_slot *s = &m->slots[i];
        if (!s->key) return s;
        if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0) return s;
        i = (i + 1) & (m->cap - 1);
    }
}

void *ng_map_get(const ng_map *m, const char *key, size_t klen)
{
    map_slot *s = map_find(m, key, klen, ng_hash64(key, klen));
    return s->key ? s->value : NULL;
}

static int map_rehash(ng_map *m)
{
    size_t ncap = m->cap * 2;
    map_slot *old = m->slots;
    size_t ocap = m->cap;
    map_slot *slots = calloc(ncap, sizeof *slots);
    if (!slots) return NG_ENOMEM;
    m->slots = slots;
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].key) continue;
        *map_find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
    }
    free(old);
    return 0;
}

int ng_map_put(ng_map *m, const char *key, size_t klen, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3 && map_rehash(m)) return NG_ENOMEM;
    uint64_t h = ng_hash64(key, klen);
    map_slot *s = map_find(m, key, klen, h);
    if (!s->key) {
        s->key = malloc(klen + 1);
        if (!s->key) return NG_ENOMEM;
        memcpy(s->key, key, klen);
        s->key[klen] = '\0';
        s->klen = klen;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return 0;
}

size_t ng_map_count(const ng_map *m)
{
    return m->count;
}

int ng_map_next(const ng_map *m, size_t *it, const char **key, void **value)
{
    while (*it < m->cap) {
        map_slot *s = &m->slots[(*it)++];
        if (s->key) {
            if (key) *key = s->key;
            if (value) *value = s->value;
            return 1;
        }
    }
    return 0;
}

void ng_map_clear(ng_map *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        free(m->slots[i].key);
        m->slots[i].key = NULL;
    }
    m->count = 0;
}

void ng_map_free(ng_map *m)
{
    if (!m) return;
    ng_map_clear(m);
    free(m->slots);
    free(m);
}

/* ---- hashing: FNV-1a 64 with a final avalanche so low bits are usable ---- */
uint64_t ng_hash64_more(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        h ^= c[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t ng_hash64(const void *p, size_t n)
{
    uint64_t h = ng_hash64_more(0xcbf29ce484222325ULL, p, n);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

/* ---- UTF-8 ---- */
int ng_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    if (k <= 0) return 0;
    *cp = c;
    return (int)k;
}

int ng_utf8_category(int32_t cp)
{
    if (cp >= 'a' && cp <= 'z') return UTF8PROC_CATEGORY_LL;
    if (cp >= 'A' && cp <= 'Z') return UTF8PROC_CATEGORY_LU;
    if (cp >= '0' && cp <= '9') return UTF8PROC_CATEGORY_ND;
    return utf8proc_category(cp);
}

int32_t ng_utf8_tolower(int32_t cp)
{
    if (cp < 128) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return utf8proc_tolower(cp);
}

size_t ng_utf8_valid_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = ng_utf8_decode(s + i, n - i, &cp);
        if (!k) return i;
        i += (size_t)k;
    }
    return n;
}

size_t ng_utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

int ng_fold_append(ng_buf *out, const char *s, size_t n)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) {
        if (ng_buf_reserve(out, n)) return NG_ENOMEM;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            out->data[out->len++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->data[out->len] = '\0';
        return 0;
    }
    utf8proc_uint8_t *r = NULL;
    utf8proc_ssize_t k =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &r,
                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    if (k < 0) return NG_EENCODING;
    int rc = ng_buf_add(out, r, (size_t)k);
    free(r);
    return rc;
}

int ng_read_file(const char *path, size_t limit, char **out, size_t *len, ng_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));
    ng_buf b = {0};
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (limit && b.len + n > limit) {
            rc = ng_error_set(err, NG_ETOOBIG, "%s: larger than the limit of %zu bytes", path,
                              limit);
            break;
        }
        if (ng_buf_add(&b, chunk, n)) {
            rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
            break;
        }
    }
    if (!rc && ferror(f)) rc = ng_error_set(err, NG_EIO, "%s: read error", path);
    fclose(f);
    if (rc) {
        ng_buf_free(&b);
        return rc;
    }
    if (ng_buf_reserve(&b, 0)) return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    b.data[b.len] = '\0';
    *out = b.data;
    *len = b.len;
    return 0;
}

int ng_split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

int ng_lower_append(ng_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int l = ng_utf8_decode(s + i, n - i, &cp);
        if (l <= 0) return ng_buf_add(out, s + i, n - i);
        i += (size_t)l;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(ng_utf8_tolower(cp), enc);
        if (ng_buf_add(out, enc, (size_t)el)) return NG_ENOMEM;
    }
    return 0;
}

size_t ng_utf8_skip(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    while (k > 0 && i < n) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

size_t ng_utf8_last(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (k > 0 && i > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        k--;
    }
    return i;
}
