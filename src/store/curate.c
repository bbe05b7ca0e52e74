/* Curation: the user's corrections to linking (merge, split, alias add and
 * remove). Each is applied to what is stored and written to the curations
 * table, which ng_store_add consults for every article added later and the
 * linker obeys (a split name and a removed alias stay apart). ENTITY
 * arguments name entities as the user sees them: the cluster of rows the
 * linker made, named by one of them. */
#include "store_int.h"
#include "newsgraph/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One stored entity, copied out of SQLite. */
typedef struct entity {
    sqlite3_int64 id;
    char *iri, *type, *name, *folded, *lang;
} entity;

static void entity_free(entity *e)
{
    free(e->iri);
    free(e->type);
    free(e->name);
    free(e->folded);
    free(e->lang);
    memset(e, 0, sizeof *e);
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return strdup(v ? v : "");
}

/* A row of id, iri, type, name, folded, lang into e; -1 when out of memory. */
static int entity_from_row(sqlite3_stmt *st, entity *e)
{
    e->id = sqlite3_column_int64(st, 0);
    e->iri = dup_col(st, 1);
    e->type = dup_col(st, 2);
    e->name = dup_col(st, 3);
    e->folded = dup_col(st, 4);
    e->lang = dup_col(st, 5);
    return e->iri && e->type && e->name && e->folded && e->lang ? 0 : -1;
}

/* the row naming the cluster of the rows e found, with the cluster's class */
#define ENTITY_COLUMNS "r.id, r.iri, k.type, r.name, r.folded, coalesce(r.lang, 'es')"
#define ENTITY_ROOT                                                                                \
    " JOIN temp.clusters k ON k.entity_id = e.id JOIN entities r ON r.id = k.root_id"

/* Run a query yielding ENTITY_COLUMNS with ?1 = the argument as given and
 * ?2 = its folded form. Returns the number of rows (the first is in *e), or
 * -1 on a database error; *others lists the IRIs when there are several. */
static int entities_where(ng_store *s, const char *sql, const char *arg, entity *e, ng_buf *others)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ng__store_fold(s, arg), -1, SQLITE_TRANSIENT);
    int n = 0, step, oom = 0;
    while (!oom && (step = sqlite3_step(st)) == SQLITE_ROW) {
        oom = (n == 0 && entity_from_row(st, e)) ||
              (n < 4 && ng_buf_printf(others, "%s%s", n ? ", " : "", sqlite3_column_text(st, 1)));
        n++;
    }
    sqlite3_finalize(st);
    return oom || step != SQLITE_DONE ? -1 : n;
}

/* ENTITY as the user wrote it: an IRI (also one merged away), else the one
 * entity with that canonical name, else the one with that alias. */
static int resolve(ng_store *s, const char *arg, entity *e, ng_error *err)
{
    static const char *const sql[] = {
        "SELECT " ENTITY_COLUMNS " FROM entities e" ENTITY_ROOT " WHERE e.iri = ?1 AND ?2 IS NOT"
        " NULL",
        "SELECT " ENTITY_COLUMNS " FROM curations c JOIN entities e ON e.iri = c.to_iri" ENTITY_ROOT
        " WHERE c.op = 'merge' AND c.from_iri = ?1 AND ?2 IS NOT NULL",
        "SELECT DISTINCT " ENTITY_COLUMNS " FROM entities e" ENTITY_ROOT " WHERE e.folded = ?2"
        " AND ?1 IS NOT NULL ORDER BY r.iri",
        "SELECT DISTINCT " ENTITY_COLUMNS " FROM entities e" ENTITY_ROOT " WHERE ?1 IS NOT NULL"
        " AND e.id IN (SELECT entity_id FROM aliases WHERE folded = ?2) ORDER BY r.iri"};
    memset(e, 0, sizeof *e);
    int rc = ng__store_clusters(s, err);
    for (size_t i = 0; !rc && i < sizeof sql / sizeof *sql; i++) {
        ng_buf others = {0};
        int n = entities_where(s, sql[i], arg, e, &others);
        if (n == 1) {
            ng_buf_free(&others);
            return 0;
        }
        entity_free(e);
        if (n < 0)
            rc = ng__store_db_error(s, err, NG_EIO, arg);
        else if (n > 1)
            rc = ng_error_set(err, NG_EINVAL, "'%s' names %d entities (%s%s); give an IRI", arg, n,
                              others.data ? others.data : "", n > 4 ? ", ..." : "");
        ng_buf_free(&others);
    }
    return rc ? rc : ng_error_set(err, NG_EINVAL, "no entity named '%s' in the store", arg);
}

