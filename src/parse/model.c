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

#define BAD (-100) /* an inconsistent table; reported as NG_EFORMAT */

/* ---- writing ------------------------------------------------------------------- */

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
    int rc = ng_w32(b, (uint32_t)n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = ng_w64(b, e[i].key) || ng_w32(b, e[i].feats) || ng_w32(b, e[i].rule);
    free(e);
    return rc ? NG_ENOMEM : 0;
}

static int write_offsets(ng_buf *b, const uint32_t *offs, uint32_t n)
{
    if (ng_w32(b, n)) return NG_ENOMEM;
    for (uint32_t i = 0; i < n; i++)
        if (ng_w32(b, offs[i])) return NG_ENOMEM;
    return 0;
}

static int write_payload(const ng_model *m, ng_buf *b)
{
    if (ng_w32(b, (uint32_t)m->strings_len) || ng_buf_add(b, m->strings, m->strings_len) ||
        write_offsets(b, m->deprel, m->ndeprels) || write_offsets(b, m->feats, m->nfeats) ||
        ng_w32(b, m->nrules))
        return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nrules; i++)
        if (ng_buf_addc(b, (char)m->rules[i].lower) || ng_buf_addc(b, (char)m->rules[i].cut) ||
            ng_w32(b, m->rules[i].add))
            return NG_ENOMEM;
    if (ng_w32(b, m->root_label) || ng_w32(b, m->punct_label) || write_lex(b, &m->lex) ||
        write_lex(b, &m->sufx) || write_lex(b, &m->masks) || write_lex(b, &m->mwt) ||
        write_lex(b, &m->clusters) || ng_w32(b, m->nclitics))
        return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nclitics; i++)
        if (ng_w32(b, m->clitics[i].suffix) || ng_w32(b, m->clitics[i].words)) return NG_ENOMEM;
    if (ng_w32(b, m->nhosts)) return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nhosts; i++)
        if (ng_w32(b, m->hosts[i].from) || ng_w32(b, m->hosts[i].to)) return NG_ENOMEM;
    if (ng_wtab_write(&m->tagger, b) || ng_wtab_write(&m->parser, b) ||
        ng_wtab_write(&m->labeller, b))
        return NG_ENOMEM;
    return 0;
}

int ng_model_save(const ng_model *m, const char *path, ng_error *err)
{
    ng_buf payload = {0};
    int rc = write_payload(m, &payload) ? ng_error_set(err, NG_ENOMEM, "%s: out of memory", path)
                                        : ng_container_save(path, NG_MODEL_MAGIC, NG_MODEL_VERSION,
                                                            m->lang, &payload, err);
    ng_buf_free(&payload);
    return rc;
}

/* ---- reading ------------------------------------------------------------------- */

/* A string offset must start a NUL-terminated string inside the table. */
static int str_ok(const ng_model *m, uint32_t off)
{
    return off < m->strings_len && (off == 0 || m->strings[off - 1] == '\0');
}

static int read_offsets(ng_reader *r, const ng_model *m, uint32_t **out, uint32_t *n)
{
    *n = ng_r32(r);
    if (r->bad || *n > (size_t)(r->end - r->p) / 4) return BAD;
    *out = malloc((*n ? *n : 1) * sizeof **out);
    if (!*out) return NG_ENOMEM;
    for (uint32_t i = 0; i < *n; i++)
        if (!str_ok(m, (*out)[i] = ng_r32(r))) return BAD;
    return r->bad ? BAD : 0;
}

static int read_lex(ng_reader *r, ng_lex *l, uint32_t max_a, uint32_t max_b)
{
    uint32_t n = ng_r32(r);
    if (r->bad || n > (size_t)(r->end - r->p) / 16) return BAD;
    /* room for all of them at once: no rehashing while loading */
    size_t cap = 64;
    while (cap < (size_t)n * 2 + 2)
        cap *= 2;
    if (!(l->slots = calloc(cap, sizeof *l->slots))) return NG_ENOMEM;
    l->cap = cap;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t key = ng_r64(r);
        uint32_t a = ng_r32(r), b = ng_r32(r);
        if (r->bad || !key || (max_a && a >= max_a) || (max_b && b >= max_b)) return BAD;
        if (ng_lex_find(l, key)) return BAD;
        if (ng_lex_put(l, key, a, b)) return NG_ENOMEM;
    }
    return 0;
}

