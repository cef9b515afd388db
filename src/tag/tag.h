/* src/tag/tag.h -- dots' own part-of-speech and named-entity taggers.
** Label sets are fixed here so every module can test a token's tag by enum:
** POS ids are TAG_POS_* (Penn Treebank), NER ids are BIO over the eight GMB
** types: 0 = O, B-x = 1 + 2*x, I-x = 2 + 2*x for x a TAG_NER_* type.
** A model is immutable after load and shared by all threads; a tagger is one
** thread's scratch space and borrows its models. */
#ifndef DOTS_TAG_H
#define DOTS_TAG_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"

#define TAG_POS_LIST(X) \
    X(NONE, "-NONE-") X(CC, "CC") X(CD, "CD") X(DT, "DT") X(EX, "EX") X(FW, "FW")    \
    X(IN, "IN") X(JJ, "JJ") X(JJR, "JJR") X(JJS, "JJS") X(LS, "LS") X(MD, "MD")      \
    X(NN, "NN") X(NNS, "NNS") X(NNP, "NNP") X(NNPS, "NNPS") X(PDT, "PDT")            \
    X(POS, "POS") X(PRP, "PRP") X(PRPS, "PRP$") X(RB, "RB") X(RBR, "RBR")            \
    X(RBS, "RBS") X(RP, "RP") X(SYM, "SYM") X(TO, "TO") X(UH, "UH") X(VB, "VB")      \
    X(VBD, "VBD") X(VBG, "VBG") X(VBN, "VBN") X(VBP, "VBP") X(VBZ, "VBZ")            \
    X(WDT, "WDT") X(WP, "WP") X(WPS, "WP$") X(WRB, "WRB") X(HASH, "#")              \
    X(DOLLAR, "$") X(QUOTE_OPEN, "``") X(QUOTE_CLOSE, "''") X(LRB, "(")             \
    X(RRB, ")") X(COMMA, ",") X(PERIOD, ".") X(COLON, ":")

enum {
#define X(id, s) TAG_POS_##id,
    TAG_POS_LIST(X)
#undef X
    TAG_POS_COUNT
};

enum { TAG_NER_PER, TAG_NER_ORG, TAG_NER_GEO, TAG_NER_GPE, TAG_NER_TIM,
       TAG_NER_ART, TAG_NER_EVE, TAG_NER_NAT, TAG_NER_TYPES };
#define TAG_NER_O 0
#define TAG_NER_B(t) (1 + 2 * (t))
#define TAG_NER_I(t) (2 + 2 * (t))
#define TAG_NER_TYPE(label) (((label) - 1) / 2)       /* label != 0 */
#define TAG_NER_IS_B(label) ((label) && ((label) & 1))
#define TAG_NER_COUNT (1 + 2 * TAG_NER_TYPES)

const char *tag_pos_name(int id);        /* "NNP"; "?" if out of range */
int tag_pos_parse(const char *s);        /* -1 if not a Penn tag */
const char *tag_ner_type_name(int t);    /* "per", "org", "geo", ... (GMB names) */
const char *tag_ner_label_name(int label, char *buf16);  /* "B-per" */
int tag_ner_label_parse(const char *s);  /* "B-geo" -> id; -1 if unknown */

/* Tag class tests used by the actor and claim layers. */
#define TAG_IS_NOUN(p) ((p) >= TAG_POS_NN && (p) <= TAG_POS_NNPS)
#define TAG_IS_PROPER(p) ((p) == TAG_POS_NNP || (p) == TAG_POS_NNPS)
#define TAG_IS_VERB(p) ((p) >= TAG_POS_VB && (p) <= TAG_POS_VBZ)

typedef struct tag_model tag_model;
typedef struct tag_tagger tag_tagger;

/* Load a model file (mmap'd or read once), checking magic, version, sizes
** and checksum. err names the file and what is wrong. Caller frees. */
int tag_model_load(const char *path, tag_model **out, char *err, size_t errlen);
/* The same from memory the caller keeps alive (compiled-in models). */
int tag_model_from_memory(const void *p, size_t n, tag_model **out, char *err, size_t errlen);
void tag_model_free(tag_model *m);
/* The models compiled into the binary, loaded on first use; NULL if absent. */
const tag_model *tag_builtin_pos(void);
const tag_model *tag_builtin_ner(void);

tag_tagger *tag_tagger_new(const tag_model *pos, const tag_model *ner);  /* ner may be NULL */
void tag_tagger_free(tag_tagger *t);
/* Decode with beam width w instead of the width each model was trained
** with (0 restores that; 1 is greedy). For measurements. */
void tag_tagger_set_beam(tag_tagger *t, int w);
/* Fill toks[].pos and toks[].ner of every sentence of d. */
int tag_doc(tag_tagger *t, dots_doc *d);
/* Tag one sentence of n words given as (pointer, length) pairs; pos/ner out
** arrays have n entries (ner may be NULL). */
int tag_words(tag_tagger *t, const char *const *w, const size_t *wl, size_t n,
              uint8_t *pos, uint8_t *ner);

#endif
