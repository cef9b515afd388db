/* src/tag/train.h -- training and evaluating the taggers (for dots train and
** dots eval, tests and benchmarks). The runtime never needs any of this.
** Corpora are CoNLL-style: one token a line as token<TAB>POS<TAB>label, an
** empty line after each sentence (data/README.md). Words are normalised to the
** tagger's conventions as they are read. Training is deterministic: the same
** corpora, options and seed give the same model bytes. */
#ifndef DOTS_TAG_TRAIN_H
#define DOTS_TAG_TRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "tag/tag.h"

enum { TAG_TRAIN_POS = 1, TAG_TRAIN_NER = 2, TAG_TRAIN_WORDS = 3 /* labels not read */ };

typedef struct tag_corpus {
    char *text;                  /* the file; words point into it (NUL-terminated) */
    const char **words;
    size_t *wlen;
    uint8_t *labels;             /* TAG_POS_* (column 2) or NER label (column 3) */
    size_t ntok;
    size_t *sent;                /* sentence i is tokens [sent[i], sent[i+1]) */
    size_t nsent;
} tag_corpus;

/* Read a corpus for kind TAG_TRAIN_POS or TAG_TRAIN_NER. Malformed lines
** (column count, unknown label, empty sentence, line over 4 KB) fail with
** "FILE:LINE: what". Caller frees with tag_corpus_free. */
int tag_corpus_load(const char *path, int kind, tag_corpus **out, char *err, size_t errlen);
void tag_corpus_free(tag_corpus *c);
/* Keep the first n sentences in c, move the rest into *rest (a dev split).
** *rest borrows c's text: free it before c. */
int tag_corpus_split(tag_corpus *c, size_t n, tag_corpus **rest);

typedef struct tag_train_opts {
    int kind;                    /* TAG_TRAIN_POS or TAG_TRAIN_NER */
    int epochs;                  /* passes over the data; the best on dev is kept */
    int beam;                    /* beam width, 1 = greedy (trained and decoded alike) */
    uint64_t seed;               /* sentence order */
    const char *gazetteer_dir;   /* NULL: no gazetteer features */
    int clusters;                /* word classes derived from the training words: 0 off */
    int min_count;               /* drop context features seen fewer times */
    /* more text (labels unused) for the word classes, at most 16 corpora */
    const tag_corpus *const *cluster_text;
    size_t ncluster_text;
    /* progress lines ("epoch 3 dev 0.9612"); may be NULL */
    void (*progress)(void *ctx, const char *line);
    void *ctx;
} tag_train_opts;

void tag_train_opts_default(tag_train_opts *o, int kind);

/* Train on train, choose the epoch by dev (may be NULL: last epoch), and
** return the model file bytes in *model (caller frees). */
int tag_train(const tag_corpus *train, const tag_corpus *dev, const tag_train_opts *o,
              void **model, size_t *n, char *err, size_t errlen);

/* ---- Evaluation ---------------------------------------------------------- */
typedef struct tag_score {
    size_t tokens, correct;                         /* token accuracy */
    size_t gold[TAG_NER_TYPES], pred[TAG_NER_TYPES], hit[TAG_NER_TYPES];  /* NER chunks */
} tag_score;

/* Add one sentence's comparison to s. NER chunks follow conlleval: a chunk
** starts at B-x, or at I-x after O or another type, and must match exactly. */
void tag_score_add(tag_score *s, int kind, const uint8_t *gold, const uint8_t *pred, size_t n);
/* Entity precision, recall, F1 of type t, or overall when t < 0. */
void tag_score_prf(const tag_score *s, int t, double *p, double *r, double *f);
/* Tag every sentence of c with t and score against its labels. */
int tag_evaluate(tag_tagger *t, const tag_corpus *c, int kind, tag_score *s);

#endif
