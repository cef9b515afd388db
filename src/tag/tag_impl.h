/* src/tag/tag_impl.h -- what the tagger's files share and nobody else needs:
** the loaded model, the lexicon (word classes and gazetteer) both the trainer
** and the tagger consult, and feature extraction.
** Features are never spelled out as strings: each is a 64-bit key mixed from a
** template number and the hashes of the word forms it looks at, so the trainer
** and the tagger compute identical keys from the same code (feats.c), and the
** tagger needs no buffer per feature. The table stores 32 bits of the key (the
** slot comes from the low bits), so a false hit for an unseen feature needs a
** 32-bit coincidence within one probe run. */
#ifndef DOTS_TAG_IMPL_H
#define DOTS_TAG_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "tag/tag.h"

#define TAG_MODEL_MAGIC "DOTSTAG\x1a"
#define TAG_MODEL_VERSION 1u
#define TAG_KIND_POS 1u
#define TAG_KIND_NER 2u
#define TAG_MAX_CLASSES 64
#define TAG_MAX_WORD 96          /* normalised word bytes kept; longer words are cut */
#define TAG_MAX_KEYS 64          /* features one token can fire */
#define TAG_MAX_BEAM 16
#define TAG_GAZ_MAXLEN 8         /* tokens in the longest gazetteer phrase */

/* Gazetteer type bits; GAZ_PREFIX marks a phrase that begins a longer one. */
enum { GAZ_COUNTRY = 1, GAZ_CAPITAL = 2, GAZ_DEMONYM = 4, GAZ_REGION = 8,
       GAZ_ARMED = 16, GAZ_FTO = 32, GAZ_GROUP = 64, GAZ_PREFIX = 128 };

/* Open-addressing slots; fp == 0 means empty. Linear probing from key & mask. */
typedef struct tag_fslot { uint32_t fp, off; } tag_fslot;         /* feature -> weights */
typedef struct tag_cslot { uint32_t fp; uint16_t fine, coarse; } tag_cslot; /* word class */
typedef struct tag_gslot { uint32_t fp, mask; } tag_gslot;        /* gazetteer phrase */

static inline uint32_t tag_fp(uint64_t key)
{
    uint32_t f = (uint32_t)(key >> 32);
    return f ? f : 1;
}

/* Word classes and gazetteer: read-only tables, from a model or a training run. */
typedef struct tag_lex {
    const tag_cslot *clu; uint32_t clu_mask;     /* mask 0: no word classes */
    const tag_gslot *gaz; uint32_t gaz_mask;     /* mask 0: no gazetteer */
} tag_lex;

struct tag_model {
    void *owned;                 /* the file bytes when loaded from a path */
    uint32_t kind, ncls;
    uint32_t beam;               /* beam width trained with; 1 = greedy */
    uint64_t cls_mask;           /* classes seen in training: the only ones predicted */
    float scale;                 /* weight = int16 / scale */
    const tag_fslot *feat; uint32_t feat_mask;
    const uint16_t *wts; uint32_t nwts;
    tag_lex lex;
    /* Built on load: one bit per feature fingerprint, so that most keys the
    ** model never saw (rare word pairs) are rejected from a table small
    ** enough to stay in the CPU cache, without touching the slots. */
    uint64_t *filter; uint32_t filter_mask;
};

static inline int tag_filter_has(const struct tag_model *m, uint32_t fp)
{
    uint32_t b = fp & m->filter_mask;
    return (int)(m->filter[b >> 6] >> (b & 63) & 1);
}

/* One token's forms, hashed once per token. */
typedef struct tag_wi {
    uint64_t w, lw, shape, suf[4], pre[3];
    uint16_t cf, cc;             /* word class, fine and coarse; 0 = none */
    uint8_t gaz, gazpos;         /* gazetteer mask of the phrase covering it; 0 none, 1 B, 2 I */
    uint8_t flags;
    uint8_t affixes;             /* suf and pre are filled */
} tag_wi;

