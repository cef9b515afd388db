/* src/tag/eval.c -- token accuracy and conlleval-style entity scores.
** conlleval counts a chunk as starting at B-x, or at I-x that follows O or a
** label of another type, and ending before a label that is not I-x of the same
** type; a predicted chunk is correct only when the gold chunk has the same
** type, start and end. This file follows those rules so figures compare with
** published GMB results. */
#include "tag/train.h"
#include "tag/tag_impl.h"
#include "dots.h"

#include <stdlib.h>
#include <string.h>

static int starts(int prev, int cur)
{
    if (!cur) return 0;
    if (TAG_NER_IS_B(cur)) return 1;
    return !prev || TAG_NER_TYPE(prev) != TAG_NER_TYPE(cur);
}

/* End (exclusive) of the chunk starting at i. */
static size_t chunk_end(const uint8_t *l, size_t n, size_t i)
{
    int t = TAG_NER_TYPE(l[i]);
    size_t j = i + 1;
    while (j < n && l[j] && !TAG_NER_IS_B(l[j]) && TAG_NER_TYPE(l[j]) == t) j++;
    return j;
}

void tag_score_add(tag_score *s, int kind, const uint8_t *gold, const uint8_t *pred, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        s->tokens++;
        s->correct += gold[i] == pred[i];
    }
    if (kind != TAG_TRAIN_NER) return;
    for (size_t i = 0; i < n; i++) {
        int gs = starts(i ? gold[i - 1] : 0, gold[i]);
        int ps = starts(i ? pred[i - 1] : 0, pred[i]);
        if (gs) s->gold[TAG_NER_TYPE(gold[i])]++;
        if (ps) s->pred[TAG_NER_TYPE(pred[i])]++;
        if (gs && ps && TAG_NER_TYPE(gold[i]) == TAG_NER_TYPE(pred[i])
            && chunk_end(gold, n, i) == chunk_end(pred, n, i))
            s->hit[TAG_NER_TYPE(gold[i])]++;
    }
}

void tag_score_prf(const tag_score *s, int t, double *p, double *r, double *f)
{
    size_t g = 0, pr = 0, h = 0;
    for (int i = 0; i < TAG_NER_TYPES; i++) {
        if (t >= 0 && i != t) continue;
        g += s->gold[i]; pr += s->pred[i]; h += s->hit[i];
    }
    *p = pr ? (double)h / (double)pr : 0;
    *r = g ? (double)h / (double)g : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

int tag_evaluate(tag_tagger *t, const tag_corpus *c, int kind, tag_score *s)
{
    size_t maxn = 0;
    for (size_t i = 0; i < c->nsent; i++)
        if (c->sent[i + 1] - c->sent[i] > maxn) maxn = c->sent[i + 1] - c->sent[i];
    uint8_t *pred = malloc(maxn ? maxn : 1);
    if (!pred) return DOTS_ENOMEM;
    int rc = DOTS_OK;
    for (size_t i = 0; i < c->nsent && !rc; i++) {
        size_t a = c->sent[i], n = c->sent[i + 1] - a;
        rc = kind == TAG_TRAIN_POS
           ? tag_words(t, c->words + a, c->wlen + a, n, pred, NULL)
           : tag_words(t, c->words + a, c->wlen + a, n, NULL, pred);
        if (!rc) tag_score_add(s, kind, c->labels + a, pred, n);
    }
    free(pred);
    return rc;
}
