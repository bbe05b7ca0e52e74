/* The run's entity table and IRI minting. */
#include "newsgraph/graph.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/link.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct gent {
    ng_graph_entity pub;
    const char *gaz_id;
    size_t root;      /* the entity naming its cluster after ng_graph_link */
    const char *rule; /* the linking rule that joined it, or NULL */
    size_t type_votes[NG_TYPE_COUNT];
    size_t name_votes; /* how often pub.name was its name in pub.lang */
    const char **alts, **alt_langs;
    size_t nalts, alts_cap, langs_cap;
    unsigned long last_article; /* the serial of the last article naming it */
} gent;

struct ng_graph {
    char *base;
    ng_pool *pool;
    ng_map *by_key;
    gent *ents;
    size_t n, cap;
    ng_map *alt_seen;  /* "<index>\x1f<lang>\x1f<label>" */
    ng_map *name_seen; /* the same keys -> how often it was the entity's name */
    unsigned long article_serial;
};

int ng_graph_new(ng_graph **out, const char *base, ng_error *err)
{
    ng_graph *g = calloc(1, sizeof *g);
    if (!g) return ng_error_set(err, NG_ENOMEM, "out of memory");
    g->base = strdup(base ? base : NG_DEFAULT_BASE);
    g->pool = ng_pool_new();
    g->by_key = ng_map_new();
    g->alt_seen = ng_map_new();
    g->name_seen = ng_map_new();
    if (!g->base || !g->pool || !g->by_key || !g->alt_seen || !g->name_seen) {
        ng_graph_free(g);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    *out = g;
    return 0;
}

void ng_graph_free(ng_graph *g)
{
    if (!g) return;
    for (size_t i = 0; i < g->n; i++) {
        free(g->ents[i].alts);
        free(g->ents[i].alt_langs);
    }
    free(g->ents);
    ng_map_free(g->by_key);
    ng_map_free(g->alt_seen);
    ng_map_free(g->name_seen);
    ng_pool_free(g->pool);
    free(g->base);
    free(g);
}

const char *ng_graph_base(const ng_graph *g)
{
    return g->base;
}

/* Slug: folded words joined by '-', [a-z0-9] kept, anything else
 * percent-encoded, so the IRI is valid whatever the script. */
char *ng_iri_mint(const char *base, const char *path, const char *name)
{
    ng_buf f = {0}, b = {0};
    if (ng_fold_append(&f, name, strlen(name)) || ng_buf_adds(&b, base) || ng_buf_adds(&b, path))
        goto fail;
    int dash = 0;
    for (size_t i = 0; i < f.len; i++) {
        unsigned char c = (unsigned char)f.data[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b.len && b.data[b.len - 1] != '/' && ng_buf_addc(&b, '-')) goto fail;
            dash = 0;
            if (ng_buf_addc(&b, (char)c)) goto fail;
        } else if (c >= 0x80) {
            if (dash && b.data[b.len - 1] != '/' && ng_buf_addc(&b, '-')) goto fail;
            dash = 0;
            if (ng_buf_printf(&b, "%%%02X", c)) goto fail;
        } else {
            dash = 1; /* spaces, hyphens, punctuation */
        }
    }
    ng_buf_free(&f);
    return b.data;
fail:
    ng_buf_free(&f);
    ng_buf_free(&b);
    return NULL;
}

static const char *class_path(ng_type t)
{
    static const char *const p[NG_TYPE_COUNT] = {"entity/",  "person/",    "organization/",
                                                 "country/", "city/",      "region/",
                                                 "place/",   "agreement/", "event/"};
    return (unsigned)t < NG_TYPE_COUNT ? p[t] : "entity/";
}

char *ng_entity_iri(const char *base, const ng_entity_view *v)
{
    /* the key is the folded name without connectors: spelling variants of
     * one name ("Ministerio de/del Interior") share an IRI */
    const char *key = strncmp(v->key, "name:", 5) == 0 ? v->key + 5 : v->name;
    return v->gaz_id ? ng_iri_mint(base, class_path(v->type), v->gaz_id)
                     : ng_iri_mint(base, "entity/", key);
}

