/* src/cli/cli_graph.c -- shared pieces of the query commands: the database
** option, filters, and text rendering of claims (the JSON is graph.h's). */
#include "cli/cli_graph.h"
#include "cli/cli.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

store *cli_store_open(const char *cmd, int argc, char **argv)
{
    const char *db = cli_opt(argc, argv, "--db");
    char err[512];
    store *s;
    if (!db) db = cli_default_db();
    /* A query on a mistyped path would create an empty database and answer
    ** "no actor": say what is wrong instead. `lists load` may create one. */
    if (strncmp(db, "postgres", 8) != 0 && strcmp(cmd, "lists") != 0 && access(db, F_OK) != 0) {
        cli_fail(cmd, "%s: no such database (dots ingest creates it; --db or $DOTS_DB "
                      "names another)", db);
        return NULL;
    }
    if (store_open(db, &s, err, sizeof err)) {
        cli_fail(cmd, "%s", err);
        return NULL;
    }
    return s;
}

void cli_filter(int argc, char **argv, graph_filter *f)
{
    memset(f, 0, sizeof *f);
    f->predicate = cli_opt(argc, argv, "--predicate");
    f->since = cli_opt(argc, argv, "--since");
    f->until = cli_opt(argc, argv, "--until");
    f->source = cli_opt(argc, argv, "--source");
    f->origin = cli_opt(argc, argv, "--origin");
}

int cli_graph_fail(const char *cmd, store *s, int rc)
{
    const char *m = store_errmsg(s);
    return cli_fail(cmd, "%s", m && *m ? m : dots_strerror(rc));
}

void cli_print_json(json_t *o)
{
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s) { puts(s); free(s); }
}

static const char *str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? v : "";
}

void cli_print_claim(json_t *c, const char *indent)
{
    json_t *doc = json_object_get(c, "doc"), *ev = json_object_get(c, "evidence");
    printf("%s#%lld %s -%s-> %s", indent, (long long)json_integer_value(json_object_get(c, "id")),
           str(json_object_get(c, "subject"), "name"), str(c, "predicate"),
           str(json_object_get(c, "object"), "name"));
    if (*str(c, "time")) printf("  %s", str(c, "time"));
    if (strcmp(str(c, "polarity"), "asserted")) printf("  [%s]", str(c, "polarity"));
    if (*str(c, "source")) printf("  per %s", str(c, "source"));
    if (strcmp(str(c, "origin"), "comment") == 0) printf("  (reader comment)");
    if (strcmp(str(c, "status"), "unreviewed")) printf("  {%s}", str(c, "status"));
    printf("\n%s    \"%s\" -- %s", indent, str(ev, "sentence"), str(doc, "name"));
    if (*str(doc, "date")) printf(", %s", str(doc, "date"));
    putchar('\n');
}

int cli_positional(int argc, char **argv, const char *const *valued, char **out, int max)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--", 2) == 0 || (argv[i][0] == '-' && argv[i][1])) {
            if (strchr(argv[i], '=')) continue;
            for (const char *const *v = valued; *v; v++)
                if (strcmp(argv[i], *v) == 0) { i++; break; }
            continue;
        }
        if (n < max) out[n] = argv[i];
        n++;
    }
    return n;
}
