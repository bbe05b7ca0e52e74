/* Graph: the entities of every article seen in one run, merged by IRI.
 *
 * IRIs are deterministic: a gazetteer entity gets <base><class>/<slug of its id>
 * (…/country/kp, …/person/vladimir-putin); any other entity gets
 * <base>entity/<slug of its folded name without connectors such as "de">
 * (…/entity/ministerio-interior), so the same name yields the same
 * IRI on any machine and in any run. Memory grows with the number of distinct
 * entities, not with the number of articles. */
#ifndef NEWSGRAPH_GRAPH_H
#define NEWSGRAPH_GRAPH_H

#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ng_graph ng_graph;

/* A merged entity; strings are owned by the graph. */
typedef struct ng_graph_entity {
    const char *iri;
    ng_type type;
    const char *name; /* preferred label: the name it was given most often (ties: the smaller) */
    const char *lang; /* its language */
    const char *label_en, *label_es; /* gazetteer labels or NULL */
    const char *qid;
    size_t articles; /* number of articles that mention it */
} ng_graph_entity;

/* base is copied; NULL = NG_DEFAULT_BASE. */
int ng_graph_new(ng_graph **out, const char *base, ng_error *err);
void ng_graph_free(ng_graph *g);
const char *ng_graph_base(const ng_graph *g);

/* Merge one article's entities. ids[i] receives the graph index of
 * extraction entity i (array of ng_extraction_entity_count elements, caller
 * owned). */
int ng_graph_add_entities(ng_graph *g, const ng_extraction *ex, size_t *ids, ng_error *err);

size_t ng_graph_entity_count(const ng_graph *g);
const ng_graph_entity *ng_graph_entity_at(const ng_graph *g, size_t i);
/* Every name and alias entity i was given, each once per language (its
 * preferred label among them): *n receives the count; strings owned by g. */
const char *const *ng_graph_alt_labels(const ng_graph *g, size_t i, const char *const **langs,
                                       size_t *n);

/* Link the entities of the run across articles (newsgraph/link.h): the
 * same person, body or place named differently in different articles. l is
 * borrowed for the call. Until it is called every entity is its own root. */
struct ng_linker;
int ng_graph_link(ng_graph *g, const struct ng_linker *l, ng_error *err);
/* The entity that names entity i's cluster (i itself if none other does),
 * and in *rule (may be NULL) the linking rule that joined i, or NULL. */
size_t ng_graph_entity_root(const ng_graph *g, size_t i, const char **rule);

/* Write base + path + percent-encoded slug of name into out (caller frees
 * with free()). Exposed for tests and for other writers. */
char *ng_iri_mint(const char *base, const char *path, const char *name);

/* The IRI an extracted entity gets under base (caller frees with free()),
 * NULL on OOM. The graph and the store both name entities this way. */
char *ng_entity_iri(const char *base, const ng_entity_view *v);

#ifdef __cplusplus
}
#endif
#endif
