/* src/cli/cli_actor.h -- what the actor commands (actors, screen) share:
** reading files into linked documents, and the sanctions lists to screen
** against. */
#ifndef DOTS_CLI_ACTOR_H
#define DOTS_CLI_ACTOR_H

#include "actor/actor.h"
#include "doc/doc.h"

/* One file's documents; they point into src, which lives as long as they do. */
typedef struct cli_actor_batch {
    dots_doc **docs;
    size_t n;
    char *src;
} cli_actor_batch;

/* Read, parse and analyse one file through the pipeline (tokenize, tag,
** link) into b; free with cli_actor_batch_fini. Prints nothing; err says
** what failed (then b is empty). */
int cli_actor_docs(const char *file, cli_actor_batch *b, char *err, size_t errlen);
void cli_actor_batch_fini(cli_actor_batch *b);

/* Option values that follow a flag up to the next "--" option: the files of
** --lists FILE... Returns how many; *first is their index in argv. */
int cli_actor_optlist(int argc, char **argv, const char *flag, int *first);
/* 1 if argv[i] belongs to an option (the flag or one of its values). */
int cli_actor_is_opt(int argc, char **argv, int i, const char *const *flags_with_lists,
                     const char *const *flags_with_value);

/* Fill l with the lists named by --lists/--lists-dir, else the store's, else
** the bundled sample (noted on stderr unless quiet). 0, or 1 after printing. */
int cli_screen_lists(const char *cmd, int argc, char **argv, actor_lists *l, int quiet);

#endif
