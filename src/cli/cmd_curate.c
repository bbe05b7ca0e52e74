/* newsgraph merge / split / alias: the user's corrections to linking, kept in
 * the store and applied to every article added later. */
#include "cli.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Open the store named by --store and check the number of names; returns the
 * index of the first name, 0 when done (help), -1 after printing an error. */
static int curate_args(int argc, char **argv, const char *usage, int names, cli_store *cs)
{
    const char *store;
    int first = cli_store_and_args(argc, argv, usage, &store);
    if (first <= 0) return first;
    if (argc - first != names) {
        fprintf(stderr, "%s: %s takes %d names (see --help)\n", prog, argv[0], names);
        return -1;
    }
    if (!cli_store_open(cs, store, NULL)) return first;
    cli_store_close(cs);
    return -2;
}

static int exit_for(int first)
{
    return first == 0 ? EXIT_OK : first == -1 ? EXIT_USAGE : EXIT_FAIL;
}

static int report(cli_store *cs, int rc, const ng_error *err)
{
    if (rc) fprintf(stderr, "%s: %s\n", prog, err->msg);
    cli_store_close(cs);
    return rc ? EXIT_FAIL : EXIT_OK;
}

int cmd_merge(int argc, char **argv)
{
    const char *usage =
        "usage: newsgraph merge --store FILE KEEP OTHER\n"
        "OTHER (a name, an alias or an IRI) becomes part of KEEP: its mentions, claims\n"
        "and aliases move, exports give KEEP owl:sameAs OTHER's IRI, and articles added\n"
        "later link what would have been OTHER to KEEP.\n";
    cli_store cs = {0};
    int first = curate_args(argc, argv, usage, 2, &cs);
    if (first <= 0) return exit_for(first);
    ng_store *s = cs.s;
    ng_error err = {0};
    int rc = ng_store_merge(s, argv[first], argv[first + 1], &err);
    if (!rc) printf("merged '%s' into '%s'\n", argv[first + 1], argv[first]);
    return report(&cs, rc, &err);
}

int cmd_split(int argc, char **argv)
{
    const char *usage =
        "usage: newsgraph split --store FILE ENTITY NAME\n"
        "The mentions of ENTITY written NAME (case and accents aside) become an entity\n"
        "of their own, with the claims they took part in; NAME never links to ENTITY\n"
        "again, in this store or in articles added later.\n";
    cli_store cs = {0};
    int first = curate_args(argc, argv, usage, 2, &cs);
    if (first <= 0) return exit_for(first);
    ng_store *s = cs.s;
    ng_error err = {0};
    long moved = 0;
    char *iri = NULL;
    int rc = ng_store_split(s, argv[first], argv[first + 1], &moved, &iri, &err);
    if (!rc && moved)
        printf("split '%s' off '%s': %ld mention%s moved to %s\n", argv[first + 1], argv[first],
               moved, moved == 1 ? "" : "s", iri);
    else if (!rc)
        printf("no mention of '%s' is written '%s'; from now on that name never links to it\n",
               argv[first], argv[first + 1]);
    free(iri);
    return report(&cs, rc, &err);
}

static int print_curation(void *ud, const ng_store_curation *c)
{
    fprintf(ud, "%s\t%s\t%s\t%s\t%s\n", c->op, c->name ? c->name : "-",
            c->from_iri ? c->from_iri : "-", c->to_iri ? c->to_iri : "-", c->made);
    return 0;
}

int cmd_alias(int argc, char **argv)
{
    const char *usage = "usage: newsgraph alias add --store FILE ENTITY NAME\n"
                        "       newsgraph alias remove --store FILE ENTITY NAME\n"
                        "       newsgraph alias list --store FILE\n"
                        "add: NAME means ENTITY, now and in every article added later.\n"
                        "remove: NAME is no longer an alias of ENTITY and never links to it again\n"
                        "(mentions already linked stay: split moves them).\n"
                        "list: every correction made to the store (merge, split, alias, unalias),\n"
                        "oldest first: operation, name, from IRI, to IRI, when (UTC).\n";
    if (argc < 2 ||
        (strcmp(argv[1], "add") && strcmp(argv[1], "remove") && strcmp(argv[1], "list"))) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        fprintf(stderr, "%s: alias needs add, remove or list (see --help)\n", prog);
        return EXIT_USAGE;
    }
    const char *what = argv[1];
    cli_store cs = {0};
    int first = curate_args(argc - 1, argv + 1, usage, strcmp(what, "list") ? 2 : 0, &cs);
    if (first <= 0) return exit_for(first);
    ng_store *s = cs.s;
    first++; /* argv[1] was the subcommand */
    ng_error err = {0};
    int rc;
    if (strcmp(what, "list") == 0)
        rc = ng_store_each_curation(s, NULL, print_curation, stdout, &err);
    else if (strcmp(what, "add") == 0)
        rc = ng_store_alias_add(s, argv[first], argv[first + 1], &err);
    else
        rc = ng_store_alias_remove(s, argv[first], argv[first + 1], &err);
    return report(&cs, rc, &err);
}
