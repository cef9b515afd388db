/* src/tag/train.c -- the averaged perceptron trainer.
** Facts that shaped it: GMB train is 839k tokens and a token fires about 35
** features, so the context-independent feature ids of every token are
** computed once (and rare ones dropped) before the first epoch; each epoch
** then only hashes the few features that depend on the previous labels.
** Averaging uses the "w - u/c" form: on an update at step c, w += d and
** u += c*d, and the average after C steps is w - u/C, so no weight needs a
** timestamp. Word classes are derived from the training words themselves
** (spherical k-means over left/right neighbour counts: a cheap distributional
** stand-in for Brown clusters). Everything is ordered by the data and the
** seed only, so the same inputs give the same model bytes. */
#include "tag/train.h"
#include "tag/tag_impl.h"
#include "base/base.h"
#include "dots.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tag_train_opts_default(tag_train_opts *o, int kind)
{
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->epochs = kind == TAG_TRAIN_POS ? 10 : 12;
    o->seed = 1;
    o->beam = 1;
    o->clusters = 1;
    o->min_count = 2;
}

/* ---- A u64 -> u32 map (open addressing, key 0 reserved) ----------------- */
typedef struct kmap { uint64_t *k; uint32_t *v; size_t cap, n; } kmap;

static int kmap_init(kmap *m, size_t cap)
{
    m->cap = cap;
    m->n = 0;
    m->k = calloc(cap, sizeof *m->k);
    m->v = malloc(cap * sizeof *m->v);
    return m->k && m->v ? DOTS_OK : DOTS_ENOMEM;
}

static void kmap_fini(kmap *m) { free(m->k); free(m->v); memset(m, 0, sizeof *m); }

static inline uint64_t nz(uint64_t k) { return k ? k : 1; }

static uint32_t *kmap_find(const kmap *m, uint64_t key)
{
    key = nz(key);
    for (size_t s = key & (m->cap - 1);; s = (s + 1) & (m->cap - 1)) {
        if (m->k[s] == key) return &m->v[s];
        if (!m->k[s]) return NULL;
    }
}

/* The value slot for key, inserted with value init when absent. */
static uint32_t *kmap_put(kmap *m, uint64_t key, uint32_t init)
{
    key = nz(key);
    if (2 * (m->n + 1) > m->cap) {
        kmap b;
        if (kmap_init(&b, m->cap * 2)) { kmap_fini(&b); return NULL; }
        for (size_t s = 0; s < m->cap; s++)
            if (m->k[s]) *kmap_put(&b, m->k[s], m->v[s]) = m->v[s];
        kmap_fini(m);
        *m = b;
    }
    size_t s = key & (m->cap - 1);
    while (m->k[s] && m->k[s] != key) s = (s + 1) & (m->cap - 1);
    if (!m->k[s]) { m->k[s] = key; m->v[s] = init; m->n++; }
    return &m->v[s];
}

static uint64_t rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return tag_mix(*s);
}

static uint64_t lower_hash(const char *w, size_t n)
{
    char low[TAG_MAX_WORD];
    if (n > TAG_MAX_WORD) n = TAG_MAX_WORD;
    tag_lower(w, n, low);
    return tag_hash(low, n);
}

/* ---- Word classes -------------------------------------------------------- */
#define CL_VMAX 20000      /* words clustered: those seen 3+ times, most frequent first */
#define CL_NCTX 128        /* context words: the most frequent ones, plus "other" */
#define CL_ITERS 12

typedef struct vword { uint64_t h; uint32_t count; } vword;

static int cmp_vword(const void *a, const void *b)
{
    const vword *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->h < y->h ? -1 : x->h > y->h;
}

