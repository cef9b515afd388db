/* src/cli/cmd_match.c -- `dots match`: how alike two names are, and why.
**   dots match NAME1 NAME2        similarity, verdict and the word pairs
**   dots match --pairs FILE.csv   CSV name1,name2 (header optional) -> CSV
**                                 name1,name2,score,match in input order
** The CSV reader takes RFC 4180 quoting ("" inside quotes) so names with
** commas ("BAGHBANI, Gholamreza") can be given quoted. A malformed row is an
** error naming file and line, and nothing is printed for a file that fails. */
#include "actor/actor.h"
#include "cli/cli.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse one CSV field starting at *p; returns 0 on a quoting error. */
static int csv_field(const char **p, buf *out)
{
    const char *s = *p;
    buf_reset(out);
    buf_putc(out, 0);
    out->len = 0;
    if (*s == '"') {
        s++;
        for (;;) {
            if (!*s || *s == '\n' || *s == '\r') return 0;
            if (*s == '"') {
                if (s[1] == '"') { buf_putc(out, '"'); s += 2; continue; }
                s++;
                break;
            }
            buf_putc(out, *s++);
        }
        while (*s == ' ' || *s == '\t') s++;
        if (*s && *s != ',' && *s != '\n' && *s != '\r') return 0;
    } else {
        while (*s && *s != ',' && *s != '\n' && *s != '\r') {
            if (*s == '"') return 0;
            buf_putc(out, *s++);
        }
    }
    *p = s;
    return 1;
}

static void csv_put(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) { fputs(s, f); return; }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static int run_pairs(const char *path)
{
    char err[512], *data = NULL;
    size_t len;
    if (base_read_file(path, &data, &len, err, sizeof err)) return cli_fail("match", "%s", err);
    buf a, b, out;
    buf_init(&a); buf_init(&b); buf_init(&out);
    int rc = 0;
    size_t line = 0;
    const char *p = data;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;      /* a BOM from spreadsheets */
    while (*p) {
        line++;
        const char *eol = p + strcspn(p, "\n");
        if (eol == p || (eol == p + 1 && *p == '\r')) { p = *eol ? eol + 1 : eol; continue; }
        if (!csv_field(&p, &a) || *p != ',') {
            rc = cli_fail("match", "%s:%zu: expected two CSV fields name1,name2", path, line);
            break;
        }
        p++;
        if (!csv_field(&p, &b) || (*p && *p != '\n' && *p != '\r')) {
            rc = cli_fail("match", "%s:%zu: bad quoting or more than two fields", path, line);
            break;
        }
        while (*p == '\r') p++;
        if (*p == '\n') p++;
        if (line == 1 && !strcmp(a.s, "name1") && !strcmp(b.s, "name2")) continue;   /* header */
        double s = actor_name_similarity(a.s, b.s, NULL);
        char *row = NULL;
        size_t rl = 0;
        FILE *f = open_memstream(&row, &rl);
        if (!f) { rc = cli_fail("match", "out of memory"); break; }
        csv_put(f, a.s);
        fputc(',', f);
        csv_put(f, b.s);
        fprintf(f, ",%.3f,%s\n", s, s >= ACTOR_MATCH_THRESHOLD ? "true" : "false");
        fclose(f);
        buf_append(&out, row, rl);
        free(row);
    }
    if (!rc) {
        fputs("name1,name2,score,match\n", stdout);
        fwrite(out.s ? out.s : "", 1, out.len, stdout);
    }
    buf_fini(&a); buf_fini(&b); buf_fini(&out);
    free(data);
    return rc;
}

CLI_COMMAND(cmd_match, "match", "NAME1 NAME2 | --pairs FILE.csv",
            "similarity of two names (0-1) and which parts paired")
static int cmd_match(int argc, char **argv)
{
    const char *pairs = cli_opt(argc, argv, "--pairs");
    if (pairs) return run_pairs(pairs);
    if (argc != 3) return cli_usage("match");
    buf why;
    buf_init(&why);
    double s = actor_name_similarity(argv[1], argv[2], &why);
    printf("%.3f %s (threshold %.2f)\n", s, s >= ACTOR_MATCH_THRESHOLD ? "match" : "no match",
           ACTOR_MATCH_THRESHOLD);
    printf("  %s\n", why.s ? why.s : "");
    buf_fini(&why);
    return 0;
}
