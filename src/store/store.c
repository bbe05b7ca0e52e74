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

/* migrations[v - 1] takes a store from version v - 1 to v */
static const char *const migrations[] = {schema_v1, schema_v2, schema_v3};

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
/* name_keys of the entities stored before schema 2, and again at 3 */
static int fill_name_keys(ng_store *s, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT id, folded FROM entities", -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "migration");
    int rc = 0, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = ng__store_add_name_keys(s, NULL, sqlite3_column_int64(st, 0),
                                     (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    return rc || step != SQLITE_DONE ? ng__store_db_error(s, err, NG_EIO, "migration") : 0;
}

static int migrate(ng_store *s, long from, ng_error *err)
{
    int rc = 0;
    for (long v = from; !rc && v < NG_STORE_SCHEMA_VERSION; v++) {
        rc = ng__store_exec(s, migrations[v], err);
        if (!rc && (v + 1 == 2 || v + 1 == 3)) rc = fill_name_keys(s, err);
    }
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
    sqlite3_stmt *find_iri, *find_alias, *by_key, *insert_entity, *touch_entity, *insert_alias,
        *insert_link, *insert_claim, *find_similar, *curated_alias, *merged_into, *kept_apart,
        *insert_key;
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
        "SELECT DISTINCT e.id, e.type FROM aliases a JOIN entities e ON e.id=a.entity_id"
        " WHERE a.folded=?",
        "SELECT DISTINCT e.id FROM name_keys k CROSS JOIN entities e ON e.id = k.entity_id"
        " WHERE k.kind = ?1 AND k.key = ?2 AND e.type = ?3",
        "INSERT INTO entities(iri,type,name,folded,lang,label_en,label_es,qid,gaz_id)"
        " VALUES(?,?,?,?,?,?,?,?,?)",
        "UPDATE entities SET type=" NG_VOTED_TYPE("?1") " WHERE id=?1 AND gaz_id IS NULL",
        "INSERT OR IGNORE INTO aliases VALUES(?,?,?,?)",
        "INSERT INTO links(article_id,entity_id,surface,rule,mention,type) VALUES(?,?,?,?,?,?)",
        "INSERT INTO claims(article_id,subject_id,property,object_id,pattern,confidence,"
        "modality,speaker_id,sentence,char_start,char_end,when_kind,when_rel,when_value,"
        "qty_value,qty_bound,qty_unit,subject_mention,object_mention,speaker_mention,direct)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        /* candidates share the first or the last three letters (indexed) */
        "SELECT id, folded, type FROM entities WHERE gaz_id IS NULL AND substr(folded, 1, 3) = ?1"
        " AND length(folded) BETWEEN ?3 AND ?4 UNION SELECT id, folded, type FROM entities"
        " WHERE gaz_id IS NULL AND substr(folded, -3) = ?2 AND length(folded) BETWEEN ?3 AND ?4",
        /* the user's corrections, newest first */
        "SELECT e.id FROM curations c JOIN entities e ON e.iri = c.to_iri"
        " WHERE c.op = 'alias' AND c.folded = ? ORDER BY c.id DESC LIMIT 1",
        "SELECT e.id FROM curations c JOIN entities e ON e.iri = c.to_iri"
        " WHERE c.op = 'merge' AND c.from_iri = ? ORDER BY c.id DESC LIMIT 1",
        "SELECT c.op, (SELECT id FROM entities WHERE iri = c.to_iri) FROM curations c"
        " JOIN entities e ON e.iri = c.from_iri WHERE c.op IN ('split', 'unalias')"
        " AND c.folded = ?1 AND e.id = ?2 ORDER BY c.id DESC LIMIT 1",
        "INSERT OR IGNORE INTO name_keys VALUES(?, ?, ?)"};
    sqlite3_stmt **p = (sqlite3_stmt **)q;
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &p[i], NULL) != SQLITE_OK) return -1;
    return 0;
}

static int compatible(const char *stored, ng_type t);

/* Keys of a name of several words: its surnames as the linker reads them
 * (the last word; for three words or more also the last two: "rodriguez
 * zapatero") and its initials. Never the first word: a bare given name
 * links nobody. */