uint64_t tag_hash(const void *p, size_t n);
static inline uint64_t tag_mix(uint64_t x)
{
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Map a token to the conventions of the training corpora (brackets, quotes,
** curly apostrophes, dashes) into out (TAG_MAX_WORD bytes); returns its length. */
size_t tag_normalize(const char *w, size_t n, char *out);
/* ASCII-lowercase with digits folded to 0, for the lexicon and word features. */
size_t tag_lower(const char *w, size_t n, char *out);

/* Fill wi[0..n) for normalised words (already passed through tag_normalize):
** tag_words_hash the forms, tag_words_lex what a model's lexicon says about
** them (word classes, gazetteer); tag_words_info both. */
void tag_words_hash(const char *const *w, const size_t *wl, size_t n, tag_wi *wi);
/* tag_words_hash in two steps: the forms every template reads (word, lower
** case, shape, flags; suf and pre left 0, affixes 0), then for one word the
** suffixes and prefixes, which only the word templates read (tag_word_keys),
** so the tagger hashes them only for words its cache does not hold. */
void tag_words_hash_core(const char *const *w, const size_t *wl, size_t n, tag_wi *wi);
void tag_word_affixes(const char *w, size_t wl, tag_wi *x);
void tag_words_lex(const tag_lex *lex, const char *const *w, size_t n, tag_wi *wi);
void tag_words_info(const tag_lex *lex, const char *const *w, const size_t *wl, size_t n,
                    tag_wi *wi);
/* Context-independent feature keys of token i; returns how many (<= TAG_MAX_KEYS).
** They are the union of two kinds, which the tagger caches differently:
** tag_word_keys, the keys of token i+d's own forms as seen from token i
** (a function of that one word, so their weight sums are cached per word), and
** tag_context_keys (conjunctions, sentence edges, gazetteer matches). */
size_t tag_static_keys(uint32_t kind, const tag_wi *wi, size_t n, size_t i, uint64_t *k);
/* Keys of word x as seen from the token being tagged when x is d tokens
** away (-2..2): 0 is the token itself, -1 the previous word, 1 the next. */
size_t tag_word_keys(uint32_t kind, const tag_wi *x, int d, uint64_t *k);
size_t tag_context_keys(uint32_t kind, const tag_wi *wi, size_t n, size_t i, uint64_t *k);
/* Keys that depend on the two previous predicted labels (255 = before the
** sentence). The tagger relies on their order: k[0] and k[1] depend on the
** labels only (it tabulates them), k[2] on depend on p1 and the word only. */
size_t tag_dynamic_keys(uint32_t kind, const tag_wi *wi, size_t i, int p1, int p2, uint64_t *k);
/* 1 when label c may follow label prev (BIO: I-x only after B-x or I-x). */
static inline int tag_allowed(uint32_t kind, int prev, int c)
{
    if (kind != TAG_KIND_NER || c == 0 || TAG_NER_IS_B(c)) return 1;
    return prev != 255 && prev != 0 && TAG_NER_TYPE(prev) == TAG_NER_TYPE(c);
}

/* Gazetteer phrase key: lowercased tokens hashed in turn. */
static inline uint64_t tag_gaz_step(uint64_t h, uint64_t lw) { return tag_mix(h ^ lw) + 0x51; }

/* Serialise a model image (trainer side). The caller frees *out. */
typedef struct tag_image {
    uint32_t kind, ncls, beam; uint64_t cls_mask; float scale;
    const tag_fslot *feat; uint32_t nfeat_slots;
    const uint16_t *wts; uint32_t nwts;
    const tag_cslot *clu; uint32_t nclu_slots;
    const tag_gslot *gaz; uint32_t ngaz_slots;
} tag_image;
int tag_image_write(const tag_image *im, void **out, size_t *n);

/* Build the gazetteer table from the files in dir (gazetteer.c); caller frees *slots. */
int tag_gaz_build(const char *dir, tag_gslot **slots, uint32_t *nslots, char *err, size_t errlen);

#endif