/* The entity and the folded name a correction is about (*f malloc'd). */
static int entity_and_name(ng_store *s, const char *entity_name, const char *name, entity *e,
                           char **f, ng_error *err)
{
    int rc = resolve(s, entity_name, e, err);
    if (rc) return rc;
    if (!(*f = strdup(ng__store_fold(s, name))))
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    else if (!**f)
        rc = ng_error_set(err, NG_EINVAL, "'%s' is not a name", name);
    if (rc) {
        free(*f);
        *f = NULL;
        entity_free(e);
    }
    return rc;
}

/* Run SQL with ?1..?n bound to the given texts (NULL binds NULL) and int64s. */
static int run(ng_store *s, const char *sql, const char *t1, const char *t2, const char *t3,
               sqlite3_int64 i4, sqlite3_int64 i5)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    const char *texts[] = {t1, t2, t3};
    for (int i = 0; i < 3; i++)
        if (texts[i]) sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, i4);
    sqlite3_bind_int64(st, 5, i5);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* Run SQL with ?1..?5 bound to ids. */
static int run_ids(ng_store *s, const char *sql, const sqlite3_int64 ids[5])
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    for (int i = 0; i < 5; i++)
        sqlite3_bind_int64(st, i + 1, ids[i]);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int record(ng_store *s, const char *op, const char *name, const char *folded,
                  const char *from, const char *to)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO curations(op, name, folded, from_iri, to_iri, made)"
                           " VALUES(?, ?, ?, ?, ?, datetime('now'))",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    const char *v[] = {op, name, folded, from, to};
    for (int i = 0; i < 5; i++)
        if (v[i]) sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Each correction runs in one write transaction, from finding its entities
 * to recording it: all of it or nothing. */
static int begin(ng_store *s, ng_error *err)
{
    return ng__store_exec(s, "BEGIN IMMEDIATE", err);
}

static int finish(ng_store *s, int failed, ng_error *err, const char *what)
{
    s->serial++; /* the clusters are made again from what is stored now */
    if (failed) {
        int rc = ng__store_db_error(s, err, NG_EIO, what);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return ng__store_exec(s, "COMMIT", err);
}

/* A correction refused before it changed anything. */
static int refuse(ng_store *s, int rc)
{
    if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->serial++;
    return rc;
}

/* The rows of the cluster named by row root (members[0..n)), malloc'd. */
static int members_of(ng_store *s, sqlite3_int64 root, entity **out, size_t *n)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT e.id, e.iri, e.type, e.name, e.folded, coalesce(e.lang, 'es')"
                           " FROM temp.clusters m JOIN entities e ON e.id = m.entity_id"
                           " WHERE m.root_id = ? ORDER BY e.iri",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, root);
    size_t cap = 0;
    int rc = 0, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (NG_GROW(*out, cap, *n + 1)) {
            rc = -1;
            break;
        }
        rc = entity_from_row(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    return rc || step != SQLITE_DONE ? -1 : 0;
}

static void members_free(entity *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        entity_free(&m[i]);
    free(m);
}

/* ---- merge ------------------------------------------------------------------ */

static int move_everything(ng_store *s, const entity *k, const entity *o)
{
    static const char *const sql[] = {
        "UPDATE links SET entity_id = ?4, rule = 'curated-merge' WHERE entity_id = ?5",
        "UPDATE claims SET subject_id = ?4 WHERE subject_id = ?5",
        "UPDATE claims SET object_id = ?4 WHERE object_id = ?5",
        "UPDATE claims SET speaker_id = ?4 WHERE speaker_id = ?5",
        "INSERT OR IGNORE INTO aliases SELECT ?4, folded, label, lang FROM aliases"
        " WHERE entity_id = ?5 ORDER BY rowid",
        "DELETE FROM aliases WHERE entity_id = ?5",
        /* what keep lacks, other may know: a class, labels, a Wikidata id */
        "UPDATE entities SET"
        " type = CASE WHEN type = 'Entity' THEN (SELECT type FROM entities WHERE id = ?5)"
        " ELSE type END,"
        " label_en = coalesce(label_en, (SELECT label_en FROM entities WHERE id = ?5)),"
        " label_es = coalesce(label_es, (SELECT label_es FROM entities WHERE id = ?5)),"
        " qid = coalesce(qid, (SELECT qid FROM entities WHERE id = ?5)),"
        " gaz_id = coalesce(gaz_id, (SELECT gaz_id FROM entities WHERE id = ?5))"
        " WHERE id = ?4",
        "DELETE FROM entities WHERE id = ?5",
        /* corrections that named other now name keep */
        "UPDATE curations SET to_iri = ?1 WHERE to_iri = ?2",
        "UPDATE curations SET from_iri = ?1 WHERE from_iri = ?2 AND op != 'merge'",
        /* a split of the two, now merged again, is undone */
        "DELETE FROM curations WHERE op = 'split' AND from_iri = to_iri"};
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
        if (run(s, sql[i], k->iri, o->iri, NULL, k->id, o->id)) return -1;
    return 0;
}