int ng__store_add_name_keys(ng_store *s, sqlite3_stmt *insert, sqlite3_int64 id, const char *folded)
{
    const char *space = strchr(folded, ' ');
    if (!space) return 0;
    const char *last = strrchr(folded, ' ') + 1, *two = "";
    if (last - 1 > space) {
        two = last - 1;
        while (two > folded && two[-1] != ' ')
            two--;
    }
    char init[16];
    ng_link_initials(folded, init, sizeof init);
    const char *keys[][2] = {{"surname", last}, {"surname", two}, {"initials", init}};
    sqlite3_stmt *st = insert;
    if (!st && sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO name_keys VALUES(?, ?, ?)", -1, &st,
                                  NULL) != SQLITE_OK)
        return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof keys / sizeof *keys; i++) {
        if (!*keys[i][1]) continue;
        sqlite3_bind_text(st, 1, keys[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, keys[i][1], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, id);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(st);
    }
    if (st != insert) sqlite3_finalize(st);
    return rc;
}

/* One entity found by a name key ("surname" or "initials") among the stored
 * entities of one class: its id, 0 for none; *found counts the matches. */
static sqlite3_int64 by_name_key(sqlite3_stmt *st, const char *kind, const char *key,
                                 const char *type, int *found)
{
    sqlite3_int64 id = 0;
    *found = 0;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0), (*found)++;
    sqlite3_reset(st);
    return id;
}

/* An acronym ("CNE") against the stored organisations whose words it spells;
 * one match only. */
static sqlite3_int64 acronym_entity(stmts *q, const char *f)
{
    size_t n = strlen(f);
    if (n < 2 || n > 8 || strchr(f, ' ')) return 0;
    int found;
    sqlite3_int64 id = by_name_key(q->by_key, "initials", f, "Organization", &found);
    return found == 1 ? id : 0;
}

/* Spelling variants of one transliterated name ("Zelenski", "Zelensky",
 * "Zelenskyy"; "Pionyang", "Pyongyang"): the same first or last three
 * letters, similarity 1 - distance/length at least NG_SPELLING_SIMILARITY.
 * Returns the one match, 0 for none; *ambiguous is set when two stored
 * entities fit equally well. */
#define NG_SPELLING_SIMILARITY 0.85
static sqlite3_int64 similar_entity(stmts *q, const char *f, ng_type t, int *ambiguous)
{
    size_t n = strlen(f);
    *ambiguous = 0;
    if (n < 6) return 0;
    sqlite3_bind_text(q->find_similar, 1, f, 3, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->find_similar, 2, f + n - 3, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q->find_similar, 3, (int)n - 2);
    sqlite3_bind_int(q->find_similar, 4, (int)n + 2);
    sqlite3_int64 best = 0;
    double best_sim = 0;
    while (sqlite3_step(q->find_similar) == SQLITE_ROW) {
        const char *g = (const char *)sqlite3_column_text(q->find_similar, 1);
        if (!compatible((const char *)sqlite3_column_text(q->find_similar, 2), t)) continue;
        size_t len = n > strlen(g) ? n : strlen(g);
        double sim = 1.0 - (double)ng_link_edit_distance(f, g) / (double)len;
        if (sim < NG_SPELLING_SIMILARITY) continue;
        if (sim > best_sim) {
            best_sim = sim;
            best = sqlite3_column_int64(q->find_similar, 0);
            *ambiguous = 0;
        } else if (sim == best_sim) {
            *ambiguous = 1;
        }
    }
    sqlite3_reset(q->find_similar);
    return *ambiguous ? 0 : best;
}

static int compatible(const char *stored, ng_type t)
{
    return t == NG_TYPE_ENTITY || strcmp(stored, "Entity") == 0 ||
           strcmp(stored, ng_type_name(t)) == 0;
}

static sqlite3_int64 first_id(sqlite3_stmt *st)
{
    sqlite3_int64 id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return id;
}

