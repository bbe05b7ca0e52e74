/* Linking (see newsgraph/link.h): union-find over the records, one stage a
 * rule. Every stage first decides all its joins against the clusters the
 * stage began with, then makes them, so that what it joins depends on the
 * set of records and not on the order they are read in. */
#include "newsgraph/link.h"
#include "ontology/ontology_int.h"
#include "util/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ng_linker {
    const ng_ontology *onto;
};

int ng_linker_new(ng_linker **out, const ng_ontology *onto, ng_error *err)
{
    ng_linker *l = calloc(1, sizeof *l);
    if (!l) return ng_error_set(err, NG_ENOMEM, "out of memory");
    l->onto = onto;
    *out = l;
    return 0;
}

void ng_linker_free(ng_linker *l)
{
    free(l);
}

/* ---- the working state ------------------------------------------------------------- */

#define NONE ((size_t)-1)

typedef struct join {
    size_t a, b;
    const char *rule;
} join;

typedef struct nlist {
    size_t *ids;
    size_t n, cap;
    struct nlist *next; /* every list, to free them */
} nlist;

typedef struct linking {
    const ng_linker *l;
    const ng_link_record *r;
    size_t n;
    const ng_link_pair *apart;
    size_t napart;
    size_t *parent;
    const char **rule;
    ng_map *names; /* a name, alias or key of the current stage -> nlist */
    nlist *lists;
    join *joins; /* decided in the current stage */
    size_t njoins, joins_cap;
} linking;

static size_t find(linking *k, size_t i)
{
    while (k->parent[i] != i) {
        k->parent[i] = k->parent[k->parent[i]];
        i = k->parent[i];
    }
    return i;
}

/* A name made of words of bodies.tsv ("Gobierno", "Ministerio de Salud")
 * names a body only in its own article. */
static int bare_body(const linking *k, size_t i)
{
    return ng__generic_body(k->l->onto, k->r[i].folded);
}

static int propose(linking *k, size_t a, size_t b, const char *rule)
{
    if (bare_body(k, a) || bare_body(k, b)) return 0;
    if (NG_GROW(k->joins, k->joins_cap, k->njoins + 1)) return NG_ENOMEM;
    k->joins[k->njoins++] = (join){a, b, rule};
    return 0;
}

/* Joins decided one by one may together join what must stay apart (two
 * Córdobas through a third "Córdoba" that fits both). The joins of a stage
 * that would make a cluster with two gazetteer entries or two classes
 * (Entity fits any), or with two records the user kept apart, are all
 * dropped: which ones depends on the joins and the clusters, not on the
 * order records came in. */
static int drop_clashing(linking *k)
{
    size_t n = k->n ? k->n : 1;
    size_t *p = malloc(n * sizeof *p);
    const char **gaz = calloc(n, sizeof *gaz);
    uint8_t *type = calloc(n, 1), *bad = calloc(n, 1);
    int rc = !p || !gaz || !type || !bad ? NG_ENOMEM : 0;
    for (size_t i = 0; !rc && i < k->n; i++)
        p[i] = find(k, i);
    /* components of the clusters under this stage's joins */
    for (size_t j = 0; !rc && j < k->njoins; j++) {
        size_t a = find(k, k->joins[j].a), b = find(k, k->joins[j].b);
        while (p[a] != a)
            a = p[a];
        while (p[b] != b)
            b = p[b];
        if (a != b) p[a < b ? b : a] = a < b ? a : b;
    }
    for (size_t i = 0; !rc && i < k->n; i++) {
        size_t c = p[i];
        while (p[c] != c)
            c = p[c];
        p[i] = c;
        const ng_link_record *r = &k->r[i];
        if (r->gaz_id) {
            if (gaz[c] && strcmp(gaz[c], r->gaz_id) != 0) bad[c] = 1;
            gaz[c] = r->gaz_id;
        }
        if (r->type != NG_TYPE_ENTITY) {
            if (type[c] && type[c] != (uint8_t)r->type) bad[c] = 1;
            type[c] = (uint8_t)r->type;
        }
    }
    for (size_t x = 0; !rc && x < k->napart; x++) {
        size_t a = k->apart[x].a, b = k->apart[x].b;
        if (a < k->n && b < k->n && p[a] == p[b] && find(k, a) != find(k, b)) bad[p[a]] = 1;
    }
    size_t w = 0;
    for (size_t j = 0; !rc && j < k->njoins; j++)
        if (!bad[p[k->joins[j].a]]) k->joins[w++] = k->joins[j];
    if (!rc) k->njoins = w;
    free(p);
    free(gaz);
    free(type);
    free(bad);
    return rc;
}