/* Every row of other's cluster goes into keep's naming row. */
static int merge_apply(ng_store *s, const entity *k, const entity *o)
{
    entity *m;
    size_t n;
    int rc = members_of(s, o->id, &m, &n);
    for (size_t i = 0; !rc && i < n; i++)
        rc = move_everything(s, k, &m[i]) ||
             record(s, "merge", m[i].name, m[i].folded, m[i].iri, k->iri);
    members_free(m, n);
    return rc;
}

int ng_store_merge(ng_store *s, const char *keep, const char *other, ng_error *err)
{
    entity k = {0}, o = {0};
    int rc = begin(s, err);
    if (rc) return rc;
    if (!(rc = resolve(s, keep, &k, err)) && !(rc = resolve(s, other, &o, err))) {
        if (k.id == o.id)
            rc = ng_error_set(err, NG_EINVAL, "'%s' and '%s' are one entity already (%s)", keep,
                              other, k.iri);
        else
            rc = finish(s, merge_apply(s, &k, &o), err, "merge");
    }
    if (rc) refuse(s, rc);
    entity_free(&k);
    entity_free(&o);
    return rc;
}

/* ---- split ------------------------------------------------------------------ */

/* The entity a split name goes to: the one already named so, or a new one of
 * the same class (*made set). 0 when it would be entity e itself. */
static sqlite3_int64 split_target(ng_store *s, const entity *e, const char *name, char **iri,
                                  int *made)
{
    ng_type t = (ng_type)ng_type_parse(e->type);
    ng_buf key = {0};
    if (ng_buf_printf(&key, "name:%s", ng__store_fold(s, name))) return 0;
    ng_entity_view v = {.key = key.data, .name = name, .type = (int)t < 0 ? NG_TYPE_ENTITY : t};
    *iri = ng_entity_iri(s->base, &v);
    ng_buf_free(&key);
    if (!*iri) return 0;
    sqlite3_stmt *st = NULL;
    sqlite3_int64 id = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM entities WHERE iri = ?", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, *iri, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (id) return id == e->id ? 0 : id;
    sqlite3_stmt *ins = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO entities(iri, type, name, folded, lang) VALUES(?,?,?,?,?)",
                           -1, &ins, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(ins, 1, *iri, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, e->type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 3, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 4, ng__store_fold(s, name), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 5, e->lang, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(ins) == SQLITE_DONE) id = sqlite3_last_insert_rowid(s->db), *made = 1;
    sqlite3_finalize(ins);
    return id;
}

/* Move one mention (a link row) and the claims it took part in. Links stored
 * before schema 2 do not say which mention they were: their claims move only
 * when the article named the entity in no other way. */
