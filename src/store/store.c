/* The embedded store: one SQLite file holding articles, entities, aliases,
 * linking decisions and claims, versioned by PRAGMA user_version and marked
 * as ours by PRAGMA application_id. A file that is not ours, or is damaged,
 * is refused before anything is written to it. */
#include "store_int.h"
#include "newsgraph/link.h"
#include "newsgraph/graph.h"
#include "newsgraph/newsgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NG_APPLICATION_ID 0x4E475246 /* "NGRF" */

static const char *const schema_v1 =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE articles(id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, source TEXT,"
    " title TEXT, date TEXT, lang TEXT);"
    "CREATE TABLE entities(id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
    " name TEXT NOT NULL, folded TEXT NOT NULL, lang TEXT, label_en TEXT, label_es TEXT,"
    " qid TEXT, gaz_id TEXT);"
    "CREATE INDEX entities_type ON entities(type);"
    "CREATE INDEX entities_folded ON entities(folded);"
    "CREATE TABLE aliases(entity_id INTEGER NOT NULL REFERENCES entities(id),"
    " folded TEXT NOT NULL, label TEXT NOT NULL, lang TEXT NOT NULL,"
    " UNIQUE(entity_id, label, lang));"
    "CREATE INDEX aliases_folded ON aliases(folded);"
    "CREATE TABLE links(article_id INTEGER NOT NULL REFERENCES articles(id),"
    " entity_id INTEGER NOT NULL REFERENCES entities(id), surface TEXT NOT NULL,"
    " rule TEXT NOT NULL);"
    "CREATE INDEX links_entity ON links(entity_id);"
    "CREATE TABLE claims(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL"
    " REFERENCES articles(id), subject_id INTEGER NOT NULL, property TEXT NOT NULL,"
    " object_id INTEGER NOT NULL, pattern TEXT, confidence REAL, modality TEXT,"
    " speaker_id INTEGER, sentence TEXT, char_start INTEGER, char_end INTEGER,"
    " when_kind INTEGER, when_rel INTEGER, when_value TEXT, qty_value REAL,"
    " qty_bound INTEGER, qty_unit TEXT);"
    "CREATE INDEX claims_article ON claims(article_id);"
    "CREATE INDEX claims_subject ON claims(subject_id);"
    "CREATE INDEX claims_object ON claims(object_id);";

/* Version 2: which mention of its article each link and claim came from (so
 * that split can move one mention's claims); whether a claim stands as a
 * direct triple (so that an export writes each such triple once without
 * remembering them all: ng_claim_is_direct, as SQL for older rows); and the
 * user's corrections, replayed on every later add. */
static const char *const schema_v2 =
    "ALTER TABLE links ADD COLUMN mention INTEGER;"
    "ALTER TABLE claims ADD COLUMN subject_mention INTEGER;"
    "ALTER TABLE claims ADD COLUMN object_mention INTEGER;"
    "ALTER TABLE claims ADD COLUMN speaker_mention INTEGER;"
    "ALTER TABLE claims ADD COLUMN direct INTEGER NOT NULL DEFAULT 0;"
    "UPDATE claims SET direct = modality IN ('asserted', 'reported', 'future');"
    "CREATE INDEX claims_triple ON claims(subject_id, property, object_id, direct);"
    /* lookups that scanned every stored name now use indexes: surnames and
     * acronyms through name_keys, spelling variants by their ends */
    "CREATE TABLE name_keys(kind TEXT NOT NULL, key TEXT NOT NULL,"
    " entity_id INTEGER NOT NULL REFERENCES entities(id), UNIQUE(kind, key, entity_id));"
    "CREATE INDEX entities_head ON entities(substr(folded, 1, 3), length(folded), folded, type)"
    " WHERE gaz_id IS NULL;"
    "CREATE INDEX entities_tail ON entities(substr(folded, -3), length(folded), folded, type)"
    " WHERE gaz_id IS NULL;"
    "CREATE TABLE curations(id INTEGER PRIMARY KEY, op TEXT NOT NULL"
    " CHECK(op IN ('merge','split','alias','unalias')), name TEXT, folded TEXT,"
    " from_iri TEXT, to_iri TEXT, made TEXT NOT NULL);"
    "CREATE INDEX curations_folded ON curations(folded);"
    "CREATE INDEX curations_from ON curations(from_iri);";

/* The class most links of entity ID support (ties: the first by name), or
 * Entity when none supports one. */
#define NG_VOTED_TYPE(ID)                                                                          \
    "coalesce((SELECT l.type FROM links l WHERE l.entity_id = " ID " AND l.type IS NOT NULL"       \
    " AND l.type != 'Entity' GROUP BY l.type ORDER BY count(*) DESC, l.type LIMIT 1), 'Entity')"

/* Version 3: the class each mention supported, so that an entity's class is
 * the one most of its mentions support (whatever the order articles came
 * in), and show can say so. Older links count for the class stored. */
static const char *const schema_v3 =
    "ALTER TABLE links ADD COLUMN type TEXT;"
    /* first words were keys too, which linked bare given names */
    "DELETE FROM name_keys WHERE kind = 'word';"
    "UPDATE links SET type = (SELECT e.type FROM entities e WHERE e.id = links.entity_id);";

/* Version 4: an entity row is one entity as articles name it (one row per
 * IRI, as extract names them); which rows are one is worked out by the
 * linker when the store is read, from all of them, so that the order the
 * articles came in does not matter. The keys that matched names as they
 * were added go. */
static const char *const schema_v4 = "DROP INDEX entities_head; DROP INDEX entities_tail;"
                                     " DROP TABLE name_keys;"
                                     " CREATE INDEX links_article ON links(article_id);";

/* migrations[v - 1] takes a store from version v - 1 to v */
static const char *const migrations[] = {schema_v1, schema_v2, schema_v3, schema_v4};

int ng__store_db_error(ng_store *s, ng_error *err, int code, const char *what)
{
    return ng_error_set(err, code, "store: %s: %s", what, sqlite3_errmsg(s->db));
}

int ng__store_exec(ng_store *s, const char *sql, ng_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    int rc = ng_error_set(err, NG_EIO, "store: %s", msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return rc;
}

/* Some statements (changing the journal mode) do not wait on the busy
 * handler: retry them while another process holds the lock, up to 30 s. */
static int exec_retry(ng_store *s, const char *sql, ng_error *err)
{
    for (int tries = 0; tries < 1500; tries++) {
        int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) return 0;
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        struct timespec pause = {0, 20 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    return ng__store_db_error(s, err, NG_EIO, sql);
}

static long query_long(ng_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* A file that exists must start like an SQLite database; anything else is
 * refused before SQLite opens (and might write) it. */
static int looks_like_sqlite(const char *path, int *exists)
{
    FILE *f = fopen(path, "rb");
    *exists = f != NULL;
    if (!f) return 1;
    char head[16] = {0};
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == 0 || (n == 16 && memcmp(head, "SQLite format 3", 16) == 0);
}

static int check_existing(ng_store *s, const char *path, ng_error *err)
{
    long app = query_long(s, "PRAGMA application_id");
    long version = query_long(s, "PRAGMA user_version");
    long tables = query_long(s, "SELECT count(*) FROM sqlite_master");
    if (app < 0 || tables < 0)
        return ng_error_set(err, NG_EFORMAT, "%s: unreadable database (damaged?)", path);
    if (app == 0 && tables == 0) return 1; /* an empty database: make it ours */
    if (app != NG_APPLICATION_ID)
        return ng_error_set(err, NG_EFORMAT, "%s: an SQLite database, but not a newsgraph store",
                            path);
    if (version < 1 || version > NG_STORE_SCHEMA_VERSION)
        return ng_error_set(err, NG_EFORMAT,
                            "%s: store schema %ld is not one this newsgraph reads (1 to %d)", path,
                            version, NG_STORE_SCHEMA_VERSION);
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW &&
             strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    if (!ok)
        return ng_error_set(err, NG_EFORMAT, "%s: damaged store (integrity check failed)", path);
    return 0;
}

/* Bring the schema from version `from` (0 = nothing yet) to the current one.
 * Inside the opening write transaction: nobody else migrates at the same
 * time, and a failure leaves the old version whole. */
static int migrate(ng_store *s, long from, ng_error *err)
{
    int rc = 0;
    for (long v = from; !rc && v < NG_STORE_SCHEMA_VERSION; v++)
        rc = ng__store_exec(s, migrations[v], err);
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d", NG_APPLICATION_ID,
             NG_STORE_SCHEMA_VERSION);
    return rc ? rc : ng__store_exec(s, sql, err);
}

static int create_schema(ng_store *s, const char *base, ng_error *err)
{
    int rc = migrate(s, 0, err);
    sqlite3_stmt *st = NULL;
    if (!rc &&
        (sqlite3_prepare_v2(s->db, "INSERT INTO meta VALUES('base', ?)", -1, &st, NULL) ||
         sqlite3_bind_text(st, 1, base, -1, SQLITE_TRANSIENT) || sqlite3_step(st) != SQLITE_DONE))
        rc = ng__store_db_error(s, err, NG_EIO, "cannot record the IRI base");
    sqlite3_finalize(st);
    return rc;
}

static int read_base(ng_store *s, const char *want, const char *path, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='base'", -1, &st, NULL) ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return ng_error_set(err, NG_EFORMAT, "%s: store without an IRI base", path);
    }
    const char *stored = (const char *)sqlite3_column_text(st, 0);
    if (want && strcmp(want, stored) != 0)
        rc = ng_error_set(err, NG_EINVAL, "%s: the store's IRI base is %s, not %s", path, stored,
                          want);
    else if (!(s->base = strdup(stored)))
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    sqlite3_finalize(st);
    return rc;
}

int ng_store_open(ng_store **out, const char *path, const char *base, ng_error *err)
{
    *out = NULL;
    int memory = !path || strcmp(path, ":memory:") == 0;
    int exists = 0;
    if (!memory && !looks_like_sqlite(path, &exists))
        return ng_error_set(err, NG_EFORMAT, "%s: not a newsgraph store (not an SQLite database)",
                            path);
    ng_store *s = calloc(1, sizeof *s);
    if (!s) return ng_error_set(err, NG_ENOMEM, "out of memory");
    int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
    int rc = 0;
    if (sqlite3_open_v2(memory ? ":memory:" : path, &s->db, flags, NULL) != SQLITE_OK) {
        rc = ng_error_set(err, NG_EIO, "%s: %s", memory ? ":memory:" : path,
                          s->db ? sqlite3_errmsg(s->db) : "cannot open");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 30000); /* a second writer waits for the first */
    const char *name = memory ? ":memory:" : path;
    /* Read first: a foreign or damaged file is refused before anything is
     * written to it (even the switch to WAL writes). */
    /* one snapshot for the three header reads: a store being created by
     * another process is seen either whole or not at all */
    if ((rc = exec_retry(s, "BEGIN", err))) goto fail;
    rc = check_existing(s, name, err);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc < 0) goto fail;
    if (!memory && (rc = exec_retry(s, "PRAGMA journal_mode=WAL", err))) goto fail;
    /* Check again and create under one write lock, so that two processes
     * opening a new store at once do not both create it. */
    if ((rc = exec_retry(s, "BEGIN IMMEDIATE", err))) goto fail;
    int fresh = check_existing(s, name, err);
    if (fresh < 0) {
        rc = fresh;
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    long version = fresh ? 0 : query_long(s, "PRAGMA user_version");
    if ((fresh && (rc = create_schema(s, base ? base : NG_DEFAULT_BASE, err))) ||
        (!fresh && version < NG_STORE_SCHEMA_VERSION && (rc = migrate(s, version, err))) ||
        (rc = read_base(s, fresh ? NULL : base, memory ? ":memory:" : path, err))) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    if ((rc = ng__store_exec(s, "COMMIT", err))) goto fail;
    /* SQLite's default page cache is 2 MB: a store of a few hundred MB would
     * read most index pages back from the OS at every lookup; 64 MB keeps
     * lookups cheap as the store grows, and bounds memory. Checkpointing the
     * WAL every 64 MB rather than 4 MB saves most fsyncs (a killed process
     * still loses no committed article). */
    if ((rc = ng__store_exec(s,
                             "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                             " PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384",
                             err)))
        goto fail;
    *out = s;
    return 0;
fail:
    ng_store_close(s);
    return rc;
}

void ng_store_close(ng_store *s)
{
    if (!s) return;
    sqlite3_close(s->db);
    ng_buf_free(&s->fold);
    free(s->base);
    free(s);
}

/* ---- adding ------------------------------------------------------------------ */

const char *ng__store_fold(ng_store *s, const char *text)
{
    s->fold.len = 0;
    if (ng_fold_append(&s->fold, text, strlen(text)) || !ng_buf_cstr(&s->fold)) return "";
    for (size_t i = 0; i < s->fold.len; i++) {
        unsigned char c = (unsigned char)s->fold.data[i];
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) s->fold.data[i] = ' ';
    }
    /* squeeze spaces */
    size_t w = 0;
    for (size_t i = 0; i < s->fold.len; i++)
        if (s->fold.data[i] != ' ' || (w && s->fold.data[w - 1] != ' '))
            s->fold.data[w++] = s->fold.data[i];
    while (w && s->fold.data[w - 1] == ' ')
        w--;
    s->fold.data[w] = '\0';
    s->fold.len = w;
    return s->fold.data;
}

typedef struct stmts {
    sqlite3_stmt *find_iri, *insert_entity, *vote_type, *best_name, *rename, *insert_alias,
        *insert_link, *insert_claim, *curated_alias, *merged_into, *kept_apart;
} stmts;

static void finalize_all(stmts *q)
{
    sqlite3_stmt **p = (sqlite3_stmt **)q;
    for (size_t i = 0; i < sizeof *q / sizeof *p; i++)
        sqlite3_finalize(p[i]);
}

static int prepare_all(ng_store *s, stmts *q)
{
    static const char *const sql[] = {
        "SELECT id FROM entities WHERE iri=?",
        "INSERT INTO entities(iri,type,name,folded,lang,label_en,label_es,qid,gaz_id)"
        " VALUES(?,?,?,?,?,?,?,?,?)",
        "UPDATE entities SET type=" NG_VOTED_TYPE("?1") " WHERE id=?1 AND gaz_id IS NULL",
        /* the name it is given most often, in its language (ties: the
         * smaller), as extract chooses it; mentions the user's corrections
         * brought (a merged entity's) do not rename it */
        "SELECT l.surface, coalesce(a.lang, 'es') FROM links l JOIN articles a"
        " ON a.id = l.article_id WHERE l.entity_id = ? AND l.rule NOT GLOB 'curated-*'"
        " GROUP BY l.surface, a.lang"
        " ORDER BY count(*) DESC, l.surface, a.lang LIMIT 1",
        "UPDATE entities SET name = ?2, folded = ?3, lang = ?4 WHERE id = ?1"
        " AND (name != ?2 OR lang IS NOT ?4)",
        "INSERT OR IGNORE INTO aliases VALUES(?,?,?,?)",
        "INSERT INTO links(article_id,entity_id,surface,rule,mention,type) VALUES(?,?,?,?,?,?)",
        "INSERT INTO claims(article_id,subject_id,property,object_id,pattern,confidence,"
        "modality,speaker_id,sentence,char_start,char_end,when_kind,when_rel,when_value,"
        "qty_value,qty_bound,qty_unit,subject_mention,object_mention,speaker_mention,direct)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        /* the user's corrections, newest first */
        "SELECT e.id FROM curations c JOIN entities e ON e.iri = c.to_iri"
        " WHERE c.op = 'alias' AND c.folded = ? ORDER BY c.id DESC LIMIT 1",
        "SELECT e.id FROM curations c JOIN entities e ON e.iri = c.to_iri"
        " WHERE c.op = 'merge' AND c.from_iri = ? ORDER BY c.id DESC LIMIT 1",
        "SELECT c.op, (SELECT id FROM entities WHERE iri = c.to_iri) FROM curations c"
        " JOIN entities e ON e.iri = c.from_iri WHERE c.op IN ('split', 'unalias')"
        " AND c.folded = ?1 AND e.id = ?2 ORDER BY c.id DESC LIMIT 1"};
    sqlite3_stmt **p = (sqlite3_stmt **)q;
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &p[i], NULL) != SQLITE_OK) return -1;
    return 0;
}