/* Every name and alias an entity was given, as the store keeps them (the
 * writer leaves out the ones that are its labels). */
static int add_alt(ng_graph *g, size_t idx, const char *label, const char *lang)
{
    gent *e = &g->ents[idx];
    ng_buf k = {0};
    if (ng_buf_printf(&k, "%zu\x1f%s\x1f%s", idx, lang, label)) return NG_ENOMEM;
    int rc = 0;
    if (!ng_map_get(g->alt_seen, k.data, k.len)) {
        const char *l = ng_pool_strdup(g->pool, label);
        if (!l || ng_map_put(g->alt_seen, k.data, k.len, (void *)1) ||
            NG_GROW(e->alts, e->alts_cap, e->nalts + 1) ||
            NG_GROW(e->alt_langs, e->langs_cap, e->nalts + 1))
            rc = NG_ENOMEM;
        else {
            e->alts[e->nalts] = l;
            e->alt_langs[e->nalts++] = strcmp(lang, "en") == 0 ? "en" : "es";
        }
    }
    ng_buf_free(&k);
    return rc;
}

/* The name an entity is given most often (ties: the smaller name, then
 * language), as the store chooses it: whatever order articles come in. */
static int vote_name(ng_graph *g, size_t idx, const char *name, const char *lang)
{
    gent *e = &g->ents[idx];
    ng_buf k = {0};
    if (ng_buf_printf(&k, "%zu\x1f%s\x1f%s", idx, lang, name)) return NG_ENOMEM;
    size_t votes = (size_t)(intptr_t)ng_map_get(g->name_seen, k.data, k.len) + 1;
    int rc = ng_map_put(g->name_seen, k.data, k.len, (void *)(intptr_t)votes) ? NG_ENOMEM : 0;
    ng_buf_free(&k);
    if (rc) return rc;
    int cmp = e->pub.name ? strcmp(name, e->pub.name) : -1;
    if (!cmp) cmp = strcmp(lang, e->pub.lang);
    if (votes < e->name_votes || (votes == e->name_votes && cmp >= 0)) return 0;
    if (cmp && !(name = ng_pool_strdup(g->pool, name))) return NG_ENOMEM;
    if (cmp) e->pub.name = name;
    e->pub.lang = lang;
    e->name_votes = votes;
    return 0;
}

/* The class most mentions support; ties go to the first by name, as in
 * the store. */
static ng_type best_type(const gent *e)
{
    ng_type best = NG_TYPE_ENTITY;
    size_t votes = 0;
    for (int t = 1; t < NG_TYPE_COUNT; t++)
        if (e->type_votes[t] > votes ||
            (votes && e->type_votes[t] == votes &&
             strcmp(ng_type_name((ng_type)t), ng_type_name(best)) < 0)) {
            votes = e->type_votes[t];
            best = (ng_type)t;
        }
    return best;
}

