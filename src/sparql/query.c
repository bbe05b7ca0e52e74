/* Local SPARQL over a store, through Rasqal: for users without a server.
 *
 * Rasqal queries an in-memory copy of the graph: the store is exported as
 * N-Triples to a temporary file and parsed into it, so memory grows with the
 * store (a SPARQL server is the tool for large graphs). */
#include "sparql_int.h"
#include "newsgraph/export.h"
#include "util/util.h"

#include <rasqal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct query_log {
    ng_error *err;
    int failed;
} query_log;

/* Rasqal reports syntax and execution errors through the log: keep the first. */
static void on_log(void *ud, raptor_log_message *m)
{
    query_log *log = ud;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR || log->failed) return;
    log->failed = 1;
    if (m->locator && m->locator->line > 0)
        ng_error_set(log->err, NG_EINVAL, "query: line %d: %s",
                     m->locator->line > 1 ? m->locator->line - 1 : 1, m->text);
    else
        ng_error_set(log->err, NG_EINVAL, "query: %s", m->text);
}

/* One result value as text: <iri>, "text"@lang, _:blank, or the lexical form. */
static int append_term(ng_buf *b, rasqal_literal *l)
{
    if (!l) return 0;
    if (l->type == RASQAL_LITERAL_URI)
        return ng_buf_printf(b, "<%s>", (const char *)raptor_uri_as_string(l->value.uri));
    if (l->type == RASQAL_LITERAL_BLANK) return ng_buf_printf(b, "_:%s", l->string);
    if (l->language) return ng_buf_printf(b, "\"%s\"@%s", l->string, l->language);
    return ng_buf_printf(b, "%s", (const char *)l->string);
}

static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80; /* code points, not bytes */
    return n;
}

static void pad(FILE *out, const char *s, size_t w)
{
    fputs(s, out);
    for (size_t n = width(s); n < w; n++)
        fputc(' ', out);
}

/* A plain-text table with the variable names as header (Rasqal's own table
 * writer prints no header and escapes non-ASCII text). */
static int write_table(rasqal_query *q, rasqal_query_results *res, FILE *out)
{
    if (rasqal_query_results_is_boolean(res))
        return fprintf(out, "%s\n", rasqal_query_results_get_boolean(res) ? "true" : "false") < 0;
    /* the names from the query: Rasqal's results know them only while rows remain */
    raptor_sequence *vars = rasqal_query_get_bound_variable_sequence(q);
    int cols = vars ? raptor_sequence_size(vars) : 0;
    if (cols <= 0) return 0;
    ng_buf cells = {0}; /* the names, then every cell, NUL-terminated, row after row */
    size_t *w = calloc((size_t)cols, sizeof *w), rows = 0;
    int rc = !w;
    for (int i = 0; !rc && i < cols; i++) {
        rasqal_variable *v = raptor_sequence_get_at(vars, i);
        const char *name = v ? (const char *)v->name : "";
        w[i] = width(name ? name : "");
        rc = ng_buf_printf(&cells, "%s", name ? name : "") || ng_buf_addc(&cells, '\0');
    }
    for (; !rc && !rasqal_query_results_finished(res); rasqal_query_results_next(res), rows++)
        for (int i = 0; !rc && i < cols; i++) {
            size_t start = cells.len;
            rc = append_term(&cells, rasqal_query_results_get_binding_value(res, i)) ||
                 ng_buf_addc(&cells, '\0');
            if (!rc && width(cells.data + start) > w[i]) w[i] = width(cells.data + start);
        }
    const char *p = cells.data;
    for (size_t r = 0; !rc && r <= rows; r++) /* the header, then the rows */
        for (int i = 0; i < cols; i++, p += strlen(p) + 1) {
            pad(out, p, i + 1 < cols ? w[i] : 0);
            fputs(i + 1 < cols ? "  " : "\n", out);
        }
    if (!rc) fprintf(out, "(%zu row%s)\n", rows, rows == 1 ? "" : "s");
    free(w);
    ng_buf_free(&cells);
    return rc;
}