static int read_pairs(ng_reader *r, const ng_model *m, uint32_t *n, uint32_t **pairs)
{
    *n = ng_r32(r);
    if (r->bad || *n > (size_t)(r->end - r->p) / 8) return BAD;
    *pairs = malloc((*n ? *n : 1) * 2 * sizeof **pairs);
    if (!*pairs) return NG_ENOMEM;
    int rc = 0;
    for (uint32_t i = 0; i < 2 * *n && !rc; i++)
        if (!str_ok(m, (*pairs)[i] = ng_r32(r))) rc = BAD;
    if (!rc && r->bad) rc = BAD;
    if (rc) {
        free(*pairs);
        *pairs = NULL;
    }
    return rc;
}

static int read_strings(ng_reader *r, ng_model *m)
{
    uint32_t n = ng_r32(r);
    if (r->bad || n == 0 || n > (size_t)(r->end - r->p)) return BAD;
    if (!(m->strings = malloc(n))) return NG_ENOMEM;
    memcpy(m->strings, r->p, n);
    r->p += n;
    m->strings_len = n;
    return m->strings[n - 1] == '\0' ? 0 : BAD;
}

static int read_rules(ng_reader *r, ng_model *m)
{
    m->nrules = ng_r32(r);
    if (r->bad || m->nrules > (size_t)(r->end - r->p) / 6) return BAD;
    if (!(m->rules = malloc((m->nrules ? m->nrules : 1) * sizeof *m->rules))) return NG_ENOMEM;
    for (uint32_t i = 0; i < m->nrules; i++) {
        m->rules[i].lower = ng_r8(r);
        m->rules[i].cut = ng_r8(r);
        if (!str_ok(m, m->rules[i].add = ng_r32(r))) return BAD;
    }
    return r->bad ? BAD : 0;
}

static int read_payload(ng_reader *r, ng_model *m)
{
    int rc;
    if ((rc = read_strings(r, m)) || (rc = read_offsets(r, m, &m->deprel, &m->ndeprels)) ||
        (rc = read_offsets(r, m, &m->feats, &m->nfeats)) || (rc = read_rules(r, m)))
        return rc;
    m->root_label = ng_r32(r);
    m->punct_label = ng_r32(r);
    if (r->bad || m->ndeprels == 0 || m->nfeats == 0 || m->root_label >= m->ndeprels ||
        m->punct_label >= m->ndeprels)
        return BAD;
    if ((rc = read_lex(r, &m->lex, m->nfeats, m->nrules)) ||
        (rc = read_lex(r, &m->sufx, m->nfeats, m->nrules)) || (rc = read_lex(r, &m->masks, 0, 0)) ||
        (rc = read_lex(r, &m->mwt, 0, 0)) || (rc = read_lex(r, &m->clusters, 0, 0)))
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

int ng_model_load(ng_model **out, const char *path, ng_error *err)
{
    ng_model *m = calloc(1, sizeof *m);
    if (!m) return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    char *data = NULL;
    size_t len = 0;
    int rc = ng_container_load(path, NG_MODEL_MAGIC, NG_MODEL_VERSION, "model", m->lang, &data,
                               &len, err);
    if (!rc) {
        ng_reader r = {(const unsigned char *)data + NG_CONTAINER_HEADER,
                       (const unsigned char *)data + len, 0};
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
    free(m->clusters.slots);
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

struct ng_models {
    ng_mfolder f;
};

static int load_any(void **out, const char *path, ng_error *err)
{
    return ng_model_load((ng_model **)out, path, err);
}

static void free_any(void *m)
{
    ng_model_free(m);
}

static const char *lang_any(const void *m)
{
    return ng_model_lang(m);
}

int ng_models_new(ng_models **out, const char *dir, ng_error *err)
{
    ng_models *ms = calloc(1, sizeof *ms);
    if (!ms) return ng_error_set(err, NG_ENOMEM, "out of memory");
    int rc = ng_mfolder_init(&ms->f, dir, ".ngm", load_any, free_any, lang_any, err);
    if (rc) {
        free(ms);
        return rc;
    }
    *out = ms;
    return 0;
}

void ng_models_free(ng_models *ms)
{
    if (!ms) return;
    ng_mfolder_clear(&ms->f);
    free(ms);
}

int ng_models_get(ng_models *ms, const char *lang, const ng_model **out, ng_error *err)
{
    void *m;
    int rc = ng_mfolder_get(&ms->f, lang, &m, err);
    if (!rc) *out = m;
    return rc;
}