static int move_mention(ng_store *s, sqlite3_int64 link, sqlite3_int64 article, int has_mention,
                        sqlite3_int64 mention, sqlite3_int64 from, sqlite3_int64 to)
{
    static const char *const by_mention[] = {
        "UPDATE claims SET subject_id = ?5 WHERE article_id = ?4 AND subject_mention = ?3"
        " AND subject_id = ?2",
        "UPDATE claims SET object_id = ?5 WHERE article_id = ?4 AND object_mention = ?3"
        " AND object_id = ?2",
        "UPDATE claims SET speaker_id = ?5 WHERE article_id = ?4 AND speaker_mention = ?3"
        " AND speaker_id = ?2"};
    static const char *const by_article[] = {
        "UPDATE claims SET subject_id = ?5 WHERE article_id = ?4 AND subject_id = ?2 AND NOT"
        " EXISTS (SELECT 1 FROM links WHERE article_id = ?4 AND entity_id = ?2)",
        "UPDATE claims SET object_id = ?5 WHERE article_id = ?4 AND object_id = ?2 AND NOT"
        " EXISTS (SELECT 1 FROM links WHERE article_id = ?4 AND entity_id = ?2)",
        "UPDATE claims SET speaker_id = ?5 WHERE article_id = ?4 AND speaker_id = ?2 AND NOT"
        " EXISTS (SELECT 1 FROM links WHERE article_id = ?4 AND entity_id = ?2)"};
    const sqlite3_int64 v[] = {link, from, mention, article, to};
    if (run_ids(s, "UPDATE links SET entity_id = ?5, rule = 'curated-split' WHERE rowid = ?1", v))
        return -1;
    for (int i = 0; i < 3; i++)
        if (run_ids(s, has_mention ? by_mention[i] : by_article[i], v)) return -1;
    return 0;
}

/* The mentions written name (folded f) of any row of e's cluster but `to`,
 * moved to `to`; the number moved, -1 on an error. */
static long move_mentions(ng_store *s, const entity *e, const char *f, sqlite3_int64 to)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT l.rowid, l.article_id, l.mention, l.surface, l.entity_id"
                           " FROM temp.clusters m JOIN links l ON l.entity_id = m.entity_id"
                           " WHERE m.root_id = ?1 AND l.entity_id != ?2 ORDER BY l.rowid",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, e->id);
    sqlite3_bind_int64(st, 2, to);
    long moved = 0;
    int step;
    /* collect first: the moves change the rows being read */
    sqlite3_int64(*rows)[5] = NULL;
    size_t n = 0, cap = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (strcmp(ng__store_fold(s, (const char *)sqlite3_column_text(st, 3)), f) != 0) continue;
        if (NG_GROW(rows, cap, n + 1)) break;
        rows[n][0] = sqlite3_column_int64(st, 0);
        rows[n][1] = sqlite3_column_int64(st, 1);
        rows[n][2] = sqlite3_column_type(st, 2) != SQLITE_NULL;
        rows[n][3] = sqlite3_column_int64(st, 2);
        rows[n][4] = sqlite3_column_int64(st, 4);
        n++;
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE) moved = -1;
    for (size_t i = 0; moved >= 0 && i < n; i++)
        moved = move_mention(s, rows[i][0], rows[i][1], (int)rows[i][2], rows[i][3], rows[i][4], to)
                    ? -1
                    : moved + 1;
    free(rows);
    return moved;
}

static long count_where(ng_store *s, const char *sql, const char *text, sqlite3_int64 id)
{
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, id);
        if (sqlite3_step(st) == SQLITE_ROW) n = (long)sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static int split_apply(ng_store *s, const entity *e, const char *name, const char *f, long *moved,
                       char **iri)
{
    int made = 0;
    sqlite3_int64 to = split_target(s, e, name, iri, &made);
    if (!to) return -1;
    /* a row of the cluster already named so leaves it with all its mentions */
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*) FROM temp.clusters m JOIN links l ON l.entity_id ="
                           " m.entity_id WHERE m.root_id = ? AND l.entity_id = ?",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, e->id);
        sqlite3_bind_int64(st, 2, to);
        if (sqlite3_step(st) == SQLITE_ROW) n = (long)sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    long more = n < 0 ? -1 : move_mentions(s, e, f, to);
    if (more < 0) return -1;
    n += more;
    if (moved) *moved = n;
    /* nothing to move: no node without mentions, only the rule for later */
    if (!n && made && run(s, "DELETE FROM entities WHERE id = ?4", NULL, NULL, NULL, to, 0))
        return -1;
    return run(s,
               "DELETE FROM aliases WHERE folded = ?1 AND entity_id != ?5 AND entity_id IN"
               " (SELECT entity_id FROM temp.clusters WHERE root_id = ?4)",
               f, NULL, NULL, e->id, to) ||
           ((n || !made) && run(s, "INSERT OR IGNORE INTO aliases VALUES(?4, ?1, ?2, ?3)", f, name,
                                e->lang, to, 0)) ||
           run(s, "DELETE FROM curations WHERE op = 'alias' AND folded = ?1 AND to_iri = ?2", f,
               e->iri, NULL, 0, 0) ||
           record(s, "split", name, f, e->iri, *iri);
}

