/* The model file container: a 32-byte header (magic, version, language,
 * payload length, checksum of the payload) before a little-endian payload
 * whose layout belongs to each kind of model. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "learn.h"

#define MODEL_LIMIT ((size_t)256 << 20)

/* FNV-1a's step over little-endian 64-bit words, then the tail bytes:
 * eight times fewer steps than byte-wise FNV-1a, which showed in the load
 * time of a model of tens of megabytes. */
uint64_t ng_model_checksum(const void *p, size_t n)
{
    const unsigned char *c = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        memcpy(&w, c + i, 8); /* one load, not eight: the sum runs over every model byte */
#else
        w = 0;
        for (int k = 7; k >= 0; k--)
            w = w << 8 | c[i + (size_t)k];
#endif
        h = (h ^ w) * 0x100000001b3ULL;
    }
    for (; i < n; i++)
        h = (h ^ c[i]) * 0x100000001b3ULL;
    return h;
}

int ng_w32(ng_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return ng_buf_add(b, c, 4);
}

int ng_w64(ng_buf *b, uint64_t v)
{
    return ng_w32(b, (uint32_t)v) || ng_w32(b, (uint32_t)(v >> 32));
}

uint32_t ng_r32(ng_reader *r)
{
    if (r->bad || r->end - r->p < 4) {
        r->bad = 1;
        return 0;
    }
    const unsigned char *c = r->p;
    r->p += 4;
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

uint64_t ng_r64(ng_reader *r)
{
    uint64_t lo = ng_r32(r);
    return lo | (uint64_t)ng_r32(r) << 32;
}

uint8_t ng_r8(ng_reader *r)
{
    if (r->bad || r->p >= r->end) {
        r->bad = 1;
        return 0;
    }
    return *r->p++;
}

static int write_file(const char *path, const ng_buf *head, const ng_buf *payload, ng_error *err)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 32);
    if (!tmp) return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    snprintf(tmp, plen + 32, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int rc = 0;
    if (!f) {
        rc = ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));
    } else {
        int bad = fwrite(head->data, 1, head->len, f) != head->len ||
                  fwrite(payload->data, 1, payload->len, f) != payload->len;
        if (fclose(f) || bad || rename(tmp, path)) {
            rc = ng_error_set(err, NG_EIO, "%s: cannot write: %s", path, strerror(errno));
            remove(tmp);
        }
    }
    free(tmp);
    return rc;
}

int ng_container_save(const char *path, const char *magic, uint32_t version, const char *lang,
                      const ng_buf *payload, ng_error *err)
{
    ng_buf head = {0};
    char l[8] = {0};
    memcpy(l, lang, strnlen(lang, sizeof l - 1));
    int rc = 0;
    if (ng_buf_add(&head, magic, 4) || ng_w32(&head, version) || ng_buf_add(&head, l, 8) ||
        ng_w64(&head, payload->len) ||
        ng_w64(&head, ng_model_checksum(payload->data, payload->len)))
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    else
        rc = write_file(path, &head, payload, err);
    ng_buf_free(&head);
    return rc;
}

/* The whole file in one read: a model is tens of megabytes, and growing a
 * buffer chunk by chunk would copy it several times. */
static int read_whole(const char *path, char **data, size_t *len, ng_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));
    struct stat st;
    int rc = 0;
    if (fstat(fileno(f), &st) != 0)
        rc = ng_error_set(err, NG_EIO, "%s: %s", path, strerror(errno));
    else if (!S_ISREG(st.st_mode))
        rc = ng_error_set(err, NG_EIO, "%s: not a regular file", path);
    else if ((uint64_t)st.st_size > MODEL_LIMIT)
        rc = ng_error_set(err, NG_ETOOBIG, "%s: larger than a model can be", path);
    else if (!(*data = malloc((size_t)st.st_size + 1)))
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    else if ((*len = fread(*data, 1, (size_t)st.st_size, f)) != (size_t)st.st_size) {
        rc = ng_error_set(err, NG_EIO, "%s: read error", path);
        free(*data);
        *data = NULL;
    }
    fclose(f);
    return rc;
}

