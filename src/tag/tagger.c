/* src/tag/tagger.c -- greedy left-to-right decoding with the averaged
** perceptron weights of a loaded model.
** A tagger is one thread's scratch space (normalised words, per-token hashes);
** it grows per sentence, never per token. Scores are sums of int16 weights in
** int32, so tagging is exact and the same on every machine. Greedy decoding
** was kept after measuring beam search (docs/TAG.md): it loses nothing
** measurable here and is several times faster. */
#include "tag/tag_impl.h"
#include "dots.h"

#include <stdlib.h>
#include <string.h>

struct tag_tagger {
    const tag_model *pos, *ner;
    size_t cap;
    char *norm;                  /* cap * TAG_MAX_WORD bytes */
    const char **w;
    size_t *wl;
    tag_wi *wi;
    uint8_t *tmp;
};

tag_tagger *tag_tagger_new(const tag_model *pos, const tag_model *ner)
{
    tag_tagger *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->pos = pos;
    t->ner = ner;
    return t;
}

void tag_tagger_free(tag_tagger *t)
{
    if (!t) return;
    free(t->norm);
    free(t->w);
    free(t->wl);
    free(t->wi);
    free(t->tmp);
    free(t);
}

static int reserve(tag_tagger *t, size_t n)
{
    if (n <= t->cap) return DOTS_OK;
    size_t c = t->cap ? t->cap : 64;
    while (c < n) c *= 2;
    char *norm = realloc(t->norm, c * TAG_MAX_WORD);
    if (norm) t->norm = norm;
    const char **w = realloc(t->w, c * sizeof *w);
    if (w) t->w = w;
    size_t *wl = realloc(t->wl, c * sizeof *wl);
    if (wl) t->wl = wl;
    tag_wi *wi = realloc(t->wi, c * sizeof *wi);
    if (wi) t->wi = wi;
    uint8_t *tmp = realloc(t->tmp, c);
    if (tmp) t->tmp = tmp;
    if (!norm || !w || !wl || !wi || !tmp) return DOTS_ENOMEM;
    t->cap = c;
    return DOTS_OK;
}

static inline void add_weights(const tag_model *m, uint64_t key, int32_t *sc)
{
    uint32_t fp = tag_fp(key), mask = m->feat_mask;
    for (uint32_t s = (uint32_t)key & mask;; s = (s + 1) & mask) {
        const tag_fslot *f = &m->feat[s];
        if (f->fp == fp) {
            const uint16_t *p = m->wts + f->off;
            uint32_t cnt = p[0];
            for (uint32_t j = 0; j < cnt; j++) sc[p[1 + 2 * j]] += (int16_t)p[2 + 2 * j];
            return;
        }
        if (!f->fp) return;
    }
}

/* Label the n tokens whose hashes are in wi. */
static void decode(const tag_model *m, const tag_wi *wi, size_t n, uint8_t *out)
{
    uint64_t k[TAG_MAX_KEYS];
    int32_t sc[TAG_MAX_CLASSES];
    int p1 = 255, p2 = 255;
    for (size_t i = 0; i < n; i++) {
        size_t nk = tag_static_keys(m->kind, wi, n, i, k);
        nk += tag_dynamic_keys(m->kind, wi, i, p1, p2, k + nk);
        memset(sc, 0, sizeof sc);
        for (size_t j = 0; j < nk; j++) add_weights(m, k[j], sc);
        int best = 0;
        int32_t bs = INT32_MIN;
        for (uint32_t c = 0; c < m->ncls; c++) {
            if (!(m->cls_mask >> c & 1) || !tag_allowed(m->kind, p1, (int)c)) continue;
            if (sc[c] > bs) { bs = sc[c]; best = (int)c; }
        }
        out[i] = (uint8_t)best;
        p2 = p1;
        p1 = best;
    }
}

/* Tag words already normalised in t->w / t->wl. */
static void tag_normalised(tag_tagger *t, size_t n, uint8_t *pos, uint8_t *ner)
{
    if (pos) {
        if (t->pos) {
            tag_words_info(&t->pos->lex, t->w, t->wl, n, t->wi);
            decode(t->pos, t->wi, n, pos);
        } else memset(pos, 0, n);
    }
    if (ner) {
        if (t->ner) {
            tag_words_info(&t->ner->lex, t->w, t->wl, n, t->wi);
            decode(t->ner, t->wi, n, ner);
        } else memset(ner, 0, n);
    }
}

int tag_words(tag_tagger *t, const char *const *w, const size_t *wl, size_t n,
              uint8_t *pos, uint8_t *ner)
{
    if (reserve(t, n)) return DOTS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        char *o = t->norm + i * TAG_MAX_WORD;
        t->wl[i] = tag_normalize(w[i], wl[i], o);
        t->w[i] = o;
    }
    tag_normalised(t, n, pos, ner);
    return DOTS_OK;
}

int tag_doc(tag_tagger *t, dots_doc *d)
{
    for (size_t s = 0; s < d->nsents; s++) {
        const doc_sent *st = &d->sents[s];
        size_t n = st->count;
        if (!n) continue;
        if ((size_t)st->first + n > d->ntoks) return DOTS_EINVAL;
        if (reserve(t, 2 * n)) return DOTS_ENOMEM;
        doc_token *tk = d->toks + st->first;
        for (size_t i = 0; i < n; i++) {
            char *o = t->norm + i * TAG_MAX_WORD;
            if (tk[i].end < tk[i].start || tk[i].end > d->len) return DOTS_EINVAL;
            t->wl[i] = tag_normalize(d->text + tk[i].start, tk[i].end - tk[i].start, o);
            t->w[i] = o;
        }
        uint8_t *pos = t->tmp, *ner = t->tmp + n;
        tag_normalised(t, n, pos, ner);
        for (size_t i = 0; i < n; i++) {
            tk[i].pos = pos[i];
            tk[i].ner = ner[i];
        }
    }
    return DOTS_OK;
}