static sqlite3_int64 first_id(sqlite3_stmt *st)
{
    sqlite3_int64 id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return id;
}

/* Whether the user split the folded name f off entity id, or removed it from
 * it; *to (may be NULL) receives the entity a split sent it to, 0 if none. */
static int kept_apart(stmts *q, const char *f, sqlite3_int64 id, sqlite3_int64 *to)
{
    sqlite3_bind_text(q->kept_apart, 1, f, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q->kept_apart, 2, id);
    int apart = sqlite3_step(q->kept_apart) == SQLITE_ROW;
    if (to) *to = apart ? sqlite3_column_int64(q->kept_apart, 1) : 0;
    sqlite3_reset(q->kept_apart);
    return apart;
}

/* The stored entity an extracted one goes to, and why; 0 when it is new.
 * Only the user's corrections send it anywhere but the row of its own IRI:
 * a name the user made an alias goes to its entity, an IRI merged away to
 * the entity it was merged into, and a name split off an entity to the one
 * it was split into. Which rows are one entity the linker decides when the
 * store is read (ng__store_clusters). */
static sqlite3_int64 stored_entity(stmts *q, const ng_entity_view *v, const char *f,
                                   const char *iri, const char **rule)
{
    sqlite3_bind_text(q->curated_alias, 1, f, -1, SQLITE_TRANSIENT);
    sqlite3_int64 id = first_id(q->curated_alias);
    if (id)
        *rule = "curated-alias";
    else {
        sqlite3_bind_text(q->find_iri, 1, iri, -1, SQLITE_TRANSIENT);
        if ((id = first_id(q->find_iri))) *rule = v->gaz_id ? "gazetteer-id" : "same-name";
    }
    if (!id) {
        sqlite3_bind_text(q->merged_into, 1, iri, -1, SQLITE_TRANSIENT);
        if ((id = first_id(q->merged_into))) *rule = "curated-merge";
    }
    sqlite3_int64 to;
    if (id && kept_apart(q, f, id, &to) && to && to != id) {
        *rule = "curated-split";
        id = to;
    }
    return id;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* A name the user split off or removed from this entity is not re-added. */
static int add_alias(stmts *q, sqlite3_int64 id, const char *label, const char *f, const char *lang)
{
    if (kept_apart(q, f, id, NULL)) return 0;
    sqlite3_bind_int64(q->insert_alias, 1, id);
    sqlite3_bind_text(q->insert_alias, 2, f, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->insert_alias, 3, label, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->insert_alias, 4, lang, -1, SQLITE_TRANSIENT);
    return step_done(q->insert_alias);
}

/* The entity's class and name after a new mention: the ones most of its
 * mentions support, whatever order they came in. */
static int vote(ng_store *s, stmts *q, sqlite3_int64 id)
{
    sqlite3_bind_int64(q->vote_type, 1, id);
    if (step_done(q->vote_type)) return -1;
    sqlite3_bind_int64(q->best_name, 1, id);
    int step = sqlite3_step(q->best_name), rc = step == SQLITE_ROW || step == SQLITE_DONE ? 0 : -1;
    if (step == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(q->best_name, 0);
        sqlite3_bind_int64(q->rename, 1, id);
        sqlite3_bind_text(q->rename, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q->rename, 3, ng__store_fold(s, name), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q->rename, 4, (const char *)sqlite3_column_text(q->best_name, 1), -1,
                          SQLITE_TRANSIENT);
        rc = step_done(q->rename);
    }
    sqlite3_reset(q->best_name);
    return rc;
}

static sqlite3_int64 insert_entity(ng_store *s, stmts *q, const ng_entity_view *v, const char *f,
                                   const char *iri, const char *lang)
{
    sqlite3_stmt *st = q->insert_entity;
    sqlite3_bind_text(st, 1, iri, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ng_type_name(v->type), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, v->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, f, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, lang, -1, SQLITE_TRANSIENT);
    bind_opt(st, 6, v->label_en);
    bind_opt(st, 7, v->label_es);
    bind_opt(st, 8, v->qid);
    bind_opt(st, 9, v->gaz_id);
    return step_done(st) ? 0 : sqlite3_last_insert_rowid(s->db);
}

static int store_entity(ng_store *s, stmts *q, sqlite3_int64 article, size_t mention,
                        const ng_entity_view *v, const char *lang, sqlite3_int64 *out)
{
    /* the folded name, once: finding the row, a new row and its alias */
    char *iri = ng_entity_iri(s->base, v), *f = strdup(ng__store_fold(s, v->name));
    const char *rule = "new";
    sqlite3_int64 id = iri && f ? stored_entity(q, v, f, iri, &rule) : 0;
    int rc = !iri || !f ? -1 : 0;
    if (!rc && !id) rc = (id = insert_entity(s, q, v, f, iri, lang)) ? 0 : -1;
    free(iri);
    rc = rc || add_alias(q, id, v->name, f, lang);
    for (size_t k = 0; !rc && k < v->naliases; k++) {
        char *a = strdup(ng__store_fold(s, v->aliases[k]));
        rc = !a || add_alias(q, id, v->aliases[k], a, lang);
        free(a);
    }
    free(f);
    sqlite3_bind_int64(q->insert_link, 1, article);
    sqlite3_bind_int64(q->insert_link, 2, id);
    sqlite3_bind_text(q->insert_link, 3, v->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->insert_link, 4, rule, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q->insert_link, 5, (sqlite3_int64)mention);
    sqlite3_bind_text(q->insert_link, 6, ng_type_name(v->type), -1, SQLITE_STATIC);
    rc = rc || step_done(q->insert_link) || vote(s, q, id);
    *out = id;
    return rc;
}

static int store_claim(stmts *q, sqlite3_int64 article, const ng_claim *c, const sqlite3_int64 *ids)
{
    sqlite3_stmt *st = q->insert_claim;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_int64(st, 2, ids[c->subject]);
    sqlite3_bind_text(st, 3, c->property, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, ids[c->object]);
    sqlite3_bind_text(st, 5, c->pattern, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 6, c->confidence);
    sqlite3_bind_text(st, 7, ng_modality_name(c->modality), -1, SQLITE_STATIC);
    if (c->speaker >= 0)
        sqlite3_bind_int64(st, 8, ids[c->speaker]);
    else
        sqlite3_bind_null(st, 8);
    sqlite3_bind_text(st, 9, c->sentence, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 10, c->char_start);
    sqlite3_bind_int64(st, 11, c->char_end);
    sqlite3_bind_int(st, 12, c->when.kind);
    sqlite3_bind_int(st, 13, c->when.rel);
    bind_opt(st, 14, c->when.kind ? c->when.value : NULL);
    if (c->quantity.present)
        sqlite3_bind_double(st, 15, c->quantity.value);
    else
        sqlite3_bind_null(st, 15);
    sqlite3_bind_int(st, 16, c->quantity.bound);
    bind_opt(st, 17, c->quantity.unit);
    sqlite3_bind_int64(st, 18, (sqlite3_int64)c->subject);
    sqlite3_bind_int64(st, 19, (sqlite3_int64)c->object);
    if (c->speaker >= 0)
        sqlite3_bind_int64(st, 20, c->speaker);
    else
        sqlite3_bind_null(st, 20);
    sqlite3_bind_int(st, 21, ng_claim_is_direct(c));
    return step_done(st);
}

/* The stored article with this source URL, or 0; file names are not URLs
 * (two files may share a name in different folders). */
static sqlite3_int64 article_by_url(ng_store *s, const char *source)
{
    if (!source || (strncmp(source, "http://", 7) && strncmp(source, "https://", 8))) return 0;
    sqlite3_stmt *st = NULL;
    sqlite3_int64 id = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM articles WHERE source=?", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return id;
}

/* New content under a known URL: drop what the old version said, and the
 * entities only it had named, except those the user's corrections name;
 * the others it named take their class and name from the mentions left. */
static int forget_article(ng_store *s, stmts *q, sqlite3_int64 id)
{
    sqlite3_stmt *st = NULL;
    sqlite3_int64 *touched = NULL;
    size_t n = 0, cap = 0;
    int rc = sqlite3_prepare_v2(s->db, "SELECT DISTINCT entity_id FROM links WHERE article_id = ?",
                                -1, &st, NULL) != SQLITE_OK;
    if (!rc) sqlite3_bind_int64(st, 1, id);
    while (!rc && sqlite3_step(st) == SQLITE_ROW)
        if (NG_GROW(touched, cap, n + 1))
            rc = -1;
        else
            touched[n++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    char sql[200];
    snprintf(sql, sizeof sql,
             "DELETE FROM claims WHERE article_id=%lld; DELETE FROM links WHERE article_id=%lld",
             (long long)id, (long long)id);
    rc = rc || sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK;
    for (size_t i = 0; !rc && i < n; i++)
        rc = vote(s, q, touched[i]);
    free(touched);
    return rc || sqlite3_exec(s->db,
                              "CREATE TEMP TABLE doomed AS SELECT id FROM entities WHERE"
                              " id NOT IN (SELECT entity_id FROM links) AND iri NOT IN"
                              " (SELECT to_iri FROM curations WHERE to_iri IS NOT NULL UNION"
                              " SELECT from_iri FROM curations WHERE op != 'merge');"
                              "DELETE FROM aliases WHERE entity_id IN (SELECT id FROM doomed);"
                              "DELETE FROM entities WHERE id IN (SELECT id FROM doomed);"
                              "DROP TABLE doomed;",
                              NULL, NULL, NULL) != SQLITE_OK
               ? -1
               : 0;
}

static int insert_article(ng_store *s, stmts *q, const ng_document *doc, const char *lang,
                          const char *date, sqlite3_int64 *id, ng_store_result *result)
{
    sqlite3_stmt *st = NULL;
    int existed = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM articles WHERE hash=?", -1, &st, NULL)) return -1;
    sqlite3_bind_text(st, 1, ng_document_id(doc), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) existed = 1;
    sqlite3_finalize(st);
    *result = NG_STORE_UNCHANGED;
    if (existed) return 0;
    sqlite3_int64 old = article_by_url(s, ng_document_source(doc));
    if (old && forget_article(s, q, old)) return -1;
    const char *sql = old ? "UPDATE articles SET hash=?1, source=?2, title=?3, date=?4, lang=?5"
                            " WHERE id=?6"
                          : "INSERT INTO articles(hash,source,title,date,lang) VALUES(?,?,?,?,?)";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL)) return -1;
    sqlite3_bind_text(st, 1, ng_document_id(doc), -1, SQLITE_TRANSIENT);
    bind_opt(st, 2, ng_document_source(doc));
    bind_opt(st, 3, ng_document_title(doc));
    bind_opt(st, 4, date);
    bind_opt(st, 5, lang);
    if (old) sqlite3_bind_int64(st, 6, old);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    *id = old ? old : sqlite3_last_insert_rowid(s->db);
    *result = old ? NG_STORE_REPLACED : NG_STORE_ADDED;
    return rc;
}

