/* src/tag/feats.c -- token normalisation and feature keys, shared by the
** trainer and the tagger so that both see exactly the same features.
** Facts that shaped it: the corpora write brackets as -LRB- (CoNLL) or ( (GMB)
** and quotes as `` '' (CoNLL) or " (GMB), while news text has curly quotes
** and apostrophes; everything is mapped to one plain-ASCII convention here, so
** changing a rule means retraining. A token fires about 35 features; each key
** is mixed from per-token hashes computed once (tag_words_info), never from a
** formatted string. */
#include "tag/tag_impl.h"

#include <string.h>

uint64_t tag_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = tag_mix(h ^ v);
        s += 8; n -= 8;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= (uint64_t)s[i] << (8 * i);
    return tag_mix(h ^ v ^ 0x9e3779b97f4a7c15ULL);
}

/* ---- Normalisation ------------------------------------------------------- */
#define W(f, t) { f, t, sizeof f - 1, sizeof t - 1 }
static const struct { const char *from, *to; size_t fl, tl; } whole[] = {
    W("-LRB-", "("), W("-RRB-", ")"), W("-LCB-", "{"), W("-RCB-", "}"),
    W("-LSB-", "["), W("-RSB-", "]"), W("``", "\""), W("''", "\""),
    W("\xe2\x80\x9c", "\""), W("\xe2\x80\x9d", "\""), W("\xe2\x80\x9e", "\""),
    W("\xc2\xab", "\""), W("\xc2\xbb", "\""), W("`", "'"),
    W("\xe2\x80\x98", "'"), W("\xe2\x80\x99", "'"), W("\xe2\x80\x94", "--"),
    W("\xe2\x80\x93", "--"), W("\xe2\x80\x95", "--"), W("\xe2\x80\xa6", "..."),
};
#undef W

size_t tag_normalize(const char *w, size_t n, char *out)
{
    unsigned char c0 = n ? (unsigned char)w[0] : 0;
    if (n <= 5 && (c0 == '-' || c0 == '`' || c0 == '\'' || c0 == 0xe2 || c0 == 0xc2)) {
        for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
            if (whole[i].fl == n && memcmp(w, whole[i].from, n) == 0) {
                memcpy(out, whole[i].to, whole[i].tl);
                return whole[i].tl;
            }
        }
    }
    size_t o = 0;
    for (size_t i = 0; i < n && o < TAG_MAX_WORD; i++) {
        unsigned char c = (unsigned char)w[i];
        /* curly single quotes inside words (O’Brien, ’s, n’t) become ' */
        if (c == 0xe2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80) {
            unsigned char d = (unsigned char)w[i + 2];
            if (d == 0x98 || d == 0x99) { out[o++] = '\''; i += 2; continue; }
            if (d == 0x9c || d == 0x9d) { out[o++] = '"'; i += 2; continue; }
        }
        out[o++] = (char)c;
    }
    return o;
}

size_t tag_lower(const char *w, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        else if (c >= '0' && c <= '9') c = '0';
        out[i] = c;
    }
    return n;
}

/* ---- Per-token forms ----------------------------------------------------- */
enum { F_DIGIT = 1, F_HYPHEN = 2, F_ALLCAP = 4, F_INITCAP = 8, F_PERIOD = 16, F_LOWER = 32 };

static size_t shape_of(const char *w, size_t n, char *out)
{
    size_t o = 0;
    char last = 0;
    for (size_t i = 0; i < n && o < 16; i++) {
        unsigned char c = (unsigned char)w[i];
        char s = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x'
               : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (s != last) out[o++] = s;
        last = s;
    }
    return o;
}

static uint8_t flags_of(const char *w, size_t n)
{
    uint8_t f = 0;
    int up = 0, lo = 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= '0' && c <= '9') f |= F_DIGIT;
        else if (c == '-') f |= F_HYPHEN;
        else if (c == '.') f |= F_PERIOD;
        else if (c >= 'A' && c <= 'Z') up++;
        else if (c >= 'a' && c <= 'z') lo++;
    }
    if (up && !lo) f |= F_ALLCAP;
    if (n && w[0] >= 'A' && w[0] <= 'Z') f |= F_INITCAP;
    if (lo && !up) f |= F_LOWER;
    return f;
}

