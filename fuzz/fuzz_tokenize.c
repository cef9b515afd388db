/* fuzz/fuzz_tokenize.c -- libFuzzer target: raw bytes through the tokenizer
** and sentence splitter. Tokens must be non-empty, ordered, in bounds and
** never overlap; sentences must be ordered and in bounds. */
#include <stdint.h>
#include <stdlib.h>

#include "text/text.h"

typedef struct { size_t len; uint32_t tok_end, sent_end; } state;

static void on_tok(uint32_t a, uint32_t b, void *ctx)
{
    state *s = ctx;
    if (a >= b || b > s->len || a < s->tok_end) abort();
    s->tok_end = b;
}

static void on_sent(uint32_t a, uint32_t b, void *ctx)
{
    state *s = ctx;
    if (a >= b || b > s->len || a < s->sent_end) abort();
    s->sent_end = b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    state s = { size, 0, 0 };
    text_tokenize((const char *)data, size, on_tok, on_sent, &s);
    return 0;
}
