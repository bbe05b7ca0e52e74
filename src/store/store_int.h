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
    const struct ng_linker *linker; /* borrowed; NULL: no rows are joined */
    /* temp.clusters is current while nothing changed since it was made:
     * serial counts this handle's changes, data_version other processes' */
    unsigned long serial, clustered_serial;
    long clustered_dv;
    int clustered;
};

/* Folded form for matching: case, accents and punctuation do not count. The
 * result lives in s->fold until the next call. */
const char *ng__store_fold(ng_store *s, const char *text);
/* Fill err with what SQLite says went wrong; returns code. */
int ng__store_db_error(ng_store *s, ng_error *err, int code, const char *what);
/* Column i of the current row as text (NULL for SQL NULL). */
static inline const char *ng__col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}
/* Run SQL without results; fills err on failure. */
int ng__store_exec(ng_store *s, const char *sql, ng_error *err);
/* Make temp.clusters(entity_id, root_id, rule, type) current: for every
 * row of entities, the row naming its cluster, the linking rule that joined
 * it (NULL for the naming row and for rows alone) and the cluster's class.
 * Call inside a transaction, so that it matches what the caller reads. */
int ng__store_clusters(ng_store *s, ng_error *err);

#endif
