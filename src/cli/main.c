/* newsgraph: the command-line tool. A thin client of the library: parse
 * options, call the library, map errors to exit codes.
 *
 * Exit codes: 0 success, 1 an input or output failed (other inputs are still
 * processed), 2 usage error. */
#include "newsgraph/newsgraph.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The command table: one file per command, each with main's signature. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} commands[] = {
    {"extract", cmd_extract, "read articles and write their knowledge graph"},
    {"parse", cmd_parse, "print the grammar of articles (CoNLL-U), or re-parse a CoNLL-U file"},
    {"train", cmd_train, "train a tagger and parser model from CoNLL-U treebanks"},
    {"train-entities", cmd_train_entities, "train an entity tagger model from BIO token files"},
    {"mentions", cmd_mentions, "list the entity mentions of articles (TSV), or tag CoNLL tokens"},
    {"add", cmd_add, "add articles to a persistent store (SQLite), linking their entities"},
    {"entities", cmd_entities, "list the entities of a store"},
    {"stats", cmd_stats, "count what a store holds"},
    {"verbs", cmd_verbs,
     "list the verbs joining entities of a store that the lexicon does not map"},
    {"export", cmd_export, "write a store as RDF (turtle, ntriples, nquads, rdfxml)"},
    {"diagram", cmd_diagram, "draw who relates to whom in a store (svg, png, dot, html)"},
    {"show", cmd_show, "every claim about an entity of a store, and how it was linked"},
    {"merge", cmd_merge, "make two entities of a store one, now and for later articles"},
    {"split", cmd_split, "take the mentions written one way out of an entity"},
    {"alias", cmd_alias, "add or remove a name of an entity; list the corrections made"},
    {"load", cmd_load, "send a store's graph to a SPARQL store (Graph Store HTTP Protocol)"},
    {"query", cmd_query, "answer a SPARQL query over a store, locally (Rasqal)"},
};

static void usage_main(FILE *f)
{
    fprintf(f, "usage: newsgraph <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\nRun 'newsgraph <command> --help' for the options of a command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage_main(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("newsgraph %s\n", NG_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s' (see --help)\n", prog, argv[1]);
    return EXIT_USAGE;
}
