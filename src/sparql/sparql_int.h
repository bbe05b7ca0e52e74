/* What the SPARQL clients share. */
#ifndef NG_SPARQL_INT_H
#define NG_SPARQL_INT_H

#include "newsgraph/sparql.h"

#include <stdio.h>

/* The store as N-Triples in an unnamed temporary file, rewound; the caller
 * fcloses it. NULL with err filled on failure. */
FILE *ng__sparql_export(ng_context *ctx, ng_store *s, ng_error *err);

#endif