/* Make the stage's joins; a record keeps the rule of its first join. */
static void apply_joins(linking *k)
{
    for (size_t j = 0; j < k->njoins; j++) {
        size_t a = find(k, k->joins[j].a), b = find(k, k->joins[j].b);
        if (a == b) continue;
        /* both ends: either may end up naming the cluster */
        if (!k->rule[k->joins[j].a]) k->rule[k->joins[j].a] = k->joins[j].rule;
        if (!k->rule[k->joins[j].b]) k->rule[k->joins[j].b] = k->joins[j].rule;
        /* which record names the cluster is chosen at the end */
        if (a < b)
            k->parent[b] = a;
        else
            k->parent[a] = b;
    }
    k->njoins = 0;
}

static int compatible(ng_type a, ng_type b)
{
    return a == NG_TYPE_ENTITY || b == NG_TYPE_ENTITY || a == b;
}

static size_t words(const char *s)
{
    size_t n = *s ? 1 : 0;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* ---- names and keys -------------------------------------------------------------------- */

static nlist *names_of(linking *k, const char *s)
{
    return ng_map_get(k->names, s, strlen(s));
}

static int add_name(linking *k, const char *s, size_t id)
{
    if (!s || !*s) return 0;
    nlist *l = names_of(k, s);
    if (!l) {
        if (!(l = calloc(1, sizeof *l))) return NG_ENOMEM;
        l->next = k->lists;
        k->lists = l;
        if (ng_map_put(k->names, s, strlen(s), l)) return NG_ENOMEM;
    }
    if (l->n && l->ids[l->n - 1] == id) return 0;
    if (NG_GROW(l->ids, l->cap, l->n + 1)) return NG_ENOMEM;
    l->ids[l->n++] = id;
    return 0;
}

/* A stage's own keys (initials, surnames, spellings) live in a map of
 * their own for the stage. */
static int stage_keys(linking *k, ng_map **saved)
{
    *saved = k->names;
    if ((k->names = ng_map_new())) return 0;
    k->names = *saved;
    return NG_ENOMEM;
}

static void stage_done(linking *k, ng_map *saved)
{
    ng_map_free(k->names);
    k->names = saved;
}

/* Whether alias a of record i is its bare first name ("michael" of
 * "michael jordan"): such an alias names nobody across articles. */
static int first_name_alias(const linking *k, size_t i, const char *a)
{
    const char *f = k->r[i].folded;
    size_t n = strlen(a);
    return !strchr(a, ' ') && strncmp(f, a, n) == 0 && f[n] == ' ' &&
           ng_map_get(k->l->onto->given_names, a, n) != NULL;
}

static int index_names(linking *k)
{
    for (size_t i = 0; i < k->n; i++) {
        if (add_name(k, k->r[i].folded, i)) return NG_ENOMEM;
        for (size_t a = 0; a < k->r[i].naliases; a++)
            if (!first_name_alias(k, i, k->r[i].aliases[a]) && add_name(k, k->r[i].aliases[a], i))
                return NG_ENOMEM;
    }
    return 0;
}

typedef int (*refuse_fn)(linking *k, size_t i, size_t j);

/* The one cluster other than i's own holding name s with a class that fits
 * i and that refuse does not rule out; NONE for none, or for two. */
static size_t one_cluster(linking *k, size_t i, const char *s, refuse_fn refuse)
{
    nlist *l = names_of(k, s);
    size_t found = NONE, mine = find(k, i);
    for (size_t x = 0; l && x < l->n; x++) {
        size_t j = l->ids[x], c = find(k, j);
        if (c == mine || !compatible(k->r[i].type, k->r[j].type) || (refuse && refuse(k, i, j)))
            continue;
        if (found != NONE && found != c) return NONE;
        found = c;
    }
    return found;
}

/* Two gazetteer entries are two entities, whatever their names share. */
static int two_known(linking *k, size_t i, size_t j)
{
    return k->r[i].gaz_id && k->r[j].gaz_id && strcmp(k->r[i].gaz_id, k->r[j].gaz_id) != 0;
}

/* ---- the rules --------------------------------------------------------------------------- */

static int gazetteer_stage(linking *k)
{
    ng_map *by_id = ng_map_new();
    if (!by_id) return NG_ENOMEM;
    int rc = 0;
    for (size_t i = 0; i < k->n && !rc; i++) {
        const char *g = k->r[i].gaz_id;
        if (!g) continue;
        void *v = ng_map_get(by_id, g, strlen(g));
        if (v)
            rc = propose(k, i, (size_t)((intptr_t)v - 1), "gazetteer-id");
        else
            rc = ng_map_put(by_id, g, strlen(g), (void *)(intptr_t)(i + 1));
    }
    ng_map_free(by_id);
    return rc;
}

static int alias_stage(linking *k)
{
    for (size_t i = 0; i < k->n; i++) {
        size_t c = one_cluster(k, i, k->r[i].folded, two_known);
        if (c != NONE && propose(k, i, c, "alias")) return NG_ENOMEM;
    }
    return 0;
}

static int short_form_stage(linking *k)
{
    for (size_t i = 0; i < k->n; i++) {
        const char *f = k->r[i].folded;
        const char *full = ng_map_get(k->l->onto->short_forms, f, strlen(f));
        if (!full) continue;
        size_t c = one_cluster(k, i, full, two_known);
        if (c != NONE && propose(k, i, c, "short-form")) return NG_ENOMEM;
    }
    return 0;
}

void ng_link_initials(const char *name, char *out, size_t cap)
{
    static const char *const skip[] = {"de", "del", "la",  "las", "los", "el", "y",
                                       "of", "the", "and", "for", "e",   NULL};
    size_t k = 0;
    for (const char *p = name; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t len = (size_t)(p - w);
        if (!len) break;
        int connector = 0;
        for (int i = 0; skip[i] && !connector; i++)
            connector = strlen(skip[i]) == len && strncmp(skip[i], w, len) == 0;
        if (connector) continue;
        if (k + 1 >= cap) {
            k = 0; /* too many words to be spelt by an acronym */
            break;
        }
        out[k++] = w[0];
    }
    out[k >= 2 ? k : 0] = '\0';
}

static int is_org(ng_type t)
{
    return t == NG_TYPE_ORGANIZATION || t == NG_TYPE_ENTITY;
}

static int acronym_stage(linking *k)
{
    ng_map *saved;
    if (stage_keys(k, &saved)) return NG_ENOMEM;
    int rc = 0;
    char init[16];
    for (size_t i = 0; i < k->n && !rc; i++) {
        if (!is_org(k->r[i].type) || words(k->r[i].folded) < 2) continue;
        ng_link_initials(k->r[i].folded, init, sizeof init);
        if (*init) rc = add_name(k, init, i);
    }
    for (size_t i = 0; i < k->n && !rc; i++) {
        const char *f = k->r[i].folded;
        size_t len = strlen(f);
        if (!is_org(k->r[i].type) || len < 2 || len > 8 || strchr(f, ' ')) continue;
        size_t c = one_cluster(k, i, f, two_known);
        if (c != NONE) rc = propose(k, i, c, "acronym");
    }
    stage_done(k, saved);
    return rc;
}

/* The surnames of a person's name: its last word, and for three words or
 * more its last two ("rodriguez zapatero" of "jose luis rodriguez
 * zapatero"); a hyphenated surname is one word ("ocasio-cortez"). */
static int surname_keys(linking *k, size_t i)
{
    const char *f = k->r[i].folded;
    size_t nw = words(f);
    if (nw < 2) return 0;
    const char *last = strrchr(f, ' ') + 1;
    if (add_name(k, last, i)) return NG_ENOMEM;
    if (nw < 3) return 0;
    const char *p = last - 1;
    while (p > f && p[-1] != ' ')
        p--;
    return add_name(k, p, i);
}

/* A surname joins a person whose name goes on before it, never one whose
 * name starts with it (that would be a given name). */
static int starts_with_it(linking *k, size_t i, size_t j)
{
    const char *f = k->r[i].folded, *g = k->r[j].folded;
    size_t n = strlen(f);
    return (strncmp(g, f, n) == 0 && g[n] == ' ') || two_known(k, i, j);
}

static int surname_stage(linking *k)
{
    ng_map *saved;
    if (stage_keys(k, &saved)) return NG_ENOMEM;
    int rc = 0;
    for (size_t i = 0; i < k->n && !rc; i++)
        if (k->r[i].type == NG_TYPE_PERSON) rc = surname_keys(k, i);
    for (size_t i = 0; i < k->n && !rc; i++) {
        const ng_link_record *r = &k->r[i];
        if ((r->type != NG_TYPE_PERSON && r->type != NG_TYPE_ENTITY) || words(r->folded) > 2)
            continue;
        /* a given name alone ("Michael") links nowhere */
        if (!strchr(r->folded, ' ') &&
            ng_map_get(k->l->onto->given_names, r->folded, strlen(r->folded)))
            continue;
        size_t c = one_cluster(k, i, r->folded, starts_with_it);
        if (c != NONE) rc = propose(k, i, c, "surname");
    }
    stage_done(k, saved);
    return rc;
}

int ng_link_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) return 99;
    int row[65];
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int prev = row[0], best = row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
            if (row[j] < best) best = row[j];
        }
        if (best > 8) return 99;
    }
    return row[m];
}

