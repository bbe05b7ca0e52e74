/* The model file: a 32-byte header (magic "NGPM", version, language, payload
 * length, a 64-bit FNV-1a-style checksum of the payload) and a little-endian payload of
 * string table, label and feature tables, lexicons and the three weight
 * tables. Every count and offset read is checked against the payload. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse_int.h"

#define HEADER_SIZE 32
#define MODEL_LIMIT ((size_t)256 << 20)
#define BAD (-100) /* an inconsistent table; reported as NG_EFORMAT */

/* FNV-1a's step over little-endian 64-bit words, then the tail bytes:
 * eight times fewer steps than byte-wise FNV-1a, which showed in the load
 * time of a model of tens of megabytes. */
uint64_t ng_model_checksum(const void *p, size_t n)
{
    const unsigned char *c = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--)
            w = w << 8 | c[i + (size_t)k];
        h = (h ^ w) * 0x100000001b3ULL;
    }
    for (; i < n; i++)
        h = (h ^ c[i]) * 0x100000001b3ULL;
    return h;
}

/* ---- writing ------------------------------------------------------------------- */

static int w32(ng_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return ng_buf_add(b, c, 4);
}

static int w64(ng_buf *b, uint64_t v)
{
    return w32(b, (uint32_t)v) || w32(b, (uint32_t)(v >> 32));
}

static int cmp_entry(const void *a, const void *b)
{
    uint64_t x = ((const ng_lex_entry *)a)->key, y = ((const ng_lex_entry *)b)->key;
    return x < y ? -1 : x > y;
}

/* Entries in key order: the slot order of an open-addressing table depends
 * on the order the keys went in, which a loaded model does not repeat. */
static int write_lex(ng_buf *b, const ng_lex *l)
{
    ng_lex_entry *e = malloc((l->count ? l->count : 1) * sizeof *e);
    if (!e) return NG_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < l->cap; i++)
        if (l->slots[i].key) e[n++] = l->slots[i];
    qsort(e, n, sizeof *e, cmp_entry);
    int rc = w32(b, (uint32_t)n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = w64(b, e[i].key) || w32(b, e[i].feats) || w32(b, e[i].rule);
    free(e);
    return rc ? NG_ENOMEM : 0;
}

static int write_offsets(ng_buf *b, const uint32_t *offs, uint32_t n)
{
    if (w32(b, n)) return NG_ENOMEM;
    for (uint32_t i = 0; i < n; i++)
        if (w32(b, offs[i])) return NG_ENOMEM;
    return 0;
}

static int write_payload(const ng_model *m, ng_buf *b)
{
    if (w32(b, (uint32_t)m->strings_len) || ng_buf_add(b, m->strings, m->strings_len) ||
        write_offsets(b, m->deprel, m->ndeprels) || write_offsets(b, m->feats, m->nfeats) ||
        w32(b, m->nrules))
        return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nrules; i++)
        if (ng_buf_addc(b, (char)m->rules[i].lower) || ng_buf_addc(b, (char)m->rules[i].cut) ||
            w32(b, m->rules[i].add))
            return NG_ENOMEM;
    if (w32(b, m->root_label) || w32(b, m->punct_label) || write_lex(b, &m->lex) ||
        write_lex(b, &m->sufx) || write_lex(b, &m->masks) || write_lex(b, &m->mwt) ||
        w32(b, m->nclitics))
        return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nclitics; i++)
        if (w32(b, m->clitics[i].suffix) || w32(b, m->clitics[i].words)) return NG_ENOMEM;
    if (w32(b, m->nhosts)) return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nhosts; i++)
        if (w32(b, m->hosts[i].from) || w32(b, m->hosts[i].to)) return NG_ENOMEM;
    if (ng_wtab_write(&m->tagger, b) || ng_wtab_write(&m->parser, b) ||
        ng_wtab_write(&m->labeller, b))
        return NG_ENOMEM;
    return 0;
}

