/* Which stored entities are one: every row (one per IRI, as articles named
 * it) through the linker at once, whenever the store is read after a
 * change, into a table of this connection's own (temp.clusters). The
 * result depends on the rows and the user's corrections only, never on the
 * order articles were added in, and it is the same linking extract does
 * over the articles of one run. */
#include "store_int.h"
#include "newsgraph/link.h"

#include <stdlib.h>
#include <string.h>

typedef struct rows {
    ng_link_record *recs;
    sqlite3_int64 *ids; /* the row of each record */
    struct row_index {
        sqlite3_int64 id;
        size_t rec;
    } * by_id;   /* in row order, to find a row's record */
    char **strs; /* every string the records point to, to free */
    size_t n, cap, ids_cap, nstrs, strs_cap;
    ng_link_pair *apart;
    size_t napart, apart_cap;
    size_t alias_at, alias_cap; /* the record aliases are being read for */
    ng_buf fold;
} rows;

static void rows_free(rows *k)
{
    for (size_t i = 0; i < k->nstrs; i++)
        free(k->strs[i]);
    for (size_t i = 0; i < k->n; i++)
        free((void *)k->recs[i].aliases);
    free(k->strs);
    free(k->recs);
    free(k->ids);
    free(k->by_id);
    free(k->apart);
    ng_buf_free(&k->fold);
}

static char *keep_str(rows *k, const char *s)
{
    char *c = strdup(s ? s : "");
    if (!c || NG_GROW(k->strs, k->strs_cap, k->nstrs + 1)) {
        free(c);
        return NULL;
    }
    return k->strs[k->nstrs++] = c;
}

/* Names folded as the linker reads them (the same folding as extract's
 * graph: case and accents go, hyphens stay). */
static const char *keep_folded(rows *k, const char *s)
{
    k->fold.len = 0;
    if (ng_fold_append(&k->fold, s, strlen(s)) || !ng_buf_cstr(&k->fold)) return NULL;
    return keep_str(k, k->fold.data);
}

static int read_row(rows *k, sqlite3_stmt *en)
{
    if (NG_GROW(k->recs, k->cap, k->n + 1) || NG_GROW(k->ids, k->ids_cap, k->n + 1)) return -1;
    ng_link_record *r = &k->recs[k->n];
    memset(r, 0, sizeof *r);
    k->ids[k->n++] = sqlite3_column_int64(en, 0);
    int t = ng_type_parse(ng__col(en, 2));
    r->type = t < 0 ? NG_TYPE_ENTITY : (ng_type)t;
    r->weight = (size_t)sqlite3_column_int64(en, 5);
    if (!(r->key = keep_str(k, ng__col(en, 1))) || !(r->folded = keep_folded(k, ng__col(en, 3))))
        return -1;
    if (ng__col(en, 4) && !(r->gaz_id = keep_str(k, ng__col(en, 4)))) return -1;
    return 0;
}

static int by_row(const void *a, const void *b)
{
    sqlite3_int64 x = ((const struct row_index *)a)->id, y = ((const struct row_index *)b)->id;
    return x < y ? -1 : x > y;
}

/* The record of row id, or (size_t)-1. */
static size_t record_of(const rows *k, sqlite3_int64 id)
{
    struct row_index key = {id, 0}, *hit = bsearch(&key, k->by_id, k->n, sizeof key, by_row);
    return hit ? hit->rec : (size_t)-1;
}

static int index_rows(rows *k)
{
    if (!(k->by_id = malloc((k->n ? k->n : 1) * sizeof *k->by_id))) return -1;
    for (size_t i = 0; i < k->n; i++)
        k->by_id[i] = (struct row_index){k->ids[i], i};
    qsort(k->by_id, k->n, sizeof *k->by_id, by_row);
    return 0;
}

/* Run sql, handing each result row to fn; -1 on a database error or when
 * fn fails. */
static int each_result(ng_store *s, const char *sql, int (*fn)(rows *k, sqlite3_stmt *st), rows *k)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    int rc = 0, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = fn(k, st);
    sqlite3_finalize(st);
    return rc || step != SQLITE_DONE ? -1 : 0;
}

/* An alias onto its record (rows come sorted by entity). */
static int read_alias(rows *k, sqlite3_stmt *st)
{
    size_t i = record_of(k, sqlite3_column_int64(st, 0));
    if (i == (size_t)-1) return 0;
    if (i != k->alias_at) k->alias_at = i, k->alias_cap = 0;
    ng_link_record *r = &k->recs[i];
    const char **a = (const char **)r->aliases;
    const char *f = keep_folded(k, ng__col(st, 1));
    if (!f || NG_GROW(a, k->alias_cap, r->naliases + 1)) return -1;
    a[r->naliases++] = f;
    r->aliases = a;
    return 0;
}

/* The user's corrections that keep two rows apart: a name split off an
 * entity stays off it, a removed alias names something else. */
static int read_pair(rows *k, sqlite3_stmt *st)
{
    size_t a = record_of(k, sqlite3_column_int64(st, 0)),
           b = record_of(k, sqlite3_column_int64(st, 1));
    if (a == (size_t)-1 || b == (size_t)-1) return 0;
    if (NG_GROW(k->apart, k->apart_cap, k->napart + 1)) return -1;
    k->apart[k->napart++] = (ng_link_pair){a, b};
    return 0;
}