int ng_store_add(ng_store *s, const ng_document *doc, const ng_extraction *ex,
                 ng_store_result *result, ng_error *err)
{
    stmts q = {0};
    sqlite3_int64 article = 0, *ids = NULL;
    ng_store_result res;
    int rc;
    const char *lang = ng_extraction_lang(ex);
    /* IMMEDIATE: take the write lock now, so two writers queue, not deadlock */
    if ((rc = ng__store_exec(s, "BEGIN IMMEDIATE", err))) return rc;
    size_t n = ng_extraction_entity_count(ex);
    const char *date = ng_document_date(doc) ? ng_document_date(doc) : ng_extraction_date(ex);
    if (prepare_all(s, &q)) {
        rc = ng__store_db_error(s, err, NG_EIO, "prepare");
        goto fail;
    }
    if (insert_article(s, &q, doc, lang, date, &article, &res)) {
        rc = ng__store_db_error(s, err, NG_EIO, ng_document_source(doc));
        goto fail;
    }
    if (res == NG_STORE_UNCHANGED) {
        finalize_all(&q);
        *result = res;
        return ng__store_exec(s, "COMMIT", err);
    }
    if (!(ids = calloc(n + 1, sizeof *ids))) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < n; i++)
        if (store_entity(s, &q, article, i, ng_extraction_entity(ex, i), lang, &ids[i])) {
            rc = ng__store_db_error(s, err, NG_EIO, ng_document_source(doc));
            goto fail;
        }
    for (size_t i = 0; i < ng_extraction_claim_count(ex); i++)
        if (store_claim(&q, article, ng_extraction_claim(ex, i), ids)) {
            rc = ng__store_db_error(s, err, NG_EIO, ng_document_source(doc));
            goto fail;
        }
    finalize_all(&q);
    free(ids);
    *result = res;
    s->serial++;
    return ng__store_exec(s, "COMMIT", err);