#define SPELLING_SIMILARITY 0.85

/* How alike two names are as spellings of one: as many words, and for
 * people of several words the same first word (two of one family are not
 * variants); 1 - distance / length, or 0. */
static double spelling(const linking *k, size_t i, size_t j)
{
    const char *a = k->r[i].folded, *b = k->r[j].folded;
    size_t na = strlen(a), nb = strlen(b), len = na > nb ? na : nb;
    if (na < 6 || nb < 6 || words(a) != words(b)) return 0;
    if ((k->r[i].type == NG_TYPE_PERSON || k->r[j].type == NG_TYPE_PERSON) && words(a) > 1) {
        const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
        if (sa - a != sb - b || strncmp(a, b, (size_t)(sa - a)) != 0) return 0;
    }
    return 1.0 - (double)ng_link_edit_distance(a, b) / (double)len;
}

/* Candidates share the first or the last three letters. */
static void spelling_key(char *key, size_t cap, const char *f, int last)
{
    size_t n = strlen(f);
    snprintf(key, cap, "%c%.3s", last ? '>' : '<', last ? f + n - 3 : f);
}

static void best_spelling(linking *k, size_t i, const char *key, size_t *best, double *sim,
                          int *tie)
{
    nlist *l = names_of(k, key);
    for (size_t x = 0; l && x < l->n; x++) {
        size_t j = l->ids[x], c = find(k, j);
        if (c == find(k, i) || !compatible(k->r[i].type, k->r[j].type) || two_known(k, i, j))
            continue;
        double s = spelling(k, i, j);
        if (s < SPELLING_SIMILARITY || (c == *best && s <= *sim)) continue;
        if (s > *sim) {
            *sim = s;
            *best = c;
            *tie = 0;
        } else if (s == *sim && c != *best) {
            *tie = 1;
        }
    }
}