int ng_model_save(const ng_model *m, const char *path, ng_error *err)
{
    ng_buf payload = {0}, head = {0};
    int rc = write_payload(m, &payload);
    char lang[8] = {0};
    memcpy(lang, m->lang, strnlen(m->lang, sizeof lang - 1));
    if (!rc && (ng_buf_add(&head, NG_MODEL_MAGIC, 4) || w32(&head, NG_MODEL_VERSION) ||
                ng_buf_add(&head, lang, 8) || w64(&head, payload.len) ||
                w64(&head, ng_model_checksum(payload.data, payload.len))))
        rc = NG_ENOMEM;
    if (rc) {
        ng_buf_free(&payload);
        ng_buf_free(&head);
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 32);
    FILE *f = NULL;
    if (tmp) {
        snprintf(tmp, plen + 32, "%s.tmp%ld", path, (long)getpid());
        f = fopen(tmp, "wb");
    }
    if (!f) {
        rc = ng_error_set(err, NG_EIO, "%s: %s", path, tmp ? strerror(errno) : "out of memory");
    } else {
        int bad = fwrite(head.data, 1, head.len, f) != head.len ||
                  fwrite(payload.data, 1, payload.len, f) != payload.len;
        if (fclose(f) || bad || rename(tmp, path)) {
            rc = ng_error_set(err, NG_EIO, "%s: cannot write: %s", path, strerror(errno));
            remove(tmp);
        }
    }
    free(tmp);
    ng_buf_free(&payload);
    ng_buf_free(&head);
    return rc;
}

/* ---- reading ------------------------------------------------------------------- */

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static uint32_t r32(reader *r)
{
    if (r->bad || r->end - r->p < 4) {
        r->bad = 1;
        return 0;
    }
    const unsigned char *c = r->p;
    r->p += 4;
    return (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24;
}

static uint64_t r64(reader *r)
{
    uint64_t lo = r32(r);
    return lo | (uint64_t)r32(r) << 32;
}

static uint8_t r8(reader *r)
{
    if (r->bad || r->p >= r->end) {
        r->bad = 1;
        return 0;
    }
    return *r->p++;
}

/* A string offset must start a NUL-terminated string inside the table. */
static int str_ok(const ng_model *m, uint32_t off)
{
    return off < m->strings_len && (off == 0 || m->strings[off - 1] == '\0');
}

static int read_offsets(reader *r, const ng_model *m, uint32_t **out, uint32_t *n)
{
    *n = r32(r);
    if (r->bad || *n > (size_t)(r->end - r->p) / 4) return BAD;
    *out = malloc((*n ? *n : 1) * sizeof **out);
    if (!*out) return NG_ENOMEM;
    for (uint32_t i = 0; i < *n; i++)
        if (!str_ok(m, (*out)[i] = r32(r))) return BAD;
    return r->bad ? BAD : 0;
}

static int read_lex(reader *r, ng_lex *l, uint32_t max_a, uint32_t max_b)
{
    uint32_t n = r32(r);
    if (r->bad || n > (size_t)(r->end - r->p) / 16) return BAD;
    /* room for all of them at once: no rehashing while loading */
    size_t cap = 64;
    while (cap < (size_t)n * 2 + 2)
        cap *= 2;
    if (!(l->slots = calloc(cap, sizeof *l->slots))) return NG_ENOMEM;
    l->cap = cap;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t key = r64(r);
        uint32_t a = r32(r), b = r32(r);
        if (r->bad || !key || (max_a && a >= max_a) || (max_b && b >= max_b)) return BAD;
        if (ng_lex_find(l, key)) return BAD;
        if (ng_lex_put(l, key, a, b)) return NG_ENOMEM;
    }
    return 0;
}

static int read_pairs(reader *r, const ng_model *m, uint32_t *n, uint32_t **pairs)
{
    *n = r32(r);
    if (r->bad || *n > (size_t)(r->end - r->p) / 8) return BAD;
    *pairs = malloc((*n ? *n : 1) * 2 * sizeof **pairs);
    if (!*pairs) return NG_ENOMEM;
    int rc = 0;
    for (uint32_t i = 0; i < 2 * *n && !rc; i++)
        if (!str_ok(m, (*pairs)[i] = r32(r))) rc = BAD;
    if (!rc && r->bad) rc = BAD;
    if (rc) {
        free(*pairs);
        *pairs = NULL;
    }
    return rc;
}