static int read_rows(ng_store *s, rows *k)
{
    k->alias_at = (size_t)-1;
    return each_result(s,
                       "SELECT id, iri, type, name, gaz_id,"
                       " (SELECT count(DISTINCT article_id) FROM links l WHERE l.entity_id = e.id)"
                       " FROM entities e ORDER BY iri",
                       read_row, k) ||
                   index_rows(k) ||
                   each_result(s,
                               "SELECT entity_id, label FROM aliases GROUP BY entity_id, label"
                               " ORDER BY entity_id, label",
                               read_alias, k) ||
                   each_result(
                       s,
                       "SELECT t.id, f.id FROM curations c JOIN entities f ON f.iri = c.from_iri"
                       " JOIN entities t ON t.iri = c.to_iri WHERE c.op = 'split' UNION ALL"
                       " SELECT e.id, f.id FROM curations c JOIN entities f ON f.iri = c.from_iri"
                       " JOIN entities e ON e.folded = c.folded AND e.id != f.id"
                       " WHERE c.op = 'unalias'",
                       read_pair, k)
               ? -1
               : 0;
}

/* A cluster's class: its gazetteer entry's, else the one its most seen
 * member has (ties: the first by name). The linker puts one class in a
 * cluster; the user's merges may put more. */
static void cluster_types(const rows *k, const size_t *root, ng_type *type, size_t *weight)
{
    for (size_t i = 0; i < k->n; i++) {
        type[i] = NG_TYPE_ENTITY;
        weight[i] = 0;
    }
    for (size_t i = 0; i < k->n; i++) {
        const ng_link_record *r = &k->recs[i];
        size_t c = root[i];
        if (k->recs[c].gaz_id) {
            type[c] = k->recs[c].type;
            continue;
        }
        if (r->type == NG_TYPE_ENTITY) continue;
        if (r->weight + 1 > weight[c] ||
            (r->weight + 1 == weight[c] &&
             strcmp(ng_type_name(r->type), ng_type_name(type[c])) < 0)) {
            type[c] = r->type;
            weight[c] = r->weight + 1;
        }
    }
}

static int write_clusters(ng_store *s, const rows *k, const size_t *root, const char **rule)
{
    ng_type *type = malloc((k->n ? k->n : 1) * sizeof *type);
    size_t *weight = malloc((k->n ? k->n : 1) * sizeof *weight);
    sqlite3_stmt *ins = NULL;
    if (!type || !weight ||
        sqlite3_exec(s->db,
                     "CREATE TEMP TABLE IF NOT EXISTS clusters(entity_id INTEGER PRIMARY KEY,"
                     " root_id INTEGER NOT NULL, rule TEXT, type TEXT NOT NULL);"
                     "CREATE INDEX IF NOT EXISTS temp.clusters_root ON clusters(root_id);"
                     "DELETE FROM temp.clusters",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "INSERT INTO temp.clusters VALUES(?, ?, ?, ?)", -1, &ins, NULL) !=
            SQLITE_OK) {
        free(type);
        free(weight);
        return -1;
    }
    cluster_types(k, root, type, weight);
    int rc = 0;
    for (size_t i = 0; !rc && i < k->n; i++) {
        sqlite3_bind_int64(ins, 1, k->ids[i]);
        sqlite3_bind_int64(ins, 2, k->ids[root[i]]);
        if (rule[i])
            sqlite3_bind_text(ins, 3, rule[i], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(ins, 3);
        sqlite3_bind_text(ins, 4, ng_type_name(type[root[i]]), -1, SQLITE_STATIC);
        rc = sqlite3_step(ins) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    free(type);
    free(weight);
    return rc;
}

static long data_version(ng_store *s)
{
    sqlite3_stmt *st = NULL;
    long v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int ng__store_clusters(ng_store *s, ng_error *err)
{
    long dv = data_version(s);
    if (s->clustered && s->clustered_serial == s->serial && dv == s->clustered_dv) return 0;
    rows k = {0};
    size_t *root = NULL;
    const char **rule = NULL;
    int rc = read_rows(s, &k) ? ng__store_db_error(s, err, NG_EIO, "linking") : 0;
    if (!rc) {
        root = malloc((k.n ? k.n : 1) * sizeof *root);
        rule = calloc(k.n ? k.n : 1, sizeof *rule);
        if (!root || !rule) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    if (!rc && s->linker)
        rc = ng_link_apart(s->linker, k.recs, k.n, k.apart, k.napart, root, rule, err);
    for (size_t i = 0; !rc && !s->linker && i < k.n; i++)
        root[i] = i;
    if (!rc && write_clusters(s, &k, root, rule))
        rc = ng__store_db_error(s, err, NG_EIO, "linking");
    if (!rc) {
        s->clustered = 1;
        s->clustered_serial = s->serial;
        s->clustered_dv = dv;
    }
    free(root);
    free(rule);
    rows_free(&k);
    return rc;
}

void ng_store_set_linker(ng_store *s, const ng_linker *l)
{
    s->linker = l;
    s->serial++;
}
