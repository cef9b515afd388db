/* src/cli/cmd_tokenize.c -- `dots tokenize FILE...`: the sentences and tokens
** of each page. Default output is one sentence a line, tokens separated by
** single spaces (tokens never hold a space), which is what `tag` and the
** corpora use; --offsets adds "start-end" per token; --json prints one object
** per document: sentences with their segment kind and tokens [start,end,text]
** (offsets in the document's analysed text; for plain text, file offsets).
** --raw tokenizes the whole input as one run of text, with no page parsing. */
#include "cli/cli.h"
#include "text/text.h"
#include "dots.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_doc(const dots_doc *d, int offsets)
{
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sent *s = &d->sents[i];
        for (uint32_t k = 0; k < s->count; k++) {
            const doc_token *t = &d->toks[s->first + k];
            if (k) putchar(' ');
            fwrite(d->text + t->start, 1, t->end - t->start, stdout);
            if (offsets) printf("/%u-%u", t->start, t->end);
        }
        putchar('\n');
    }
}

static void print_json(const dots_doc *d)
{
    json_t *o = json_object(), *sents = json_array();
    json_object_set_new(o, "file", json_string(d->file));
    json_object_set_new(o, "name", json_string(d->name));
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sent *s = &d->sents[i];
        json_t *js = json_object(), *toks = json_array();
        json_object_set_new(js, "seg", json_string(doc_seg_kind_name(d->segs[s->seg].kind)));
        json_object_set_new(js, "start", json_integer(s->start));
        json_object_set_new(js, "end", json_integer(s->end));
        for (uint32_t k = 0; k < s->count; k++) {
            const doc_token *t = &d->toks[s->first + k];
            json_t *jt = json_array();
            json_array_append_new(jt, json_integer(t->start));
            json_array_append_new(jt, json_integer(t->end));
            json_array_append_new(jt, json_stringn(d->text + t->start, t->end - t->start));
            json_array_append_new(toks, jt);
        }
        json_object_set_new(js, "tokens", toks);
        json_array_append_new(sents, js);
    }
    json_object_set_new(o, "sentences", sents);
    char *s = json_dumps(o, JSON_COMPACT);
    if (s) puts(s);
    free(s);
    json_decref(o);
}

typedef struct { const char *s; int first, offsets; } raw_out;

static void raw_tok(uint32_t start, uint32_t end, void *ctx)
{
    raw_out *r = ctx;
    if (!r->first) putchar(' ');
    r->first = 0;
    fwrite(r->s + start, 1, end - start, stdout);
    if (r->offsets) printf("/%u-%u", start, end);
}

/* Raw mode prints tokens sentence by sentence: collect sentence ends first. */
typedef struct { uint32_t *ends; size_t n, cap; } ends_vec;

static void raw_sent(uint32_t start, uint32_t end, void *ctx)
{
    ends_vec *v = ctx;
    (void)start;
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 256;
        uint32_t *p = realloc(v->ends, nc * sizeof *p);
        if (!p) return;
        v->ends = p;
        v->cap = nc;
    }
    v->ends[v->n++] = end;
}

typedef struct { raw_out out; ends_vec *v; size_t next; } raw_print;

static void raw_tok_lines(uint32_t start, uint32_t end, void *ctx)
{
    raw_print *p = ctx;
    raw_tok(start, end, &p->out);
    if (p->next < p->v->n && end >= p->v->ends[p->next]) {
        putchar('\n');
        p->out.first = 1;
        p->next++;
    }
}

static void tokenize_raw(const char *src, size_t len, int offsets)
{
    ends_vec v = {0};
    text_tokenize(src, len, NULL, raw_sent, &v);
    raw_print p = { { src, 1, offsets }, &v, 0 };
    text_tokenize(src, len, raw_tok_lines, NULL, &p);
    if (!p.out.first) putchar('\n');
    free(v.ends);
}

CLI_COMMAND(cmd_tokenize, "tokenize", "FILE... [--json] [--offsets] [--raw] [--format F]",
            "print each page's sentences, one a line, tokens separated by spaces")
static int cmd_tokenize(int argc, char **argv)
{
    const char *format = cli_opt(argc, argv, "--format");
    int json = cli_flag(argc, argv, "--json"), offsets = cli_flag(argc, argv, "--offsets");
    int raw = cli_flag(argc, argv, "--raw"), status = 0, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0) { i++; continue; }
        if (strncmp(argv[i], "--", 2) == 0) continue;
        nfiles++;
        char err[512], *src = NULL;
        size_t len = 0, n = 0;
        dots_doc **docs = NULL;
        if (base_read_file(argv[i], &src, &len, err, sizeof err)) {
            status = cli_fail("tokenize", "%s", err);
            continue;
        }
        if (raw) {
            tokenize_raw(src, len, offsets);
            free(src);
            continue;
        }
        int rc = text_parse(argv[i], src, len, format, &docs, &n, err, sizeof err);
        for (size_t k = 0; k < n; k++) {
            for (size_t w = 0; w < docs[k]->nwarnings; w++)
                fprintf(stderr, "dots tokenize: warning: %s\n", docs[k]->warnings[w]);
            if (text_tokenize_doc(docs[k]) != DOTS_OK) {
                status = cli_fail("tokenize", "%s: out of memory", argv[i]);
            } else if (json) {
                print_json(docs[k]);
            } else {
                print_doc(docs[k], offsets);
            }
            doc_free(docs[k]);
        }
        free(docs);
        free(src);
        if (rc) status = cli_fail("tokenize", "%s", err);
    }
    if (nfiles == 0) return cli_usage("tokenize");
    return status;
}