int ng_graph_add_entities(ng_graph *g, const ng_extraction *ex, size_t *ids, ng_error *err)
{
    const char *lang = ng_extraction_lang(ex);
    g->article_serial++;
    for (size_t i = 0; i < ng_extraction_entity_count(ex); i++) {
        const ng_entity_view *v = ng_extraction_entity(ex, i);
        char *iri = ng_entity_iri(g->base, v);
        if (!iri) return ng_error_set(err, NG_ENOMEM, "out of memory");
        void *found = ng_map_get(g->by_key, iri, strlen(iri));
        size_t idx;
        if (found) {
            idx = (size_t)(intptr_t)found - 1;
        } else {
            if (NG_GROW(g->ents, g->cap, g->n + 1)) {
                free(iri);
                return ng_error_set(err, NG_ENOMEM, "out of memory");
            }
            idx = g->n++;
            gent *e = &g->ents[idx];
            memset(e, 0, sizeof *e);
            e->pub.iri = ng_pool_strdup(g->pool, iri);
            e->pub.label_en = v->label_en ? ng_pool_strdup(g->pool, v->label_en) : NULL;
            e->pub.label_es = v->label_es ? ng_pool_strdup(g->pool, v->label_es) : NULL;
            e->pub.qid = v->qid ? ng_pool_strdup(g->pool, v->qid) : NULL;
            e->gaz_id = v->gaz_id ? ng_pool_strdup(g->pool, v->gaz_id) : NULL;
            e->root = idx;
            if (!e->pub.iri ||
                ng_map_put(g->by_key, iri, strlen(iri), (void *)(intptr_t)(idx + 1))) {
                free(iri);
                return ng_error_set(err, NG_ENOMEM, "out of memory");
            }
        }
        free(iri);
        gent *e = &g->ents[idx];
        e->type_votes[v->type] += v->gaz_id ? 1000 : 1;
        e->pub.type = best_type(e);
        /* articles, not mentions: the same count as the store's */
        if (e->last_article != g->article_serial) e->pub.articles++;
        e->last_article = g->article_serial;
        if (vote_name(g, idx, v->name, lang) || add_alt(g, idx, v->name, lang))
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        for (size_t k = 0; k < v->naliases; k++)
            if (add_alt(g, idx, v->aliases[k], lang))
                return ng_error_set(err, NG_ENOMEM, "out of memory");
        ids[i] = idx;
    }
    return 0;
}

size_t ng_graph_entity_count(const ng_graph *g)
{
    return g->n;
}

const ng_graph_entity *ng_graph_entity_at(const ng_graph *g, size_t i)
{
    return i < g->n ? &g->ents[i].pub : NULL;
}

const char *const *ng_graph_alt_labels(const ng_graph *g, size_t i, const char *const **langs,
                                       size_t *n)
{
    *n = g->ents[i].nalts;
    if (langs) *langs = g->ents[i].alt_langs;
    return g->ents[i].alts;
}

/* ---- linking across the run's articles ------------------------------------------ */

static const char *fold(ng_graph *g, const char *s, ng_buf *b)
{
    b->len = 0;
    if (ng_fold_append(b, s, strlen(s))) return NULL;
    return ng_pool_strndup(g->pool, b->data ? b->data : "", b->len);
}

/* The linker's view of entity i: folded name and labels. */
static int link_record(ng_graph *g, size_t i, ng_link_record *r, ng_buf *b)
{
    gent *e = &g->ents[i];
    const char **al = e->nalts ? ng_pool_alloc(g->pool, e->nalts * sizeof *al) : NULL;
    if (e->nalts && !al) return NG_ENOMEM;
    for (size_t k = 0; k < e->nalts; k++)
        if (!(al[k] = fold(g, e->alts[k], b))) return NG_ENOMEM;
    const char *f = fold(g, e->pub.name, b);
    if (!f) return NG_ENOMEM;
    *r = (ng_link_record){e->pub.iri, f, e->pub.type, e->gaz_id, al, e->nalts, e->pub.articles};
    return 0;
}

int ng_graph_link(ng_graph *g, const ng_linker *l, ng_error *err)
{
    size_t n = g->n ? g->n : 1;
    ng_link_record *recs = malloc(n * sizeof *recs);
    size_t *root = malloc(n * sizeof *root);
    const char **rule = malloc(n * sizeof *rule);
    ng_buf b = {0};
    int rc = !recs || !root || !rule ? NG_ENOMEM : 0;
    for (size_t i = 0; !rc && i < g->n; i++)
        rc = link_record(g, i, &recs[i], &b);
    if (rc)
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    else
        rc = ng_link(l, recs, g->n, root, rule, err);
    for (size_t i = 0; !rc && i < g->n; i++) {
        g->ents[i].root = root[i];
        g->ents[i].rule = rule[i];
    }
    ng_buf_free(&b);
    free(recs);
    free(root);
    free(rule);
    return rc;
}

size_t ng_graph_entity_root(const ng_graph *g, size_t i, const char **rule)
{
    if (rule) *rule = g->ents[i].rule;
    return g->ents[i].root;
}