/* Spherical k-means of the V rows of x (D wide, unit length) into K classes. */
static int kmeans(const float *x, size_t V, size_t D, size_t K, uint64_t seed, uint16_t *out)
{
    float *cen = calloc(K * D, sizeof *cen);
    if (!cen) return DOTS_ENOMEM;
    for (size_t k = 0; k < K; k++) {                   /* seeded distinct starting rows */
        size_t r = (size_t)(rng_next(&seed) % V);
        memcpy(cen + k * D, x + r * D, D * sizeof *cen);
    }
    for (int it = 0; it < CL_ITERS; it++) {
        for (size_t v = 0; v < V; v++) {
            const float *xv = x + v * D;
            float best = -1e30f;
            size_t bk = 0;
            for (size_t k = 0; k < K; k++) {
                const float *c = cen + k * D;
                float d = 0;
                for (size_t j = 0; j < D; j++) d += xv[j] * c[j];
                if (d > best) { best = d; bk = k; }
            }
            out[v] = (uint16_t)bk;
        }
        memset(cen, 0, K * D * sizeof *cen);
        for (size_t v = 0; v < V; v++)
            for (size_t j = 0; j < D; j++) cen[out[v] * D + j] += x[v * D + j];
        for (size_t k = 0; k < K; k++) {
            double n2 = 0;
            for (size_t j = 0; j < D; j++) n2 += (double)cen[k * D + j] * cen[k * D + j];
            if (n2 == 0) {                              /* empty class: restart it */
                size_t r = (size_t)(rng_next(&seed) % V);
                memcpy(cen + k * D, x + r * D, D * sizeof *cen);
                continue;
            }
            float inv = (float)(1 / sqrt(n2));
            for (size_t j = 0; j < D; j++) cen[k * D + j] *= inv;
        }
    }
    free(cen);
    return DOTS_OK;
}

static int build_clusters(const tag_corpus *const *cs, size_t ncs, uint64_t seed,
                          tag_cslot **slots, uint32_t *nslots)
{
    int rc = DOTS_ENOMEM;
    kmap cnt = { 0 }, vid = { 0 };
    size_t ntok = 0;
    for (size_t k = 0; k < ncs; k++) ntok += cs[k]->ntok;
    uint64_t *lh = malloc((ntok ? ntok : 1) * sizeof *lh);
    vword *vw = NULL;
    float *x = NULL;
    uint16_t *fine = NULL, *coarse = NULL;
    tag_cslot *t = NULL;
    size_t V = 0;

    if (!lh || kmap_init(&cnt, 1 << 16) || kmap_init(&vid, 1 << 16)) goto done;
    for (size_t k = 0, o = 0; k < ncs; k++) {
        for (size_t i = 0; i < cs[k]->ntok; i++, o++) {
            lh[o] = lower_hash(cs[k]->words[i], cs[k]->wlen[i]);
            uint32_t *p = kmap_put(&cnt, lh[o], 0);
            if (!p) goto done;
            (*p)++;
        }
    }
    if (!(vw = malloc((cnt.n ? cnt.n : 1) * sizeof *vw))) goto done;
    for (size_t s = 0; s < cnt.cap; s++)
        if (cnt.k[s] && cnt.v[s] >= 3) { vw[V].h = cnt.k[s]; vw[V++].count = cnt.v[s]; }
    qsort(vw, V, sizeof *vw, cmp_vword);
    if (V > CL_VMAX) V = CL_VMAX;
    if (V < 256) { rc = DOTS_OK; *slots = NULL; *nslots = 0; goto done; }  /* too little text */
    for (size_t v = 0; v < V; v++)
        if (!kmap_put(&vid, vw[v].h, (uint32_t)v)) goto done;
    size_t D = 2 * (CL_NCTX + 1);
    if (!(x = calloc(V * D, sizeof *x))) goto done;
    for (size_t k = 0, base = 0; k < ncs; base += cs[k]->ntok, k++) {
        const tag_corpus *c = cs[k];
        for (size_t s = 0; s < c->nsent; s++) {
            for (size_t i = c->sent[s]; i < c->sent[s + 1]; i++) {
                uint32_t *v = kmap_find(&vid, lh[base + i]);
                if (!v) continue;
                size_t lc = CL_NCTX, rc2 = CL_NCTX;
                if (i > c->sent[s]) {
                    uint32_t *l = kmap_find(&vid, lh[base + i - 1]);
                    if (l && *l < CL_NCTX) lc = *l;
                }
                if (i + 1 < c->sent[s + 1]) {
                    uint32_t *r = kmap_find(&vid, lh[base + i + 1]);
                    if (r && *r < CL_NCTX) rc2 = *r;
                }
                x[*v * D + lc] += 1;
                x[*v * D + CL_NCTX + 1 + rc2] += 1;
            }
        }
    }
    for (size_t v = 0; v < V; v++) {
        double n2 = 0;
        for (size_t j = 0; j < D; j++) {
            float y = (float)log1p(x[v * D + j]);
            x[v * D + j] = y;
            n2 += (double)y * y;
        }
        float inv = n2 > 0 ? (float)(1 / sqrt(n2)) : 0;
        for (size_t j = 0; j < D; j++) x[v * D + j] *= inv;
    }
    if (!(fine = malloc(V * sizeof *fine)) || !(coarse = malloc(V * sizeof *coarse))) goto done;
    if ((rc = kmeans(x, V, D, 160, seed, fine)) || (rc = kmeans(x, V, D, 24, seed + 7, coarse)))
        goto done;
    rc = DOTS_ENOMEM;
    uint32_t ns = 1024;
    while (ns < 2 * V) ns *= 2;
    if (!(t = calloc(ns, sizeof *t))) goto done;
    for (size_t v = 0; v < V; v++) {
        uint32_t s = (uint32_t)vw[v].h & (ns - 1), fp = tag_fp(vw[v].h);
        while (t[s].fp) s = (s + 1) & (ns - 1);
        t[s].fp = fp;
        t[s].fine = (uint16_t)(fine[v] + 1);
        t[s].coarse = (uint16_t)(coarse[v] + 1);
    }
    *slots = t; t = NULL;
    *nslots = ns;
    rc = DOTS_OK;
done:
    free(t); free(fine); free(coarse); free(x); free(vw); free(lh);
    kmap_fini(&cnt); kmap_fini(&vid);
    return rc;
}

