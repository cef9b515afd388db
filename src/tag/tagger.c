/* src/tag/tagger.c -- left-to-right decoding with the averaged perceptron
** weights of a loaded model: greedy, or a beam of the width the model was
** trained with (NER: 2, worth +0.8 F1 on GMB; POS: greedy, a beam gained
** nothing; docs/TAG.md has the measurements).
** A tagger is one thread's scratch space (normalised words, per-token hashes,
** word cache); it grows per sentence, never per token. Scores are sums of
** int16 weights in int32/int64, so tagging is exact and the same on every
** machine. Tagging is bound by cache misses on the model tables (megabytes),
** which is what the prefetching, the word cache and the label tables fight. */
#include "tag/tag_impl.h"
#include "dots.h"

#include <stdlib.h>
#include <string.h>

/* Per-word cache of weight sums. The word templates of a token (its forms
** as seen from itself and from up to two tokens either side) depend on that
** one word only, so their five sums are kept per word form: in news text a
** few thousand forms cover most tokens, and a hit replaces about 25 table
** lookups (cache misses) with one copy. Keyed by the 64-bit hash of the
** normalised form, 4-way set associative with least-recently-used
** replacement: on GMB test text 4096 slots hit 84% of tokens this way, 78%
** direct-mapped. The four sums seen from the neighbours (one to three
** weights each) are kept as int16, which halves the cache's footprint; a
** word whose neighbour sums do not fit is simply not cached. The word's own
** sum (about 14 weights, the bias among them) reaches about 92,000 with the
** committed models, so it is kept as int32: stored as int16, 99% of words
** did not fit and the cache hit 17% of tokens. Sums are exact, so cached
** and uncached results agree. */
#define WC_SLOTS 4096
#define WC_WAYS 4
typedef struct wcache {
    const tag_model *m;
    uint64_t *key;               /* WC_SLOTS; 0 = empty; set s is slots [4s, 4s+4) */
    uint32_t *used;              /* WC_SLOTS: when each slot was last used */
    uint32_t clock;
    int16_t *vec;                /* WC_SLOTS * 4 * ncls: the neighbours' sums (d = -2, -1, 1, 2) */
    int32_t *own;                /* WC_SLOTS * ncls: the word's own sum (d = 0) */
    /* The first two label features (previous label; previous two) do not
    ** depend on the word: their sums are tabulated once per model,
    ** lab[(p1 * L + p2) * ncls], L = ncls + 1 with index ncls for "none". */
    int32_t *lab;
} wcache;

struct tag_tagger {
    const tag_model *pos, *ner;
    size_t cap;
    char *norm;                  /* cap * (TAG_MAX_WORD + 1): NUL-terminated words */
    const char **w;
    size_t *wl;
    tag_wi *wi;
    uint8_t *tmp;
    uint8_t *hl, *hb;            /* beam history: label and back pointer, cap * TAG_MAX_BEAM */
    int beam;                    /* 0: each model's own width */
    int32_t *u;                  /* per token, its 5 word-template sums: cap * 5 * TAG_MAX_CLASSES */
    wcache wc[2];                /* POS, NER */
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
    free(t->u);
    for (int i = 0; i < 2; i++) {
        free(t->wc[i].key); free(t->wc[i].vec); free(t->wc[i].own); free(t->wc[i].lab);
        free(t->wc[i].used);
    }
    free(t);
}

static int reserve(tag_tagger *t, size_t n)
{
    if (n <= t->cap) return DOTS_OK;
    size_t c = t->cap ? t->cap : 64;
    while (c < n) c *= 2;
    char *norm = realloc(t->norm, c * (TAG_MAX_WORD + 1));
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
    int32_t *u = realloc(t->u, c * 5 * TAG_MAX_CLASSES * sizeof *u);
    if (u) t->u = u;
    if (!norm || !w || !wl || !wi || !tmp || !hl || !hb || !u) return DOTS_ENOMEM;
    t->cap = c;
    return DOTS_OK;
}

/* Find each key's weights; returns how many were found, their offsets in off.
** Lookups are cache misses (the tables are megabytes), so every slot is
** prefetched before any is read, then every weight list before any is summed:
** the misses overlap instead of queueing one after another. */
static size_t find_keys(const tag_model *m, const uint64_t *k, size_t nk, uint32_t *off)
{
    const uint32_t mask = m->feat_mask;
    size_t nf = 0;
    uint64_t live[TAG_MAX_BEAM * 8 > TAG_MAX_KEYS ? TAG_MAX_BEAM * 8 : TAG_MAX_KEYS];
    size_t nl = 0;
    for (size_t j = 0; j < nk; j++) {
        if (!tag_filter_has(m, tag_fp(k[j]))) continue;
        __builtin_prefetch(&m->feat[(uint32_t)k[j] & mask]);
        live[nl++] = k[j];
    }
    for (size_t j = 0; j < nl; j++) {
        uint32_t fp = tag_fp(live[j]);
        for (uint32_t s = (uint32_t)live[j] & mask;; s = (s + 1) & mask) {
            const tag_fslot *f = &m->feat[s];
            if (f->fp == fp) {
                off[nf++] = f->off;
                __builtin_prefetch(m->wts + f->off);
                break;
            }
            if (!f->fp) break;
        }
    }
    return nf;
}