fail:
    finalize_all(&q);
    free(ids);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc ? rc : NG_EIO;
}

/* ---- reading ------------------------------------------------------------------ */

/* Every read sees one snapshot, and which of its rows are one entity
 * (temp.clusters); *own says whether the snapshot is this call's to end. */
static int snapshot_begin(ng_store *s, int *own, ng_error *err)
{
    *own = sqlite3_get_autocommit(s->db);
    int rc = *own ? ng__store_exec(s, "BEGIN", err) : 0;
    if (!rc && (rc = ng__store_clusters(s, err)) && *own)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static void snapshot_end(ng_store *s, int own)
{
    if (own) sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

/* The cluster of the row with IRI ?1, and its rows. */
#define NG_ROOT_OF_IRI                                                                             \
    "(SELECT k.root_id FROM entities x JOIN temp.clusters k ON k.entity_id = x.id"                 \
    " WHERE x.iri = ?1)"
#define NG_MEMBERS_OF(ROOT) "(SELECT m.entity_id FROM temp.clusters m WHERE m.root_id = " ROOT ")"
/* A claim c with its article a and its ends named by their clusters: su,
 * ob, sp (the speaker; NULL columns when none), clusters ks, ko, kp. */
#define NG_CLAIM_ENDS                                                                              \
    " FROM claims c JOIN temp.clusters ks ON ks.entity_id = c.subject_id"                          \
    " JOIN entities su ON su.id = ks.root_id"                                                      \
    " JOIN temp.clusters ko ON ko.entity_id = c.object_id"                                         \
    " JOIN entities ob ON ob.id = ko.root_id JOIN articles a ON a.id = c.article_id"               \
    " LEFT JOIN temp.clusters kp ON kp.entity_id = c.speaker_id"                                   \
    " LEFT JOIN entities sp ON sp.id = kp.root_id"
/* The number of articles naming any row of the cluster of row ROOT. */
#define NG_CLUSTER_ARTICLES(ROOT)                                                                  \
    "(SELECT count(DISTINCT l.article_id) FROM temp.clusters m JOIN links l"                       \
    " ON l.entity_id = m.entity_id WHERE m.root_id = " ROOT ")"

int ng_store_stats(ng_store *s, ng_store_counts *out, ng_error *err)
{
    int own, rc = snapshot_begin(s, &own, err);
    if (rc) return rc;
    out->articles = query_long(s, "SELECT count(*) FROM articles");
    out->entities = query_long(s, "SELECT count(*) FROM temp.clusters WHERE root_id = entity_id");
    out->aliases = query_long(s, "SELECT count(*) FROM aliases");
    out->claims = query_long(s, "SELECT count(*) FROM claims");
    out->links = query_long(s, "SELECT count(*) FROM links");
    if (out->articles < 0 || out->entities < 0 || out->claims < 0)
        rc = ng__store_db_error(s, err, NG_EIO, "stats");
    snapshot_end(s, own);
    return rc;
}

int ng_store_each_entity(ng_store *s, const char *type, const char *search,
                         int (*fn)(void *ud, const ng_store_entity *e), void *ud, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT r.iri, c.type, r.name, " NG_CLUSTER_ARTICLES(
        "r.id") " AS articles,"
                " (SELECT group_concat(label, '|') FROM (SELECT DISTINCT a.label FROM "
                "temp.clusters m"
                " JOIN aliases a ON a.entity_id = m.entity_id WHERE m.root_id = r.id ORDER BY "
                "a.label))"
                " FROM temp.clusters c JOIN entities r ON r.id = c.entity_id WHERE c.root_id = "
                "c.entity_id"
                " AND (?1 IS NULL OR c.type = ?1) AND (?2 IS NULL OR EXISTS (SELECT 1 FROM"
                " temp.clusters m JOIN aliases a ON a.entity_id = m.entity_id WHERE m.root_id = "
                "r.id"
                " AND instr(a.folded, ?2) > 0)) ORDER BY articles DESC, r.name, r.iri";
    int own, rc = snapshot_begin(s, &own, err);
    if (rc) return rc;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = ng__store_db_error(s, err, NG_EIO, "entities");
        snapshot_end(s, own);
        return rc;
    }
    bind_opt(st, 1, type);
    if (search)
        sqlite3_bind_text(st, 2, ng__store_fold(s, search), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 2);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_entity e = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (long)sqlite3_column_int64(st, 3),
            (const char *)sqlite3_column_text(st, 4)};
        if (!e.aliases) e.aliases = "";
        if (fn(ud, &e)) break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = ng__store_db_error(s, err, NG_EIO, "entities");
    sqlite3_finalize(st);
    snapshot_end(s, own);
    return rc;
}

