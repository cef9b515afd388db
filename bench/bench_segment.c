/* bench/bench_segment.c -- page segmentation rate per format (MB/s of input).
**   text   the seed page (15 KB, 17 comments) parsed again and again
**   html   pages built from GMB text: <article> of paragraphs, a comment
**          section, nav/script/style noise; about 60 KB each
**   jsonl  a file of records built from the same text, about 4 MB
** Each format runs for at least 20 MB of input; CPU time of text_parse (and
** doc_free) only. Data from $DOTS_SHARED (default ../shared). */
#include "corpus.h"
#include "dots.h"
#include "text/text.h"

#include <jansson.h>
#include <time.h>

typedef struct { buf *paras; size_t in_para; } para_build;

static void para_sent(char **toks, size_t n, void *ctx)
{
    para_build *b = ctx;
    if (b->in_para) buf_putc(b->paras, ' ');
    detokenize(b->paras, toks, n, NULL);
    if (++b->in_para == 6) { buf_putc(b->paras, '\n'); b->in_para = 0; }
}

static double now_cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void run(const char *label, const char *file, const char *src, size_t len,
                const char *format, size_t min_bytes)
{
    size_t total = 0, ndocs = 0, nsegs = 0;
    double busy = 0;
    while (total < min_bytes) {
        dots_doc **docs = NULL;
        size_t n = 0;
        char err[256];
        double a = now_cpu();
        int rc = text_parse(file, src, len, format, &docs, &n, err, sizeof err);
        for (size_t i = 0; i < n; i++) { nsegs += docs[i]->nsegs; doc_free(docs[i]); }
        free(docs);
        busy += now_cpu() - a;
        if (rc) { fprintf(stderr, "%s: %s\n", label, err); return; }
        total += len;
        ndocs += n;
    }
    printf("%-6s %7.1f MB in %6.3f s CPU: %7.1f MB/s, %8.0f docs/s, %zu segments\n", label,
           total / 1048576.0, busy, total / 1048576.0 / busy, ndocs / busy, nsegs);
}

int main(void)
{
    char path[1024];
    const char *sh = corpus_shared();
    size_t min_bytes = 20u << 20;

    snprintf(path, sizeof path, "%s/seed/lwj-iran-taliban.txt", sh);
    char *seed = NULL, err[512];
    size_t seed_len = 0;
    if (base_read_file(path, &seed, &seed_len, err, sizeof err)) {
        fprintf(stderr, "bench_segment: %s\n", err);
        return 1;
    }
    run("text", "seed.txt", seed, seed_len, "text", min_bytes);
    free(seed);

    buf paras;
    buf_init(&paras);
    para_build pb = { &paras, 0 };
    snprintf(path, sizeof path, "%s/data/ner/gmb/dev.tsv", sh);
    corpus_read(path, para_sent, &pb);
    if (!paras.len) { fprintf(stderr, "bench_segment: no GMB text\n"); return 1; }

    /* an HTML page of about 60 KB */
    buf html;
    buf_init(&html);
    buf_puts(&html, "<!DOCTYPE html><html><head><title>Bench page</title>"
                    "<meta property=\"article:published_time\" content=\"2024-01-02\">"
                    "<style>p{margin:0}</style><script>var a=1;</script></head><body>"
                    "<nav><a href=/>Home</a></nav><article><h1>Bench page</h1>"
                    "<p class=byline>By A. Writer</p>");
    const char *p = paras.s;
    size_t k = 0;
    while (html.len < 50000) {
        const char *nl = strchr(p, '\n');
        if (!nl) { p = paras.s; continue; }
        buf_puts(&html, "<p>");
        for (const char *c = p; c < nl; c++) {
            if (*c == '&') buf_puts(&html, "&amp;");
            else if (*c == '<') buf_puts(&html, "&lt;");
            else buf_putc(&html, *c);
        }
        buf_puts(&html, "</p>\n");
        p = nl + 1;
        k++;
    }
    buf_puts(&html, "</article><section id=comments>");
    for (int i = 0; i < 20; i++)
        buf_printf(&html, "<div class=comment><span class=comment-author>Reader %d</span>"
                          "<time datetime=2024-01-03>Jan 3</time><p>Comment %d says Iran "
                          "armed the group.</p></div>", i, i);
    buf_puts(&html, "</section><footer>(c)</footer></body></html>");
    run("html", "bench.html", html.s, html.len, "html", min_bytes);
    buf_fini(&html);

    /* JSON Lines: records of eight paragraphs with two comments each */
    buf jl;
    buf_init(&jl);
    p = paras.s;
    for (int r = 0; jl.len < (4u << 20); r++) {
        buf text;
        buf_init(&text);
        for (int i = 0; i < 8; i++) {
            const char *nl = strchr(p, '\n');
            if (!nl) { p = paras.s; nl = strchr(p, '\n'); }
            if (text.len) buf_puts(&text, "\n\n");
            buf_append(&text, p, (size_t)(nl - p));
            p = nl + 1;
        }
        json_t *o = json_pack("{s:i,s:s,s:s,s:s,s:[{s:s,s:s},{s:s,s:s}]}", "id", r, "title",
                              "Record", "date", "2024-01-02", "text", text.s, "comments",
                              "author", "A", "text", "Iran armed them.", "author", "",
                              "text", "");
        char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
        if (line) { buf_puts(&jl, line); buf_putc(&jl, '\n'); }
        free(line);
        json_decref(o);
        buf_fini(&text);
    }
    run("jsonl", "bench.jsonl", jl.s, jl.len, "jsonl", min_bytes);
    buf_fini(&jl);
    buf_fini(&paras);
    printf("peak RSS %ld KB\n", peak_rss_kb());
    (void)cpu_seconds;
    return 0;
}