static const tag_cslot *clu_find(const tag_lex *lex, uint64_t h)
{
    if (!lex->clu_mask) return NULL;
    uint32_t fp = tag_fp(h);
    for (uint32_t s = (uint32_t)h & lex->clu_mask;; s = (s + 1) & lex->clu_mask) {
        if (lex->clu[s].fp == fp) return &lex->clu[s];
        if (!lex->clu[s].fp) return NULL;
    }
}

static uint32_t gaz_find(const tag_lex *lex, uint64_t h)
{
    uint32_t fp = tag_fp(h);
    for (uint32_t s = (uint32_t)h & lex->gaz_mask;; s = (s + 1) & lex->gaz_mask) {
        if (lex->gaz[s].fp == fp) return lex->gaz[s].mask;
        if (!lex->gaz[s].fp) return 0;
    }
}

/* Longest gazetteer phrase starting at each capitalised token; phrases do not overlap. */
static void mark_gazetteer(const tag_lex *lex, const char *const *w, size_t n, tag_wi *wi)
{
    for (size_t i = 0; i < n;) {
        unsigned char c0 = (unsigned char)w[i][0];
        size_t best = 0;
        uint32_t bestmask = 0;
        if ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80) {
            uint64_t h = 0x67617a;
            for (size_t j = i; j < n && j < i + TAG_GAZ_MAXLEN; j++) {
                h = tag_gaz_step(h, wi[j].lw);
                uint32_t m = gaz_find(lex, h);
                if (!m) break;
                if (m & ~(uint32_t)GAZ_PREFIX) { best = j + 1; bestmask = m & ~(uint32_t)GAZ_PREFIX; }
                if (!(m & GAZ_PREFIX)) break;
            }
        }
        if (!best) { i++; continue; }
        for (size_t j = i; j < best; j++) {
            wi[j].gaz = (uint8_t)bestmask;
            wi[j].gazpos = j == i ? 1 : 2;
        }
        i = best;
    }
}

void tag_words_hash_core(const char *const *w, const size_t *wl, size_t n, tag_wi *wi)
{
    char low[TAG_MAX_WORD], shp[16];
    for (size_t i = 0; i < n; i++) {
        tag_wi *x = &wi[i];
        size_t len = wl[i] < TAG_MAX_WORD ? wl[i] : TAG_MAX_WORD;
        memset(x, 0, sizeof *x);
        tag_lower(w[i], len, low);
        x->w = tag_hash(w[i], len);
        x->lw = tag_hash(low, len);
        x->shape = tag_hash(shp, shape_of(w[i], len, shp));
        x->flags = flags_of(w[i], len);
    }
}

void tag_word_affixes(const char *w, size_t wl, tag_wi *x)
{
    char low[8];
    size_t len = wl < TAG_MAX_WORD ? wl : TAG_MAX_WORD;
    for (size_t k = 1; k <= 4; k++) {
        tag_lower(w + len - (k < len ? k : 0), k < len ? k : 0, low);
        x->suf[k - 1] = k < len ? tag_hash(low, k) : 0;
    }
    tag_lower(w, len < 3 ? len : 3, low);
    for (size_t k = 1; k <= 3; k++)
        x->pre[k - 1] = k < len ? tag_hash(low, k) : 0;
    x->affixes = 1;
}

void tag_words_hash(const char *const *w, const size_t *wl, size_t n, tag_wi *wi)
{
    tag_words_hash_core(w, wl, n, wi);
    for (size_t i = 0; i < n; i++) tag_word_affixes(w[i], wl[i], &wi[i]);
}

void tag_words_lex(const tag_lex *lex, const char *const *w, size_t n, tag_wi *wi)
{
    for (size_t i = 0; i < n; i++) {
        tag_wi *x = &wi[i];
        const tag_cslot *c = clu_find(lex, x->lw);
        x->cf = c ? c->fine : 0;
        x->cc = c ? c->coarse : 0;
        x->gaz = x->gazpos = 0;
    }
    if (lex->gaz_mask) mark_gazetteer(lex, w, n, wi);
}

void tag_words_info(const tag_lex *lex, const char *const *w, const size_t *wl, size_t n,
                    tag_wi *wi)
{
    tag_words_hash(w, wl, n, wi);
    tag_words_lex(lex, w, n, wi);
}

/* ---- Feature keys -------------------------------------------------------- */
#define BOS 0x424f53ULL
#define EOS 0x454f53ULL

static inline uint64_t key1(uint64_t t, uint64_t a) { return tag_mix(a ^ (t * 0x9e3779b97f4a7c15ULL)); }
static inline uint64_t key2(uint64_t t, uint64_t a, uint64_t b)
{
    return key1(t, a ^ tag_mix(b + 0x2545f4914f6cdd1dULL));
}