/* The matching rules, without the user's corrections. */
static sqlite3_int64 match_entity(stmts *q, const ng_entity_view *v, const char *f,
                                  const char **rule)
{
    sqlite3_int64 id = 0;
    int found = 0;
    sqlite3_bind_text(q->find_alias, 1, f, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(q->find_alias) == SQLITE_ROW)
        if (compatible((const char *)sqlite3_column_text(q->find_alias, 1), v->type))
            id = sqlite3_column_int64(q->find_alias, 0), found++;
    sqlite3_reset(q->find_alias);
    if (found == 1) {
        *rule = "alias";
        return id;
    }
    id = 0;
    found = 0;
    const char *sp = strchr(f, ' ');
    if ((v->type == NG_TYPE_PERSON || v->type == NG_TYPE_ENTITY) && *f &&
        (!sp || !strchr(sp + 1, ' '))) {
        id = by_name_key(q->by_key, "surname", f, "Person", &found);
        if (found == 1) {
            *rule = "surname";
            return id;
        }
    }
    if ((v->type == NG_TYPE_ORGANIZATION || v->type == NG_TYPE_ENTITY) &&
        (id = acronym_entity(q, f))) {
        *rule = "acronym";
        return id;
    }
    int ambiguous;
    id = similar_entity(q, f, v->type, &ambiguous);
    if (id) {
        *rule = "similar-spelling";
        return id;
    }
    /* two equally good candidates: keep a new node, and say why */
    if (ambiguous || found > 1) *rule = "new-ambiguous";
    return 0;
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

/* A name the user split off an entity, or removed from it, never links to it
 * again: a split sends it to the entity it was split into; a removed alias
 * makes a new node, except where the name is the entity's own IRI (one IRI
 * cannot name two nodes). */
static sqlite3_int64 respect_corrections(stmts *q, const char *f, sqlite3_int64 id, int by_iri,
                                         const char **rule)
{
    sqlite3_int64 to;
    if (!kept_apart(q, f, id, &to)) return id;
    if (to && to != id) {
        *rule = "curated-split";
        return to;
    }
    if (by_iri) return id;
    *rule = "curated-apart";
    return 0;
}

/* The stored entity one extracted entity is, and the rule that says so;
 * 0 when it is new. The user's corrections come first; two equally good
 * candidates are no match. */
static sqlite3_int64 link_entity(stmts *q, const ng_entity_view *v, const char *f, const char *iri,
                                 const char **rule)
{
    sqlite3_bind_text(q->curated_alias, 1, f, -1, SQLITE_TRANSIENT);
    sqlite3_int64 id = first_id(q->curated_alias);
    if (id) {
        *rule = "curated-alias";
        return id;
    }
    sqlite3_bind_text(q->find_iri, 1, iri, -1, SQLITE_TRANSIENT);
    if ((id = first_id(q->find_iri))) {
        *rule = v->gaz_id ? "gazetteer-id" : "same-name";
        return respect_corrections(q, f, id, 1, rule);
    }
    sqlite3_bind_text(q->merged_into, 1, iri, -1, SQLITE_TRANSIENT);
    if ((id = first_id(q->merged_into))) {
        *rule = "curated-merge";
        return respect_corrections(q, f, id, 1, rule);
    }
    if (v->gaz_id) return 0; /* known entities are named by their id only */
    id = match_entity(q, v, f, rule);
    return id ? respect_corrections(q, f, id, 0, rule) : 0;
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

/* Whether folded alias a is the first word of folded name n of several
 * words: a given name, which names nobody across articles. */
static int first_word_of(const char *a, const char *n)
{
    size_t k = strlen(a);
    return k && !strchr(a, ' ') && strncmp(n, a, k) == 0 && n[k] == ' ';
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

static int store_entity(ng_store *s, stmts *q, sqlite3_int64 article, size_t mention,
                        const ng_entity_view *v, const char *lang, sqlite3_int64 *out)
{
    /* the folded name, once: linking, the new row, its keys and its alias */
    char *iri = ng_entity_iri(s->base, v), *f = strdup(ng__store_fold(s, v->name));
    if (!iri || !f) {
        free(iri);
        free(f);
        return -1;
    }
    const char *rule = "new";
    sqlite3_int64 id = link_entity(q, v, f, iri, &rule);
    int rc = 0;
    if (!id) {
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
        rc = step_done(st);
        id = sqlite3_last_insert_rowid(s->db);
        rc = rc || ng__store_add_name_keys(s, q->insert_key, id, f);
    }
    free(iri);
    rc = rc || add_alias(q, id, v->name, f, lang);
    for (size_t k = 0; !rc && k < v->naliases; k++) {
        char *a = strdup(ng__store_fold(s, v->aliases[k]));
        if (!a)
            rc = -1;
        else if (!first_word_of(a, f))
            rc = add_alias(q, id, v->aliases[k], a, lang);
        free(a);
    }
    free(f);
    sqlite3_bind_int64(q->insert_link, 1, article);
    sqlite3_bind_int64(q->insert_link, 2, id);
    sqlite3_bind_text(q->insert_link, 3, v->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->insert_link, 4, rule, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q->insert_link, 5, (sqlite3_int64)mention);
    sqlite3_bind_text(q->insert_link, 6, ng_type_name(v->type), -1, SQLITE_STATIC);
    rc = rc || step_done(q->insert_link);
    /* the class most of its mentions support */
    sqlite3_bind_int64(q->touch_entity, 1, id);
    rc = rc || step_done(q->touch_entity);
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
 * entities only it had named, except those the user's corrections name. */
static int forget_article(ng_store *s, sqlite3_int64 id)
{
    char sql[1400];
    snprintf(sql, sizeof sql,
             "CREATE TEMP TABLE touched AS SELECT DISTINCT entity_id AS id FROM links"
             " WHERE article_id=%lld;"
             "DELETE FROM claims WHERE article_id=%lld; DELETE FROM links WHERE article_id=%lld;"
             "UPDATE entities SET type=" NG_VOTED_TYPE(
                 "entities.id") " WHERE gaz_id IS NULL AND"
                                " id IN (SELECT id FROM touched); DROP TABLE touched;"
                                "CREATE TEMP TABLE doomed AS SELECT id FROM entities WHERE"
                                " id NOT IN (SELECT entity_id FROM links) AND iri NOT IN"
                                " (SELECT to_iri FROM curations WHERE to_iri IS NOT NULL UNION"
                                " SELECT from_iri FROM curations WHERE op != 'merge');"
                                "DELETE FROM aliases WHERE entity_id IN (SELECT id FROM doomed);"
                                "DELETE FROM name_keys WHERE entity_id IN (SELECT id FROM doomed);"
                                "DELETE FROM entities WHERE id IN (SELECT id FROM doomed); DROP "
                                "TABLE doomed;",
             (long long)id, (long long)id, (long long)id);
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int insert_article(ng_store *s, const ng_document *doc, const char *lang, const char *date,
                          sqlite3_int64 *id, ng_store_result *result)
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
    if (old && forget_article(s, old)) return -1;
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
    if (insert_article(s, doc, lang, date, &article, &res)) {
        rc = ng__store_db_error(s, err, NG_EIO, ng_document_source(doc));
        goto fail;
    }
    if (res == NG_STORE_UNCHANGED) {
        *result = res;
        return ng__store_exec(s, "COMMIT", err);
    }
    ids = calloc(n + 1, sizeof *ids);
    if (!ids || prepare_all(s, &q)) {
        rc = ids ? ng__store_db_error(s, err, NG_EIO, "prepare")
                 : ng_error_set(err, NG_ENOMEM, "oom");
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
    return ng__store_exec(s, "COMMIT", err);
fail:
    finalize_all(&q);
    free(ids);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc ? rc : NG_EIO;
}

/* ---- reading ------------------------------------------------------------------ */

int ng_store_stats(ng_store *s, ng_store_counts *out, ng_error *err)
{
    out->articles = query_long(s, "SELECT count(*) FROM articles");
    out->entities = query_long(s, "SELECT count(*) FROM entities");
    out->aliases = query_long(s, "SELECT count(*) FROM aliases");
    out->claims = query_long(s, "SELECT count(*) FROM claims");
    out->links = query_long(s, "SELECT count(*) FROM links");
    if (out->articles < 0 || out->entities < 0 || out->claims < 0)
        return ng__store_db_error(s, err, NG_EIO, "stats");
    return 0;
}

int ng_store_each_entity(ng_store *s, const char *type, const char *search,
                         int (*fn)(void *ud, const ng_store_entity *e), void *ud, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql =
        "SELECT iri, type, name,"
        " (SELECT count(DISTINCT article_id) FROM links l WHERE l.entity_id = e.id) AS articles,"
        " (SELECT group_concat(label, '|') FROM aliases a WHERE a.entity_id = e.id)"
        " FROM entities e WHERE (?1 IS NULL OR type = ?1) AND (?2 IS NULL OR EXISTS"
        " (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND instr(a.folded, ?2) > 0))"
        " ORDER BY articles DESC, name";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "entities");
    bind_opt(st, 1, type);
    if (search)
        sqlite3_bind_text(st, 2, ng__store_fold(s, search), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 2);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_entity e = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (long)sqlite3_column_int64(st, 3),
            (const char *)sqlite3_column_text(st, 4)};
        if (!e.aliases) e.aliases = "";
        if (fn(ud, &e)) break;
    }
    int bad = rc != SQLITE_ROW && rc != SQLITE_DONE;
    sqlite3_finalize(st);
    return bad ? ng__store_db_error(s, err, NG_EIO, "entities") : 0;
}

/* ---- export ------------------------------------------------------------------- */

const char *ng_store_base(const ng_store *s)
{
    return s->base;
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static ng_modality modality_from(const char *name)
{
    for (int m = NG_MOD_ASSERTED; m <= NG_MOD_HEDGED; m++)
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
        r.subject_iri = col(cl, 0);
        r.object_iri = col(cl, 1);
        r.speaker_iri = col(cl, 2);
        ng_claim *c = &r.claim;
        c->property = col(cl, 3);
        c->pattern = col(cl, 4);
        c->confidence = sqlite3_column_double(cl, 5);
        c->modality = modality_from(col(cl, 6));
        c->sentence = col(cl, 7) ? col(cl, 7) : "";
        c->char_start = (uint32_t)sqlite3_column_int64(cl, 8);
        c->char_end = (uint32_t)sqlite3_column_int64(cl, 9);
        c->when.kind = (ng_when_kind)sqlite3_column_int(cl, 10);
        c->when.rel = (ng_when_rel)sqlite3_column_int(cl, 11);
        if (col(cl, 12)) snprintf(c->when.value, sizeof c->when.value, "%s", col(cl, 12));
        c->quantity.present = sqlite3_column_type(cl, 13) != SQLITE_NULL;
        c->quantity.value = sqlite3_column_double(cl, 13);
        c->quantity.bound = (ng_bound)sqlite3_column_int(cl, 14);
        c->quantity.unit = col(cl, 15);
        r.write_direct = sqlite3_column_int(cl, 16);
        rc = ng_writer_claim(w, &r, err);
    }
    if (!rc && step != SQLITE_DONE) rc = ng__store_db_error(s, err, NG_EIO, "export claims");
    sqlite3_reset(cl);
    return rc;
}

static int export_entity(ng_store *s, ng_writer *w, sqlite3_stmt *en, sqlite3_stmt *al,
                         const char *linked_to, ng_error *err)
{
    ng_entity_row r = {col(en, 1), (ng_type)ng_type_parse(col(en, 2)),
                       col(en, 3), col(en, 4),
                       col(en, 5), col(en, 6),
                       col(en, 7), NULL,
                       NULL,       0,
                       col(en, 8)};
    if ((int)r.type < 0) r.type = NG_TYPE_ENTITY;
    /* alternative labels: every alias but the labels themselves */
    const char **alts = NULL, **langs = NULL;
    size_t n = 0, cap = 0;
    int rc = 0, step;
    sqlite3_bind_int64(al, 1, sqlite3_column_int64(en, 0));
    while ((step = sqlite3_step(al)) == SQLITE_ROW) {
        const char *label = col(al, 0);
        if (strcmp(label, r.name) == 0 || (r.label_en && strcmp(label, r.label_en) == 0) ||
            (r.label_es && strcmp(label, r.label_es) == 0))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 8;
            const char **a = realloc(alts, cap * sizeof *a),
                       **l = a ? realloc(langs, cap * sizeof *l) : NULL;
            if (a) alts = a;
            if (l) langs = l;
            if (!a || !l) {
                rc = ng_error_set(err, NG_ENOMEM, "out of memory");
                break;
            }
        }
        alts[n] = strdup(label);
        langs[n] = strcmp(col(al, 1), "en") == 0 ? "en" : "es";
        if (!alts[n]) {
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
            break;
        }
        n++;
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = ng__store_db_error(s, err, NG_EIO, "aliases");
    r.alts = alts;
    r.alt_langs = langs;
    r.nalts = n;
    char *same = NULL;
    if (!rc && linked_to) {
        /* the user's merges, then the linked entity */
        size_t len = (r.same_as ? strlen(r.same_as) + 1 : 0) + strlen(linked_to) + 1;
        if (!(same = malloc(len)))
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        else
            snprintf(same, len, "%s%s%s", r.same_as ? r.same_as : "", r.same_as ? " " : "",
                     linked_to);
        r.same_as = same;
    }
    if (!rc) rc = ng_writer_entity(w, &r, err);
    free(same);
    sqlite3_reset(al);
    for (size_t i = 0; i < n; i++)
        free((char *)alts[i]);
    free(alts);
    free(langs);
    return rc;
}

/* ---- linking at export ---------------------------------------------------------- */

typedef struct linked {
    ng_link_record *recs;
    char **strs; /* every string the records point to, to free */
    size_t n, cap, nstrs, strs_cap;
    size_t *root;
    const char **rule;
} linked;

static char *keep_str(linked *k, const char *s)
{
    char *c = strdup(s ? s : "");
    if (!c || NG_GROW(k->strs, k->strs_cap, k->nstrs + 1)) {
        free(c);
        return NULL;
    }
    return k->strs[k->nstrs++] = c;
}

static void linked_free(linked *k)
{
    for (size_t i = 0; i < k->nstrs; i++)
        free(k->strs[i]);
    for (size_t i = 0; i < k->n; i++)
        free((void *)k->recs[i].aliases);
    free(k->strs);
    free(k->recs);
    free(k->root);
    free(k->rule);
}

/* One entity row as a linking record, with its folded aliases. */
static int link_row(linked *k, sqlite3_stmt *en, sqlite3_stmt *al)
{
    if (NG_GROW(k->recs, k->cap, k->n + 1)) return -1;
    ng_link_record *r = &k->recs[k->n];
    memset(r, 0, sizeof *r);
    k->n++;
    int t = ng_type_parse(col(en, 2));
    r->type = t < 0 ? NG_TYPE_ENTITY : (ng_type)t;
    r->weight = (size_t)sqlite3_column_int64(en, 5);
    if (!(r->key = keep_str(k, col(en, 1))) || !(r->folded = keep_str(k, col(en, 3)))) return -1;
    if (col(en, 4) && !(r->gaz_id = keep_str(k, col(en, 4)))) return -1;
    const char **a = NULL;
    size_t n = 0, acap = 0;
    sqlite3_bind_int64(al, 1, sqlite3_column_int64(en, 0));
    while (sqlite3_step(al) == SQLITE_ROW) {
        if (NG_GROW(a, acap, n + 1) || !(a[n] = keep_str(k, col(al, 0)))) {
            free(a);
            sqlite3_reset(al);
            return -1;
        }
        n++;
    }
    sqlite3_reset(al);
    r->aliases = a;
    r->naliases = n;
    return 0;
}

/* Every stored entity through the linker: k->root, in IRI order. */
static int link_stored(ng_store *s, const ng_linker *l, linked *k, ng_error *err)
{
    sqlite3_stmt *en = NULL, *al = NULL;
    int rc = 0;
    if (sqlite3_prepare_v2(
            s->db,
            "SELECT id, iri, type, folded, gaz_id,"
            " (SELECT count(DISTINCT article_id) FROM links l WHERE l.entity_id = e.id)"
            " FROM entities e ORDER BY iri",
            -1, &en, NULL) ||
        sqlite3_prepare_v2(
            s->db, "SELECT DISTINCT folded FROM aliases WHERE entity_id = ? ORDER BY folded", -1,
            &al, NULL))
        rc = ng__store_db_error(s, err, NG_EIO, "linking");
    while (!rc && sqlite3_step(en) == SQLITE_ROW)
        if (link_row(k, en, al)) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    sqlite3_finalize(en);
    sqlite3_finalize(al);
    if (rc) return rc;
    k->root = malloc((k->n ? k->n : 1) * sizeof *k->root);
    k->rule = malloc((k->n ? k->n : 1) * sizeof *k->rule);
    if (!k->root || !k->rule) return ng_error_set(err, NG_ENOMEM, "out of memory");
    return ng_link(l, k->recs, k->n, k->root, k->rule, err);
}

int ng_store_export(ng_store *s, ng_writer *w, const ng_linker *l, ng_error *err)
{
    sqlite3_stmt *ar = NULL, *cl = NULL, *en = NULL, *al = NULL;
    linked lk = {0};
    int rc = 0, step;
    /* rows are read in order: a small cache does, and memory stays low */
    if ((rc = ng__store_exec(s, "PRAGMA cache_size=-8192", err))) return rc;
    /* one read snapshot for the whole export: a concurrent add is not half seen */
    if ((rc = ng__store_exec(s, "BEGIN", err))) return rc;
    if (l && (rc = link_stored(s, l, &lk, err))) goto done;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, hash, title, source, date, lang FROM articles"
                           " ORDER BY hash",
                           -1, &ar, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT su.iri, ob.iri, sp.iri, c.property, c.pattern, c.confidence,"
                           " c.modality, c.sentence, c.char_start, c.char_end, c.when_kind,"
                           " c.when_rel, c.when_value, c.qty_value, c.qty_bound, c.qty_unit,"
                           /* the direct triple goes with the first claim that makes it */
                           " CASE WHEN c.direct THEN c.id = (SELECT min(d.id) FROM claims d"
                           " INDEXED BY claims_triple WHERE d.subject_id = c.subject_id AND"
                           " d.property = c.property AND d.object_id = c.object_id AND"
                           " d.direct) ELSE 0 END"
                           " FROM claims c JOIN entities su ON su.id = c.subject_id"
                           " JOIN entities ob ON ob.id = c.object_id"
                           " LEFT JOIN entities sp ON sp.id = c.speaker_id"
                           " WHERE c.article_id = ? ORDER BY c.id",
                           -1, &cl, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT id, iri, type, name, lang, label_en, label_es, qid,"
                           " (SELECT group_concat(from_iri, ' ') FROM curations c"
                           " WHERE c.op = 'merge' AND c.to_iri = e.iri ORDER BY c.id)"
                           " FROM entities e ORDER BY iri",
                           -1, &en, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT label, lang FROM aliases WHERE entity_id = ?"
                           " ORDER BY rowid",
                           -1, &al, NULL)) {
        rc = ng__store_db_error(s, err, NG_EIO, "export");
        goto done;
    }
    while (!rc && (step = sqlite3_step(ar)) == SQLITE_ROW) {
        ng_article_row a = {col(ar, 1), col(ar, 2), col(ar, 3), col(ar, 4),
                            col(ar, 5) ? col(ar, 5) : "es"};
        rc = ng_writer_begin_article(w, &a, err);
        if (!rc) rc = export_claims(s, w, cl, sqlite3_column_int64(ar, 0), err);
        int rc2 = ng_writer_end_article(w, err);
        if (!rc) rc = rc2;
    }
    for (size_t i = 0; !rc && (step = sqlite3_step(en)) == SQLITE_ROW; i++) {
        /* rows come in IRI order, as the linking records */
        const char *same = lk.root && i < lk.n && lk.root[i] != i ? lk.recs[lk.root[i]].key : NULL;
        rc = export_entity(s, w, en, al, same, err);
    }
    if (!rc) rc = ng_writer_finish(w, err);
done:
    sqlite3_finalize(ar);
    sqlite3_finalize(cl);
    sqlite3_finalize(en);
    sqlite3_finalize(al);
    linked_free(&lk);
    sqlite3_exec(s->db, "COMMIT; PRAGMA cache_size=-65536", NULL, NULL, NULL);
    return rc;
}

