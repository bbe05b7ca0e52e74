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

int cmd_extract(int argc, char **argv);
int cmd_mentions(int argc, char **argv);

#endif
