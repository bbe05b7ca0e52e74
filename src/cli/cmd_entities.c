/* newsgraph entities / stats: what the store holds. */
#include "cli.h"
#include "newsgraph/newsgraph.h"
#include "newsgraph/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct store_opts {
    const char *store, *type, *search;
} store_opts;

static int parse_store_opts(int argc, char **argv, store_opts *o, int with_filters,
                            const char *command, const char *usage)
{
    enum { O_STORE = CLI_OPT_OWN, O_TYPE, O_SEARCH };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"type", required_argument, 0, O_TYPE},
                                          {"search", required_argument, 0, O_SEARCH},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
        if (c == O_STORE) {
            o->store = optarg;
        } else if (c == O_TYPE && with_filters) {
            o->type = optarg;
        } else if (c == O_SEARCH && with_filters) {
            o->search = optarg;
        } else if (c == 'h') {
            fputs(usage, stdout);
            exit(EXIT_OK);
        } else {
            cli_common c0 = {0};
            cli_common_option(c == O_TYPE || c == O_SEARCH ? '?' : c, optarg, argv, &c0);
            return -1;
        }
    }
    if (!o->store) {
        fprintf(stderr, "%s: %s needs --store FILE (see --help)\n", prog, command);
        return -1;
    }
    if (optind < argc) {
        fprintf(stderr, "%s: %s takes no FILE arguments\n", prog, command);
        return -1;
    }
    return 0;
}

static int print_entity(void *ud, const ng_store_entity *e)
{
    fprintf(ud, "%s\t%s\t%ld\t%s\t%s\n", e->name, e->type, e->articles, e->aliases, e->iri);
    return 0;
}

int cmd_entities(int argc, char **argv)
{
    store_opts o = {0};
    if (parse_store_opts(argc, argv, &o, 1, "entities",
                         "usage: newsgraph entities --store FILE [--type CLASS] [--search NAME]\n"
                         "One line per entity: name, class, articles, aliases, IRI.\n"))
        return EXIT_USAGE;
    cli_store cs;
    if (cli_store_open(&cs, o.store, NULL)) {
        cli_store_close(&cs);
        return EXIT_FAIL;
    }
    ng_error err = {0};
    printf("name\tclass\tarticles\taliases\tiri\n");
    int rc = ng_store_each_entity(cs.s, o.type, o.search, print_entity, stdout, &err);
    if (rc) fprintf(stderr, "%s: %s\n", prog, err.msg);
    cli_store_close(&cs);
    return rc || fflush(stdout) ? EXIT_FAIL : EXIT_OK;
}

int cmd_stats(int argc, char **argv)
{
    store_opts o = {0};
    if (parse_store_opts(argc, argv, &o, 0, "stats",
                         "usage: newsgraph stats --store FILE\n"
                         "Counts of articles, entities, aliases, claims and linking decisions.\n"))
        return EXIT_USAGE;
    cli_store cs;
    if (cli_store_open(&cs, o.store, NULL)) {
        cli_store_close(&cs);
        return EXIT_FAIL;
    }
    ng_error err = {0};
    ng_store_counts n;
    int rc = ng_store_stats(cs.s, &n, &err);
    if (rc)
        fprintf(stderr, "%s: %s\n", prog, err.msg);
    else
        printf("articles\t%ld\nentities\t%ld\naliases\t%ld\nclaims\t%ld\nlinks\t%ld\n", n.articles,
               n.entities, n.aliases, n.claims, n.links);
    cli_store_close(&cs);
    return rc ? EXIT_FAIL : EXIT_OK;
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "-";
}

static int print_claim(void *ud, const ng_store_claim *c)
{
    fprintf(ud, "claim\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c->subject, c->property, c->object,
            or_dash(c->modality), or_dash(c->when), or_dash(c->speaker), or_dash(c->pattern),
            or_dash(c->article), or_dash(c->sentence));
    return 0;
}

/* The links of one entity, and the classes its mentions supported. */
typedef struct link_votes {
    FILE *out;
    size_t votes[NG_TYPE_COUNT], links;
} link_votes;

static int print_link(void *ud, const ng_store_link *l)
{
    link_votes *v = ud;
    fprintf(v->out, "link\t%s\t%s\t%s\t%s\n", l->surface, l->rule, or_dash(l->article),
            or_dash(l->type));
    int t = l->type ? ng_type_parse(l->type) : -1;
    if (t > 0) v->votes[t]++;
    v->links++;
    return 0;
}

/* "type CLASS N of M": the class most of the entity's mentions support, as
 * the store decides it (ties: the first name). */
