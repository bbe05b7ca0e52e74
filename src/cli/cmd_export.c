/* newsgraph export: the whole store as RDF, streamed from SQLite. */
#include "cli.h"
#include "newsgraph/export.h"
#include "newsgraph/link.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/ontology.h"
#include "newsgraph/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_export(FILE *f)
{
    fprintf(f, "usage: newsgraph export --store FILE [-f FORMAT] [-o FILE]\n\n"
               "  --store FILE       the store to export\n"
               "  -f, --format FMT   turtle (default), ntriples, nquads (one named graph per\n"
               "                     article, entities in the default graph), rdfxml\n"
               "  -o, --output FILE  write there instead of stdout (replaced only on success)\n"
               "  --ontology DIR     the ontology/ folder (names for linking; default:\n"
               "                     $NEWSGRAPH_ONTOLOGY or the source tree's)\n"
               "  -h, --help         this help\n");
}

int cmd_export(int argc, char **argv)
{
    enum { O_STORE = CLI_OPT_OWN };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"format", required_argument, 0, 'f'},
                                          {"output", required_argument, 0, 'o'},
                                          {"ontology", required_argument, 0, CLI_OPT_ONTOLOGY},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    ng_writer_options wo = NG_WRITER_OPTIONS_INIT;
    const char *store = NULL, *output = NULL, *ontology = NULL;
    int c, fmt;
    cli_common unused = {0};
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:o:h", longs, NULL)) != -1) {
        switch (c) {
        case O_STORE:
            store = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case CLI_OPT_ONTOLOGY:
            ontology = optarg;
            break;
        case 'f':
            fmt = ng_out_format_parse(optarg);
            if (fmt < 0 || fmt > NG_OUT_RDFXML) {
                fprintf(stderr, "%s: export writes turtle, ntriples, nquads or rdfxml, not '%s'\n",
                        prog, optarg);
                return EXIT_USAGE;
            }
            wo.format = (ng_out_format)fmt;
            break;
        case 'h':
            usage_export(stdout);
            return EXIT_OK;
        default:
            cli_common_option(c, optarg, argv, &unused);
            return EXIT_USAGE;
        }
    }
    if (!store || optind < argc) {
        fprintf(stderr, "%s: export needs --store FILE and no other arguments\n", prog);
        return EXIT_USAGE;
    }
    ng_error err = {0};
    cli_store cs;
    ng_writer *w = NULL;
    char *tmp = NULL;
    FILE *out = NULL;
    int status = EXIT_FAIL;
    if (cli_store_open(&cs, store, ontology)) goto done;
    wo.base = ng_store_base(cs.s);
    if (!(out = cli_open_output(output, &tmp))) goto done;
    if (ng_writer_new(&w, cs.ctx, NULL, out, &wo, &err) || ng_store_export(cs.s, w, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        goto done;
    }
    status = EXIT_OK;
done:
    ng_writer_free(w);
    if (out && cli_close_output(out, output, tmp, status == EXIT_OK) != 0) status = EXIT_FAIL;
    cli_store_close(&cs);
    return status;
}