int ng_store_split(ng_store *s, const char *entity_name, const char *name, long *moved, char **iri,
                   ng_error *err)
{
    entity e = {0};
    char *to_iri = NULL, *f = NULL;
    if (moved) *moved = 0;
    if (iri) *iri = NULL;
    int rc = begin(s, err);
    if (rc) return rc;
    if (!(rc = entity_and_name(s, entity_name, name, &e, &f, err))) {
        if (strcmp(f, e.folded) == 0)
            rc = ng_error_set(err, NG_EINVAL,
                              "'%s' is the canonical name of %s: split its other names off, or "
                              "merge it into another entity",
                              name, e.iri);
        else
            rc = finish(s, split_apply(s, &e, name, f, moved, &to_iri), err, "split");
    }
    if (rc) refuse(s, rc);
    if (!rc && iri)
        *iri = to_iri;
    else
        free(to_iri);
    free(f);
    entity_free(&e);
    return rc;
}

/* ---- aliases ------------------------------------------------------------------ */

int ng_store_alias_add(ng_store *s, const char *entity_name, const char *name, ng_error *err)
{
    entity e = {0};
    char *f = NULL;
    int rc = begin(s, err);
    if (rc) return rc;
    if (!(rc = entity_and_name(s, entity_name, name, &e, &f, err)))
        rc = finish(s,
                    run(s, "INSERT OR IGNORE INTO aliases VALUES(?4, ?1, ?2, ?3)", f, name, e.lang,
                        e.id, 0) ||
                        run(s,
                            "DELETE FROM curations WHERE folded = ?1 AND (op = 'alias' OR (op IN"
                            " ('split', 'unalias') AND from_iri = ?2))",
                            f, e.iri, NULL, 0, 0) ||
                        record(s, "alias", name, f, NULL, e.iri),
                    err, "alias add");
    if (rc) refuse(s, rc);
    free(f);
    entity_free(&e);
    return rc;
}

int ng_store_alias_remove(ng_store *s, const char *entity_name, const char *name, ng_error *err)
{
    entity e = {0};
    char *f = NULL;
    int rc = begin(s, err);
    if (rc) return rc;
    if ((rc = entity_and_name(s, entity_name, name, &e, &f, err))) {
        /* refused below */
    } else if (strcmp(f, e.folded) == 0) {
        rc = ng_error_set(err, NG_EINVAL,
                          "'%s' is the canonical name of %s, not an alias: use merge or split",
                          name, e.iri);
    } else if (count_where(s,
                           "SELECT count(*) FROM aliases WHERE folded = ?1 AND entity_id IN"
                           " (SELECT entity_id FROM temp.clusters WHERE root_id = ?2)",
                           f, e.id) <= 0) {
        rc = ng_error_set(err, NG_EINVAL, "%s has no alias '%s'", e.iri, name);
    } else {
        rc = finish(s,
                    run(s,
                        "DELETE FROM aliases WHERE folded = ?1 AND entity_id IN"
                        " (SELECT entity_id FROM temp.clusters WHERE root_id = ?4)",
                        f, NULL, NULL, e.id, 0) ||
                        run(s,
                            "DELETE FROM curations WHERE op = 'alias' AND folded = ?1 AND"
                            " to_iri = ?2",
                            f, e.iri, NULL, 0, 0) ||
                        record(s, "unalias", name, f, e.iri, NULL),
                    err, "alias remove");
    }
    if (rc) refuse(s, rc);
    free(f);
    entity_free(&e);
    return rc;
}

/* ---- listing ------------------------------------------------------------------ */

int ng_store_each_curation(ng_store *s, const char *iri,
                           int (*fn)(void *ud, const ng_store_curation *c), void *ud, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT op, name, from_iri, to_iri, made FROM curations WHERE ?1 IS NULL"
                           " OR from_iri = ?1 OR to_iri = ?1 ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "curations");
    if (iri) sqlite3_bind_text(st, 1, iri, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_curation c = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
            (const char *)sqlite3_column_text(st, 4)};
        if (fn(ud, &c)) break;
    }
    int bad = step != SQLITE_ROW && step != SQLITE_DONE;
    sqlite3_finalize(st);
    return bad ? ng__store_db_error(s, err, NG_EIO, "curations") : 0;
}
