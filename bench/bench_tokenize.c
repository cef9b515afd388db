/* bench/bench_tokenize.c -- the tokenizer and sentence splitter: agreement
** with the corpora the taggers train on, then throughput.
**   1. GMB dev (and CoNLL-2000 test): each gold sentence is detokenized into
**      running text, tokenized again, and the token spans compared with the
**      gold spans (precision, recall, exact sentences, the commonest
**      disagreements). Sentence splitting: gold sentences joined ten to a
**      paragraph, boundaries compared.
**   2. Throughput: all GMB and CoNLL sentences plus the dev-eval documents,
**      detokenized and repeated to at least 50 MB, cut into 16 KB documents
**      of paragraph segments; text_tokenize_doc on each, CPU time of that call
**      only. Prints MB/s, tokens/s and peak memory (ru_maxrss).
** Data from $DOTS_SHARED (default ../shared). Usage: bench_tokenize [MB] */
#include "corpus.h"
#include "dots.h"
#include "text/text.h"

#include <time.h>

/* ---- Agreement ------------------------------------------------------------ */
typedef struct { size_t *t; size_t n, cap; } spans;

static void span_push(spans *s, size_t a, size_t b)
{
    if (s->n + 2 > s->cap) s->t = realloc(s->t, (s->cap = s->cap ? s->cap * 2 : 256) * sizeof *s->t);
    s->t[s->n++] = a;
    s->t[s->n++] = b;
}

static void on_tok(uint32_t a, uint32_t b, void *ctx) { span_push(ctx, a, b); }

typedef struct diff { char *key; size_t n; } diff;

typedef struct agree {
    size_t gold, pred, match, sents, exact;
    diff *d; size_t nd, capd;
    buf text;
    size_t *gold_off; size_t capg;
    spans pred_spans;
} agree;

static void note_diff(agree *g, const char *key)
{
    for (size_t i = 0; i < g->nd; i++)
        if (!strcmp(g->d[i].key, key)) { g->d[i].n++; return; }
    if (g->nd == g->capd) g->d = realloc(g->d, (g->capd = g->capd ? g->capd * 2 : 64) * sizeof *g->d);
    g->d[g->nd++] = (diff){ strdup(key), 1 };
}

static void agree_sent(char **toks, size_t n, void *ctx)
{
    agree *g = ctx;
    buf_reset(&g->text);
    if (2 * n > g->capg) g->gold_off = realloc(g->gold_off, (g->capg = 2 * n) * sizeof(size_t));
    detokenize(&g->text, toks, n, g->gold_off);
    g->pred_spans.n = 0;
    text_tokenize(g->text.s, g->text.len, on_tok, NULL, &g->pred_spans);
    size_t i = 0, j = 0, np = g->pred_spans.n / 2, match = 0;
    const size_t *p = g->pred_spans.t, *o = g->gold_off;
    while (i < n && j < np) {
        if (o[2 * i] == p[2 * j] && o[2 * i + 1] == p[2 * j + 1]) { match++; i++; j++; continue; }
        /* a disagreement: the gold tokens and predicted tokens covering the same stretch */
        size_t gi = i, pj = j, end = o[2 * i + 1] > p[2 * j + 1] ? o[2 * i + 1] : p[2 * j + 1];
        for (;;) {
            while (gi < n && o[2 * gi + 1] < end) gi++;
            while (pj < np && p[2 * pj + 1] < end) pj++;
            size_t e2 = end;
            if (gi < n && o[2 * gi + 1] > e2) e2 = o[2 * gi + 1];
            if (pj < np && p[2 * pj + 1] > e2) e2 = p[2 * pj + 1];
            if (e2 == end) break;
            end = e2;
        }
        char key[200];
        size_t k = 0;
        k += (size_t)snprintf(key + k, sizeof key - k, "gold ");
        for (size_t a = i; a <= gi && a < n && k < 90; a++)
            k += (size_t)snprintf(key + k, sizeof key - k, "%s%.*s", a > i ? "|" : "",
                                  (int)(o[2 * a + 1] - o[2 * a]), g->text.s + o[2 * a]);
        k += (size_t)snprintf(key + k, sizeof key - k, "  ours ");
        for (size_t a = j; a <= pj && a < np && k < 180; a++)
            k += (size_t)snprintf(key + k, sizeof key - k, "%s%.*s", a > j ? "|" : "",
                                  (int)(p[2 * a + 1] - p[2 * a]), g->text.s + p[2 * a]);
        note_diff(g, key);
        i = gi + 1;
        j = pj + 1;
    }
    g->gold += n;
    g->pred += np;
    g->match += match;
    g->sents++;
    g->exact += match == n && np == n;
}

