/* src/cli/cmd_segment.c -- `dots segment FILE...`: the parts of each page
** (title, date, byline, body paragraphs, tags, reader comments, topics) with
** byte offsets into the original file. --json prints one object per document
** per line; offsets are source offsets (for HTML, of the text's first and last
** byte in the markup, end exclusive), texts are decoded. A file that cannot be
** read or parsed is reported and the others still run (exit status 1). */
#include "cli/cli.h"
#include "text/text.h"
#include "dots.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *span_text(const dots_doc *d, uint32_t s, uint32_t e)
{
    json_t *j = json_stringn(d->text + s, e - s);
    return j ? j : json_string("");    /* text is valid UTF-8 after sanitizing */
}

static json_t *list(const char **v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(a, json_string(v[i]));
    return a;
}

/* The document as the JSON object `dots segment --json` prints (caller decrefs). */
static json_t *segment_json(const dots_doc *d)
{
    json_t *o = json_object(), *body = json_array(), *comments = json_array(),
           *segs = json_array(), *warn = json_array();
    json_object_set_new(o, "file", json_string(d->file));
    json_object_set_new(o, "name", json_string(d->name));
    json_object_set_new(o, "format", json_string(d->format));
    if (d->ext_id) json_object_set_new(o, "id", json_string(d->ext_id));
    if (d->url) json_object_set_new(o, "url", json_string(d->url));
    json_object_set_new(o, "title", str_or_null(d->title));
    json_object_set_new(o, "date", str_or_null(d->date));
    json_object_set_new(o, "byline", str_or_null(d->byline));
    for (size_t i = 0; i < d->nsegs; i++) {
        const doc_seg *g = &d->segs[i];
        json_t *s = json_object();
        json_object_set_new(s, "kind", json_string(doc_seg_kind_name(g->kind)));
        json_object_set_new(s, "start", json_integer((json_int_t)g->src_start));
        json_object_set_new(s, "end", json_integer((json_int_t)g->src_end));
        json_array_append_new(segs, s);
        if (g->kind != SEG_BODY) continue;
        json_t *b = json_object();
        json_object_set_new(b, "start", json_integer((json_int_t)g->src_start));
        json_object_set_new(b, "end", json_integer((json_int_t)g->src_end));
        json_object_set_new(b, "text", span_text(d, g->start, g->end));
        json_array_append_new(body, b);
    }
    json_object_set_new(o, "body", body);
    json_object_set_new(o, "tags", list(d->tags, d->ntags));
    for (size_t i = 0; i < d->ncomments; i++) {
        const doc_comment *c = &d->comments[i];
        json_t *j = json_object();
        json_object_set_new(j, "author", json_string(c->author));
        json_object_set_new(j, "text", span_text(d, c->start, c->end));
        json_object_set_new(j, "start", json_integer((json_int_t)c->src_start));
        json_object_set_new(j, "end", json_integer((json_int_t)c->src_end));
        json_object_set_new(j, "empty", json_boolean(c->empty));
        json_array_append_new(comments, j);
    }
    json_object_set_new(o, "comments", comments);
    json_object_set_new(o, "topics", list(d->topics, d->ntopics));
    json_object_set_new(o, "segments", segs);
    for (size_t i = 0; i < d->nwarnings; i++)
        json_array_append_new(warn, json_string(d->warnings[i]));
    json_object_set_new(o, "warnings", warn);
    return o;
}

/* One line of the listing: kind, source range, the text cut to fit a screen. */
static void show(const char *kind, size_t s, size_t e, const char *pre, const char *t, size_t n)
{
    printf("%-8s %7zu-%-7zu %s", kind, s, e, pre);
    size_t max = 90, k = 0;
    for (; k < n && k < max; k++) {
        char c = t[k];
        putchar(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    /* finish a UTF-8 sequence that the cut split */
    while (k < n && ((unsigned char)t[k] & 0xC0) == 0x80) putchar(t[k++]);
    if (k < n) fputs("...", stdout);
    putchar('\n');
}

static void listing(const dots_doc *d)
{
    printf("== %s (%s)%s%s\n", d->name, d->format, d->date ? " date " : "", d->date ? d->date : "");
    for (size_t i = 0; i < d->nsegs; i++) {
        const doc_seg *g = &d->segs[i];
        const char *t = d->text + g->start;
        size_t n = g->end - g->start;
        if (g->kind == SEG_COMMENT) {
            const doc_comment *c = &d->comments[g->comment];
            char pre[128];
            snprintf(pre, sizeof pre, "#%d [%s] ", g->comment + 1,
                     *c->author ? c->author : "author lost");
            if (c->empty) show("comment", g->src_start, g->src_end, pre, "(empty)", 7);
            else show("comment", g->src_start, g->src_end, pre, t, n);
        } else {
            show(doc_seg_kind_name(g->kind), g->src_start, g->src_end, "", t, n);
        }
    }
    size_t nbody = 0;
    for (size_t i = 0; i < d->nsegs; i++) nbody += d->segs[i].kind == SEG_BODY;
    printf("   %zu body paragraphs, %zu comments, %zu tags, %zu topics\n",
           nbody, d->ncomments, d->ntags, d->ntopics);
}

CLI_COMMAND(cmd_segment, "segment", "FILE... [--json] [--format text|html|jsonl]",
            "print the parts of each page (title, date, body, comments, topics) with offsets")
static int cmd_segment(int argc, char **argv)
{
    const char *format = cli_opt(argc, argv, "--format");
    int json = cli_flag(argc, argv, "--json"), status = 0, nfiles = 0;
    if (format && strcmp(format, "text") && strcmp(format, "html") && strcmp(format, "jsonl"))
        return cli_fail("segment", "--format must be text, html or jsonl, not '%s'", format);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0) { i++; continue; }
        if (strncmp(argv[i], "--", 2) == 0) {
            if (strcmp(argv[i], "--json") && strncmp(argv[i], "--format=", 9))
                return cli_usage("segment");
            continue;
        }
        nfiles++;
        char err[512], *src = NULL;
        size_t len = 0, n = 0;
        dots_doc **docs = NULL;
        if (base_read_file(argv[i], &src, &len, err, sizeof err)) {
            status = cli_fail("segment", "%s", err);
            continue;
        }
        int rc = text_parse(argv[i], src, len, format, &docs, &n, err, sizeof err);
        for (size_t k = 0; k < n; k++) {
            for (size_t w = 0; w < docs[k]->nwarnings; w++)
                fprintf(stderr, "dots segment: warning: %s\n", docs[k]->warnings[w]);
            if (json) {
                json_t *o = segment_json(docs[k]);
                char *s = json_dumps(o, JSON_COMPACT);
                if (s) puts(s);
                free(s);
                json_decref(o);
            } else {
                listing(docs[k]);
            }
            doc_free(docs[k]);
        }
        free(docs);
        free(src);
        if (rc) status = cli_fail("segment", "%s", err);
    }
    if (nfiles == 0) return cli_usage("segment");
    return status;
}