/* As find_keys, but off[j] is key j's offset or UINT32_MAX when absent. */
static void find_each(const tag_model *m, const uint64_t *k, size_t nk, uint32_t *off)
{
    const uint32_t mask = m->feat_mask;
    for (size_t j = 0; j < nk; j++)
        if (tag_filter_has(m, tag_fp(k[j]))) __builtin_prefetch(&m->feat[(uint32_t)k[j] & mask]);
    for (size_t j = 0; j < nk; j++) {
        uint32_t fp = tag_fp(k[j]);
        off[j] = UINT32_MAX;
        if (!tag_filter_has(m, fp)) continue;
        for (uint32_t s = (uint32_t)k[j] & mask;; s = (s + 1) & mask) {
            const tag_fslot *f = &m->feat[s];
            if (f->fp == fp) {
                off[j] = f->off;
                __builtin_prefetch(m->wts + f->off);
                break;
            }
            if (!f->fp) break;
        }
    }
}

static inline void add_found(const tag_model *m, const uint32_t *off, size_t nf, int32_t *sc)
{
    for (size_t j = 0; j < nf; j++) {
        const uint16_t *p = m->wts + off[j];
        uint32_t cnt = p[0];
        for (uint32_t i = 0; i < cnt; i++) sc[p[1 + 2 * i]] += (int16_t)p[2 + 2 * i];
    }
}

static inline size_t lab_index(const tag_model *m, int p)
{
    return p == 255 ? m->ncls : (size_t)p;
}

/* Set up t's cache for model m: the word table and the label table. */
static int cache_for(tag_tagger *t, const tag_model *m)
{
    wcache *wc = &t->wc[m->kind == TAG_KIND_NER];
    if (wc->m == m) return DOTS_OK;
    const size_t C = m->ncls, L = C + 1;
    free(wc->key); free(wc->vec); free(wc->own); free(wc->lab); free(wc->used);
    wc->key = calloc(WC_SLOTS, sizeof *wc->key);
    wc->used = calloc(WC_SLOTS, sizeof *wc->used);
    wc->clock = 0;
    wc->vec = malloc(WC_SLOTS * 4 * C * sizeof *wc->vec);
    wc->own = malloc(WC_SLOTS * C * sizeof *wc->own);
    wc->lab = calloc(L * L * C, sizeof *wc->lab);
    wc->m = wc->key && wc->vec && wc->own && wc->lab && wc->used ? m : NULL;
    if (!wc->m) return DOTS_ENOMEM;
    tag_wi none = { 0 };
    uint64_t k[8];
    uint32_t off[8];
    for (size_t a = 0; a < L; a++)
        for (size_t b = 0; b < L; b++) {
            int p1 = a == C ? 255 : (int)a, p2 = b == C ? 255 : (int)b;
            tag_dynamic_keys(m->kind, &none, 0, p1, p2, k);     /* k[0], k[1]: labels only */
            add_found(m, off, find_keys(m, k, 2, off), wc->lab + (a * L + b) * C);
        }
    return DOTS_OK;
}

/* Label-feature sums for history p1, p2 into sc (which holds the static sums). */
static void add_dynamic(const tag_tagger *t, const tag_model *m, const tag_wi *wi, size_t i,
                        int p1, int p2, int32_t *sc)
{
    const wcache *wc = &t->wc[m->kind == TAG_KIND_NER];
    const size_t C = m->ncls, L = C + 1;
    const int32_t *v = wc->lab + (lab_index(m, p1) * L + lab_index(m, p2)) * C;
    uint64_t k[8];
    uint32_t off[8];
    for (size_t c = 0; c < C; c++) sc[c] += v[c];
    size_t nk = tag_dynamic_keys(m->kind, wi, i, p1, p2, k);
    add_found(m, off, find_keys(m, k + 2, nk - 2, off), sc);
}

