/* Store: the graph kept across runs in one SQLite file (WAL mode), or in
 * memory. Each article is added in one transaction; an article already stored
 * (same content hash) changes nothing. An entity is stored as articles name
 * it, one row per IRI (newsgraph/graph.h), with the class and name most of
 * its mentions give it. Which rows are one entity is decided when the store
 * is read, by the linker (newsgraph/link.h) over all rows at once and the
 * user's corrections (curation, below): the same rules, in the same order,
 * as extract over the articles of one run, so that the store gives the same
 * graph whatever order its articles came in. Stores of an older schema are
 * migrated when opened.
 *
 * Not thread-safe; SQLite's locking makes concurrent processes wait (up to
 * the busy timeout) rather than corrupt the file. */
#ifndef NEWSGRAPH_STORE_H
#define NEWSGRAPH_STORE_H

#include <stddef.h>
#include "newsgraph/document.h"
#include "newsgraph/error.h"
#include "newsgraph/export.h"
#include "newsgraph/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_store ng_store;

#define NG_STORE_SCHEMA_VERSION 4

/* Open or create the store at path (NULL or ":memory:" = in memory). A file
 * that is not a newsgraph store, or is damaged, is refused with NG_EFORMAT and
 * left untouched. base is the entity IRI base (NULL = NG_DEFAULT_BASE) and is
 * fixed when the store is created. *out belongs to the caller. */
int ng_store_open(ng_store **out, const char *path, const char *base, ng_error *err);
/* Close; NULL is a no-op. */
void ng_store_close(ng_store *s);

/* The linker that decides which stored rows are one entity (borrowed: it
 * must outlive s, or be replaced). Without one every row is an entity of
 * its own, apart from the user's merges. */
struct ng_linker;
void ng_store_set_linker(ng_store *s, const struct ng_linker *l);

typedef enum ng_store_result {
    NG_STORE_ADDED = 0,
    NG_STORE_UNCHANGED, /* the same content was stored already */
    NG_STORE_REPLACED   /* the same source URL with new content: its claims were replaced */
} ng_store_result;

/* Add one article and what was extracted from it, in one transaction. */
int ng_store_add(ng_store *s, const ng_document *doc, const ng_extraction *ex,
                 ng_store_result *result, ng_error *err);

typedef struct ng_store_counts {
    long articles, entities, aliases, claims, links; /* entities: after linking */
} ng_store_counts;

int ng_store_stats(ng_store *s, ng_store_counts *out, ng_error *err);

/* One entity (a cluster of rows, named by one of them); strings are valid
 * only during the callback. */
typedef struct ng_store_entity {
    const char *iri, *type, *name;
    long articles;
    const char *aliases; /* of all its rows, "|"-separated, sorted */
} ng_store_entity;

/* Call fn for every entity, optionally of one class and/or whose folded name
 * or alias contains search; ordered by article count, then name. fn returns
 * non-zero to stop. */
int ng_store_each_entity(ng_store *s, const char *type, const char *search,
                         int (*fn)(void *ud, const ng_store_entity *e), void *ud, ng_error *err);

/* The IRI of the entity named name (the IRI of any of its rows, or a name or
 * alias, folded); the most mentioned one when several share the name. *iri is malloc'd for the
 * caller; NG_EINVAL when nothing matches. */
int ng_store_find(ng_store *s, const char *name, char **iri, ng_error *err);

/* One claim about an entity, or one linking decision; strings are valid only
 * during the callback. */
typedef struct ng_store_claim {
    const char *subject, *property, *object; /* names */
    const char *article, *sentence, *speaker, *pattern, *modality;
    const char *when; /* may be NULL */
} ng_store_claim;

typedef struct ng_store_link {
    const char *article, *surface, *rule;
    const char *type; /* the class this mention supported ("Entity": none) */
} ng_store_link;

/* Every claim with the entity (any of its rows; iri may be any of theirs) as
 * subject or object, in the order stored, ends named by their entities. */
int ng_store_each_claim(ng_store *s, const char *iri, int (*fn)(void *ud, const ng_store_claim *c),
                        void *ud, ng_error *err);
/* Every mention of the entity, with the rule that put it there: the
 * linker's for a row it joined, else how the mention found its row. */
int ng_store_each_link(ng_store *s, const char *iri, int (*fn)(void *ud, const ng_store_link *l),
                       void *ud, ng_error *err);