static int check_header(const unsigned char *d, size_t len, const char *path, const char *magic,
                        uint32_t want, const char *what, char lang[8], ng_error *err)
{
    if (len < NG_CONTAINER_HEADER || memcmp(d, magic, 4) != 0)
        return ng_error_set(err, NG_EFORMAT, "%s: not a newsgraph %s file", path, what);
    ng_reader r = {d + 4, d + NG_CONTAINER_HEADER, 0};
    uint32_t version = ng_r32(&r);
    if (version != want)
        return ng_error_set(err, NG_EFORMAT,
                            "%s: %s format version %u, this newsgraph reads version %u", path, what,
                            version, want);
    memcpy(lang, d + 8, 8);
    lang[7] = '\0';
    r.p = d + 16;
    uint64_t plen = ng_r64(&r), sum = ng_r64(&r);
    if (plen != len - NG_CONTAINER_HEADER)
        return ng_error_set(err, NG_EFORMAT, "%s: truncated or damaged %s (%zu of %llu bytes)",
                            path, what, len - NG_CONTAINER_HEADER, (unsigned long long)plen);
    if (ng_model_checksum(d + NG_CONTAINER_HEADER, len - NG_CONTAINER_HEADER) != sum)
        return ng_error_set(err, NG_EFORMAT, "%s: damaged %s (checksum mismatch)", path, what);
    return 0;
}

int ng_container_load(const char *path, const char *magic, uint32_t version, const char *what,
                      char lang[8], char **data, size_t *len, ng_error *err)
{
    int rc = read_whole(path, data, len, err);
    if (rc) return rc;
    rc = check_header((const unsigned char *)*data, *len, path, magic, version, what, lang, err);
    if (rc) {
        free(*data);
        *data = NULL;
    }
    return rc;
}

/* ---- a folder of models ------------------------------------------------------------ */

int ng_mfolder_init(ng_mfolder *f, const char *dir, const char *suffix,
                    int (*load)(void **, const char *, ng_error *), void (*free_fn)(void *),
                    const char *(*lang)(const void *), ng_error *err)
{
    memset(f, 0, sizeof *f);
    if (!(f->dir = strdup(dir))) return ng_error_set(err, NG_ENOMEM, "out of memory");
    f->suffix = suffix;
    f->load = load;
    f->free = free_fn;
    f->lang = lang;
    return 0;
}

void ng_mfolder_clear(ng_mfolder *f)
{
    for (size_t i = 0; i < f->n; i++)
        f->free(f->loaded[i]);
    free(f->dir);
    memset(f, 0, sizeof *f);
}

static int lang_ok(const char *lang)
{
    size_t n = strlen(lang);
    if (n == 0 || n > 7) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((lang[i] >= 'a' && lang[i] <= 'z') || lang[i] == '-' || lang[i] == '_')) return 0;
    return 1;
}

int ng_mfolder_get(ng_mfolder *f, const char *lang, void **out, ng_error *err)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->langs[i], lang) == 0) {
            *out = f->loaded[i];
            return 0;
        }
    if (!lang_ok(lang)) return ng_error_set(err, NG_EINVAL, "no model for language '%s'", lang);
    if (f->n == NG_MFOLDER_MAX) return ng_error_set(err, NG_EINVAL, "too many languages");
    size_t n = strlen(f->dir) + strlen(lang) + strlen(f->suffix) + 2;
    char *path = malloc(n);
    if (!path) return ng_error_set(err, NG_ENOMEM, "out of memory");
    snprintf(path, n, "%s/%s%s", f->dir, lang, f->suffix);
    void *m;
    int rc = f->load(&m, path, err);
    if (!rc && strcmp(f->lang(m), lang) != 0) {
        rc =
            ng_error_set(err, NG_EFORMAT, "%s: a model for '%s', not '%s'", path, f->lang(m), lang);
        f->free(m);
    }
    free(path);
    if (rc) return rc;
    f->loaded[f->n] = m;
    strcpy(f->langs[f->n++], lang);
    *out = m;
    return 0;
}
