/* src/cli/main.c -- the dots command: dispatch to the subcommands that
** registered themselves (see cli.h), and the shared option helpers. */
#include "cli/cli.h"
#include "dots.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cli_command *commands;

void cli_register(cli_command *c)
{
    /* keep the list sorted by name so help reads alphabetically */
    cli_command **p = &commands;
    while (*p && strcmp((*p)->name, c->name) < 0) p = &(*p)->next;
    c->next = *p;
    *p = c;
}

static cli_command *find(const char *name)
{
    for (cli_command *c = commands; c; c = c->next)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

int cli_fail(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "dots %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 1;
}

int cli_usage(const char *cmd)
{
    cli_command *c = find(cmd);
    if (c) fprintf(stderr, "usage: dots %s %s\n", c->name, c->usage);
    return 2;
}

const char *cli_opt(int argc, char **argv, const char *name)
{
    size_t n = strlen(name);
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], name, n) != 0) continue;
        if (argv[i][n] == '=') return argv[i] + n + 1;
        if (argv[i][n] == 0 && i + 1 < argc) return argv[i + 1];
    }
    return NULL;
}

int cli_flag(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0) return 1;
    return 0;
}

const char *cli_default_db(void)
{
    const char *db = getenv("DOTS_DB");
    return db && *db ? db : "dots.db";
}

static void help(FILE *f)
{
    fprintf(f, "dots %s -- connect the dots in conflict reporting\n\n"
               "usage: dots COMMAND [ARGS]\n\ncommands:\n", DOTS_VERSION);
    for (cli_command *c = commands; c; c = c->next)
        fprintf(f, "  %-9s %s\n            %s\n", c->name, c->usage, c->help);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        help(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) { printf("dots %s\n", DOTS_VERSION); return 0; }
    cli_command *c = find(argv[1]);
    if (!c) {
        fprintf(stderr, "dots: unknown command '%s' (try dots --help)\n", argv[1]);
        return 2;
    }
    if (cli_flag(argc - 1, argv + 1, "--help")) {
        printf("usage: dots %s %s\n%s\n", c->name, c->usage, c->help);
        return 0;
    }
    return c->fn(argc - 1, argv + 1);
}
