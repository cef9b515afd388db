/* src/cli/cli.h -- how a subcommand joins the dots command. Each file in
** src/cli/ defines its commands with CLI_COMMAND, which registers them at
** start-up, so adding a command never touches main.c. A command returns the
** process exit status: 0 ok, 1 failure (message printed), 2 usage error.
** Only src/cli/ prints to the user or decides what a failure means. */
#ifndef DOTS_CLI_H
#define DOTS_CLI_H

typedef int (*cli_fn)(int argc, char **argv);   /* argv[0] is the command name */

typedef struct cli_command {
    const char *name;
    const char *usage;      /* one line: arguments and options */
    const char *help;       /* one line: what it does */
    cli_fn fn;
    struct cli_command *next;
} cli_command;

void cli_register(cli_command *c);

#define CLI_COMMAND(ident, name_, usage_, help_)                               \
    static int ident(int argc, char **argv);                                   \
    static cli_command ident##_cmd = { name_, usage_, help_, ident, 0 };        \
    __attribute__((constructor)) static void ident##_register(void)            \
    { cli_register(&ident##_cmd); }

/* Print "dots NAME: message" to stderr; returns 1 (or 2 for usage). */
int cli_fail(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_usage(const char *cmd);

/* Find an option's value: "--db X" or "--db=X". Returns NULL when absent. */
const char *cli_opt(int argc, char **argv, const char *name);
/* 1 when a flag ("--json") is present. */
int cli_flag(int argc, char **argv, const char *name);
/* The default database: $DOTS_DB, else "dots.db". */
const char *cli_default_db(void);

#endif
