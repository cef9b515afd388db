/* src/actor/actor_int.h -- what the files of the actor module share and no
** other module needs: the parsed form of a name used by the matcher and the
** screening index, the list parsers that work on memory buffers (for the
** fuzzer), and the compiled-in data produced by cmake/actor_gen.c.
** A parsed name is at most NAME_MAX_TOKS tokens; longer names (some entity
** names run to 20 words) keep their first NAME_MAX_TOKS tokens, which is
** enough to tell them apart. */
#ifndef DOTS_ACTOR_INT_H
#define DOTS_ACTOR_INT_H

#include <stddef.h>
#include <stdint.h>

#include "actor/actor.h"
#include "base/base.h"

/* ---- Parsed names (names.c) --------------------------------------------- */
#define NAME_MAX_TOKS 16
#define NAME_TEXT_MAX 512

enum {
    NAME_TOK_WORD = 0,      /* an ordinary part of the name */
    NAME_TOK_TITLE = 1,     /* Mullah, Gen., President: weighs little */
    NAME_TOK_STOP = 2,      /* of, the, and: weighs almost nothing */
    NAME_TOK_SUFFIX = 3,    /* Co., Ltd., Company */
    NAME_TOK_COMMON = 4     /* Muhammad and its spellings: very common given name */
};

typedef struct name_tok {
    const char *s;          /* folded, variant-normalised ("muhammad", "abusayyaf") */
    const char *sk;         /* consonant skeleton ("mhmd") */
    const char *o;          /* folded as written, before the variant table ("mohammed") */
    uint8_t len, sklen, olen;
    uint8_t kind;           /* NAME_TOK_* */
    float w;                /* weight in the score */
    uint32_t mask, omask;   /* letters a-z in s and in o: a cheap bound before Jaro-Winkler */
} name_tok;

typedef struct name_form {
    name_tok t[NAME_MAX_TOKS];
    size_t n;
    char text[NAME_TEXT_MAX * 2];  /* the token strings live here */
    size_t used;
} name_form;

/* Parse a UTF-8 name into tokens: folded, particles (al-, bin) dropped, Abu/Abd
** glued to the next word, titles and stopwords marked, spellings normalised. */
void name_parse(const char *s, size_t n, name_form *out);
/* Compact copy of a parsed name's tokens into arena memory (for the index). */
typedef struct name_packed {
    name_tok *t;
    uint8_t n;
} name_packed;
int name_pack(arena *a, const name_form *f, name_packed *out);
/* Similarity of two parsed names in [0,1]; why (may be NULL) gets the pairs. */
double name_score(const name_tok *a, size_t na, const name_tok *b, size_t nb, buf *why);
/* The same; person = 0 turns off the allowance for a left-out middle name,
** because one word more makes another organisation ("Egyptian Islamic Jihad"). */
double name_score_ex(const name_tok *a, size_t na, const name_tok *b, size_t nb, int person,
                     buf *why);
/* Similarity of two folded tokens, 0 when they do not pair. */
double name_tok_sim(const name_tok *a, const name_tok *b);
/* The consonant skeleton of a folded ASCII word, written to out (NUL-ended);
** returns its length. */
size_t name_skeleton(const char *w, size_t n, char *out, size_t outcap);
/* 1 if the folded word is a title (mullah, gen, president). */
int name_is_title(const char *w, size_t n);

/* Fold a whole text once, as actor_fold would, without trimming: out gets the
** fold, pos[k] the length of out when the fold reached byte cut[k] (cuts
** sorted, at code point boundaries). DOTS_EINVAL when the text is not valid
** UTF-8 or a cut is out of order (actor_fold then treats spans differently:
** fold them one by one instead). The fold of text[cut[a], cut[b]) is then
** actor_fold_slice(out->s, pos[a], pos[b], ...). */
int actor_fold_marks(const char *s, size_t n, const uint32_t *cut, size_t ncut, buf *out,
                     uint32_t *pos);
/* Write the fold of a span from the whole fold f (see actor_fold_marks) into
** out, exactly what actor_fold gives for the span; returns its length. */
size_t actor_fold_slice(const char *f, uint32_t from, uint32_t to, buf *out);

/* ---- List parsers (ofac.c, unxml.c) ------------------------------------- */
/* Parse OFAC legacy CSV files from memory into l. sdn is required; alt and
** add may be NULL. Names in err are the given file names. */
typedef struct lists_src {
    const char *file;
    const char *data;
    size_t len;
} lists_src;
int lists_parse_ofac(actor_lists *l, const lists_src *sdn, const lists_src *alt,
                     const lists_src *add, char *err, size_t errlen);
/* Parse the UN consolidated list XML from memory into l. */
int lists_parse_un(actor_lists *l, const lists_src *xml, char *err, size_t errlen);

/* Internal adders used by the parsers: the strings are copied into l. */
arena *lists_arena(actor_lists *l);
/* Append an entry whose strings already live in lists_arena(l). */
int lists_push(actor_lists *l, const actor_list_entry *e);
/* Entries added since the last index build are indexed on the next screen
** or on lists_index(l). */
int lists_index(actor_lists *l);
/* Count a row left out because it names an unknown entry. */
void lists_skip(actor_lists *l);

/* ---- Compiled-in data (generated into build/gen/actor_data.c) ------------ */
extern const char actor_data_countries[];   /* alpha2 TAB alpha3 TAB name TAB official TAB common */
extern const char actor_data_extra[];       /* data/countries-extra.tsv */
extern const char actor_data_actors[];      /* data/actors.tsv */
extern const char actor_data_sample_sdn[];  /* data/sanctions-sample/sdn.csv */
extern const char actor_data_sample_alt[];
extern const char actor_data_sample_add[];
extern const size_t actor_data_sample_sdn_len, actor_data_sample_alt_len,
                    actor_data_sample_add_len;

#endif