static int by_count(const void *a, const void *b)
{
    const diff *x = a, *y = b;
    return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->key, y->key);
}

static void agreement(const char *label, const char *path)
{
    agree g = {0};
    buf_init(&g.text);
    if (corpus_read(path, agree_sent, &g)) return;
    double p = g.pred ? (double)g.match / g.pred : 0, r = g.gold ? (double)g.match / g.gold : 0;
    printf("%s: %zu sentences, %zu gold tokens, %zu ours, %zu equal spans\n", label, g.sents,
           g.gold, g.pred, g.match);
    printf("  token precision %.4f recall %.4f F1 %.4f; sentences tokenized exactly %.2f%%\n",
           p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, 100.0 * g.exact / (g.sents ? g.sents : 1));
    qsort(g.d, g.nd, sizeof *g.d, by_count);
    printf("  commonest disagreements:\n");
    for (size_t i = 0; i < g.nd && i < 12; i++) printf("  %6zu  %s\n", g.d[i].n, g.d[i].key);
    for (size_t i = 0; i < g.nd; i++) free(g.d[i].key);
    free(g.d);
    free(g.gold_off);
    free(g.pred_spans.t);
    buf_fini(&g.text);
}

/* Sentence boundaries: gold sentences joined ten to a paragraph. */
typedef struct sagree {
    buf text;
    spans gold_ends;
    size_t in_para, gold, pred, match;
    spans pred_sents;
} sagree;

static void on_sent(uint32_t a, uint32_t b, void *ctx) { span_push(ctx, a, b); }

static void sflush(sagree *s)
{
    if (!s->text.len) return;
    s->pred_sents.n = 0;
    text_tokenize(s->text.s, s->text.len, NULL, on_sent, &s->pred_sents);
    size_t i = 0, j = 0, ng = s->gold_ends.n / 2, np = s->pred_sents.n / 2;
    while (i < ng && j < np) {
        size_t ge = s->gold_ends.t[2 * i + 1], pe = s->pred_sents.t[2 * j + 1];
        if (ge == pe) { s->match++; i++; j++; }
        else if (ge < pe) {
            if (getenv("BENCH_SHOW_MISSES") && ge + 40 < s->text.len)
                printf("  missed: ...%.50s|%.40s\n", s->text.s + (ge > 50 ? ge - 50 : 0),
                       s->text.s + ge);
            i++;
        }
        else j++;
    }
    s->gold += ng;
    s->pred += np;
    buf_reset(&s->text);
    s->gold_ends.n = 0;
    s->in_para = 0;
}

static void sagree_sent(char **toks, size_t n, void *ctx)
{
    sagree *s = ctx;
    if (s->text.len) buf_putc(&s->text, ' ');
    size_t st = s->text.len;
    detokenize(&s->text, toks, n, NULL);
    span_push(&s->gold_ends, st, s->text.len);
    if (++s->in_para == 10) sflush(s);
}

