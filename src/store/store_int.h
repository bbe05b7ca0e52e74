/* What the store's source files share: the handle and a few SQLite helpers. */
#ifndef NG_STORE_INT_H
#define NG_STORE_INT_H

#include "newsgraph/store.h"
#include "util/util.h"

#include <sqlite3.h>

struct ng_store {
    sqlite3 *db;
    char *base;
    ng_buf fold;
};

/* Folded form for matching: case, accents and punctuation do not count. The
 * result lives in s->fold until the next call. */
const char *ng__store_fold(ng_store *s, const char *text);
/* Fill err with what SQLite says went wrong; returns code. */
int ng__store_db_error(ng_store *s, ng_error *err, int code, const char *what);
/* Index the first and last word and the initials of a multi-word entity
 * name (folded), for surname and acronym lookups, through insert (prepared
 * "INSERT OR IGNORE INTO name_keys VALUES(?, ?, ?)", or NULL to prepare one);
 * -1 on a database error. */
int ng__store_add_name_keys(ng_store *s, sqlite3_stmt *insert, sqlite3_int64 id,
                            const char *folded);
/* Run SQL without results; fills err on failure. */
int ng__store_exec(ng_store *s, const char *sql, ng_error *err);

#endif
