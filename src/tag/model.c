/* src/tag/model.c -- the model file: write, check, load, and the models
** compiled into the binary.
** Layout (little-endian, every section 8-aligned, the whole file is used in
** place after one read, so loading is checking):
**
**   0  magic "DOTSTAG\x1a"       8 bytes
**   8  u32 version (1)          12 u16 kind (1 POS, 2 NER), u16 beam width
**  16  u32 ncls                 20 u32 feature slots (power of 2)
**  24  u32 weight words (u16)   28 u32 word-class slots (0 or power of 2)
**  32  u32 gazetteer slots      36 f32 scale (weight = int16 / scale)
**  40  u64 class mask           48 u64 payload bytes (file size - 64)
**  56  u64 checksum of the payload (tag_hash)
**  64  feature slots  {u32 fp, u32 off}: off indexes the weight words, where
**      word off holds n and then n pairs {u16 class, i16 weight} follow
**      weight words, padded to 8 bytes
**      word-class slots {u32 fp, u16 fine, u16 coarse}
**      gazetteer slots  {u32 fp, u32 type mask}
**
** Every offset and class in the feature table is checked on load too, so a
** file that passes cannot make the tagger read out of bounds. */
#include "tag/tag_impl.h"
#include "base/base.h"
#include "dots.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HDR 64

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t get32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t get64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static size_t pad8(size_t n) { return (n + 7) & ~(size_t)7; }

int tag_image_write(const tag_image *im, void **out, size_t *n)
{
    size_t fb = (size_t)im->nfeat_slots * 8, wb = pad8((size_t)im->nwts * 2);
    size_t cb = (size_t)im->nclu_slots * 8, gb = (size_t)im->ngaz_slots * 8;
    size_t payload = fb + wb + cb + gb;
    unsigned char *p = calloc(1, HDR + payload);
    if (!p) return DOTS_ENOMEM;
    unsigned char *q = p + HDR;
    memcpy(q, im->feat, fb); q += fb;
    memcpy(q, im->wts, (size_t)im->nwts * 2); q += wb;
    if (cb) memcpy(q, im->clu, cb);
    q += cb;
    if (gb) memcpy(q, im->gaz, gb);
    memcpy(p, TAG_MODEL_MAGIC, 8);
    put32(p + 8, TAG_MODEL_VERSION);
    put32(p + 12, im->kind | (uint32_t)im->beam << 16);
    put32(p + 16, im->ncls);
    put32(p + 20, im->nfeat_slots);
    put32(p + 24, im->nwts);
    put32(p + 28, im->nclu_slots);
    put32(p + 32, im->ngaz_slots);
    memcpy(p + 36, &im->scale, 4);
    put64(p + 40, im->cls_mask);
    put64(p + 48, payload);
    put64(p + 56, tag_hash(p + HDR, payload));
    *out = p;
    *n = HDR + payload;
    return DOTS_OK;
}

static int pow2_or_zero(uint32_t v) { return (v & (v - 1)) == 0; }

/* Check p (8-aligned) and point m into it. */
static int parse(const unsigned char *p, size_t n, tag_model *m, const char *name,
                 char *err, size_t errlen)
{
    if (n < HDR) return base_err(err, errlen, DOTS_EFORMAT,
                                 "%s: not a dots tagger model (truncated: %zu bytes)", name, n);
    if (memcmp(p, TAG_MODEL_MAGIC, 8) != 0)
        return base_err(err, errlen, DOTS_EFORMAT, "%s: not a dots tagger model (bad magic)", name);
    uint32_t ver = get32(p + 8);
    if (ver != TAG_MODEL_VERSION)
        return base_err(err, errlen, DOTS_EFORMAT, "%s: model version %u, this build reads %u",
                        name, ver, TAG_MODEL_VERSION);
    m->kind = get32(p + 12) & 0xffff;
    m->beam = get32(p + 12) >> 16;
    m->ncls = get32(p + 16);
    uint32_t nfs = get32(p + 20), nw = get32(p + 24), ncs = get32(p + 28), ngs = get32(p + 32);
    memcpy(&m->scale, p + 36, 4);
    m->cls_mask = get64(p + 40);
    uint64_t payload = get64(p + 48);
    uint32_t want = m->kind == TAG_KIND_POS ? TAG_POS_COUNT : TAG_NER_COUNT;
    if ((m->kind != TAG_KIND_POS && m->kind != TAG_KIND_NER) || m->ncls != want
        || m->beam < 1 || m->beam > TAG_MAX_BEAM)
        return base_err(err, errlen, DOTS_EFORMAT, "%s: bad model kind %u or class count %u",
                        name, m->kind, m->ncls);
    if (!nfs || !pow2_or_zero(nfs) || !pow2_or_zero(ncs) || !pow2_or_zero(ngs)
        || !(m->scale > 0))
        return base_err(err, errlen, DOTS_EFORMAT, "%s: bad table sizes in header", name);
    size_t fb = (size_t)nfs * 8, wb = pad8((size_t)nw * 2), cb = (size_t)ncs * 8,
           gb = (size_t)ngs * 8;
    if (payload != fb + wb + cb + gb || payload != n - HDR)
        return base_err(err, errlen, DOTS_EFORMAT,
                        "%s: size mismatch: header says %llu payload bytes, file has %zu "
                        "(truncated or corrupt)", name, (unsigned long long)payload, n - HDR);
    if (get64(p + 56) != tag_hash(p + HDR, payload))
        return base_err(err, errlen, DOTS_EFORMAT, "%s: checksum mismatch (corrupt file)", name);
    m->feat = (const tag_fslot *)(p + HDR);
    m->feat_mask = nfs - 1;
    m->wts = (const uint16_t *)(p + HDR + fb);
    m->nwts = nw;
    m->lex.clu = ncs ? (const tag_cslot *)(p + HDR + fb + wb) : NULL;
    m->lex.clu_mask = ncs ? ncs - 1 : 0;
    m->lex.gaz = ngs ? (const tag_gslot *)(p + HDR + fb + wb + cb) : NULL;
    m->lex.gaz_mask = ngs ? ngs - 1 : 0;
    for (uint32_t s = 0; s < nfs; s++) {
        if (!m->feat[s].fp) continue;
        uint32_t off = m->feat[s].off;
        if (off >= nw || (uint64_t)off + 1 + 2 * (uint64_t)m->wts[off] > nw)
            return base_err(err, errlen, DOTS_EFORMAT, "%s: weight offset out of range", name);
        for (uint32_t j = 0; j < m->wts[off]; j++)
            if (m->wts[off + 1 + 2 * j] >= m->ncls)
                return base_err(err, errlen, DOTS_EFORMAT, "%s: class out of range", name);
    }
    /* the fingerprint filter: 16 bits per feature, a power of two */
    uint32_t used = 0;
    for (uint32_t s = 0; s < nfs; s++) used += m->feat[s].fp != 0;
    uint64_t bits = 1 << 12;
    while (bits < 16 * (uint64_t)used && bits < (1ULL << 31)) bits *= 2;
    if (!(m->filter = calloc(bits / 64, 8)))
        return base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", name);
    m->filter_mask = (uint32_t)(bits - 1);
    for (uint32_t s = 0; s < nfs; s++)
        if (m->feat[s].fp) {
            uint32_t b = m->feat[s].fp & m->filter_mask;
            m->filter[b >> 6] |= 1ULL << (b & 63);
        }
    /* a full table would make lookups of unseen keys loop forever */
    if (used == nfs) return base_err(err, errlen, DOTS_EFORMAT, "%s: feature table full", name);
    uint32_t empty = 0;
    for (uint32_t s = 0; s < ncs; s++) empty += m->lex.clu[s].fp == 0;
    if (ncs && !empty) return base_err(err, errlen, DOTS_EFORMAT, "%s: word-class table full", name);
    empty = 0;
    for (uint32_t s = 0; s < ngs; s++) empty += m->lex.gaz[s].fp == 0;
    if (ngs && !empty) return base_err(err, errlen, DOTS_EFORMAT, "%s: gazetteer table full", name);
    return DOTS_OK;
}