/* ---- diagrams ------------------------------------------------------------------ */

static void read_end(sqlite3_stmt *st, int at, ng_store_end *e)
{
    e->iri = col(st, at);
    e->type = col(st, at + 1);
    e->name = col(st, at + 2);
    e->label_en = col(st, at + 3);
    e->label_es = col(st, at + 4);
    e->articles = (long)sqlite3_column_int64(st, at + 5);
}

int ng_store_each_relation(ng_store *s, const ng_store_relation_filter *f,
                           int (*fn)(void *ud, const ng_store_relation *r), void *ud, ng_error *err)
{
#define END(t)                                                                                     \
    " " t ".iri, " t ".type, " t ".name, " t ".label_en, " t ".label_es, (SELECT count(DISTINCT"   \
    " article_id) FROM links l WHERE l.entity_id = " t ".id),"
    /* a claim's date is a period (a year, a month, a day): keep those that
     * overlap [since, until] */
    const char *sql = "SELECT" END("su") END(
        "ob") " c.property, c.confidence, c.when_value,"
              " coalesce(a.title, a.source), c.sentence, sp.name"
              " FROM claims c JOIN entities su ON su.id = c.subject_id"
              " JOIN entities ob ON ob.id = c.object_id JOIN articles a ON a.id = c.article_id"
              " LEFT JOIN entities sp ON sp.id = c.speaker_id"
              " WHERE c.direct AND c.confidence >= ?3"
              " AND (?1 IS NULL AND ?2 IS NULL OR (c.when_value GLOB '[0-9][0-9][0-9][0-9]*'"
              "  AND (?1 IS NULL OR CASE length(c.when_value) WHEN 4 THEN c.when_value || '-12-31'"
              "   WHEN 7 THEN c.when_value || '-31' ELSE c.when_value END >= ?1)"
              "  AND (?2 IS NULL OR CASE length(c.when_value) WHEN 4 THEN c.when_value || '-01-01'"
              "   WHEN 7 THEN c.when_value || '-01' ELSE c.when_value END <= ?2)))"
              " AND (?4 IS NULL OR a.hash = ?4 OR (length(?4) >= 6 AND substr(a.hash, 1, "
              "length(?4))"
              " = ?4) OR a.source = ?4 OR a.title = ?4 OR ?5 || 'article/' || a.hash = ?4)"
              " ORDER BY c.id";
#undef END
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "relations");
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
        r.property = col(st, 12);
        r.confidence = sqlite3_column_double(st, 13);
        r.when = col(st, 14);
        r.article_title = col(st, 15);
        r.sentence = col(st, 16);
        r.speaker = col(st, 17);
        if (fn(ud, &r)) break;
    }
    int bad = step != SQLITE_ROW && step != SQLITE_DONE;
    sqlite3_finalize(st);
    return bad ? ng__store_db_error(s, err, NG_EIO, "relations") : 0;
}

