/* bench/bench_tag.c -- tagging speed, model load time and peak memory.
** Input: GMB test (104k tokens, $DOTS_SHARED/data/ner/gmb/test.tsv), turned
** back into raw text (one sentence a line) so that the measured path is the
** real one: text_parse + text_tokenize_doc + tag_doc with POS and NER.
** Also times tag_words alone per model and beam width, which is how the
** decoding choice in docs/TAG.md was measured. Times are CPU seconds. Uses the built-in models, or
** the files named by DOTS_MODEL_POS / DOTS_MODEL_NER. */
#include "tag/tag.h"
#include "tag/train.h"
#include "text/text.h"
#include "base/base.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this thread: the machine is shared, and wall time would
** measure the neighbours too. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const tag_model *model(const char *env, const tag_model *builtin, tag_model **own)
{
    const char *p = getenv(env);
    char err[256];
    if (!p) return builtin;
    double t0 = now();
    if (tag_model_load(p, own, err, sizeof err)) { fprintf(stderr, "%s\n", err); exit(1); }
    printf("load %-28s %8.2f ms\n", p, (now() - t0) * 1e3);
    return *own;
}

/* tag_words over every sentence of c; the best of reps passes, in tokens per second
** (the best pass is the one least disturbed by other work on the machine). */
static double words_rate(tag_tagger *t, const tag_corpus *c, int pos, int ner, int reps)
{
    uint8_t a[1024], b[1024];
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        for (size_t s = 0; s < c->nsent; s++) {
            size_t i = c->sent[s], n = c->sent[s + 1] - i;
            if (n > 1024) continue;
            tag_words(t, c->words + i, c->wlen + i, n, pos ? a : NULL, ner ? b : NULL);
        }
        double el = now() - t0;
        if (el < best) best = el;
    }
    return (double)c->ntok / best;
}

int main(void)
{
    const char *sh = getenv("DOTS_SHARED");
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/data/ner/gmb/test.tsv", sh ? sh : "../shared");

    double t0 = now();
    const tag_model *bp = tag_builtin_pos(), *bn = tag_builtin_ner();
    printf("built-in models: pos %s, ner %s, first use %.2f ms\n", bp ? "yes" : "no",
           bn ? "yes" : "no", (now() - t0) * 1e3);
    tag_model *op = NULL, *on = NULL;
    const tag_model *pos = model("DOTS_MODEL_POS", bp, &op), *ner = model("DOTS_MODEL_NER", bn, &on);
    if (!pos || !ner) { fprintf(stderr, "bench_tag: no models\n"); return 1; }

    tag_corpus *c;
    if (tag_corpus_load(path, TAG_TRAIN_NER, &c, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    buf text;
    buf_init(&text);
    for (size_t s = 0; s < c->nsent; s++) {
        for (size_t i = c->sent[s]; i < c->sent[s + 1]; i++) {
            buf_append(&text, c->words[i], c->wlen[i]);
            buf_putc(&text, i + 1 < c->sent[s + 1] ? ' ' : '\n');
        }
    }

    tag_tagger *t = tag_tagger_new(pos, ner);
    const int reps = 5;
    size_t ntoks = 0, nsents = 0;
    double el = 1e30;
    for (int r = 0; r < reps; r++) {
        dots_doc **docs = NULL;
        size_t nd = 0;
        double t1 = now();
        if (text_parse("bench.txt", text.s, text.len, "text", &docs, &nd, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        for (size_t i = 0; i < nd; i++) {
            text_tokenize_doc(docs[i]);
            tag_doc(t, docs[i]);
            if (r == 0) ntoks += docs[i]->ntoks, nsents += docs[i]->nsents;
        }
        if (now() - t1 < el) el = now() - t1;
        for (size_t i = 0; i < nd; i++) doc_free(docs[i]);
        free(docs);
    }
    printf("pipeline (parse+tokenize+POS+NER): %zu sentences, %zu tokens, best of %d: %.3f s, "
           "%.0f tokens/s, %.1f MB/s\n", nsents, ntoks, reps, el, (double)ntoks / el,
           (double)text.len / el / 1e6);

    printf("tag_words POS only   (beam %s): %9.0f tokens/s\n", "model", words_rate(t, c, 1, 0, 5));
    printf("tag_words NER only   (beam %s): %9.0f tokens/s\n", "model", words_rate(t, c, 0, 1, 5));
    printf("tag_words POS + NER  (beam %s): %9.0f tokens/s\n", "model", words_rate(t, c, 1, 1, 5));
    int widths[] = { 1, 2, 4, 8 };
    for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
        tag_tagger_set_beam(t, widths[k]);
        printf("tag_words NER only   (beam %d):     %9.0f tokens/s\n", widths[k], words_rate(t, c, 0, 1, 5));
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory (ru_maxrss): %.1f MB\n", (double)ru.ru_maxrss / 1024);

    tag_tagger_free(t);
    buf_fini(&text);
    tag_corpus_free(c);
    tag_model_free(op);
    tag_model_free(on);
    return 0;
}