/* One verb the lexicon does not map (NG_UNMAPPED_PROPERTY claims), as the
 * store's claims use it; strings are valid only during the callback. */
typedef struct ng_store_verb {
    const char *pattern; /* "verb:<lemma>" or "verb:<lemma> <preposition>" */
    long claims, articles;
    const char *example; /* the sentence of the first such claim stored */
} ng_store_verb;

/* The unmapped verbs of the store, the most used first (then by pattern),
 * at most limit of them (0: all). */
int ng_store_each_unmapped_verb(ng_store *s, size_t limit,
                                int (*fn)(void *ud, const ng_store_verb *v), void *ud,
                                ng_error *err);

/* Which direct claims (ng_claim_is_direct) to read for a diagram; NULL and 0
 * fields do not filter. */
typedef struct ng_store_relation_filter {
    const char *since,
        *until; /* YYYY-MM-DD: claims whose date overlaps (undated ones are left out) */
    double min_confidence;
    const char *article; /* an article's id (or its first 6+ characters), IRI, source or title */
} ng_store_relation_filter;

/* One direct claim with both ends, for diagrams; strings are valid only
 * during the callback. */
typedef struct ng_store_end {
    const char *iri, *type, *name, *label_en, *label_es; /* labels may be NULL */
    long articles;
} ng_store_end;

typedef struct ng_store_relation {
    ng_store_end subject, object;
    const char *property;
    double confidence;
    const char *when, *article_title, *sentence, *speaker; /* may be NULL */
} ng_store_relation;

/* Every direct claim passing the filter, oldest first. */
int ng_store_each_relation(ng_store *s, const ng_store_relation_filter *f,
                           int (*fn)(void *ud, const ng_store_relation *r), void *ud,
                           ng_error *err);

/* Curation: the user's corrections to linking. Each is applied at once and
 * recorded in the store, so that it holds for every article added later and
 * for articles added again with new content. ENTITY arguments are an IRI, a
 * canonical name or an alias; a name that fits several entities is refused
 * (NG_EINVAL, the message lists their IRIs).
 *
 * merge: other becomes part of keep: every row of other's entity moves
 * into the row naming keep's (mentions, claims, aliases); their IRIs are
 * kept as owl:sameAs of keep in exports, and mentions that would have been
 * them go to keep from now on. */
int ng_store_merge(ng_store *s, const char *keep, const char *other, ng_error *err);
/* split: the mentions of entity (of any of its rows) written name (folded)
 * become an entity of their own (the row with that name's IRI, made if
 * needed), with the claims they took part in; the linker never joins the
 * two again. *moved (may be NULL) is the number of mentions that left the
 * entity, *iri (may be NULL) the IRI they went to, malloc'd for the
 * caller. */
int ng_store_split(ng_store *s, const char *entity, const char *name, long *moved, char **iri,
                   ng_error *err);
/* alias add: name means entity, in this store and in every later article.
 * alias remove: name is no longer an alias of any row of entity, and the
 * linker keeps the rows named so apart from it; it never links to it
 * again; mentions already linked stay (split moves them). */
int ng_store_alias_add(ng_store *s, const char *entity, const char *name, ng_error *err);
int ng_store_alias_remove(ng_store *s, const char *entity, const char *name, ng_error *err);

/* One recorded correction; strings are valid only during the callback. */
typedef struct ng_store_curation {
    const char *op;                /* "merge", "split", "alias" or "unalias" */
    const char *name;              /* the name it is about (the merged entity's name for merge) */
    const char *from_iri, *to_iri; /* either may be NULL */
    const char *made;              /* UTC, "YYYY-MM-DD HH:MM:SS" */
} ng_store_curation;

/* Every correction naming iri (all of them for NULL), oldest first. */
int ng_store_each_curation(ng_store *s, const char *iri,
                           int (*fn)(void *ud, const ng_store_curation *c), void *ud,
                           ng_error *err);

/* Write the whole store through an RDF writer (made with the store's base,
 * ng_store_base): articles in the order of their IRIs, each with its
 * claims, then every row in IRI order, owl:sameAs the row naming its
 * cluster and the IRIs merged into it, as `extract` writes them; finishes
 * the writer. Rows are streamed from SQLite; the same set of articles and
 * corrections gives the same bytes, whatever order they came in. */
int ng_store_export(ng_store *s, ng_writer *w, ng_error *err);
/* The store's IRI base (borrowed). */
const char *ng_store_base(const ng_store *s);

#ifdef __cplusplus
}
#endif
#endif