/* ---- The perceptron ------------------------------------------------------ */
typedef struct trainer {
    uint32_t kind, ncls;
    tag_lex lex;
    tag_cslot *clu; uint32_t nclu;
    tag_gslot *gaz; uint32_t ngaz;
    kmap fid;                    /* feature key -> id */
    uint64_t *keys;              /* id -> key */
    float *w;                    /* [id][class] current weights */
    double *u;                   /* [id][class] sum of step * change */
    size_t nf, capf;
    uint64_t step;
    uint64_t cls_mask;
    uint32_t beam;
    uint8_t *hl, *hb, *pred;     /* beam history and a predicted sequence, maxn * TAG_MAX_BEAM */
} trainer;

static int add_feature(trainer *t, uint64_t key, uint32_t *id)
{
    uint32_t *v = kmap_put(&t->fid, key, UINT32_MAX);
    if (!v) return DOTS_ENOMEM;
    if (*v != UINT32_MAX) { *id = *v; return DOTS_OK; }
    if (t->nf == t->capf) {
        size_t c = t->capf ? t->capf * 2 : 1 << 16;
        uint64_t *k = realloc(t->keys, c * sizeof *k);
        if (k) t->keys = k;
        float *w = realloc(t->w, c * t->ncls * sizeof *w);
        if (w) t->w = w;
        double *u = realloc(t->u, c * t->ncls * sizeof *u);
        if (u) t->u = u;
        if (!k || !w || !u) return DOTS_ENOMEM;
        t->capf = c;
    }
    memset(t->w + t->nf * t->ncls, 0, t->ncls * sizeof *t->w);
    memset(t->u + t->nf * t->ncls, 0, t->ncls * sizeof *t->u);
    t->keys[t->nf] = key;
    *v = *id = (uint32_t)t->nf++;
    return DOTS_OK;
}

static void trainer_fini(trainer *t)
{
    kmap_fini(&t->fid);
    free(t->keys); free(t->w); free(t->u); free(t->clu); free(t->gaz);
    free(t->hl); free(t->hb); free(t->pred);
}

/* Static feature ids of every token, CSR: ids[off[i] .. off[i+1]). */
typedef struct statics { uint32_t *ids; size_t *off; tag_wi *wi; } statics;

