/* newsgraph query: SPARQL over a store, answered locally by Rasqal. */
#include "cli.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/sparql.h"
#include "newsgraph/store.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_query(FILE *f)
{
    fprintf(f, "usage: newsgraph query --store FILE [-f FORMAT] [-o FILE] 'SPARQL'\n"
               "       newsgraph query --store FILE [-f FORMAT] [-o FILE] --file QUERY.rq\n\n"
               "Answer a SPARQL SELECT or ASK query over the store, locally (Rasqal, on an\n"
               "in-memory copy of the graph; for large stores use a SPARQL server: load).\n\n"
               "  --store FILE       the store to query\n"
               "  --file FILE        read the query from FILE ('-' for stdin)\n"
               "  -f, --format FMT   table (default), csv, tsv, json, xml\n"
               "  -o, --output FILE  write there instead of stdout (replaced only on success)\n"
               "  -h, --help         this help\n");
}

/* The whole of a query file (malloc'd), or NULL after printing an error. */
static char *read_query(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        return NULL;
    }
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            char *b = cap < (1u << 24) ? realloc(buf, cap *= 2) : NULL;
            if (!b) free(buf);
            buf = b;
        }
    }
    int bad = !buf || ferror(f);
    if (f != stdin) fclose(f);
    if (bad) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, buf ? "read error" : "too large");
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

int cmd_query(int argc, char **argv)
{
    enum { O_STORE = CLI_OPT_OWN, O_FILE };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"file", required_argument, 0, O_FILE},
                                          {"format", required_argument, 0, 'f'},
                                          {"output", required_argument, 0, 'o'},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *store = NULL, *file = NULL, *format = "table", *output = NULL;
    int c;
    cli_common unused = {0};
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:h", longs, NULL)) != -1) {
        switch (c) {
        case O_STORE:
            store = optarg;
            break;
        case O_FILE:
            file = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            usage_query(stdout);
            return EXIT_OK;
        default:
            cli_common_option(c, optarg, argv, &unused);
            return EXIT_USAGE;
        }
    }
    if (!store || (file ? optind != argc : optind + 1 != argc)) {
        fprintf(stderr, "%s: query needs --store FILE and one query (or --file FILE)\n", prog);
        return EXIT_USAGE;
    }
    char *text = file ? read_query(file) : strdup(argv[optind]);
    if (!text) return EXIT_FAIL;
    ng_error err = {0};
    cli_store cs;
    char *tmp = NULL;
    FILE *out = NULL;
    int status = EXIT_FAIL;
    if (cli_store_open(&cs, store, NULL)) goto done;
    if (!(out = cli_open_output(output, &tmp))) goto done;
    if (ng_sparql_query(cs.ctx, cs.s, text, format, out, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    status = EXIT_OK;
done:
    if (out && cli_close_output(out, output, tmp, status == EXIT_OK) != 0) status = EXIT_FAIL;
    cli_store_close(&cs);
    free(text);
    return status;
}