size_t tag_word_keys(uint32_t kind, const tag_wi *x, int off, uint64_t *k)
{
    size_t m = 0;
    switch (off) {
    case 0:
        k[m++] = key1(1, 0);
        k[m++] = key1(2, x->w);
        k[m++] = key1(3, x->lw);
        k[m++] = key1(4, x->shape);
        for (int j = 0; j < 4; j++) if (x->suf[j]) k[m++] = key1(5 + j, x->suf[j]);
        for (int j = 0; j < 3; j++) if (x->pre[j]) k[m++] = key1(9 + j, x->pre[j]);
        if (x->cf) { k[m++] = key1(22, x->cf); k[m++] = key1(23, x->cc); }
        break;
    case -1:
        k[m++] = key1(12, x->lw);
        if (x->cf) k[m++] = key1(24, x->cf);
        if (kind == TAG_KIND_POS) k[m++] = key1(16, x->suf[2] ? x->suf[2] : BOS);
        else k[m++] = key1(31, x->w);
        break;
    case 1:
        k[m++] = key1(13, x->lw);
        if (x->cf) k[m++] = key1(25, x->cf);
        if (kind == TAG_KIND_POS) k[m++] = key1(17, x->suf[2] ? x->suf[2] : EOS);
        else k[m++] = key1(32, x->w);
        break;
    case -2: k[m++] = key1(14, x->lw); break;
    case 2: k[m++] = key1(15, x->lw); break;
    }
    return m;
}

size_t tag_context_keys(uint32_t kind, const tag_wi *wi, size_t n, size_t i, uint64_t *k)
{
    const tag_wi *x = &wi[i];
    const tag_wi *p = i > 0 ? &wi[i - 1] : NULL, *q = i + 1 < n ? &wi[i + 1] : NULL;
    uint64_t lwp = p ? p->lw : BOS, lwq = q ? q->lw : EOS;
    uint64_t shp = p ? p->shape : BOS, shq = q ? q->shape : EOS;
    size_t m = 0;

    /* the word templates of neighbours outside the sentence */
    if (!p) {
        k[m++] = key1(12, BOS);
        k[m++] = kind == TAG_KIND_POS ? key1(16, BOS) : key1(31, BOS);
    }
    if (!q) {
        k[m++] = key1(13, EOS);
        k[m++] = kind == TAG_KIND_POS ? key1(17, EOS) : key1(32, EOS);
    }
    if (i < 2) k[m++] = key1(14, BOS);
    if (i + 2 >= n) k[m++] = key1(15, EOS);
    /* conjunctions */
    k[m++] = key2(18, shp, x->shape);
    k[m++] = key2(19, x->shape, shq);
    k[m++] = key2(30, x->flags, i == 0);
    k[m++] = key2(20, lwp, x->lw);
    k[m++] = key2(21, x->lw, lwq);
    if (kind == TAG_KIND_NER) {
        k[m++] = key2(33, x->shape, lwp);
        if (p && p->cc) k[m++] = key2(26, p->cc, x->cc);
        if (q && q->cc) k[m++] = key2(27, x->cc, q->cc);
        if (x->gaz) k[m++] = key1(28, x->gaz * 4u + x->gazpos);
    }
    return m;
}

size_t tag_static_keys(uint32_t kind, const tag_wi *wi, size_t n, size_t i, uint64_t *k)
{
    size_t m = tag_word_keys(kind, &wi[i], 0, k);
    for (int d = -2; d <= 2; d++) {
        if (!d || (d < 0 && i < (size_t)-d) || i + (size_t)(d > 0 ? d : 0) >= n) continue;
        m += tag_word_keys(kind, &wi[(size_t)((ptrdiff_t)i + d)], d, k + m);
    }
    return m + tag_context_keys(kind, wi, n, i, k + m);
}

size_t tag_dynamic_keys(uint32_t kind, const tag_wi *wi, size_t i, int p1, int p2, uint64_t *k)
{
    size_t m = 0;
    k[m++] = key1(40, (uint64_t)p1);
    k[m++] = key2(41, (uint64_t)p1, (uint64_t)p2);
    k[m++] = key2(42, (uint64_t)p1, wi[i].lw);
    if (kind == TAG_KIND_NER) k[m++] = key2(43, (uint64_t)p1, wi[i].shape);
    return m;
}