/* ---- export ------------------------------------------------------------------- */

const char *ng_store_base(const ng_store *s)
{
    return s->base;
}

static ng_modality modality_from(const char *name)
{
    for (int m = NG_MOD_ASSERTED; m <= NG_MOD_PAST; m++)
        if (name && strcmp(name, ng_modality_name((ng_modality)m)) == 0) return (ng_modality)m;
    return NG_MOD_ASSERTED;
}

static int export_claims(ng_store *s, ng_writer *w, sqlite3_stmt *cl, sqlite3_int64 article,
                         ng_error *err)
{
    sqlite3_bind_int64(cl, 1, article);
    int rc = 0, step;
    while (!rc && (step = sqlite3_step(cl)) == SQLITE_ROW) {
        ng_claim_row r;
        memset(&r, 0, sizeof r);
        r.subject_iri = ng__col(cl, 0);
        r.object_iri = ng__col(cl, 1);
        r.speaker_iri = ng__col(cl, 2);
        ng_claim *c = &r.claim;
        c->property = ng__col(cl, 3);
        c->pattern = ng__col(cl, 4);
        c->confidence = sqlite3_column_double(cl, 5);
        c->modality = modality_from(ng__col(cl, 6));
        c->sentence = ng__col(cl, 7) ? ng__col(cl, 7) : "";
        c->char_start = (uint32_t)sqlite3_column_int64(cl, 8);
        c->char_end = (uint32_t)sqlite3_column_int64(cl, 9);
        c->when.kind = (ng_when_kind)sqlite3_column_int(cl, 10);
        c->when.rel = (ng_when_rel)sqlite3_column_int(cl, 11);
        if (ng__col(cl, 12)) snprintf(c->when.value, sizeof c->when.value, "%s", ng__col(cl, 12));
        c->quantity.present = sqlite3_column_type(cl, 13) != SQLITE_NULL;
        c->quantity.value = sqlite3_column_double(cl, 13);
        c->quantity.bound = (ng_bound)sqlite3_column_int(cl, 14);
        c->quantity.unit = ng__col(cl, 15);
        r.write_direct = sqlite3_column_int(cl, 16);
        rc = ng_writer_claim(w, &r, err);
    }
    if (!rc && step != SQLITE_DONE) rc = ng__store_db_error(s, err, NG_EIO, "export claims");
    sqlite3_reset(cl);
    return rc;
}