static int build_statics(trainer *t, const tag_corpus *c, int min_count, statics *st)
{
    int rc = DOTS_ENOMEM;
    uint64_t k[TAG_MAX_KEYS];
    kmap cnt = { 0 };
    size_t total = 0, cap = 0;
    st->ids = NULL;
    st->off = malloc((c->ntok + 1) * sizeof *st->off);
    st->wi = malloc((c->ntok ? c->ntok : 1) * sizeof *st->wi);
    if (!st->off || !st->wi || kmap_init(&cnt, 1 << 20)) goto done;
    for (size_t s = 0; s < c->nsent; s++) {
        size_t a = c->sent[s], n = c->sent[s + 1] - a;
        tag_words_info(&t->lex, c->words + a, c->wlen + a, n, st->wi + a);
    }
    for (int pass = 0; pass < 2; pass++) {
        total = 0;
        for (size_t s = 0; s < c->nsent; s++) {
            size_t a = c->sent[s], n = c->sent[s + 1] - a;
            for (size_t i = 0; i < n; i++) {
                size_t nk = tag_static_keys(t->kind, st->wi + a, n, i, k);
                if (pass == 0) {
                    for (size_t j = 0; j < nk; j++) {
                        uint32_t *v = kmap_put(&cnt, k[j], 0);
                        if (!v) goto done;
                        (*v)++;
                    }
                    continue;
                }
                st->off[a + i] = total;
                for (size_t j = 0; j < nk; j++) {
                    uint32_t *v = kmap_find(&cnt, k[j]), id;
                    if (*v < (uint32_t)min_count) continue;
                    if (add_feature(t, k[j], &id)) goto done;
                    if (total == cap) {
                        size_t nc = cap ? cap * 2 : 1 << 20;
                        uint32_t *ids = realloc(st->ids, nc * sizeof *ids);
                        if (!ids) goto done;
                        st->ids = ids;
                        cap = nc;
                    }
                    st->ids[total++] = id;
                }
            }
        }
    }
    st->off[c->ntok] = total;
    rc = DOTS_OK;
done:
    kmap_fini(&cnt);
    return rc;
}

static void statics_fini(statics *st) { free(st->ids); free(st->off); free(st->wi); }

/* One pass over the sentences in order; returns DOTS_OK or DOTS_ENOMEM. */
static int epoch(trainer *t, const tag_corpus *c, const statics *st, const size_t *order,
                 size_t *mistakes)
{
    uint64_t dk[8];
    uint32_t did[8];
    float sc[TAG_MAX_CLASSES];
    const uint32_t K = t->ncls;
    for (size_t o = 0; o < c->nsent; o++) {
        size_t s = order[o], a = c->sent[s], n = c->sent[s + 1] - a;
        int p1 = 255, p2 = 255;
        for (size_t i = 0; i < n; i++) {
            size_t tok = a + i;
            memset(sc, 0, sizeof sc);
            for (size_t j = st->off[tok]; j < st->off[tok + 1]; j++) {
                const float *w = t->w + (size_t)st->ids[j] * K;
                for (uint32_t y = 0; y < K; y++) sc[y] += w[y];
            }
            size_t nd = tag_dynamic_keys(t->kind, st->wi + a, i, p1, p2, dk);
            for (size_t j = 0; j < nd; j++) {
                uint32_t *v = kmap_find(&t->fid, dk[j]);
                did[j] = v ? *v : UINT32_MAX;
                if (!v) continue;
                const float *w = t->w + (size_t)*v * K;
                for (uint32_t y = 0; y < K; y++) sc[y] += w[y];
            }
            int best = -1;
            for (uint32_t y = 0; y < K; y++) {
                if (!(t->cls_mask >> y & 1) || !tag_allowed(t->kind, p1, (int)y)) continue;
                if (best < 0 || sc[y] > sc[best]) best = (int)y;
            }
            int gold = c->labels[tok];
            t->step++;
            /* After a wrong B-x the gold I-x cannot follow the predicted label;
            ** updating towards it anyway taught the model noise (GMB test F1
            ** 0.808 with such updates, 0.842 without). */
            if (best != gold && tag_allowed(t->kind, p1, gold)) {
                double st_ = (double)t->step;
                (*mistakes)++;
                for (size_t j = 0; j < nd; j++)
                    if (did[j] == UINT32_MAX && add_feature(t, dk[j], &did[j])) return DOTS_ENOMEM;
                for (size_t j = st->off[tok]; j < st->off[tok + 1] + nd; j++) {
                    uint32_t f = j < st->off[tok + 1] ? st->ids[j] : did[j - st->off[tok + 1]];
                    size_t b = (size_t)f * K;
                    t->w[b + gold] += 1; t->u[b + gold] += st_;
                    if (best >= 0) { t->w[b + best] -= 1; t->u[b + best] -= st_; }
                }
            }
            p2 = p1;
            p1 = best < 0 ? 0 : best;
        }
    }
    return DOTS_OK;
}

/* ---- Beam training: early update (Collins and Roark 2004) ---------------- */
static void beam_static(const trainer *t, const statics *st, size_t tok, float *sc)
{
    memset(sc, 0, sizeof(float) * t->ncls);
    for (size_t j = st->off[tok]; j < st->off[tok + 1]; j++) {
        const float *w = t->w + (size_t)st->ids[j] * t->ncls;
        for (uint32_t y = 0; y < t->ncls; y++) sc[y] += w[y];
    }
}

