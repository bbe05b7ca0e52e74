/* The process context: one Raptor world, opened so that it leaves libxml2's
 * global error handlers alone (style.md, Raptor pitfall 2). */
#include "newsgraph/newsgraph.h"

#include <graphviz/gvc.h>
#include <raptor2.h>
#include <stdlib.h>

struct ng_context {
    raptor_world *world;
    GVC_t *gvc; /* created on first use; Graphviz wants one per process */
};

int ng_context_new(ng_context **out, ng_error *err)
{
    ng_context *c = calloc(1, sizeof *c);
    if (!c) return ng_error_set(err, NG_ENOMEM, "out of memory");
    c->world = raptor_new_world();
    if (!c->world) {
        free(c);
        return ng_error_set(err, NG_ELIB, "raptor: cannot create a world");
    }
    raptor_world_set_flag(c->world, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
    raptor_world_set_flag(c->world, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
    if (raptor_world_open(c->world)) {
        raptor_free_world(c->world);
        free(c);
        return ng_error_set(err, NG_ELIB, "raptor: cannot open the world");
    }
    *out = c;
    return 0;
}

void ng_context_free(ng_context *ctx)
{
    if (!ctx) return;
    if (ctx->gvc) gvFreeContext(ctx->gvc);
    raptor_free_world(ctx->world);
    free(ctx);
}

void *ng_context_raptor(ng_context *ctx)
{
    return ctx->world;
}

void *ng__context_gvc(ng_context *ctx)
{
    if (!ctx->gvc) ctx->gvc = gvContext();
    return ctx->gvc;
}