/* One row: its class and names, and as owl:sameAs the IRIs the user merged
 * into it and the entity naming its cluster (as extract writes them). */
static int export_entity(ng_store *s, ng_writer *w, sqlite3_stmt *en, sqlite3_stmt *al,
                         ng_error *err)
{
    ng_entity_row r = {ng__col(en, 1),
                       (ng_type)ng_type_parse(ng__col(en, 2)),
                       ng__col(en, 3),
                       ng__col(en, 4),
                       ng__col(en, 5),
                       ng__col(en, 6),
                       ng__col(en, 7),
                       NULL,
                       NULL,
                       0,
                       NULL};
    if ((int)r.type < 0) r.type = NG_TYPE_ENTITY;
    const char *merged = ng__col(en, 8), *root = ng__col(en, 9);
    const char **alts = NULL, **langs = NULL;
    size_t n = 0, cap = 0, lcap = 0;
    int rc = 0, step;
    sqlite3_bind_int64(al, 1, sqlite3_column_int64(en, 0));
    while ((step = sqlite3_step(al)) == SQLITE_ROW) {
        if (NG_GROW(alts, cap, n + 1) || NG_GROW(langs, lcap, n + 1) ||
            !(alts[n] = strdup(ng__col(al, 0)))) {
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
            break;
        }
        langs[n++] = strcmp(ng__col(al, 1), "en") == 0 ? "en" : "es";
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = ng__store_db_error(s, err, NG_EIO, "aliases");
    r.alts = alts;
    r.alt_langs = langs;
    r.nalts = n;
    ng_buf same = {0};
    if (!rc && (merged || root) &&
        (ng_buf_printf(&same, "%s%s%s", merged ? merged : "", merged && root ? " " : "",
                       root ? root : "") ||
         !ng_buf_cstr(&same)))
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    r.same_as = same.data;
    if (!rc) rc = ng_writer_entity(w, &r, err);
    ng_buf_free(&same);
    sqlite3_reset(al);
    for (size_t i = 0; i < n; i++)
        free((char *)alts[i]);
    free(alts);
    free(langs);
    return rc;
}

int ng_store_export(ng_store *s, ng_writer *w, ng_error *err)
{
    sqlite3_stmt *ar = NULL, *cl = NULL, *en = NULL, *al = NULL;
    int rc = 0, step, own;
    /* rows are read in order: a small cache does, and memory stays low */
    if ((rc = ng__store_exec(s, "PRAGMA cache_size=-8192", err))) return rc;
    /* one read snapshot for the whole export: a concurrent add is not half seen */
    if ((rc = snapshot_begin(s, &own, err))) return rc;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, hash, title, source, date, lang FROM articles"
                           " ORDER BY hash",
                           -1, &ar, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT su.iri, ob.iri, sp.iri, c.property, c.pattern, c.confidence,"
                           " c.modality, c.sentence, c.char_start, c.char_end, c.when_kind,"
                           " c.when_rel, c.when_value, c.qty_value, c.qty_bound, c.qty_unit,"
                           /* the direct triple goes with the first claim that makes it in
                            * export order, whatever order the articles were added in */
                           " c.direct AND NOT EXISTS (SELECT 1 FROM claims d"
                           " INDEXED BY claims_triple JOIN articles da ON da.id = d.article_id"
                           " WHERE d.subject_id = c.subject_id AND d.property = c.property AND"
                           " d.object_id = c.object_id AND d.direct AND (da.hash < ?2 OR"
                           " (d.article_id = c.article_id AND d.id < c.id)))"
                           " FROM claims c JOIN entities su ON su.id = c.subject_id"
                           " JOIN entities ob ON ob.id = c.object_id"
                           " LEFT JOIN entities sp ON sp.id = c.speaker_id"
                           " WHERE c.article_id = ?1 ORDER BY c.id",
                           -1, &cl, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT e.id, e.iri, e.type, e.name, e.lang, e.label_en, e.label_es,"
                           " e.qid, (SELECT group_concat(from_iri, ' ') FROM curations c"
                           " WHERE c.op = 'merge' AND c.to_iri = e.iri ORDER BY c.id),"
                           " nullif(r.iri, e.iri) FROM entities e JOIN temp.clusters k"
                           " ON k.entity_id = e.id JOIN entities r ON r.id = k.root_id"
                           " ORDER BY e.iri",
                           -1, &en, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT label, lang FROM aliases WHERE entity_id = ?"
                           " ORDER BY label, lang",
                           -1, &al, NULL)) {
        rc = ng__store_db_error(s, err, NG_EIO, "export");
        goto done;
    }
    while (!rc && (step = sqlite3_step(ar)) == SQLITE_ROW) {
        ng_article_row a = {ng__col(ar, 1), ng__col(ar, 2), ng__col(ar, 3), ng__col(ar, 4),
                            ng__col(ar, 5) ? ng__col(ar, 5) : "es"};
        rc = ng_writer_begin_article(w, &a, err);
        sqlite3_bind_text(cl, 2, ng__col(ar, 1), -1, SQLITE_TRANSIENT);
        if (!rc) rc = export_claims(s, w, cl, sqlite3_column_int64(ar, 0), err);
        int rc2 = ng_writer_end_article(w, err);
        if (!rc) rc = rc2;
    }
    while (!rc && (step = sqlite3_step(en)) == SQLITE_ROW)
        rc = export_entity(s, w, en, al, err);
    if (!rc) rc = ng_writer_finish(w, err);
