/* bench/corpus.h -- benchmark text from the shared corpora, for the text
** benchmarks. GMB and CoNLL-2000 come one token a line; detokenize() turns a
** sentence back into running text the way a newspaper would print it (no space
** before , . 's n't, none after an opening bracket or quote) and records where
** each gold token landed, so the tokenizer can be scored against the gold
** boundaries. Header-only: each benchmark is one program. */
#ifndef DOTS_BENCH_CORPUS_H
#define DOTS_BENCH_CORPUS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "base/base.h"

static const char *corpus_shared(void)
{
    const char *s = getenv("DOTS_SHARED");
    return s && *s ? s : "../shared";
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* CoNLL writes brackets as -LRB- etc.; put the characters back. */
static const char *unescape_tok(const char *t)
{
    if (!strcmp(t, "-LRB-")) return "(";
    if (!strcmp(t, "-RRB-")) return ")";
    if (!strcmp(t, "-LCB-")) return "{";
    if (!strcmp(t, "-RCB-")) return "}";
    if (!strcmp(t, "-LSB-")) return "[";
    if (!strcmp(t, "-RSB-")) return "]";
    if (!strcmp(t, "``") || !strcmp(t, "''")) return "\"";
    if (strchr(t, '\\')) {                /* CoNLL escapes / and * as \/ and \* */
        static char u[256];
        size_t k = 0;
        for (const char *p = t; *p && k + 1 < sizeof u; p++)
            if (!(p[0] == '\\' && (p[1] == '/' || p[1] == '*'))) u[k++] = *p;
        u[k] = 0;
        return u;
    }
    return t;
}

static int no_space_before(const char *t, int *quote_open)
{
    if (!strcmp(t, "\"")) return *quote_open;          /* a closing quote */
    static const char *const P[] = { ",", ".", ";", ":", "!", "?", "%", ")", "]", "}",
        "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", "...", NULL };
    for (int i = 0; P[i]; i++)
        if (!strcmp(t, P[i])) return 1;
    return 0;
}

static int no_space_after(const char *t, int quote_open_after)
{
    if (!strcmp(t, "\"")) return quote_open_after;     /* an opening quote */
    return !strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{") || !strcmp(t, "$");
}

/* Append sentence toks[0..n) to out as running text; gold[i] gets token i's
** offsets (pairs) when gold is not NULL. */
static void detokenize(buf *out, char **toks, size_t n, size_t *gold)
{
    int quote_open = 0, glue = 1;
    for (size_t i = 0; i < n; i++) {
        const char *t = unescape_tok(toks[i]);
        int is_q = !strcmp(t, "\"");
        if (!glue && !no_space_before(t, &quote_open) && out->len) buf_putc(out, ' ');
        if (gold) gold[2 * i] = out->len;
        buf_puts(out, t);
        if (gold) gold[2 * i + 1] = out->len;
        if (is_q) quote_open = !quote_open;
        glue = no_space_after(t, quote_open);
    }
}

/* Read a token-per-line corpus: calls fn(toks, n, ctx) per sentence. */
typedef void (*corpus_sent_fn)(char **toks, size_t n, void *ctx);

static int corpus_read(const char *path, corpus_sent_fn fn, void *ctx)
{
    char *s = NULL, err[512];
    size_t len;
    if (base_read_file(path, &s, &len, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    char **toks = NULL;
    size_t n = 0, cap = 0;
    char *p = s, *end = s + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        if (le > p && le[-1] == '\r') le[-1] = 0;
        *le = 0;
        if (*p == 0) {
            if (n) fn(toks, n, ctx);
            n = 0;
        } else {
            char *tab = strchr(p, '\t');
            if (tab) *tab = 0;
            if (n == cap) toks = realloc(toks, (cap = cap ? cap * 2 : 64) * sizeof *toks);
            toks[n++] = p;
        }
        p = le + 1;
    }
    if (n) fn(toks, n, ctx);
    free(toks);
    free(s);
    return 0;
}

#endif
