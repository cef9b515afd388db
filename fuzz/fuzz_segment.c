/* fuzz/fuzz_segment.c -- libFuzzer target: any bytes through all three page
** parsers and the tokenizer. The first byte picks the format (text, html,
** jsonl, or detection) so one corpus covers all of them; the rest is the
** file. Every parsed document is checked for the invariants later stages
** rely on (segments in order and in bounds, tokens inside their text), so a
** broken offset is a crash here rather than a wrong answer downstream. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dots.h"
#include "text/text.h"

static void check(const dots_doc *d)
{
    if (!d->text || d->text[d->len] != 0) abort();
    for (size_t i = 0; i < d->nsegs; i++) {
        const doc_seg *g = &d->segs[i];
        if (g->start > g->end || g->end > d->len) abort();
        if (g->src_start > g->src_end || g->src_end > d->src_len) abort();
        if (i && d->segs[i - 1].end > g->start) abort();
    }
    for (size_t i = 0; i < d->ntoks; i++)
        if (d->toks[i].start >= d->toks[i].end || d->toks[i].end > d->len) abort();
    for (size_t i = 0; i < d->nsents; i++)
        if (d->sents[i].first + d->sents[i].count > d->ntoks) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = { "text", "html", "jsonl", NULL };
    if (size == 0) return 0;
    const char *format = formats[data[0] % 4];
    const char *src = (const char *)data + 1;
    dots_doc **docs = NULL;
    size_t n = 0;
    char err[256];
    text_parse("fuzz.in", src, size - 1, format, &docs, &n, err, sizeof err);
    for (size_t i = 0; i < n; i++) {
        if (text_tokenize_doc(docs[i]) == DOTS_OK) check(docs[i]);
        doc_free(docs[i]);
    }
    free(docs);
    return 0;
}