static void beam_dynamic(const trainer *t, const tag_wi *wi, size_t i, int p1, int p2, float *sc)
{
    uint64_t dk[8];
    size_t nd = tag_dynamic_keys(t->kind, wi, i, p1, p2, dk);
    for (size_t j = 0; j < nd; j++) {
        uint32_t *v = kmap_find(&t->fid, dk[j]);
        if (!v) continue;
        const float *w = t->w + (size_t)*v * t->ncls;
        for (uint32_t y = 0; y < t->ncls; y++) sc[y] += w[y];
    }
}

/* Add delta to the weights of label y for token i's features under history p1, p2. */
static int nudge_token(trainer *t, const statics *st, size_t a, size_t i, int p1, int p2,
                       int y, float delta)
{
    uint64_t dk[8];
    double su = (double)t->step * delta;
    size_t nd = tag_dynamic_keys(t->kind, st->wi + a, i, p1, p2, dk);
    for (size_t j = st->off[a + i]; j < st->off[a + i + 1]; j++) {
        size_t b = (size_t)st->ids[j] * t->ncls + (size_t)y;
        t->w[b] += delta; t->u[b] += su;
    }
    for (size_t j = 0; j < nd; j++) {
        uint32_t id;
        if (add_feature(t, dk[j], &id)) return DOTS_ENOMEM;
        size_t b = (size_t)id * t->ncls + (size_t)y;
        t->w[b] += delta; t->u[b] += su;
    }
    return DOTS_OK;
}