/* ---- show --------------------------------------------------------------------- */

int ng_store_find(ng_store *s, const char *name, char **iri, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    *iri = NULL;
    const char *sql =
        "SELECT e.iri FROM entities e WHERE e.iri = ?1 OR e.id IN"
        " (SELECT entity_id FROM aliases WHERE folded = ?2) OR e.iri IN"
        " (SELECT to_iri FROM curations WHERE op = 'merge' AND from_iri = ?1)"
        " ORDER BY (SELECT count(DISTINCT article_id) FROM links l WHERE l.entity_id = e.id) DESC,"
        " e.id LIMIT 1";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "find");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ng__store_fold(s, name), -1, SQLITE_TRANSIENT);
    int rc = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        if (!(*iri = strdup(col(st, 0)))) rc = ng_error_set(err, NG_ENOMEM, "out of memory");
    } else {
        rc = ng_error_set(err, NG_EINVAL, "no entity named '%s' in the store", name);
    }
    sqlite3_finalize(st);
    return rc;
}

int ng_store_each_claim(ng_store *s, const char *iri, int (*fn)(void *ud, const ng_store_claim *c),
                        void *ud, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql =
        "SELECT su.name, c.property, ob.name, coalesce(a.title, a.source), c.sentence,"
        " sp.name, c.pattern, c.modality, c.when_value"
        " FROM claims c JOIN entities su ON su.id = c.subject_id"
        " JOIN entities ob ON ob.id = c.object_id JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN entities sp ON sp.id = c.speaker_id"
        " WHERE su.iri = ?1 OR ob.iri = ?1 ORDER BY c.id";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "claims");
    sqlite3_bind_text(st, 1, iri, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_claim c = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),
                            col(st, 5), col(st, 6), col(st, 7), col(st, 8)};
        if (fn(ud, &c)) break;
    }
    int bad = step != SQLITE_ROW && step != SQLITE_DONE;
    sqlite3_finalize(st);
    return bad ? ng__store_db_error(s, err, NG_EIO, "claims") : 0;
}

int ng_store_each_link(ng_store *s, const char *iri, int (*fn)(void *ud, const ng_store_link *l),
                       void *ud, ng_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql =
        "SELECT coalesce(a.title, a.source), l.surface, l.rule, l.type FROM links l"
        " JOIN entities e ON e.id = l.entity_id JOIN articles a ON a.id = l.article_id"
        " WHERE e.iri = ? ORDER BY l.rowid";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return ng__store_db_error(s, err, NG_EIO, "links");
    sqlite3_bind_text(st, 1, iri, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ng_store_link l = {col(st, 0), col(st, 1), col(st, 2), col(st, 3)};
        if (fn(ud, &l)) break;
    }
    int bad = step != SQLITE_ROW && step != SQLITE_DONE;
    sqlite3_finalize(st);
    return bad ? ng__store_db_error(s, err, NG_EIO, "links") : 0;
}
