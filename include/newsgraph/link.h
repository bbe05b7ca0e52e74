/* Linking: which of the entities seen across articles are one.
 *
 * Input is a set of records, one per entity as the extractor names it (its
 * IRI, folded name, class, gazetteer id, folded aliases); output is, for
 * every record, the record that names its cluster and the rule that joined
 * it. The rules run in this order, each over the clusters the ones before
 * left:
 *
 *   gazetteer-id      the same gazetteer entry
 *   alias             the name is a name or an alias of exactly one cluster
 *   short-form        a short name the ontology spells out ("PP" -> Partido
 *                     Popular, "Greens" -> Green Party; gazetteer/short-forms.tsv)
 *   acronym           the initials of exactly one organisation ("CNE")
 *   surname           the last word or words of exactly one person's name
 *                     ("Putin", "Ocasio-Cortez", "Rodríguez Zapatero")
 *   similar-spelling  one transliteration of another ("Zelenski",
 *                     "Zelensky"), at least 85 % alike
 *
 * and refuse: a bare first name never links ("Michael" is not Michael X), nor
 * does a name that is one word of gazetteer/bodies.tsv ("Gobierno" is one
 * article's government, "Congress" one country's), a
 * name that fits two clusters equally links to neither, two people who
 * share only a surname stay apart, and no rule puts two gazetteer entries
 * or two classes (Entity fits any) in one cluster, nor two records the
 * user kept apart (ng_link_apart). A cluster is named by its gazetteer
 * record if it has one, else by its longest name, then the most seen, then
 * the smallest IRI. The result depends only on the set of records, never on
 * their order, so a store gives the same graph whatever order its articles
 * came in. */
#ifndef NEWSGRAPH_LINK_H
#define NEWSGRAPH_LINK_H

#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/ontology.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_link_record {
    const char *key;    /* unique among the records (the entity's IRI) */
    const char *folded; /* its name folded: lower case, no accents, hyphens kept */
    ng_type type;
    const char *gaz_id;         /* or NULL */
    const char *const *aliases; /* folded, may be NULL */
    size_t naliases;
    size_t weight; /* how often it was seen (articles, mentions) */
} ng_link_record;

typedef struct ng_linker ng_linker;

/* onto is borrowed (given names, short forms) and must outlive l. */
int ng_linker_new(ng_linker **out, const ng_ontology *onto, ng_error *err);
void ng_linker_free(ng_linker *l);

/* root[i] receives the record naming i's cluster (root[i] == i for that
 * record), rule[i] the name of the rule that joined i (NULL for the naming
 * record). Both arrays hold n entries and are the caller's. Records and
 * their strings are borrowed for the call only. */
int ng_link(const ng_linker *l, const ng_link_record *recs, size_t n, size_t *root,
            const char **rule, ng_error *err);

/* Two records (indexes into the records) that must not end up in one
 * cluster: the user split one name off an entity, or removed an alias. */
typedef struct ng_link_pair {
    size_t a, b;
} ng_link_pair;

/* ng_link, refusing every join of a stage that would put the two records of
 * one of the npairs pairs (borrowed for the call) into one cluster. */
int ng_link_apart(const ng_linker *l, const ng_link_record *recs, size_t n,
                  const ng_link_pair *apart, size_t napart, size_t *root, const char **rule,
                  ng_error *err);

/* The initials of a folded name's words, connectors skipped ("consejo
 * nacional electoral" -> "cne"), into out (cap bytes); "" for fewer than two
 * words or too many for an acronym. The store's name keys use them too. */
void ng_link_initials(const char *name, char *out, size_t cap);
/* Edit distance between two folded strings (bytes), 99 beyond 8 or for
 * strings over 64 bytes. */
int ng_link_edit_distance(const char *a, const char *b);

#ifdef __cplusplus
}
#endif
#endif
