/* Shared pieces of the command-line tool: exit codes, option checks, the
 * ontology location and safe output files. Only the tool includes this. */
#ifndef NG_CLI_H
#define NG_CLI_H

#include <stdio.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#ifndef NG_ONTOLOGY_DIR
#define NG_ONTOLOGY_DIR "ontology"
#endif

extern const char *prog;

/* YYYY-MM-DD with a plausible month and day. */
int cli_valid_date(const char *d);
/* --ontology, else $NEWSGRAPH_ONTOLOGY, else the source tree's folder. */
const char *cli_ontology_dir(const char *opt);
/* Open path for writing through a temporary file (stdout for NULL or "-"). */
FILE *cli_open_output(const char *path, char **tmp);
/* Close and, when ok, rename the temporary file over path; 0 on success. */
int cli_close_output(FILE *f, const char *path, char *tmp, int ok);

/* Options every command takes: codes, long names, and where they land. */
enum {
    CLI_OPT_LANG = 256,
    CLI_OPT_DATE,
    CLI_OPT_BASE,
    CLI_OPT_ONTOLOGY,
    CLI_OPT_MODELS,
    CLI_OPT_OWN
};
#define CLI_COMMON_OPTIONS                                                                         \
    {"lang", required_argument, 0, CLI_OPT_LANG}, {"date", required_argument, 0, CLI_OPT_DATE},    \
        {"base", required_argument, 0, CLI_OPT_BASE},                                              \
        {"ontology", required_argument, 0, CLI_OPT_ONTOLOGY},                                      \
    {                                                                                              \
        "models", required_argument, 0, CLI_OPT_MODELS                                             \
    }

typedef struct cli_common {
    const char *lang, *date, *base, *ontology, *models;
} cli_common;

#ifndef NG_MODELS_DIR
#define NG_MODELS_DIR "models"
#endif
/* --models, else $NEWSGRAPH_MODELS, else the source tree's folder. */
const char *cli_models_dir(const char *opt);
/* The models of that folder (each loaded on first use); when lang is given,
 * its model is loaded now so that a missing or broken file is reported
 * before any input is read. Prints the error and returns -1 on failure. */
struct ng_models;
int cli_load_models(const char *dir_opt, const char *lang, struct ng_models **out);

/* Take option c if it is a common one, and report a missing value or an
 * unknown option (argv names it). Returns 0 when handled, -1 after printing
 * a usage error. */
int cli_common_option(int c, const char *arg, char **argv, cli_common *o);
/* Open an existing store for a reading command (which never creates one);
 * prints the error and returns -1 on failure. */
struct ng_store;
int cli_open_store(const char *path, struct ng_store **s);
/* The same, and a context for the commands that write RDF or diagrams; on
 * failure prints the error and returns -1 (the caller frees what was made). */
struct ng_context;
int cli_open_store_context(const char *path, struct ng_store **s, struct ng_context **ctx);

/* For commands that take --store FILE and positional arguments (which may
 * follow or precede it): the index of the first positional argument, 0 after
 * printing usage for --help, -1 after printing a usage error. */
int cli_store_and_args(int argc, char **argv, const char *usage, const char **store);

/* Usage error unless files follow the options. */
int cli_need_files(int argc, const char *command);

int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_mentions(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_alias(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_diagram(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);

#endif