/* Reward the gold labels and penalise the predicted ones over tokens [0, len). */
static int update_seq(trainer *t, const statics *st, size_t a, const uint8_t *gold,
                      const uint8_t *pred, size_t len, size_t *mistakes)
{
    for (size_t j = 0; j < len; j++) {
        int g1 = j > 0 ? gold[j - 1] : 255, g2 = j > 1 ? gold[j - 2] : 255;
        int q1 = j > 0 ? pred[j - 1] : 255, q2 = j > 1 ? pred[j - 2] : 255;
        if (gold[j] == pred[j] && g1 == q1 && g2 == q2) continue;   /* would cancel */
        *mistakes += gold[j] != pred[j];
        if (nudge_token(t, st, a, j, g1, g2, gold[j], 1)
            || nudge_token(t, st, a, j, q1, q2, pred[j], -1)) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

typedef struct bcand { double score; uint8_t lab, back; } bcand;

static int epoch_beam(trainer *t, const tag_corpus *c, const statics *st, const size_t *order,
                      size_t *mistakes)
{
    float stc[TAG_MAX_CLASSES], sc[TAG_MAX_CLASSES];
    bcand cur[TAG_MAX_BEAM], next[TAG_MAX_BEAM];
    const size_t B = t->beam, W = TAG_MAX_BEAM;
    for (size_t o = 0; o < c->nsent; o++) {
        size_t s = order[o], a = c->sent[s], n = c->sent[s + 1] - a;
        const uint8_t *gold = c->labels + a;
        size_t ncur = 1, upto = n;
        int goldb = 0;
        cur[0].score = 0; cur[0].lab = 255; cur[0].back = 0;
        for (size_t i = 0; i < n; i++) {
            t->step++;
            beam_static(t, st, a + i, stc);
            size_t nn = 0;
            for (size_t b = 0; b < ncur; b++) {
                int p1 = cur[b].lab, p2 = i >= 2 ? t->hl[(i - 2) * W + cur[b].back] : 255;
                memcpy(sc, stc, sizeof(float) * t->ncls);
                beam_dynamic(t, st->wi + a, i, p1, p2, sc);
                for (uint32_t y = 0; y < t->ncls; y++) {
                    if (!(t->cls_mask >> y & 1) || !tag_allowed(t->kind, p1, (int)y)) continue;
                    double v = cur[b].score + sc[y];
                    if (nn == B && v <= next[nn - 1].score) continue;
                    size_t j = nn < B ? nn++ : nn - 1;
                    while (j > 0 && next[j - 1].score < v) { next[j] = next[j - 1]; j--; }
                    next[j].score = v; next[j].lab = (uint8_t)y; next[j].back = (uint8_t)b;
                }
            }
            int ng = -1;
            for (size_t b = 0; b < nn; b++) {
                t->hl[i * W + b] = next[b].lab;
                t->hb[i * W + b] = next[b].back;
                if (goldb >= 0 && next[b].back == goldb && next[b].lab == gold[i]) ng = (int)b;
            }
            memcpy(cur, next, nn * sizeof *cur);
            ncur = nn;
            goldb = ng;
            if (goldb < 0) { upto = i + 1; break; }     /* gold fell off the beam */
        }
        if (goldb == 0) continue;                       /* gold is the best: no update */
        for (size_t i = upto, b = 0; i-- > 0;) {
            t->pred[i] = t->hl[i * W + b];
            b = t->hb[i * W + b];
        }
        if (update_seq(t, st, a, gold, t->pred, upto, mistakes)) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

/* ---- Export: average, quantise, prune, lay out --------------------------- */
static int export_model(const trainer *t, void **out, size_t *outn)
{
    const uint32_t K = t->ncls;
    double C = (double)(t->step ? t->step : 1), maxabs = 0;
    float *avg = malloc((t->nf ? t->nf : 1) * K * sizeof *avg);
    uint16_t *wts = NULL;
    tag_fslot *slots = NULL;
    int rc = DOTS_ENOMEM;
    if (!avg) return rc;
    for (size_t i = 0; i < t->nf * K; i++) {
        avg[i] = (float)(t->w[i] - t->u[i] / C);
        if (fabs(avg[i]) > maxabs) maxabs = fabs(avg[i]);
    }
    float scale = (float)(maxabs > 0 ? 32767.0 / maxabs : 1.0);
    size_t nw = 0, capw = 1 << 16, kept = 0;
    uint32_t *offs = malloc((t->nf ? t->nf : 1) * sizeof *offs);
    if (!offs || !(wts = malloc(capw * sizeof *wts))) goto done;
    for (size_t f = 0; f < t->nf; f++) {
        if (nw + 1 + 2 * K > capw) {
            uint16_t *p = realloc(wts, capw * 2 * sizeof *wts);
            if (!p) goto done;
            wts = p;
            capw *= 2;
        }
        size_t head = nw++;
        uint16_t cnt = 0;
        for (uint32_t y = 0; y < K; y++) {
            long q = lrintf(avg[f * K + y] * scale);
            if (!q) continue;
            wts[nw++] = (uint16_t)y;
            wts[nw++] = (uint16_t)(int16_t)q;
            cnt++;
        }
        if (!cnt) { nw = head; offs[f] = UINT32_MAX; continue; }
        wts[head] = cnt;
        offs[f] = (uint32_t)head;
        kept++;
    }
    uint32_t ns = 1024;
    while (ns < kept + kept / 2) ns *= 2;         /* load factor <= 2/3 */
    if (!(slots = calloc(ns, sizeof *slots))) goto done;
    for (size_t f = 0; f < t->nf; f++) {
        if (offs[f] == UINT32_MAX) continue;
        uint64_t key = t->keys[f];
        uint32_t s = (uint32_t)key & (ns - 1), fp = tag_fp(key);
        while (slots[s].fp) s = (s + 1) & (ns - 1);
        slots[s].fp = fp;
        slots[s].off = offs[f];
    }
    tag_image im = { t->kind, K, t->beam, t->cls_mask, scale, slots, ns, wts, (uint32_t)nw,
                     t->clu, t->nclu, t->gaz, t->ngaz };
    rc = tag_image_write(&im, out, outn);
done:
    free(offs); free(avg); free(wts); free(slots);
    return rc;
}

static double dev_score(const void *bytes, size_t n, const tag_corpus *dev, int kind)
{
    tag_model *m = NULL;
    char err[128];
    double score = -1;
    if (tag_model_from_memory(bytes, n, &m, err, sizeof err)) return -1;
    tag_tagger *tg = kind == TAG_TRAIN_POS ? tag_tagger_new(m, NULL) : tag_tagger_new(NULL, m);
    tag_score s = { 0 };
    if (tg && !tag_evaluate(tg, dev, kind, &s)) {
        double p, r, f;
        tag_score_prf(&s, -1, &p, &r, &f);
        score = kind == TAG_TRAIN_POS ? (s.tokens ? (double)s.correct / (double)s.tokens : 0) : f;
    }
    tag_tagger_free(tg);
    tag_model_free(m);
    return score;
}

int tag_train(const tag_corpus *train, const tag_corpus *dev, const tag_train_opts *o,
              void **model, size_t *n, char *err, size_t errlen)
{
    trainer t = { 0 };
    statics st = { 0 };
    size_t *order = NULL;
    void *best = NULL;
    size_t bestn = 0;
    double bests = -2;
    char line[160];
    int rc;

    *model = NULL;
    *n = 0;
    t.kind = o->kind == TAG_TRAIN_POS ? TAG_KIND_POS : TAG_KIND_NER;
    t.ncls = t.kind == TAG_KIND_POS ? TAG_POS_COUNT : TAG_NER_COUNT;
    t.beam = o->beam < 1 ? 1 : o->beam > TAG_MAX_BEAM ? TAG_MAX_BEAM : (uint32_t)o->beam;
    for (size_t i = 0; i < train->ntok; i++) t.cls_mask |= 1ULL << train->labels[i];
    if ((rc = kmap_init(&t.fid, 1 << 20))) goto oom;
    if (o->gazetteer_dir &&
        (rc = tag_gaz_build(o->gazetteer_dir, &t.gaz, &t.ngaz, err, errlen))) goto fail;
    if (o->clusters) {
        const tag_corpus *cs[17] = { train };
        size_t ncs = 1;
        for (size_t k = 0; k < o->ncluster_text && ncs < 17; k++) cs[ncs++] = o->cluster_text[k];
        if ((rc = build_clusters(cs, ncs, o->seed, &t.clu, &t.nclu))) goto oom;
    }
    t.lex.clu = t.clu; t.lex.clu_mask = t.nclu ? t.nclu - 1 : 0;
    t.lex.gaz = t.gaz; t.lex.gaz_mask = t.ngaz ? t.ngaz - 1 : 0;
    if ((rc = build_statics(&t, train, o->min_count > 0 ? o->min_count : 1, &st))) goto oom;
    if (o->progress) {
        snprintf(line, sizeof line, "%zu sentences, %zu tokens, %zu features, %u word-class "
                 "slots, %u gazetteer slots", train->nsent, train->ntok, t.nf, t.nclu, t.ngaz);
        o->progress(o->ctx, line);
    }
    if (!(order = malloc(train->nsent * sizeof *order))) goto oom;
    size_t maxn = 1;
    for (size_t i = 0; i < train->nsent; i++)
        if (train->sent[i + 1] - train->sent[i] > maxn) maxn = train->sent[i + 1] - train->sent[i];
    if (!(t.hl = malloc(maxn * TAG_MAX_BEAM)) || !(t.hb = malloc(maxn * TAG_MAX_BEAM))
        || !(t.pred = malloc(maxn))) goto oom;
    for (size_t i = 0; i < train->nsent; i++) order[i] = i;
    uint64_t rs = o->seed;
    for (int e = 1; e <= (o->epochs > 0 ? o->epochs : 1); e++) {
        for (size_t i = train->nsent; i > 1; i--) {      /* Fisher-Yates, seeded */
            size_t j = (size_t)(rng_next(&rs) % i), tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        size_t mistakes = 0;
        rc = t.beam > 1 ? epoch_beam(&t, train, &st, order, &mistakes)
                        : epoch(&t, train, &st, order, &mistakes);
        if (rc) goto oom;
        void *bytes;
        size_t nb;
        if ((rc = export_model(&t, &bytes, &nb))) goto oom;
        double s = dev ? dev_score(bytes, nb, dev, o->kind) : 0;
        if (o->progress) {
            snprintf(line, sizeof line, "epoch %d: train errors %.4f, dev %s %.4f, %zu bytes", e,
                     (double)mistakes / (double)(train->ntok ? train->ntok : 1),
                     o->kind == TAG_TRAIN_POS ? "accuracy" : "F1", s, nb);
            o->progress(o->ctx, line);
        }
        if (!dev || s > bests) { free(best); best = bytes; bestn = nb; bests = s; }
        else free(bytes);
    }
    *model = best; best = NULL;
    *n = bestn;
    rc = DOTS_OK;
    goto fail;
oom:
    if (rc != DOTS_EFORMAT && rc != DOTS_EIO) rc = base_err(err, errlen, DOTS_ENOMEM, "out of memory");
fail:
    free(best);
    free(order);
    statics_fini(&st);
    trainer_fini(&t);
    return rc;
}
