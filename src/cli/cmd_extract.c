/* src/cli/cmd_extract.c -- `dots extract FILE... [--json] [--date YYYY-MM-DD]`:
** run the whole pipeline on each file and print its claims. --json writes the
** JSON Lines of spec/claims.md (one object per document, what dev-eval's
** score.py reads); the default is one claim per line for people, with the
** readers' claims listed apart from the article's. --date gives the date of
** documents that carry none, so "On May 21" and "Friday" can resolve. */
#include "cli/cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/pipeline.h"
#include "dots.h"
#include "extract/extract.h"
#include "text/text.h"

static int valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
           m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void print_text(const dots_doc *d)
{
    buf b;
    buf_init(&b);
    printf("== %s%s%s (%zu actors, %zu claims)\n", d->name ? d->name : "?",
           d->date ? " " : "", d->date ? d->date : "", d->nactors, d->nclaims);
    for (int pass = 0; pass < 2; pass++) {
        int header = 0;
        for (size_t i = 0; i < d->nclaims; i++) {
            const doc_claim *c = &d->claims[i];
            if ((c->origin_comment >= 0) != pass) continue;
            if (pass && !header) { printf("-- readers' comments\n"); header = 1; }
            buf_reset(&b);
            if (extract_claim_format(d, c, &b) == DOTS_OK) printf("  %s\n", b.s);
        }
    }
    buf_fini(&b);
}

static int print_json(const dots_doc *d)
{
    json_t *o = extract_doc_json(d);
    if (!o) return DOTS_ENOMEM;
    char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII * 0);
    json_decref(o);
    if (!s) return DOTS_ENOMEM;
    puts(s);
    free(s);
    return DOTS_OK;
}

CLI_COMMAND(cmd_extract, "extract", "FILE... [--json] [--date YYYY-MM-DD] [--format F]",
            "extract actors and claims from pages (text, HTML, JSON Lines)")
static int cmd_extract(int argc, char **argv)
{
    int json = cli_flag(argc, argv, "--json");
    const char *date = cli_opt(argc, argv, "--date");
    const char *format = cli_opt(argc, argv, "--format");
    char err[512];
    int status = 0, nfiles = 0;

    if (date && !valid_date(date))
        return cli_fail("extract", "--date wants YYYY-MM-DD, not '%s'", date), 2;
    dots_pipeline *p = pipeline_new(err, sizeof err);
    if (!p) return cli_fail("extract", "%s", err);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) continue;
        if (strcmp(argv[i], "--date") == 0 || strcmp(argv[i], "--format") == 0) { i++; continue; }
        if (strncmp(argv[i], "--", 2) == 0 && argv[i][2]) {
            if (strncmp(argv[i], "--date=", 7) && strncmp(argv[i], "--format=", 9)) {
                pipeline_free(p);
                cli_fail("extract", "unknown option '%s'", argv[i]);
                return cli_usage("extract");
            }
            continue;
        }
        nfiles++;
        char *src = NULL;
        size_t len = 0;
        if (base_read_file(argv[i], &src, &len, err, sizeof err) != DOTS_OK) {
            cli_fail("extract", "%s", err);
            status = 1;
            continue;
        }
        dots_doc **docs = NULL;
        size_t ndocs = 0;
        int rc = text_parse(argv[i], src, len, format, &docs, &ndocs, err, sizeof err);
        if (rc != DOTS_OK) { cli_fail("extract", "%s", err); status = 1; }
        for (size_t k = 0; k < ndocs; k++) {
            dots_doc *d = docs[k];
            if (!d->date && date) d->date = arena_strdup(d->arena, date);
            int prc = pipeline_run(p, d);
            for (size_t w = 0; w < d->nwarnings; w++)
                fprintf(stderr, "dots extract: %s: %s\n", d->name ? d->name : argv[i],
                        d->warnings[w]);
            if (prc != DOTS_OK) {
                cli_fail("extract", "%s: %s", d->name ? d->name : argv[i], dots_strerror(prc));
                status = 1;
            } else if (json ? print_json(d) : (print_text(d), DOTS_OK)) {
                cli_fail("extract", "out of memory");
                status = 1;
            }
            doc_free(d);
        }
        free(docs);
        free(src);
    }
    pipeline_free(p);
    if (!nfiles) return cli_usage("extract");
    return status;
}