static int spelling_stage(linking *k)
{
    ng_map *saved;
    if (stage_keys(k, &saved)) return NG_ENOMEM;
    int rc = 0;
    char key[8];
    for (size_t i = 0; i < k->n && !rc; i++)
        if (strlen(k->r[i].folded) >= 6) {
            spelling_key(key, sizeof key, k->r[i].folded, 0);
            rc = add_name(k, key, i);
            spelling_key(key, sizeof key, k->r[i].folded, 1);
            rc = rc || add_name(k, key, i);
        }
    for (size_t i = 0; i < k->n && !rc; i++) {
        if (strlen(k->r[i].folded) < 6) continue;
        size_t best = NONE;
        double sim = 0;
        int tie = 0;
        for (int last = 0; last < 2; last++) {
            spelling_key(key, sizeof key, k->r[i].folded, last);
            best_spelling(k, i, key, &best, &sim, &tie);
        }
        if (best != NONE && !tie) rc = propose(k, i, best, "similar-spelling");
    }
    stage_done(k, saved);
    return rc;
}

/* ---- naming the clusters ------------------------------------------------------------------ */

/* Whether record a names a cluster better than record b. */
static int names_better(const linking *k, size_t a, size_t b)
{
    const ng_link_record *x = &k->r[a], *y = &k->r[b];
    if (!x->gaz_id != !y->gaz_id) return x->gaz_id != NULL;
    size_t wx = words(x->folded), wy = words(y->folded);
    if (wx != wy) return wx > wy;
    if (x->weight != y->weight) return x->weight > y->weight;
    return strcmp(x->key, y->key) < 0;
}