static int run_query(rasqal_world *rw, raptor_world *raw, FILE *graph, const char *text,
                     const char *format, FILE *out, query_log *log)
{
    int rc = -1;
    rasqal_query *q = rasqal_new_query(rw, "sparql", NULL);
    raptor_iostream *in = raptor_new_iostream_from_file_handle(raw, graph);
    raptor_iostream *to = raptor_new_iostream_to_file_handle(raw, out);
    raptor_uri *base = raptor_new_uri(raw, (const unsigned char *)"file:///query");
    rasqal_data_graph *dg = NULL;
    rasqal_query_results *res = NULL;
    if (!q || !in || !to || !base) goto done;
    /* the prefixes of our exports, declared on one line before the query (so
     * that error lines are the query's own, less one); the query may
     * declare them again */
    ng_buf full = {0};
    int bad = ng_buf_printf(&full,
                            "PREFIX ng: <" NG_ONTOLOGY_NS "> PREFIX rdf: <" NG_RDF_NS
                            "> PREFIX rdfs: <" NG_RDFS_NS "> PREFIX owl: <" NG_OWL_NS
                            "> PREFIX skos: <" NG_SKOS_NS "> PREFIX prov: <" NG_PROV_NS
                            "> PREFIX dct: <" NG_DCT_NS "> PREFIX nif: <" NG_NIF_NS
                            "> PREFIX xsd: <" NG_XSD_NS "> PREFIX wd: <" NG_WD_NS ">\n%s",
                            text) ||
              rasqal_query_prepare(q, (const unsigned char *)full.data, base);
    ng_buf_free(&full);
    if (bad) goto done;
    dg = rasqal_new_data_graph_from_iostream(rw, in, base, NULL, RASQAL_DATA_GRAPH_BACKGROUND, NULL,
                                             "ntriples", NULL);
    if (!dg || rasqal_query_add_data_graph(q, dg)) goto done;
    dg = NULL; /* the query owns it now */
    if (!(res = rasqal_query_execute(q)) || log->failed) goto done;
    if (rasqal_query_results_is_graph(res)) {
        ng_error_set(log->err, NG_EINVAL,
                     "query: CONSTRUCT and DESCRIBE are not answered locally; use SELECT or ASK");
        log->failed = 1;
        goto done;
    }
    if (strcmp(format, "table") == 0) {
        if (write_table(q, res, out)) goto done;
    } else if (rasqal_query_results_is_boolean(res) && format[0] != 'j' && format[0] != 'x') {
        fprintf(out, "%s\n", rasqal_query_results_get_boolean(res) ? "true" : "false");
    } else if (rasqal_query_results_write(to, res, format, NULL, NULL, NULL)) {
        goto done;
    }
    rc = 0;
done:
    if (res) rasqal_free_query_results(res);
    if (dg) rasqal_free_data_graph(dg);
    if (q) rasqal_free_query(q);
    if (base) raptor_free_uri(base);
    if (to) raptor_free_iostream(to);
    if (in) raptor_free_iostream(in);
    return rc;
}

int ng_sparql_query(ng_context *ctx, ng_store *s, const char *text, const char *format, FILE *out,
                    ng_error *err)
{
    static const char *const formats[] = {"table", "csv", "tsv", "json", "xml", NULL};
    int known = 0;
    for (int i = 0; formats[i]; i++)
        known |= strcmp(format, formats[i]) == 0;
    if (!known)
        return ng_error_set(err, NG_EINVAL, "results as table, csv, tsv, json or xml, not '%s'",
                            format);
    FILE *graph = ng__sparql_export(ctx, s, err);
    if (!graph) return err->code ? err->code : NG_EIO;
    /* Rasqal gets a Raptor world of its own, not yet open: given ours
     * (already open), it would initialise it a second time and leak */
    raptor_world *raw = raptor_new_world();
    rasqal_world *rw = raw ? rasqal_new_world() : NULL;
    query_log log = {err, 0};
    int rc = NG_ELIB;
    if (!rw) {
        ng_error_set(err, NG_ELIB, "rasqal could not start");
    } else {
        rasqal_world_set_raptor(rw, raw);
        rasqal_world_set_log_handler(rw, &log, on_log);
        if (rasqal_world_open(rw)) {
            ng_error_set(err, NG_ELIB, "rasqal could not start");
        } else {
            /* the graph parser logs through the raptor world: route it here too */
            raptor_world_set_log_handler(raw, &log, on_log);
            rc = run_query(rw, raw, graph, text, format, out, &log) ? NG_EINVAL : 0;
            raptor_world_set_log_handler(raw, NULL, NULL);
            if (rc && !log.failed) ng_error_set(err, NG_EINVAL, "query: it could not be answered");
            if (!rc && fflush(out)) rc = ng_error_set(err, NG_EIO, "write error on output");
        }
        rasqal_free_world(rw);
    }
    if (raw) raptor_free_world(raw);
    fclose(graph);
    return rc;
}