static void print_support(const link_votes *v)
{
    int best = 0;
    for (int t = 1; t < NG_TYPE_COUNT; t++)
        if (v->votes[t] > v->votes[best] ||
            (v->votes[t] == v->votes[best] && v->votes[t] && best &&
             strcmp(ng_type_name((ng_type)t), ng_type_name((ng_type)best)) < 0))
            best = t;
    printf("type\t%s\t%zu of %zu mentions\n", ng_type_name((ng_type)best), v->votes[best],
           v->links);
}

static int print_curation(void *ud, const ng_store_curation *c)
{
    fprintf(ud, "curation\t%s\t%s\t%s\t%s\t%s\n", c->op, or_dash(c->name), or_dash(c->from_iri),
            or_dash(c->to_iri), c->made);
    return 0;
}

int cmd_show(int argc, char **argv)
{
    store_opts o = {0};
    const char *usage =
        "usage: newsgraph show --store FILE NAME|IRI\n"
        "Every claim about the entity (subject, property, object, modality, date, who\n"
        "said it, pattern, article, sentence), then how each mention was linked to it,\n"
        "with the class each mention supported, the class most of them support, then\n"
        "the corrections (merge, split, alias) that name it.\n";
    int first = cli_store_and_args(argc, argv, usage, &o.store);
    if (first <= 0) return first == 0 ? EXIT_OK : EXIT_USAGE;
    if (first + 1 != argc) {
        fprintf(stderr, "%s: show needs --store FILE and one NAME or IRI\n", prog);
        return EXIT_USAGE;
    }
    cli_store cs;
    if (cli_store_open(&cs, o.store, NULL)) {
        cli_store_close(&cs);
        return EXIT_FAIL;
    }
    ng_store *s = cs.s;
    ng_error err = {0};
    char *iri = NULL;
    int rc = ng_store_find(s, argv[first], &iri, &err);
    if (!rc) {
        printf("entity\t%s\n", iri);
        rc = ng_store_each_claim(s, iri, print_claim, stdout, &err);
    }
    link_votes votes = {stdout, {0}, 0};
    if (!rc) rc = ng_store_each_link(s, iri, print_link, &votes, &err);
    if (!rc) print_support(&votes);
    if (!rc) rc = ng_store_each_curation(s, iri, print_curation, stdout, &err);
    if (rc) fprintf(stderr, "%s: %s\n", prog, err.msg);
    free(iri);
    cli_store_close(&cs);
    return rc ? EXIT_FAIL : EXIT_OK;
}

static int print_verb(void *ud, const ng_store_verb *v)
{
    const char *p = strncmp(v->pattern, "verb:", 5) == 0 ? v->pattern + 5 : v->pattern;
    const char *space = strchr(p, ' ');
    int n = space ? (int)(space - p) : (int)strlen(p);
    fprintf(ud, "%ld\t%ld\t%.*s\t%s\t%s\n", v->claims, v->articles, n, p, space ? space + 1 : "_",
            v->example);
    return 0;
}

int cmd_verbs(int argc, char **argv)
{
    enum { O_STORE = CLI_OPT_OWN, O_TOP };
    static const struct option longs[] = {{"store", required_argument, 0, O_STORE},
                                          {"top", required_argument, 0, O_TOP},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *store = NULL;
    long top = 50;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
        if (c == O_STORE) {
            store = optarg;
        } else if (c == O_TOP) {
            if (cli_int_arg(optarg, "--top", 0, 1000000, &top)) return EXIT_USAGE;
        } else if (c == 'h') {
            fputs("usage: newsgraph verbs --store FILE [--top N]\n"
                  "The verbs the lexicon (ontology/lexicon/<lang>/verbs.tsv) does not map that\n"
                  "join two entities in the store's articles, the most used first (N, default\n"
                  "50; 0 = all): claims, articles, lemma, preposition (_ = direct object), an\n"
                  "example sentence. Add a line to verbs.tsv to make one a relation.\n",
                  stdout);
            return EXIT_OK;
        } else {
            cli_common c0 = {0};
            cli_common_option(c == O_TOP ? '?' : c, optarg, argv, &c0);
            return EXIT_USAGE;
        }
    }
    if (!store || optind < argc) {
        fprintf(stderr, "%s: verbs needs --store FILE and no other arguments\n", prog);
        return EXIT_USAGE;
    }
    cli_store cs;
    if (cli_store_open(&cs, store, NULL)) {
        cli_store_close(&cs);
        return EXIT_FAIL;
    }
    ng_error err = {0};
    printf("claims\tarticles\tlemma\tpreposition\texample\n");
    int rc = ng_store_each_unmapped_verb(cs.s, (size_t)top, print_verb, stdout, &err);
    if (rc) fprintf(stderr, "%s: %s\n", prog, err.msg);
    cli_store_close(&cs);
    return rc || fflush(stdout) ? EXIT_FAIL : EXIT_OK;
}
