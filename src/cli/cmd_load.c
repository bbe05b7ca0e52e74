/* newsgraph load: push a store's graph to a SPARQL store (Graph Store
 * HTTP Protocol). */
#include "cli.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/sparql.h"
#include "newsgraph/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage_load(FILE *f)
{
    fprintf(f,
            "usage: newsgraph load --store FILE --endpoint URL [options]\n\n"
            "Send the store's graph (N-Triples) to a SPARQL 1.1 Graph Store endpoint, for\n"
            "example Virtuoso's http://HOST:8890/sparql-graph-crud-auth.\n\n"
            "  --store FILE       the store to load\n"
            "  --endpoint URL     the Graph Store endpoint\n"
            "  --graph IRI        the graph to fill (default: the store's IRI base)\n"
            "  --replace          replace the graph's contents (default: add to them)\n"
            "  --user U           HTTP user (digest or basic authentication)\n"
            "  --password P       HTTP password (or $NEWSGRAPH_PASSWORD)\n"
            "  --batch N          triples per request (default %d)\n"
            "  -q, --quiet        no progress or summary on stderr\n"
            "  -h, --help         this help\n",
            NG_LOAD_BATCH);
}

static void show_progress(void *ud, unsigned long sent)
{
    (void)ud;
    fprintf(stderr, "\r%lu triples sent", sent);
}

int cmd_load(int argc, char **argv)
{
    enum { O_STORE = CLI_OPT_OWN, O_ENDPOINT, O_GRAPH, O_REPLACE, O_USER, O_PASSWORD, O_BATCH };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"endpoint", required_argument, 0, O_ENDPOINT},
                                          {"graph", required_argument, 0, O_GRAPH},
                                          {"replace", no_argument, 0, O_REPLACE},
                                          {"user", required_argument, 0, O_USER},
                                          {"password", required_argument, 0, O_PASSWORD},
                                          {"batch", required_argument, 0, O_BATCH},
                                          {"quiet", no_argument, 0, 'q'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    ng_load_options o = {.retries = -1, .password = getenv("NEWSGRAPH_PASSWORD")};
    const char *store = NULL;
    int quiet = 0, c;
    char *end;
    cli_common unused = {0};
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":qh", longs, NULL)) != -1) {
        switch (c) {
        case O_STORE:
            store = optarg;
            break;
        case O_ENDPOINT:
            o.endpoint = optarg;
            break;
        case O_GRAPH:
            o.graph = optarg;
            break;
        case O_REPLACE:
            o.replace = 1;
            break;
        case O_USER:
            o.user = optarg;
            break;
        case O_PASSWORD:
            o.password = optarg;
            break;
        case O_BATCH:
            o.batch = strtoul(optarg, &end, 10);
            if (*end || !o.batch || optarg[0] == '-') {
                fprintf(stderr, "%s: --batch needs a positive number, not '%s'\n", prog, optarg);
                return EXIT_USAGE;
            }
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            usage_load(stdout);
            return EXIT_OK;
        default:
            cli_common_option(c, optarg, argv, &unused);
            return EXIT_USAGE;
        }
    }
    if (!store || !o.endpoint || optind < argc) {
        fprintf(stderr, "%s: load needs --store FILE and --endpoint URL, and no other arguments\n",
                prog);
        return EXIT_USAGE;
    }
    int progress = !quiet && isatty(STDERR_FILENO);
    if (progress) o.progress = show_progress;
    ng_error err = {0};
    cli_store cs;
    ng_load_stats st;
    int status = EXIT_FAIL;
    if (cli_store_open(&cs, store, NULL)) {
        cli_store_close(&cs);
        return EXIT_FAIL;
    }
    if (ng_sparql_load(cs.ctx, cs.s, &o, &st, &err)) {
        if (progress) fputc('\n', stderr);
        fprintf(stderr, "%s: load: %s\n", prog, err.msg);
    } else {
        if (progress) fputc('\n', stderr);
        if (!quiet)
            fprintf(stderr,
                    "%s: %lu triples in %lu requests (%lu retried), %.2f s, %.0f triples/s\n", prog,
                    st.triples, st.requests, st.retries, st.seconds,
                    st.seconds > 0 ? (double)st.triples / st.seconds : 0.0);
        status = EXIT_OK;
    }
    cli_store_close(&cs);
    return status;
}