static void sentence_agreement(const char *label, const char *path)
{
    sagree s = {0};
    buf_init(&s.text);
    if (corpus_read(path, sagree_sent, &s)) return;
    sflush(&s);
    double p = s.pred ? (double)s.match / s.pred : 0, r = s.gold ? (double)s.match / s.gold : 0;
    printf("%s sentence boundaries: %zu gold, %zu ours, precision %.4f recall %.4f F1 %.4f\n",
           label, s.gold, s.pred, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    buf_fini(&s.text);
    free(s.gold_ends.t);
    free(s.pred_sents.t);
}

/* ---- Throughput --------------------------------------------------------------- */
typedef struct { buf *out; size_t in_para; } build;

static void build_sent(char **toks, size_t n, void *ctx)
{
    build *b = ctx;
    if (b->out->len && b->in_para) buf_putc(b->out, ' ');
    detokenize(b->out, toks, n, NULL);
    if (++b->in_para == 8) { buf_puts(b->out, "\n\n"); b->in_para = 0; }
}

static void add_file(buf *out, const char *path)
{
    char *s = NULL, err[512];
    size_t len;
    if (base_read_file(path, &s, &len, err, sizeof err) == DOTS_OK) {
        buf_append(out, s, len);
        buf_puts(out, "\n\n");
    }
    free(s);
}

int main(int argc, char **argv)
{
    size_t want_mb = argc > 1 ? (size_t)atol(argv[1]) : 50;
    const char *sh = corpus_shared();
    char path[1024];

    snprintf(path, sizeof path, "%s/data/ner/gmb/dev.tsv", sh);
    agreement("GMB dev", path);
    sentence_agreement("GMB dev", path);
    snprintf(path, sizeof path, "%s/data/pos/conll2000/test.tsv", sh);
    agreement("CoNLL-2000 test", path);

    buf base;
    buf_init(&base);
    static const char *const files[] = { "data/ner/gmb/train.tsv", "data/ner/gmb/dev.tsv",
        "data/ner/gmb/test.tsv", "data/pos/conll2000/train.tsv", "data/pos/conll2000/test.tsv" };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        build b = { &base, 0 };
        snprintf(path, sizeof path, "%s/%s", sh, files[i]);
        corpus_read(path, build_sent, &b);
        buf_puts(&base, "\n\n");
    }
    static const char *const docs[] = { "aa-al-shabaab-sanctions", "al-bihani-v-obama",
        "crt2017-boko-haram", "crt2020-iran", "dod-abu-sayyaf-raid", "jpost-nasrallah-meeting",
        "kuna-houthi-network", "latimes-haqqani-designation" };
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        snprintf(path, sizeof path, "%s/dev-eval/docs/%s.txt", sh, docs[i]);
        add_file(&base, path);
    }
    if (base.len == 0) { fprintf(stderr, "bench_tokenize: no corpus under %s\n", sh); return 1; }
    buf corpus;
    buf_init(&corpus);
    while (corpus.len < want_mb << 20) buf_append(&corpus, base.s, base.len);
    printf("corpus: %.1f MB (%.1f MB of distinct text repeated)\n", corpus.len / 1048576.0,
           base.len / 1048576.0);
    buf_fini(&base);

    /* 16 KB documents cut at paragraph ends; a segment per paragraph */
    size_t ntoks = 0, nsents = 0, ndocs = 0, off = 0;
    double busy = 0;
    while (off < corpus.len) {
        size_t end = off + 16384 < corpus.len ? off + 16384 : corpus.len;
        const char *pe = end < corpus.len ? strstr(corpus.s + end, "\n\n") : NULL;
        end = pe ? (size_t)(pe - corpus.s) + 2 : corpus.len;
        dots_doc *d = doc_new();
        d->text = corpus.s + off;
        d->len = end - off;
        size_t p = 0;
        while (p < d->len) {
            const char *q = strstr(d->text + p, "\n\n");
            size_t e = q && (size_t)(q - d->text) < d->len ? (size_t)(q - d->text) : d->len;
            if (e > p) {
                doc_seg *g = doc_add_seg(d);
                g->kind = SEG_BODY; g->start = (uint32_t)p; g->end = (uint32_t)e; g->comment = -1;
            }
            p = e + 2;
        }
        struct timespec a, b;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
        if (text_tokenize_doc(d) != DOTS_OK) { fprintf(stderr, "out of memory\n"); return 1; }
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
        busy += (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
        ntoks += d->ntoks;
        nsents += d->nsents;
        ndocs++;
        doc_free(d);
        off = end;
    }
    printf("tokenize+split: %zu docs, %zu tokens, %zu sentences in %.3f s CPU\n", ndocs, ntoks,
           nsents, busy);
    printf("  %.1f MB/s, %.2f M tokens/s (single core), peak RSS %ld KB\n",
           corpus.len / 1048576.0 / busy, ntoks / busy / 1e6, peak_rss_kb());
    buf_fini(&corpus);
    (void)cpu_seconds;
    return 0;
}