/* Fill t->u: for each token its five word-template sums, from the cache when possible. */
static int word_sums(tag_tagger *t, const tag_model *m, tag_wi *wi, size_t n)
{
    if (cache_for(t, m)) return DOTS_ENOMEM;
    wcache *wc = &t->wc[m->kind == TAG_KIND_NER];
    const size_t C = m->ncls, V = 5 * C;
    uint64_t k[TAG_MAX_KEYS];
    uint32_t off[TAG_MAX_KEYS];
    for (size_t i = 0; i < n; i++) {
        int32_t *dst = t->u + i * 5 * TAG_MAX_CLASSES;
        uint64_t key = wi[i].w;
        size_t set = (key & (WC_SLOTS / WC_WAYS - 1)) * WC_WAYS, slot = set;
        for (size_t w = set; w < set + WC_WAYS; w++) {  /* a hit, else the oldest way */
            if (wc->key[w] == key) { slot = w; break; }
            if (wc->used[w] < wc->used[slot]) slot = w;
        }
        wc->used[slot] = ++wc->clock;
        /* dst holds the sums for d = -2..2 in turn; the cache keeps d = 0 apart */
        if (key && wc->key[slot] == key) {
            const int16_t *src = wc->vec + slot * 4 * C;
            const int32_t *own = wc->own + slot * C;
            for (size_t j = 0; j < 2 * C; j++) dst[j] = src[j];
            memcpy(dst + 2 * C, own, C * sizeof *own);
            for (size_t j = 2 * C; j < 4 * C; j++) dst[C + j] = src[j];
            continue;
        }
        memset(dst, 0, V * sizeof *dst);
        if (!wi[i].affixes) tag_word_affixes(t->w[i], t->wl[i], &wi[i]);
        size_t nk = 0, cut[6] = { 0 };                  /* one batch of lookups for all five */
        for (int d = -2; d <= 2; d++) {
            nk += tag_word_keys(m->kind, &wi[i], d, k + nk);
            cut[d + 3] = nk;
        }
        find_each(m, k, nk, off);
        for (int d = 0; d < 5; d++)
            for (size_t j = cut[d]; j < cut[d + 1]; j++)
                if (off[j] != UINT32_MAX) add_found(m, &off[j], 1, dst + (size_t)d * m->ncls);
        int fits = key != 0;
        for (size_t j = 0; j < V && fits; j++)
            fits = (j >= 2 * C && j < 3 * C) || (dst[j] >= INT16_MIN && dst[j] <= INT16_MAX);
        if (fits) {
            int16_t *to = wc->vec + slot * 4 * C;
            wc->key[slot] = key;
            for (size_t j = 0; j < 2 * C; j++) to[j] = (int16_t)dst[j];
            memcpy(wc->own + slot * C, dst + 2 * C, C * sizeof *dst);
            for (size_t j = 2 * C; j < 4 * C; j++) to[j] = (int16_t)dst[C + j];
        }
    }
    return DOTS_OK;
}

static void static_scores(const tag_tagger *t, const tag_model *m, const tag_wi *wi,
                          size_t n, size_t i, int32_t *sc)
{
    uint64_t k[TAG_MAX_KEYS];
    uint32_t off[TAG_MAX_KEYS];
    static const int32_t none[TAG_MAX_CLASSES];
    const uint32_t C = m->ncls;
    const int32_t *v[5];                 /* one pass over the five sums, not five */
    for (int d = -2; d <= 2; d++)
        v[d + 2] = (d < 0 && i < (size_t)-d) || (d > 0 && i + (size_t)d >= n) ? none
                 : t->u + (size_t)((ptrdiff_t)i + d) * 5 * TAG_MAX_CLASSES + (size_t)(d + 2) * C;
    for (uint32_t c = 0; c < C; c++) sc[c] = v[0][c] + v[1][c] + v[2][c] + v[3][c] + v[4][c];
    size_t nk = tag_context_keys(m->kind, wi, n, i, k);
    add_found(m, off, find_keys(m, k, nk, off), sc);
}

