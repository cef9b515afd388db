/* fuzz/fuzz_tag_model.c -- libFuzzer target: model images whose checksum is
** right but whose contents are arbitrary. A random file fails the checksum at
** once, so this target builds the image itself (tag_image_write computes the
** checksum) from the fuzzer's bytes: table sizes and header fields from the
** first bytes, table contents from the rest. Every image must be refused or
** tag a sentence (whose words also come from the input) without reading out
** of bounds or looping. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag_impl.h"

static void fill(void *dst, size_t n, const uint8_t *src, size_t m)
{
    unsigned char *p = dst;
    for (size_t i = 0; i < n; i++) p[i] = m ? src[i % m] : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n < 8) return 0;
    uint32_t kind = d[0] & 1 ? TAG_KIND_NER : TAG_KIND_POS;
    uint32_t nfs = 1u << (d[1] % 8), ncs = d[2] % 3 ? 1u << (d[2] % 7) : 0;
    uint32_t ngs = d[3] % 3 ? 1u << (d[3] % 7) : 0, nw = (uint32_t)d[4] * 4;
    const uint8_t *rest = d + 8;
    size_t m = n - 8;
    tag_fslot *feat = calloc(nfs, sizeof *feat);
    uint16_t *wts = calloc(nw + 1, sizeof *wts);
    tag_cslot *clu = calloc(ncs + 1, sizeof *clu);
    tag_gslot *gaz = calloc(ngs + 1, sizeof *gaz);
    if (!feat || !wts || !clu || !gaz) abort();
    fill(feat, nfs * sizeof *feat, rest, m);
    /* offsets mostly small, so that some pass the bounds check and are used */
    for (uint32_t i = 0; i < nfs; i++) if (d[5] & 1) feat[i].off %= nw + 2;
    fill(wts, nw * sizeof *wts, rest + m / 3, m - m / 3);
    fill(clu, ncs * sizeof *clu, rest + m / 2, m - m / 2);
    fill(gaz, ngs * sizeof *gaz, rest, m);
    tag_image im = { kind, kind == TAG_KIND_POS ? TAG_POS_COUNT : TAG_NER_COUNT,
                     1u + d[6] % 4, ~0ULL >> (d[7] % 64), 1.0f, feat, nfs, wts, nw,
                     clu, ncs, gaz, ngs };
    void *img;
    size_t len;
    if (tag_image_write(&im, &img, &len)) abort();
    tag_model *model = NULL;
    char err[256];
    if (tag_model_from_memory(img, len, &model, err, sizeof err) == 0) {
        tag_tagger *t = tag_tagger_new(kind == TAG_KIND_POS ? model : NULL,
                                       kind == TAG_KIND_NER ? model : NULL);
        const char *w[8];
        size_t wl[8];
        for (int i = 0; i < 8; i++) {                  /* words cut from the input */
            size_t a = (size_t)i * m / 8, b = (size_t)(i + 1) * m / 8;
            w[i] = (const char *)rest + a;
            wl[i] = b - a;
        }
        uint8_t pos[8], ner[8];
        if (!t || tag_words(t, w, wl, 8, pos, ner)) abort();
        for (int i = 0; i < 8; i++)
            if (pos[i] >= TAG_POS_COUNT || ner[i] >= TAG_NER_COUNT) abort();
        tag_tagger_free(t);
        tag_model_free(model);
    }
    free(img);
    free(feat);
    free(wts);
    free(clu);
    free(gaz);
    return 0;
}
