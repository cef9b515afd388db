/* src/tag/corpus.c -- read CoNLL-style training and test files.
** token<TAB>POS<TAB>label per line, an empty line after each sentence; the
** label read is column 2 for POS, column 3 for NER. The biggest file (GMB
** train) is 9.8 MB and 839k tokens, so the file is read whole and words are
** cut in place. Anything malformed is an error naming file and line: a bad
** line in training data silently dropped would bias the model unseen. */
#include "tag/train.h"
#include "tag/tag_impl.h"
#include "base/base.h"
#include "dots.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LINE 4096

void tag_corpus_free(tag_corpus *c)
{
    if (!c) return;
    free(c->text);
    free(c->words);
    free(c->wlen);
    free(c->labels);
    free(c->sent);
    free(c);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap * 2 : 1024;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * size);
    if (!q) return -1;
    *p = q;
    *cap = c;
    return 0;
}

int tag_corpus_load(const char *path, int kind, tag_corpus **out, char *err, size_t errlen)
{
    tag_corpus *c = calloc(1, sizeof *c);
    size_t len = 0, captok = 0, capsent = 0, line = 0, nlab = 0;
    int rc = DOTS_OK;
    *out = NULL;
    if (!c) return base_err(err, errlen, DOTS_ENOMEM, "out of memory");
    if ((rc = base_read_file(path, &c->text, &len, err, errlen))) goto fail;
    if (grow((void **)&c->sent, &capsent, 1, sizeof *c->sent)) goto oom;
    c->sent[0] = 0;
    char *p = c->text, *end = c->text + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        line++;
        if (e - p > MAX_LINE) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%zu: line longer than %d bytes",
                          path, line, MAX_LINE);
            goto fail;
        }
        if (e > p && e[-1] == '\r') e--;
        *e = 0;
        if (e == p) {                        /* end of sentence */
            if (c->ntok == c->sent[c->nsent]) {
                /* blank lines are allowed only at the very end of the file */
                char *q = nl ? nl + 1 : end;
                while (q < end && (*q == '\n' || *q == '\r')) q++;
                if (q < end || c->ntok == 0) {
                    rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%zu: empty sentence "
                                  "(two blank lines in a row)", path, line);
                    goto fail;
                }
            } else {
                if (grow((void **)&c->sent, &capsent, c->nsent + 2, sizeof *c->sent)) goto oom;
                c->sent[++c->nsent] = c->ntok;
            }
            p = nl ? nl + 1 : end;
            continue;
        }
        char *col[4];
        int ncol = 0;
        for (char *q = p; ncol < 4;) {
            col[ncol++] = q;
            char *tab = strchr(q, '\t');
            if (!tab) break;
            *tab = 0;
            q = tab + 1;
        }
        if (ncol != 3) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%zu: expected 3 tab-separated "
                          "columns (token, POS, label), found %s", path, line,
                          ncol > 3 ? "more" : ncol == 2 ? "2" : "1");
            goto fail;
        }
        if (!*col[0]) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%zu: empty token", path, line);
            goto fail;
        }
        const char *ls = kind == TAG_TRAIN_POS ? col[1] : col[2];
        int lab = kind == TAG_TRAIN_POS ? tag_pos_parse(ls)
                : kind == TAG_TRAIN_NER ? tag_ner_label_parse(ls) : 0;
        if (lab < 0) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s:%zu: unknown %s tag '%.40s'", path,
                          line, kind == TAG_TRAIN_POS ? "POS" : "NER", ls);
            goto fail;
        }
        if (grow((void **)&c->words, &captok, c->ntok + 1, sizeof *c->words)) goto oom;
        size_t cap2 = nlab;
        if (grow((void **)&c->wlen, &cap2, captok, sizeof *c->wlen)) goto oom;
        cap2 = nlab;
        if (grow((void **)&c->labels, &cap2, captok, 1)) goto oom;
        nlab = captok;
        c->wlen[c->ntok] = tag_normalize(col[0], strlen(col[0]), col[0]);
        col[0][c->wlen[c->ntok]] = 0;
        c->words[c->ntok] = col[0];
        c->labels[c->ntok] = (uint8_t)lab;
        c->ntok++;
        p = nl ? nl + 1 : end;
    }
    if (c->ntok > c->sent[c->nsent]) {      /* last sentence without a blank line */
        if (grow((void **)&c->sent, &capsent, c->nsent + 2, sizeof *c->sent)) goto oom;
        c->sent[++c->nsent] = c->ntok;
    }
    if (!c->nsent) {
        rc = base_err(err, errlen, DOTS_EFORMAT, "%s: no sentences", path);
        goto fail;
    }
    *out = c;
    return DOTS_OK;
oom:
    rc = base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", path);
fail:
    tag_corpus_free(c);
    return rc;
}

int tag_corpus_split(tag_corpus *c, size_t n, tag_corpus **rest)
{
    *rest = NULL;
    if (n >= c->nsent) return DOTS_EINVAL;
    tag_corpus *r = calloc(1, sizeof *r);
    if (!r) return DOTS_ENOMEM;
    size_t t0 = c->sent[n], nt = c->ntok - t0, ns = c->nsent - n;
    r->words = malloc(nt * sizeof *r->words);
    r->wlen = malloc(nt * sizeof *r->wlen);
    r->labels = malloc(nt);
    r->sent = malloc((ns + 1) * sizeof *r->sent);
    if (!r->words || !r->wlen || !r->labels || !r->sent) { tag_corpus_free(r); return DOTS_ENOMEM; }
    memcpy(r->words, c->words + t0, nt * sizeof *r->words);   /* still point into c->text */
    memcpy(r->wlen, c->wlen + t0, nt * sizeof *r->wlen);
    memcpy(r->labels, c->labels + t0, nt);
    for (size_t i = 0; i <= ns; i++) r->sent[i] = c->sent[n + i] - t0;
    r->ntok = nt;
    r->nsent = ns;
    c->ntok = t0;
    c->nsent = n;
    *rest = r;
    return DOTS_OK;
}