/* root[] from the clusters; the record naming a cluster has no rule. */
static int name_clusters(linking *k, size_t *root)
{
    size_t *best = malloc((k->n ? k->n : 1) * sizeof *best);
    if (!best) return NG_ENOMEM;
    for (size_t i = 0; i < k->n; i++)
        best[i] = NONE;
    for (size_t i = 0; i < k->n; i++) {
        size_t c = find(k, i);
        if (best[c] == NONE || names_better(k, i, best[c])) best[c] = i;
    }
    for (size_t i = 0; i < k->n; i++) {
        root[i] = best[find(k, i)];
        if (root[i] == i) k->rule[i] = NULL;
    }
    free(best);
    return 0;
}

/* ---- the whole ------------------------------------------------------------------------------ */

static int run_stages(linking *k, size_t *root)
{
    /* after the gazetteer, in order, each over the clusters the last left */
    int (*const stages[])(linking *) = {alias_stage, short_form_stage, acronym_stage, surname_stage,
                                        spelling_stage};
    if (gazetteer_stage(k) || drop_clashing(k)) return NG_ENOMEM;
    apply_joins(k);
    if (index_names(k)) return NG_ENOMEM;
    for (size_t s = 0; s < sizeof stages / sizeof *stages; s++) {
        if (stages[s](k) || drop_clashing(k)) return NG_ENOMEM;
        apply_joins(k);
    }
    return name_clusters(k, root);
}

int ng_link(const ng_linker *l, const ng_link_record *recs, size_t n, size_t *root,
            const char **rule, ng_error *err)
{
    return ng_link_apart(l, recs, n, NULL, 0, root, rule, err);
}

int ng_link_apart(const ng_linker *l, const ng_link_record *recs, size_t n,
                  const ng_link_pair *apart, size_t napart, size_t *root, const char **rule,
                  ng_error *err)
{
    linking k = {l, recs, n, apart, napart, NULL, rule, NULL, NULL, NULL, 0, 0};
    int rc = 0;
    k.parent = malloc((n ? n : 1) * sizeof *k.parent);
    k.names = ng_map_new();
    if (!k.parent || !k.names) rc = NG_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        k.parent[i] = i;
        rule[i] = NULL;
    }
    if (!rc) rc = run_stages(&k, root);
    while (k.lists) {
        nlist *next = k.lists->next;
        free(k.lists->ids);
        free(k.lists);
        k.lists = next;
    }
    ng_map_free(k.names);
    free(k.parent);
    free(k.joins);
    return rc ? ng_error_set(err, NG_ENOMEM, "out of memory while linking") : 0;
}