done:
    sqlite3_finalize(ar);
    sqlite3_finalize(cl);
    sqlite3_finalize(en);
    sqlite3_finalize(al);
    snapshot_end(s, own);
    sqlite3_exec(s->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
    return rc;
}

/* ---- diagrams ------------------------------------------------------------------ */

static void read_end(sqlite3_stmt *st, int at, ng_store_end *e)
{
    e->iri = ng__col(st, at);
    e->type = ng__col(st, at + 1);
    e->name = ng__col(st, at + 2);
    e->label_en = ng__col(st, at + 3);
    e->label_es = ng__col(st, at + 4);
    e->articles = (long)sqlite3_column_int64(st, at + 5);
}

int ng_store_each_relation(ng_store *s, const ng_store_relation_filter *f,
                           int (*fn)(void *ud, const ng_store_relation *r), void *ud, ng_error *err)
{
    /* each end is the entity naming its cluster */
#define END(t, k)                                                                                  \
    " " t ".iri, " k ".type, " t ".name, " t ".label_en, " t                                       \
    ".label_es, " NG_CLUSTER_ARTICLES(t ".id") ","
    /* a claim's date is a period (a year, a month, a day): keep those that
     * overlap [since, until] */
    const char *sql = "SELECT" END("su", "ks") END(
        "ob", "ko") " c.property, c.confidence, c.when_value,"
                    " coalesce(a.title, a.source), c.sentence, sp.name" NG_CLAIM_ENDS
                    " WHERE c.direct AND c.confidence >= ?3"
                    " AND (?1 IS NULL AND ?2 IS NULL OR (c.when_value GLOB '[0-9][0-9][0-9][0-9]*'"
                    "  AND (?1 IS NULL OR CASE length(c.when_value) WHEN 4 THEN c.when_value ||"
                    " '-12-31' WHEN 7 THEN c.when_value || '-31' ELSE c.when_value END >= ?1)"
                    "  AND (?2 IS NULL OR CASE length(c.when_value) WHEN 4 THEN c.when_value ||"
                    " '-01-01' WHEN 7 THEN c.when_value || '-01' ELSE c.when_value END <= ?2)))"
                    " AND (?4 IS NULL OR a.hash = ?4 OR (length(?4) >= 6 AND substr(a.hash, 1, "
                    "length(?4))"
                    " = ?4) OR a.source = ?4 OR a.title = ?4 OR ?5 || 'article/' || a.hash = ?4)"
                    " ORDER BY c.id";
#undef END
    sqlite3_stmt *st = NULL;
    int own, rc = snapshot_begin(s, &own, err);
    if (rc) return rc;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = ng__store_db_error(s, err, NG_EIO, "relations");
        snapshot_end(s, own);
        return rc;
    }
    bind_opt(st, 1, f ? f->since : NULL);
    bind_opt(st, 2, f ? f->until : NULL);
    sqlite3_bind_double(st, 3, f ? f->min_confidence : 0.0);
    bind_opt(st, 4, f ? f->article : NULL);
    sqlite3_bind_text(st, 5, s->base, -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_relation r;
        read_end(st, 0, &r.subject);
        read_end(st, 6, &r.object);
        r.property = ng__col(st, 12);
        r.confidence = sqlite3_column_double(st, 13);
        r.when = ng__col(st, 14);
        r.article_title = ng__col(st, 15);
        r.sentence = ng__col(st, 16);
        r.speaker = ng__col(st, 17);
        if (fn(ud, &r)) break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = ng__store_db_error(s, err, NG_EIO, "relations");
    sqlite3_finalize(st);
    snapshot_end(s, own);
    return rc;
}