static int read_strings(reader *r, ng_model *m)
{
    uint32_t n = r32(r);
    if (r->bad || n == 0 || n > (size_t)(r->end - r->p)) return BAD;
    if (!(m->strings = malloc(n))) return NG_ENOMEM;
    memcpy(m->strings, r->p, n);
    r->p += n;
    m->strings_len = n;
    return m->strings[n - 1] == '\0' ? 0 : BAD;
}

static int read_rules(reader *r, ng_model *m)
{
    m->nrules = r32(r);
    if (r->bad || m->nrules > (size_t)(r->end - r->p) / 6) return BAD;
    if (!(m->rules = malloc((m->nrules ? m->nrules : 1) * sizeof *m->rules))) return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nrules; i++) {
        m->rules[i].lower = r8(r);
        m->rules[i].cut = r8(r);
        if (!str_ok(m, m->rules[i].add = r32(r))) return BAD;
    }
    return r->bad ? BAD : 0;
}

static int read_payload(reader *r, ng_model *m)
{
    int rc;
    if ((rc = read_strings(r, m)) || (rc = read_offsets(r, m, &m->deprel, &m->ndeprels)) ||
        (rc = read_offsets(r, m, &m->feats, &m->nfeats)) || (rc = read_rules(r, m)))
        return rc;
    m->root_label = r32(r);
    m->punct_label = r32(r);
    if (r->bad || m->ndeprels == 0 || m->nfeats == 0 || m->root_label >= m->ndeprels ||
        m->punct_label >= m->ndeprels)
        return BAD;
    if ((rc = read_lex(r, &m->lex, m->nfeats, m->nrules)) ||
        (rc = read_lex(r, &m->sufx, m->nfeats, m->nrules)) || (rc = read_lex(r, &m->masks, 0, 0)) ||
        (rc = read_lex(r, &m->mwt, 0, 0)))
        return rc;
    for (size_t i = 0; i < m->mwt.cap; i++)
        if (m->mwt.slots[i].key && !str_ok(m, m->mwt.slots[i].feats)) return BAD;
    uint32_t *pairs;
    if ((rc = read_pairs(r, m, &m->nclitics, &pairs))) return rc;
    m->clitics = (ng_clitic *)pairs;
    if ((rc = read_pairs(r, m, &m->nhosts, &pairs))) return rc;
    m->hosts = (ng_host_rule *)pairs;
    if ((rc = ng_wtab_read(&m->tagger, &r->p, r->end)) ||
        (rc = ng_wtab_read(&m->parser, &r->p, r->end)) ||
        (rc = ng_wtab_read(&m->labeller, &r->p, r->end)))
        return rc == NG_ENOMEM ? rc : BAD;
    if (m->tagger.nclasses != NG_UPOS_COUNT || m->parser.nclasses != NG_T_COUNT ||
        m->labeller.nclasses != m->ndeprels || r->p != r->end)
        return BAD;
    return 0;
}

static int check_header(const unsigned char *d, size_t len, const char *path, ng_model *m,
                        ng_error *err)
{
    if (len < HEADER_SIZE || memcmp(d, NG_MODEL_MAGIC, 4) != 0)
        return ng_error_set(err, NG_EFORMAT, "%s: not a newsgraph model file", path);
    reader r = {d + 4, d + HEADER_SIZE, 0};
    uint32_t version = r32(&r);
    if (version != NG_MODEL_VERSION)
        return ng_error_set(err, NG_EFORMAT,
                            "%s: model format version %u, this newsgraph reads version %d", path,
                            version, NG_MODEL_VERSION);
    memcpy(m->lang, d + 8, 8);
    m->lang[7] = '\0';
    r.p = d + 16;
    uint64_t plen = r64(&r), sum = r64(&r);
    if (plen != len - HEADER_SIZE)
        return ng_error_set(err, NG_EFORMAT, "%s: truncated or damaged model (%zu of %llu bytes)",
                            path, len - HEADER_SIZE, (unsigned long long)plen);
    if (ng_model_checksum(d + HEADER_SIZE, len - HEADER_SIZE) != sum)
        return ng_error_set(err, NG_EFORMAT, "%s: damaged model (checksum mismatch)", path);
    return 0;
}