/* Greedy: the best label at each token given the labels already chosen. */
static void decode_greedy(const tag_tagger *t, const tag_model *m, const tag_wi *wi, size_t n, uint8_t *out)
{
    int32_t sc[TAG_MAX_CLASSES];
    int p1 = 255, p2 = 255;
    for (size_t i = 0; i < n; i++) {
        static_scores(t, m, wi, n, i, sc);
        add_dynamic(t, m, wi, i, p1, p2, sc);
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
        static_scores(t, m, wi, n, i, st);
        size_t nn = 0, nk = 0, nf[TAG_MAX_BEAM + 1];
        uint64_t k[TAG_MAX_BEAM * 8];
        uint32_t off[TAG_MAX_BEAM * 8];
        nf[0] = 0;
        const wcache *wc = &t->wc[m->kind == TAG_KIND_NER];
        const size_t C = m->ncls, L = C + 1;
        int p2s[TAG_MAX_BEAM];
        size_t same[TAG_MAX_BEAM];                      /* first item with the same p1 */
        for (size_t b = 0; b < ncur; b++) {             /* all items' word-label features at once */
            p2s[b] = i >= 2 ? t->hl[(i - 2) * TAG_MAX_BEAM + cur[b].back] : 255;
            same[b] = b;
            for (size_t e = 0; e < b; e++)
                if (cur[e].lab == cur[b].lab) { same[b] = e; break; }
            if (same[b] != b) { nf[b + 1] = nf[b]; continue; }
            size_t kb = tag_dynamic_keys(m->kind, wi, i, cur[b].lab, p2s[b], k + nk);
            nf[b + 1] = nf[b] + find_keys(m, k + nk + 2, kb - 2, off + nf[b]);
            nk += kb;
        }
        for (size_t b = 0; b < ncur; b++) {
            int p1 = cur[b].lab;
            const int32_t *lv = wc->lab + (lab_index(m, p1) * L + lab_index(m, p2s[b])) * C;
            for (size_t c = 0; c < C; c++) sc[c] = st[c] + lv[c];
            add_found(m, off + nf[same[b]], nf[same[b] + 1] - nf[same[b]], sc);
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

static int decode(tag_tagger *t, const tag_model *m, tag_wi *wi, size_t n, uint8_t *out)
{
    size_t B = t->beam > 0 ? (size_t)t->beam : m->beam;
    if (word_sums(t, m, wi, n)) return DOTS_ENOMEM;
    if (B <= 1) decode_greedy(t, m, wi, n, out);
    else decode_beam(t, m, wi, n, B > TAG_MAX_BEAM ? TAG_MAX_BEAM : B, out);
    return DOTS_OK;
}

void tag_tagger_set_beam(tag_tagger *t, int beam) { t->beam = beam; }

/* Tag words already normalised in t->w / t->wl. */
static int tag_normalised(tag_tagger *t, size_t n, uint8_t *pos, uint8_t *ner)
{
    if (pos && !t->pos) memset(pos, 0, n);
    if (ner && !t->ner) memset(ner, 0, n);
    if (pos) pos = t->pos ? pos : NULL;
    if (ner) ner = t->ner ? ner : NULL;
    if (!pos && !ner) return DOTS_OK;
    tag_words_hash_core(t->w, t->wl, n, t->wi);         /* once for both models */
    if (pos) {
        tag_words_lex(&t->pos->lex, t->w, n, t->wi);
        if (decode(t, t->pos, t->wi, n, pos)) return DOTS_ENOMEM;
    }
    if (ner) {
        tag_words_lex(&t->ner->lex, t->w, n, t->wi);
        if (decode(t, t->ner, t->wi, n, ner)) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

int tag_words(tag_tagger *t, const char *const *w, const size_t *wl, size_t n,
              uint8_t *pos, uint8_t *ner)
{
    if (reserve(t, n)) return DOTS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        char *o = t->norm + i * (TAG_MAX_WORD + 1);
        t->wl[i] = tag_normalize(w[i], wl[i], o);
        o[t->wl[i]] = 0;                 /* the gazetteer reads the first byte */
        t->w[i] = o;
    }
    return tag_normalised(t, n, pos, ner);
}

/* One model over every sentence of d (pass 0 POS, pass 1 NER). Running
** each model over the whole document, rather than both per sentence, keeps
** one model's tables and word cache in the CPU caches at a time. */
static int doc_pass(tag_tagger *t, dots_doc *d, int ner_pass)
{
    for (size_t s = 0; s < d->nsents; s++) {
        const doc_sent *st = &d->sents[s];
        size_t n = st->count;
        if (!n) continue;
        if ((size_t)st->first + n > d->ntoks) return DOTS_EINVAL;
        if (reserve(t, n)) return DOTS_ENOMEM;
        doc_token *tk = d->toks + st->first;
        for (size_t i = 0; i < n; i++) {
            char *o = t->norm + i * (TAG_MAX_WORD + 1);
            if (tk[i].end < tk[i].start || tk[i].end > d->len) return DOTS_EINVAL;
            t->wl[i] = tag_normalize(d->text + tk[i].start, tk[i].end - tk[i].start, o);
            o[t->wl[i]] = 0;
            t->w[i] = o;
        }
        uint8_t *out = t->tmp;
        if (tag_normalised(t, n, ner_pass ? NULL : out, ner_pass ? out : NULL)) return DOTS_ENOMEM;
        for (size_t i = 0; i < n; i++) {
            if (ner_pass) tk[i].ner = out[i];
            else tk[i].pos = out[i];
        }
    }
    return DOTS_OK;
}

int tag_doc(tag_tagger *t, dots_doc *d)
{
    int rc = doc_pass(t, d, 0);
    return rc ? rc : doc_pass(t, d, 1);
}