/* ---- the lexicon's gaps --------------------------------------------------------- */

int ng_store_each_unmapped_verb(ng_store *s, size_t limit,
                                int (*fn)(void *ud, const ng_store_verb *v), void *ud,
                                ng_error *err)
{
    /* a claim one of whose ends coreference gave ("verb:firmar con+coref:pronoun")
     * counts for its verb */
#define VERB_OF(p)                                                                                 \
    "(CASE WHEN instr(" p ", '+') > 0 THEN substr(" p ", 1, instr(" p ", '+') - 1)"                \
    " ELSE " p " END)"
    const char *sql = "SELECT " VERB_OF(
        "c.pattern") " AS verb, count(*), count(DISTINCT c.article_id),"
                     " (SELECT d.sentence FROM claims d WHERE d.property = ?1 AND"
                     " " VERB_OF("d.pattern") " = " VERB_OF(
                         "c.pattern") " ORDER BY d.id LIMIT 1)"
                                      " FROM claims c WHERE c.property = ?1 GROUP BY verb"
                                      " ORDER BY 2 DESC, 1 LIMIT ?2";
#undef VERB_OF
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "verbs");
    sqlite3_bind_text(st, 1, NG_UNMAPPED_PROPERTY, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
    int step, rc = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_verb v = {ng__col(st, 0), (long)sqlite3_column_int64(st, 1),
                           (long)sqlite3_column_int64(st, 2), ng__col(st, 3)};
        if (!v.pattern) continue;
        if (!v.example) v.example = "";
        if (fn(ud, &v)) break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) rc = ng__store_db_error(s, err, NG_EIO, "verbs");
    sqlite3_finalize(st);
    return rc;
}

/* ---- show --------------------------------------------------------------------- */

int ng_store_find(ng_store *s, const char *name, char **iri, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    *iri = NULL;
    /* the entity naming the cluster of a row with that IRI, name or alias */
    const char *sql = "SELECT r.iri FROM entities e JOIN temp.clusters k ON k.entity_id = e.id"
                      " JOIN entities r ON r.id = k.root_id WHERE e.iri = ?1 OR e.id IN"
                      " (SELECT entity_id FROM aliases WHERE folded = ?2) OR e.iri IN"
                      " (SELECT to_iri FROM curations WHERE op = 'merge' AND from_iri = ?1)"
                      " GROUP BY r.id ORDER BY max(e.iri = ?1) DESC, " NG_CLUSTER_ARTICLES(
                          "r.id") " DESC,"
                                  " r.iri LIMIT 1";
    int own, rc = snapshot_begin(s, &own, err);
    if (rc) return rc;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = ng__store_db_error(s, err, NG_EIO, "find");
        snapshot_end(s, own);
        return rc;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ng__store_fold(s, name), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        if (!(*iri = strdup(ng__col(st, 0)))) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    } else {
        rc = ng_error_set(err, NG_EINVAL, "no entity named '%s' in the store", name);
    }
    sqlite3_finalize(st);
    snapshot_end(s, own);
    return rc;
}

/* Run a query about the entity with IRI ?1 (bound here), calling row for
 * each result row. */
static int each_row(ng_store *s, const char *sql, const char *iri, const char *what,
                    int (*row)(sqlite3_stmt *st, void *ud), void *ud, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    int own, rc = snapshot_begin(s, &own, err);
    if (rc) return rc;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = ng__store_db_error(s, err, NG_EIO, what);
        snapshot_end(s, own);
        return rc;
    }
    sqlite3_bind_text(st, 1, iri, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if (row(st, ud)) break;
    if (step != SQLITE_ROW && step != SQLITE_DONE) rc = ng__store_db_error(s, err, NG_EIO, what);
    sqlite3_finalize(st);
    snapshot_end(s, own);
    return rc;
}

typedef struct claim_cb {
    int (*fn)(void *ud, const ng_store_claim *c);
    void *ud;
} claim_cb;

static int claim_row(sqlite3_stmt *st, void *ud)
{
    const claim_cb *cb = ud;
    ng_store_claim c = {ng__col(st, 0), ng__col(st, 1), ng__col(st, 2),
                        ng__col(st, 3), ng__col(st, 4), ng__col(st, 5),
                        ng__col(st, 6), ng__col(st, 7), ng__col(st, 8)};
    return cb->fn(cb->ud, &c);
}

int ng_store_each_claim(ng_store *s, const char *iri, int (*fn)(void *ud, const ng_store_claim *c),
                        void *ud, ng_error *err)
{
    /* claims about any row of the entity's cluster, its ends named by theirs */
    const char *sql =
        "SELECT su.name, c.property, ob.name, coalesce(a.title, a.source), c.sentence,"
        " sp.name, c.pattern, c.modality, c.when_value" NG_CLAIM_ENDS
        " WHERE c.subject_id IN " NG_MEMBERS_OF(NG_ROOT_OF_IRI) " OR c.object_id IN " NG_MEMBERS_OF(
            NG_ROOT_OF_IRI) " ORDER BY c.id";
    claim_cb cb = {fn, ud};
    return each_row(s, sql, iri, "claims", claim_row, &cb, err);
}

typedef struct link_cb {
    int (*fn)(void *ud, const ng_store_link *l);
    void *ud;
} link_cb;

static int link_row(sqlite3_stmt *st, void *ud)
{
    const link_cb *cb = ud;
    ng_store_link l = {ng__col(st, 0), ng__col(st, 1), ng__col(st, 2), ng__col(st, 3)};
    return cb->fn(cb->ud, &l);
}

int ng_store_each_link(ng_store *s, const char *iri, int (*fn)(void *ud, const ng_store_link *l),
                       void *ud, ng_error *err)
{
    /* a row the linker joined to the cluster says by which rule; the user's
     * corrections say so themselves */
    const char *sql = "SELECT coalesce(a.title, a.source), l.surface, CASE WHEN m.rule IS NULL OR"
                      " l.rule GLOB 'curated-*' THEN l.rule ELSE m.rule END, l.type"
                      " FROM temp.clusters m JOIN links l ON l.entity_id = m.entity_id"
                      " JOIN articles a ON a.id = l.article_id WHERE m.root_id = " NG_ROOT_OF_IRI
                      " ORDER BY l.rowid";
    link_cb cb = {fn, ud};
    return each_row(s, sql, iri, "links", link_row, &cb, err);
}