/* The whole file in one read: a model is tens of megabytes, and growing a
 * buffer chunk by chunk would copy it several times. */
static int read_model_file(const char *path, char **data, size_t *len, ng_error *err)
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
    }
    fclose(f);
    return rc;
}

int ng_model_load(ng_model **out, const char *path, ng_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = read_model_file(path, &data, &len, err);
    if (rc) return rc;
    ng_model *m = calloc(1, sizeof *m);
    if (!m) {
        free(data);
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    }
    rc = check_header((const unsigned char *)data, len, path, m, err);
    if (!rc) {
        reader r = {(const unsigned char *)data + HEADER_SIZE, (const unsigned char *)data + len,
                    0};
        rc = read_payload(&r, m);
        if (rc == NG_ENOMEM)
            rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
        else if (rc)
            rc = ng_error_set(err, NG_EFORMAT, "%s: damaged model (inconsistent tables)", path);
    }
    free(data);
    if (!rc && !(m->path = strdup(path))) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    if (rc) {
        ng_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

void ng_model_clear(ng_model *m)
{
    free(m->path);
    free(m->strings);
    free(m->deprel);
    free(m->feats);
    free(m->rules);
    free(m->lex.slots);
    free(m->sufx.slots);
    free(m->masks.slots);
    free(m->mwt.slots);
    free(m->clitics);
    free(m->hosts);
    ng_wtab_free(&m->tagger);
    ng_wtab_free(&m->parser);
    ng_wtab_free(&m->labeller);
    memset(m, 0, sizeof *m);
}

void ng_model_free(ng_model *m)
{
    if (!m) return;
    ng_model_clear(m);
    free(m);
}

const char *ng_model_lang(const ng_model *m)
{
    return m->lang;
}

/* ---- a folder of models ----------------------------------------------------------- */

#define MAX_LANGS 8

struct ng_models {
    char *dir;
    ng_model *loaded[MAX_LANGS];
    char langs[MAX_LANGS][8];
    size_t n;
};

int ng_models_new(ng_models **out, const char *dir, ng_error *err)
{
    ng_models *ms = calloc(1, sizeof *ms);
    if (!ms || !(ms->dir = strdup(dir))) {
        free(ms);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    *out = ms;
    return 0;
}

void ng_models_free(ng_models *ms)
{
    if (!ms) return;
    for (size_t i = 0; i < ms->n; i++)
        ng_model_free(ms->loaded[i]);
    free(ms->dir);
    free(ms);
}

static int lang_ok(const char *lang)
{
    size_t n = strlen(lang);
    if (n == 0 || n > 7) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((lang[i] >= 'a' && lang[i] <= 'z') || lang[i] == '-' || lang[i] == '_')) return 0;
    return 1;
}

int ng_models_get(ng_models *ms, const char *lang, const ng_model **out, ng_error *err)
{
    for (size_t i = 0; i < ms->n; i++)
        if (strcmp(ms->langs[i], lang) == 0) {
            *out = ms->loaded[i];
            return 0;
        }
    if (!lang_ok(lang)) return ng_error_set(err, NG_EINVAL, "no model for language '%s'", lang);
    if (ms->n == MAX_LANGS) return ng_error_set(err, NG_EINVAL, "too many languages");
    size_t n = strlen(ms->dir) + strlen(lang) + 8;
    char *path = malloc(n);
    if (!path) return ng_error_set(err, NG_ENOMEM, "out of memory");
    snprintf(path, n, "%s/%s.ngm", ms->dir, lang);
    ng_model *m;
    int rc = ng_model_load(&m, path, err);
    if (!rc && strcmp(m->lang, lang) != 0) {
        rc = ng_error_set(err, NG_EFORMAT, "%s: a model for '%s', not '%s'", path, m->lang, lang);
        ng_model_free(m);
    }
    free(path);
    if (rc) return rc;
    ms->loaded[ms->n] = m;
    strcpy(ms->langs[ms->n++], lang);
    *out = m;
    return 0;
}
