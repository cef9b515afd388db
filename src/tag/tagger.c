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
    uint8_t *hl, *hb;            /* beam history: label and back pointer, cap * TAG_MAX_BEAM */
    int beam;                    /* 0: each model's own width */
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
    free(t->hl);
    free(t->hb);
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
    uint8_t *hl = realloc(t->hl, c * TAG_MAX_BEAM);
    if (hl) t->hl = hl;
    uint8_t *hb = realloc(t->hb, c * TAG_MAX_BEAM);
    if (hb) t->hb = hb;
    if (!norm || !w || !wl || !wi || !tmp || !hl || !hb) return DOTS_ENOMEM;
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

static void static_scores(const tag_model *m, const tag_wi *wi, size_t n, size_t i, int32_t *sc)
{
    uint64_t k[TAG_MAX_KEYS];
    size_t nk = tag_static_keys(m->kind, wi, n, i, k);
    memset(sc, 0, sizeof(int32_t) * m->ncls);
    for (size_t j = 0; j < nk; j++) add_weights(m, k[j], sc);
}

static void add_dynamic(const tag_model *m, const tag_wi *wi, size_t i, int p1, int p2,
                        int32_t *sc)
{
    uint64_t k[8];
    size_t nk = tag_dynamic_keys(m->kind, wi, i, p1, p2, k);
    for (size_t j = 0; j < nk; j++) add_weights(m, k[j], sc);
}

/* Greedy: the best label at each token given the labels already chosen. */
static void decode_greedy(const tag_model *m, const tag_wi *wi, size_t n, uint8_t *out)
{
    int32_t sc[TAG_MAX_CLASSES];
    int p1 = 255, p2 = 255;
    for (size_t i = 0; i < n; i++) {
        static_scores(m, wi, n, i, sc);
        add_dynamic(m, wi, i, p1, p2, sc);
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

typedef struct cand { int64_t score; uint8_t lab, back; } cand;

/* Beam search: keep the B best label sequences; the static part of the
** scores is shared by all of them, only the label features differ. */
static void decode_beam(tag_tagger *t, const tag_model *m, const tag_wi *wi, size_t n,
                        size_t B, uint8_t *out)
{
    int32_t st[TAG_MAX_CLASSES], sc[TAG_MAX_CLASSES];
    cand cur[TAG_MAX_BEAM], next[TAG_MAX_BEAM];
    size_t ncur = 1;
    cur[0].score = 0; cur[0].lab = 255; cur[0].back = 0;
    for (size_t i = 0; i < n; i++) {
        static_scores(m, wi, n, i, st);
        size_t nn = 0;
        for (size_t b = 0; b < ncur; b++) {
            int p1 = cur[b].lab;
            int p2 = i >= 2 ? t->hl[(i - 2) * TAG_MAX_BEAM + cur[b].back] : 255;
            memcpy(sc, st, sizeof(int32_t) * m->ncls);
            add_dynamic(m, wi, i, p1, p2, sc);
            for (uint32_t c = 0; c < m->ncls; c++) {
                if (!(m->cls_mask >> c & 1) || !tag_allowed(m->kind, p1, (int)c)) continue;
                int64_t s = cur[b].score + sc[c];
                if (nn == B && s <= next[nn - 1].score) continue;
                size_t j = nn < B ? nn++ : nn - 1;          /* insert, keeping order */
                while (j > 0 && next[j - 1].score < s) { next[j] = next[j - 1]; j--; }
                next[j].score = s; next[j].lab = (uint8_t)c; next[j].back = (uint8_t)b;
            }
        }
        for (size_t b = 0; b < nn; b++) {
            t->hl[i * TAG_MAX_BEAM + b] = next[b].lab;
            t->hb[i * TAG_MAX_BEAM + b] = next[b].back;
        }
        memcpy(cur, next, nn * sizeof *cur);
        ncur = nn;
    }
    for (size_t i = n, b = 0; i-- > 0;) {
        out[i] = t->hl[i * TAG_MAX_BEAM + b];
        b = t->hb[i * TAG_MAX_BEAM + b];
    }
}

static void decode(tag_tagger *t, const tag_model *m, const tag_wi *wi, size_t n, uint8_t *out)
{
    size_t B = t->beam > 0 ? (size_t)t->beam : m->beam;
    if (B <= 1) decode_greedy(m, wi, n, out);
    else decode_beam(t, m, wi, n, B > TAG_MAX_BEAM ? TAG_MAX_BEAM : B, out);
}

void tag_tagger_set_beam(tag_tagger *t, int beam) { t->beam = beam; }

/* Tag words already normalised in t->w / t->wl. */
static void tag_normalised(tag_tagger *t, size_t n, uint8_t *pos, uint8_t *ner)
{
    if (pos) {
        if (t->pos) {
            tag_words_info(&t->pos->lex, t->w, t->wl, n, t->wi);
            decode(t, t->pos, t->wi, n, pos);
        } else memset(pos, 0, n);
    }
    if (ner) {
        if (t->ner) {
            tag_words_info(&t->ner->lex, t->w, t->wl, n, t->wi);
            decode(t, t->ner, t->wi, n, ner);
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
