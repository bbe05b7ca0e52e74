/* The SPARQL 1.1 Graph Store HTTP Protocol client behind `newsgraph load`. */
#include "sparql_int.h"
#include "newsgraph/export.h"
#include "util/util.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct request {
    CURL *curl;
    const ng_load_options *o;
    char *url;
    ng_buf reply; /* the server's answer, kept short */
    long status;
} request;

static size_t keep_reply(char *p, size_t size, size_t n, void *ud)
{
    ng_buf *b = ud;
    size_t len = size * n;
    if (b->len < 4096 && ng_buf_add(b, p, len < 4096 ? len : 4096)) return 0;
    return len;
}

/* endpoint?graph=<escaped IRI> */
static char *target_url(CURL *c, const char *endpoint, const char *graph)
{
    ng_buf b = {0};
    char *g = curl_easy_escape(c, graph, 0);
    int rc =
        !g || ng_buf_printf(&b, "%s%cgraph=%s", endpoint, strchr(endpoint, '?') ? '&' : '?', g);
    curl_free(g);
    if (rc) {
        ng_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* The server's message on one line: tags dropped, spaces squeezed, cut short. */
static const char *reply_line(ng_buf *b)
{
    if (!ng_buf_cstr(b)) return "";
    size_t w = 0;
    int in_tag = 0, space = 1;
    for (size_t i = 0; i < b->len && w < 300; i++) {
        char c = b->data[i];
        if (c == '<') in_tag = 1;
        if (in_tag) {
            in_tag = c != '>';
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            if (!space) b->data[w++] = ' ';
            space = 1;
            continue;
        }
        b->data[w++] = c;
        space = 0;
    }
    while (w && b->data[w - 1] == ' ')
        w--;
    b->data[w] = '\0';
    b->len = w;
    return b->data;
}

static int transient(CURLcode cc, long status)
{
    if (cc == CURLE_OK) return status == 429 || status == 502 || status == 503 || status == 504;
    return cc == CURLE_COULDNT_CONNECT || cc == CURLE_OPERATION_TIMEDOUT ||
           cc == CURLE_SEND_ERROR || cc == CURLE_RECV_ERROR || cc == CURLE_GOT_NOTHING;
}

/* One request with its retries. */
static int send_batch(request *r, const char *method, const char *body, size_t len,
                      ng_load_stats *stats, ng_error *err)
{
    int retries = r->o->retries < 0 ? 3 : r->o->retries;
    for (int attempt = 0;; attempt++) {
        r->reply.len = 0;
        r->status = 0;
        curl_easy_setopt(r->curl, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(r->curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(r->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
        CURLcode cc = curl_easy_perform(r->curl);
        if (cc == CURLE_OK) curl_easy_getinfo(r->curl, CURLINFO_RESPONSE_CODE, &r->status);
        stats->requests++;
        if (cc == CURLE_OK && r->status >= 200 && r->status < 300) return 0;
        if (attempt < retries && transient(cc, r->status)) {
            stats->retries++;
            long ms = 250L << attempt; /* 0.25 s, 0.5 s, 1 s, ... */
            struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
            nanosleep(&pause, NULL);
            continue;
        }
        if (cc != CURLE_OK)
            return ng_error_set(err, NG_EIO, "%s: %s", r->o->endpoint, curl_easy_strerror(cc));
        const char *msg = reply_line(&r->reply);
        if (!*msg && (r->status == 401 || r->status == 403))
            msg = "not allowed (check --user and --password)";
        return ng_error_set(err, NG_EIO, "%s: HTTP %ld: %s", r->o->endpoint, r->status,
                            *msg ? msg : "(no message)");
    }
}

static int setup(request *r, const char *graph, struct curl_slist **headers, ng_error *err)
{
    if (!(r->curl = curl_easy_init()) || !(r->url = target_url(r->curl, r->o->endpoint, graph)))
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    *headers = curl_slist_append(NULL, "Content-Type: application/n-triples");
    if (!*headers) return ng_error_set(err, NG_ENOMEM, "out of memory");
    curl_easy_setopt(r->curl, CURLOPT_URL, r->url);
    curl_easy_setopt(r->curl, CURLOPT_HTTPHEADER, *headers);
    curl_easy_setopt(r->curl, CURLOPT_WRITEFUNCTION, keep_reply);
    curl_easy_setopt(r->curl, CURLOPT_WRITEDATA, &r->reply);
    curl_easy_setopt(r->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(r->curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(r->curl, CURLOPT_TIMEOUT, 600L);
    if (r->o->user) {
        curl_easy_setopt(r->curl, CURLOPT_USERNAME, r->o->user);
        curl_easy_setopt(r->curl, CURLOPT_PASSWORD, r->o->password ? r->o->password : "");
        curl_easy_setopt(r->curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
    }
    return 0;
}

FILE *ng__sparql_export(ng_context *ctx, ng_store *s, ng_error *err)
{
    FILE *f = tmpfile();
    if (!f) {
        ng_error_set(err, NG_EIO, "cannot make a temporary file for the export");
        return NULL;
    }
    ng_writer_options wo = NG_WRITER_OPTIONS_INIT;
    wo.format = NG_OUT_NTRIPLES;
    wo.base = ng_store_base(s);
    ng_writer *w = NULL;
    int rc = ng_writer_new(&w, ctx, NULL, f, &wo, err) || ng_store_export(s, w, err);
    ng_writer_free(w);
    if (!rc && (fflush(f) || fseek(f, 0, SEEK_SET)))
        rc = ng_error_set(err, NG_EIO, "the temporary export could not be written");
    if (rc) {
        fclose(f);
        return NULL;
    }
    return f;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Whole lines of f, batch at a time; the first request replaces the graph
 * when asked to. */
static int send_all(request *r, FILE *f, ng_load_stats *stats, ng_error *err)
{
    size_t batch = r->o->batch ? r->o->batch : NG_LOAD_BATCH;
    ng_buf body = {0};
    char *line = NULL;
    size_t cap = 0, n = 0;
    ssize_t len;
    int rc = 0, first = 1;
    while (!rc) {
        len = getline(&line, &cap, f);
        if (len > 0 && ng_buf_add(&body, line, (size_t)len)) {
            rc = ng_error_set(err, NG_ENOMEM, "out of memory");
            break;
        }
        if (len > 0) n++;
        if (n < batch && len > 0) continue;
        if (n || (first && r->o->replace)) {
            const char *method = first && r->o->replace ? "PUT" : "POST";
            rc = send_batch(r, method, body.data ? body.data : "", body.len, stats, err);
            if (!rc) stats->triples += n;
            if (!rc && r->o->progress) r->o->progress(r->o->progress_ud, stats->triples);
            first = 0;
        }
        body.len = 0;
        n = 0;
        if (len <= 0) break;
    }
    if (!rc && ferror(f)) rc = ng_error_set(err, NG_EIO, "the temporary export could not be read");
    free(line);
    ng_buf_free(&body);
    return rc;
}

int ng_sparql_load(ng_context *ctx, ng_store *s, const ng_load_options *o, ng_load_stats *stats,
                   ng_error *err)
{
    memset(stats, 0, sizeof *stats);
    if (!o->endpoint || (strncmp(o->endpoint, "http://", 7) && strncmp(o->endpoint, "https://", 8)))
        return ng_error_set(err, NG_EINVAL, "the endpoint must be an http:// or https:// URL");
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return ng_error_set(err, NG_ELIB, "libcurl could not start");
    request r = {.o = o};
    struct curl_slist *headers = NULL;
    FILE *f = NULL;
    /* the default graph is not writable on every server (Virtuoso): name one */
    int rc = setup(&r, o->graph ? o->graph : ng_store_base(s), &headers, err);
    if (!rc && !(f = ng__sparql_export(ctx, s, err))) rc = NG_EIO;
    if (!rc) {
        double t0 = now();
        rc = send_all(&r, f, stats, err);
        stats->seconds = now() - t0;
    }
    if (f) fclose(f);
    curl_slist_free_all(headers);
    curl_easy_cleanup(r.curl);
    free(r.url);
    ng_buf_free(&r.reply);
    curl_global_cleanup();
    return rc;
}