int tag_model_from_memory(const void *p, size_t n, tag_model **out, char *err, size_t errlen)
{
    *out = NULL;
    tag_model *m = calloc(1, sizeof *m);
    if (!m) return base_err(err, errlen, DOTS_ENOMEM, "out of memory");
    if ((uintptr_t)p % 8) {                 /* the tables are read in place: align them */
        if (!(m->owned = malloc(n ? n : 1))) { free(m); return DOTS_ENOMEM; }
        memcpy(m->owned, p, n);
        p = m->owned;
    }
    int rc = parse(p, n, m, "model", err, errlen);
    if (rc) { tag_model_free(m); return rc; }
    *out = m;
    return DOTS_OK;
}

int tag_model_load(const char *path, tag_model **out, char *err, size_t errlen)
{
    tag_model *m = NULL;
    int rc = DOTS_OK;
    struct stat st;
    int fd = open(path, O_RDONLY);

    *out = NULL;
    if (fd < 0) return base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno));
    if (fstat(fd, &st) != 0) { rc = base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno)); goto fail; }
    if (!(m = calloc(1, sizeof *m)) || !(m->owned = malloc(st.st_size ? (size_t)st.st_size : 1))) {
        rc = base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", path);
        goto fail;
    }
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, (char *)m->owned + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) { rc = base_err(err, errlen, DOTS_EIO, "%s: read error", path); goto fail; }
        got += (size_t)r;
    }
    if ((rc = parse(m->owned, got, m, path, err, errlen)) != DOTS_OK) goto fail;
    *out = m; m = NULL;
fail:
    tag_model_free(m);
    close(fd);
    return rc;
}

void tag_model_free(tag_model *m)
{
    if (!m) return;
    free(m->filter);
    free(m->owned);
    free(m);
}

/* ---- Built-in models (cmake/tag.cmake embeds models/KIND.model) ------------- */
#ifdef DOTS_HAVE_POS_MODEL
extern const unsigned char dots_model_pos[], dots_model_pos_end[];
#endif
#ifdef DOTS_HAVE_NER_MODEL
extern const unsigned char dots_model_ner[], dots_model_ner_end[];
#endif

static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static tag_model *builtin_pos, *builtin_ner;

static void builtin_load(void)
{
    char err[256];
#ifdef DOTS_HAVE_POS_MODEL
    if (tag_model_from_memory(dots_model_pos, (size_t)(dots_model_pos_end - dots_model_pos),
                              &builtin_pos, err, sizeof err))
        builtin_pos = NULL;
#endif
#ifdef DOTS_HAVE_NER_MODEL
    if (tag_model_from_memory(dots_model_ner, (size_t)(dots_model_ner_end - dots_model_ner),
                              &builtin_ner, err, sizeof err))
        builtin_ner = NULL;
#endif
    (void)err;
}

const tag_model *tag_builtin_pos(void)
{
    pthread_once(&builtin_once, builtin_load);
    return builtin_pos;
}

const tag_model *tag_builtin_ner(void)
{
    pthread_once(&builtin_once, builtin_load);
    return builtin_ner;
}
