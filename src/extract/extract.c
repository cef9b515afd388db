/* src/extract/extract.c -- the rule engine: claims from one sentence at a time.
** Input per sentence: tokens with Penn POS tags and the actor each token
** belongs to (from the linker). The engine works in passes over the sentence:
**   1. a view: lower-cased words, actor mentions (runs of tokens with one
**      actor, plus pronouns and "the group" resolved to the last fitting actor),
**      noun-phrase groups of mentions ("IRGC-QF General Gholamreza Baghbani":
**      the last mention is the head) and the preposition governing each group;
**   2. attribution: reporting verbs and "according to" give the source (and,
**      for "denied"/"claimed", the polarity) of every trigger in their scope;
**   3. triggers from the lexicon (lexicon.c): verbs (active, passive with "by",
**      coordinated verb phrases, relative clauses), event nouns ("Iran's
**      support for the Taliban"), role nouns ("Hezbollah leader Hassan
**      Nasrallah", "X, the leader of Y"), hyphen compounds (X-based, X-backed,
**      X-led, X-affiliated) and possessives between organisations;
**   4. per claim: polarity (negation, hedges, offers and plans), time (the
**      nearest time expression, time.c), source, evidence, confidence.
** Then claims are deduplicated per (subject, predicate, object, polarity,
** origin), keeping the author's own statement over a reported one.
** Everything is linear in the sentence except argument search, which looks at
** most a clause away, so a document costs O(tokens). Scratch memory is one
** allocation per sentence; nothing survives the call but d->claims. */
#include "extract/extract_int.h"

#include <ctype.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor/actor.h"
#include "dots.h"
#include "tag/tag.h"

#define MAXW 24                 /* lower-cased word prefix kept per token */
#define MAXTIMES 16

typedef struct men {
    uint32_t a, b;              /* token range [a,b), sentence-relative */
    int actor;
    int pron;                   /* resolved from a pronoun or "the group" */
    int group;                  /* noun-phrase group */
} men;

typedef struct grp {
    int first, last;            /* mention indexes; last is the head */
    uint32_t a, b;              /* token range */
    char gov[12];               /* governing preposition, "" for none */
} grp;

typedef struct doc_state {
    int last_per, last_org;     /* for pronouns */
    uint32_t *seen;             /* mentions per actor so far, for "the group" */
    size_t nseen;
    int para_seg;               /* the paragraph whose stated year is para_year */
    int last_source;            /* the last named source: "the statement said" */
    uint8_t *voice;             /* per claim: 2 author, 1 named source, 0 unnamed source */
    size_t nvoice, capvoice;
    char para_year[32];
    char last_date[32];
    int prev_first, prev_count; /* claims of the previous sentence, for "denied this" */
    int designator;             /* who last sanctioned or designated, -1 none */
    size_t designator_sent;     /* in which sentence */
    char designator_time[32];   /* and when, "" unknown */
    int seg, seg_first;         /* the current paragraph and its first claim */
} doc_state;

typedef struct sctx {
    dots_doc *d;
    const doc_sent *s;
    uint32_t t0, n;
    char (*w)[MAXW];
    int *mi;                    /* token -> mention, -1 */
    int *src;                   /* token -> source actor, -1 author */
    uint8_t *pol;               /* token -> polarity from attribution */
    uint8_t *rep;               /* token -> reported by an unnamed source */
    const extract_lex *(*lx)[6];    /* token -> lexicon entry per LX_* kind, looked up once */
    men *m; int nm;
    grp *g; int ng;
    extract_time times[MAXTIMES];
    uint32_t time_tok[MAXTIMES];
    size_t ntimes;
    int comment;                /* doc->comments index or -1 */
    const char *author;
    doc_state *st;
    int first_claim;            /* d->nclaims when the sentence started */
    int force_pol;              /* the trigger's own polarity ("offered"), -1 none */
    int deny_here;              /* ", a charge X rejects": X, else -1 */
} sctx;

/* ---- Token helpers ------------------------------------------------------- */
static const char *W(const sctx *c, int i) { return c->w[i]; }
static const extract_lex *LX(const sctx *c, int i, int kind) { return c->lx[i][kind]; }
static int is_w(const sctx *c, int i, const char *s)
{
    return i >= 0 && (uint32_t)i < c->n && strcmp(c->w[i], s) == 0;
}
static int P(const sctx *c, int i) { return c->d->toks[c->t0 + i].pos; }
static int is_verb(const sctx *c, int i) { return TAG_IS_VERB(P(c, i)); }
static int is_finite(const sctx *c, int i)
{
    int p = P(c, i);
    return p == TAG_POS_VBD || p == TAG_POS_VBZ || p == TAG_POS_VBP || p == TAG_POS_MD;
}
static int is_noun(const sctx *c, int i) { return TAG_IS_NOUN(P(c, i)); }
static int is_adj(const sctx *c, int i)
{
    int p = P(c, i);
    return p == TAG_POS_JJ || p == TAG_POS_JJR || p == TAG_POS_JJS || p == TAG_POS_VBN ||
           p == TAG_POS_CD || p == TAG_POS_VBG;
}
static int is_prep(const sctx *c, int i)
{
    int p = P(c, i);
    return p == TAG_POS_IN || p == TAG_POS_TO;
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0) return 1;
    return 0;
}

static const char *const BE[] = { "is", "are", "was", "were", "be", "been", "being", "'s",
                                  "’s", "am", "get", "got", "gets", NULL };
static const char *const AUX[] = { "has", "have", "had", "having", "will", "would", "could",
                                   "should", "may", "might", "must", "can", "did", "do",
                                   "does", "to", "also", "then", "not", "n't", "never",
                                   "quickly", "reportedly", "allegedly", "repeatedly",
                                   "openly", "often", "eventually", "just", "already",
                                   "still", "further", "directly", "clandestinely", NULL };
static const char *const RELPRON[] = { "who", "which", "whom", "whose", "where", NULL };
static const char *const COORD[] = { "and", "or", ",", "as", "well", "both", "along",
                                     "together", "including", "with", "the", "its", "their",
                                     "other", "such", NULL };
static const char *const PERPRON[] = { "he", "him", "his", "she", "her", NULL };
static const char *const ORGPRON[] = { "it", "its", "they", "their", "them", NULL };
static const char *const GROUPNOUN[] = { "group", "network", "organization",
                                         "organisation", "movement", "militia", "militants",
                                         "insurgents", "rebels", "jihadists", "coalition",
                                         "alliance", NULL };

static const char *const BODYNOUN[] = { "department", "ministry", "agency", "command",
                                        "court", NULL };
static const char *const PARTWORD[] = { "much", "most", "part", "parts", "all", "dozens",
                                        "hundreds", "thousands", "scores", "many", "some",
                                        "several", "rest", NULL };
static const char *const SUBORD[] = { "that", "because", "while", "if", "whether",
                                      "although", "though", "unless", "whereas", NULL };

static const char *const PLACENOUN[] = { "village", "town", "city", "province", "district",
                                         "region", "county", "port", "capital", "state",
                                         "governorate", "area", NULL };

static int is_boundary(const sctx *c, int i)
{
    const char *w = W(c, i);
    return strcmp(w, ";") == 0 || strcmp(w, ":") == 0;
}

/* ---- The view: mentions and groups --------------------------------------- */
static void lower_copy(char *dst, const char *s, size_t n)
{
    if (n >= MAXW) n = MAXW - 1;
    for (size_t i = 0; i < n; i++) dst[i] = (char)tolower((unsigned char)s[i]);
    dst[n] = 0;
}

static void add_mention(sctx *c, uint32_t a, uint32_t b, int actor, int pron)
{
    men *m = &c->m[c->nm++];
    m->a = a;
    m->b = b;
    m->actor = actor;
    m->pron = pron;
    m->group = -1;
    for (uint32_t i = a; i < b; i++) c->mi[i] = c->nm - 1;
}

static void note_actor(sctx *c, int actor)
{
    if ((size_t)actor < c->st->nseen) c->st->seen[actor]++;
    doc_actor_type t = c->d->actors[actor].type;
    if (t == ACT_PER) c->st->last_per = actor;
}

/* A token like "Somalia-based", "al-Qaeda-linked": a name and a participle. */
static int compound_word(const sctx *c, int i)
{
    const char *w = W(c, i), *h = strrchr(w, '-');
    static const char *const SUF[] = { "based", "backed", "linked", "affiliated", "led",
                                       "supported", "aligned", "allied", "funded", NULL };
    return h && in_list(h + 1, SUF);
}

/* An organisation whose name has the word w ("coalition", "network"), -1 if
** none or several. */
static int actor_with_word(const dots_doc *d, const char *w)
{
    int found = -1;
    size_t n = strlen(w);
    for (size_t a = 0; a < d->nactors; a++) {
        const char *nm = d->actors[a].name;
        if (d->actors[a].type != ACT_ORG || !nm) continue;
        for (const char *p = nm; *p; p++)
            if (!strncasecmp(p, w, n) && (p == nm || !isalpha((unsigned char)p[-1])) &&
                !isalpha((unsigned char)p[n])) {
                if (found >= 0 && found != (int)a) return -1;
                found = (int)a;
                break;
            }
    }
    return found;
}

static int salient_group(const sctx *c)
{
    int best = -1;
    for (size_t a = 0; a < c->st->nseen && a < c->d->nactors; a++)
        if (c->d->actors[a].type == ACT_ORG && c->st->seen[a] > 0 &&
            (best < 0 || c->st->seen[a] > c->st->seen[best] ||
             (c->st->seen[a] == c->st->seen[best] && (int)a == c->st->last_org)))
            best = (int)a;
    return best;
}

/* The latest non-person actor before token i in this sentence that is written
** as a possessor ("Iran's", "Iran’s"), or -1. */
static int last_possessor(const sctx *c, uint32_t i)
{
    for (int k = (int)i - 1; k > 0; k--) {
        if (P(c, k) != TAG_POS_POS && !is_w(c, k, "'s") && !is_w(c, k, "\u2019s")) continue;
        int mi = c->mi[k - 1];
        if (mi < 0) continue;
        int a = c->m[mi].actor;
        if (c->m[mi].pron || c->d->actors[a].type == ACT_PER) continue;
        return a;
    }
    return -1;
}

/* "BAMAKO", "WASHINGTON": a dateline word at the start of a story */
static int all_caps(const sctx *c, int i)
{
    if (i > 2) return 0;
    const doc_token *t = &c->d->toks[c->t0 + i];
    if (t->end - t->start < 3) return 0;
    for (uint32_t k = t->start; k < t->end; k++)
        if (islower((unsigned char)c->d->text[k])) return 0;
    return 1;
}

static void build_mentions(sctx *c)
{
    int first_org = -1;         /* the sentence's own subject, for "it" and "they" */
    for (uint32_t i = 0; i < c->n;) {
        int a = c->d->toks[c->t0 + i].actor;
        if (a >= 0 && (size_t)a < c->d->nactors) {
            uint32_t j = i + 1;
            while (j < c->n && c->d->toks[c->t0 + j].actor == a) j++;
            /* "(IRGC-QF)" right after the same actor is an alias, not a second mention */
            if (c->nm > 0 && c->m[c->nm - 1].actor == a && i > 0 && is_w(c, (int)i - 1, "(")
                && c->m[c->nm - 1].b + 1 == i) {
                for (uint32_t k = i - 1; k < j; k++) c->mi[k] = c->nm - 1;
                c->m[c->nm - 1].b = j;           /* the mention now spans "X (KH" */
            } else {
                add_mention(c, i, j, a, 0);
            }
            note_actor(c, a);
            /* "BAMAKO —", "WASHINGTON (Reuters)": a dateline is not the subject */
            int dateline = (i < 4 && j < c->n && (is_w(c, j, "—") || is_w(c, j, "(") ||
                            is_w(c, j, "–") || is_w(c, j, "-") || is_w(c, j, ","))) ||
                           (i < 6 && i > 0 && is_w(c, (int)i - 1, "(")) || all_caps(c, (int)i);
            if (first_org < 0 && c->d->actors[a].type != ACT_PER && !dateline) {
                int k = (int)i - 1;
                while (k >= 0 && (P(c, k) == TAG_POS_DT || P(c, k) == TAG_POS_JJ)) k--;
                if (k < 0 || !(P(c, k) == TAG_POS_IN || P(c, k) == TAG_POS_TO)) first_org = a;
            }
            i = j;
            continue;
        }
        const char *w = W(c, i);
        if (in_list(w, PERPRON) && c->st->last_per >= 0) {
            add_mention(c, i, i + 1, c->st->last_per, 1);
        } else if (in_list(w, ORGPRON) && (first_org >= 0 || c->st->last_org >= 0) &&
                   /* "it" only as a subject ("It noted"): "make it harder", "fired it" */
                   (strcmp(w, "it") != 0 || (i + 1 < c->n && (is_verb(c, i + 1) ||
                                                               P(c, i + 1) == TAG_POS_MD)))) {
            int ref = first_org >= 0 ? first_org : c->st->last_org;
            /* "Iran's support ... was part of its strategy": a possessive
            ** pronoun after a possessor names that possessor */
            int owner = last_possessor(c, i);
            if (owner >= 0 && (strcmp(w, "its") == 0 || strcmp(w, "their") == 0)) ref = owner;
            /* "the Haqqanis and their Taliban allies": the actor just named */
            if (i >= 2 && is_w(c, (int)i - 1, "and") && c->mi[i - 2] >= 0 &&
                c->d->actors[c->m[c->mi[i - 2]].actor].type != ACT_PER)
                ref = c->m[c->mi[i - 2]].actor;
            add_mention(c, i, i + 1, ref, 1);
        } else if (strcmp(w, "the") == 0 && i + 1 < c->n && in_list(W(c, i + 1), GROUPNOUN) &&
                   salient_group(c) >= 0 &&
                   !(i + 2 < c->n && (is_w(c, i + 2, "of") || c->d->toks[c->t0 + i + 2].actor >= 0))) {
            /* "the group": the organisation the text is about so far; "the
            ** coalition": the actor called so ("US-led coalition") */
            int named = actor_with_word(c->d, W(c, i + 1));
            add_mention(c, i, i + 2, named >= 0 ? named : salient_group(c), 1);
            i += 2;
            continue;
        }
        else if (strcmp(w, "the") == 0 && i + 1 < c->n && in_list(W(c, i + 1), BODYNOUN) &&
                 actor_with_word(c->d, W(c, i + 1)) >= 0 &&
                 !(i + 2 < c->n && (is_w(c, i + 2, "of") || c->d->toks[c->t0 + i + 2].actor >= 0))) {
            /* "the department said": the body the text named so ("Treasury Department") */
            add_mention(c, i, i + 2, actor_with_word(c->d, W(c, i + 1)), 1);
            i += 2;
            continue;
        }
        else if (in_list(w, GROUPNOUN) && i >= 2 && c->mi[i - 1] >= 0 && salient_group(c) >= 0 &&
                 is_w(c, (int)i - 2, "the") && compound_word(c, (int)i - 1) &&
                 c->m[c->mi[i - 1]].actor != salient_group(c)) {
            /* "the Somalia-based group" */
            add_mention(c, i, i + 1, salient_group(c), 1);
        }
        i++;
    }
}

/* Tokens that may sit between two mentions of one noun phrase. */
static int np_inner(const sctx *c, int i)
{
    const char *w = W(c, i);
    if (strcmp(w, "'s") == 0 || strcmp(w, "’s") == 0 || strcmp(w, "'") == 0 ||
        strcmp(w, "’") == 0 || strcmp(w, "-") == 0)
        return 1;
    if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0 || strcmp(w, ",") == 0) return 0;
    if (w[0] == '-') return 1;                     /* "-based" as its own token */
    if (is_noun(c, i) || P(c, i) == TAG_POS_JJ || P(c, i) == TAG_POS_POS) {
        /* an event noun heads its own phrase: "Iran's support for Hamas" */
        const extract_lex *e = LX(c, i, LX_NOUN);
        return !e;
    }
    return 0;
}

static void governor(const sctx *c, grp *g)
{
    g->gov[0] = 0;
    for (int i = (int)g->a - 1; i >= 0; i--) {
        const char *w = W(c, i);
        if (in_list(w, SUBORD)) return;
        /* "more than a dozen", "at least 49": quantities, not prepositions */
        if (strcmp(w, "than") == 0 || (strcmp(w, "at") == 0 && is_w(c, i + 1, "least")) ||
            strcmp(w, "least") == 0)
            continue;
        /* "over a dozen", "about 50", "nearly 200" */
        if ((strcmp(w, "over") == 0 || strcmp(w, "about") == 0 || strcmp(w, "around") == 0 ||
             strcmp(w, "nearly") == 0 || strcmp(w, "almost") == 0 || strcmp(w, "some") == 0) &&
            i + 1 < (int)c->n && (P(c, i + 1) == TAG_POS_CD || is_w(c, i + 1, "a") ||
                                  is_w(c, i + 1, "dozens") || is_w(c, i + 1, "hundreds") ||
                                  is_w(c, i + 1, "thousands")))
            continue;
        /* "the village of Elwak", "the city of Kano": the place itself */
        if (strcmp(w, "of") == 0 && i > 0 && in_list(W(c, i - 1), PLACENOUN)) { i--; continue; }
        /* "much of northern Yemen", "dozens of suspected TTP militants": a part or
        ** a number of the thing, governed as the thing is */
        if (strcmp(w, "of") == 0 && i > 0 && in_list(W(c, i - 1), PARTWORD)) { i--; continue; }
        if (is_prep(c, i) || strcmp(w, "including") == 0) {
            snprintf(g->gov, sizeof g->gov, "%s", w);
            return;
        }
        /* a comma or "and" continues a list only after a mention or adjective */
        if (strcmp(w, ",") == 0)  {
            /* ", al-Shabaab attacked": a group before its verb is a subject */
            uint32_t k = g->b;
            while (k < c->n && P(c, k) == TAG_POS_RB) k++;
            if (k < c->n && is_verb(c, k)) return;
            if (i > 0 && c->mi[i - 1] >= 0) continue;
            return;
        }
        if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0) {
            if (i > 0 && (c->mi[i - 1] >= 0 || P(c, i - 1) == TAG_POS_JJ)) continue;
            /* "Bahrain, Iraq, Syria, and Yemen": the serial comma */
            if (i > 1 && is_w(c, i - 1, ",") && c->mi[i - 2] >= 0) { i--; continue; }
            return;
        }
        if (P(c, i) == TAG_POS_CD && strlen(w) == 4 && (w[0] == '1' || w[0] == '2')) return;
        if (c->mi[i] >= 0 || P(c, i) == TAG_POS_DT || is_adj(c, i) ||
            P(c, i) == TAG_POS_PRPS || P(c, i) == TAG_POS_POS || is_noun(c, i) ||
            strcmp(w, "both") == 0 || strcmp(w, "other") == 0 ||
            /* "the internationally recognized Yemeni government" */
            (P(c, i) == TAG_POS_RB && i + 1 < (int)c->n && is_adj(c, i + 1)))
            continue;
        return;
    }
}

static void build_groups(sctx *c)
{
    for (int k = 0; k < c->nm; k++) {
        int join = 0;
        if (k > 0 && c->ng > 0) {
            const men *p = &c->m[k - 1];
            join = 1;
            for (uint32_t i = p->b; i < c->m[k].a; i++)
                if (c->mi[i] < 0 && !np_inner(c, (int)i)) { join = 0; break; }
            if (p->b == c->m[k].a && !p->pron && !c->m[k].pron) join = 1;
        }
        if (join) {
            grp *g = &c->g[c->ng - 1];
            g->last = k;
            g->b = c->m[k].b;
        } else {
            grp *g = &c->g[c->ng++];
            g->first = g->last = k;
            g->a = c->m[k].a;
            g->b = c->m[k].b;
        }
        c->m[k].group = c->ng - 1;
    }
    for (int k = 0; k < c->ng; k++) governor(c, &c->g[k]);
}

static int head(const sctx *c, int g) { return c->m[c->g[g].last].actor; }
static int gtype(const sctx *c, int g) { return (int)c->d->actors[head(c, g)].type; }

/* ---- Claims -------------------------------------------------------------- */
typedef struct cand {
    int subj, obj, pred;
    int trig;                   /* trigger token */
    float prec;
    const char *rule;
    int timed;                  /* takes the sentence's time */
    int pol;                    /* -1: from context */
    int src;                    /* -2: from context */
} cand;

static int is_place(const sctx *c, int actor)
{
    doc_actor_type t = c->d->actors[actor].type;
    return t == ACT_GPE || t == ACT_LOC;
}

static const char *const NEG[] = { "not", "n't", "never", "no", "without", NULL };
static const char *const HEDGE[] = { "allegedly", "reportedly", "may", "might", "could",
                                     "possibly", "purportedly", "apparently", "suspected",
                                     "likely", "perhaps", "probably", "alleged",
                                     "presumably", "suspect", "would", NULL };
static const char *const INTENT[] = { "offer", "offered", "offers", "offering", "plan",
                                      "planned", "plans", "planning", "plot", "plotted",
                                      "plotting", "promise", "promised", "promises",
                                      "threaten", "threatened", "threatens", "intend",
                                      "intends", "intended", "vowed", "vow", "vows",
                                      "sought", "seeks", "seek", "attempted", "tried",
                                      "aiming", NULL };

static int context_polarity(const sctx *c, int t)
{
    int pol = c->pol[t];
    /* look back within the clause: negation and hedges before the trigger */
    for (int i = t - 1; i >= 0 && i >= t - 6; i--) {
        const char *w = W(c, i);
        if (is_boundary(c, i) || strcmp(w, ",") == 0 || strcmp(w, "that") == 0) break;
        if (c->mi[i] >= 0 && i < t - 1) break;
        if (in_list(w, NEG)) {
            /* "not only", "no doubt" are not negations */
            if (is_w(c, i + 1, "only") || is_w(c, i + 1, "doubt")) continue;
            return POL_DENIED;
        }
        if (in_list(w, HEDGE)) pol = pol == POL_DENIED ? pol : POL_HEDGED;
        if (in_list(w, INTENT)) pol = pol == POL_DENIED ? pol : POL_HEDGED;
    }
    return pol;
}

static const char *pick_time(sctx *c, int t, char *out)
{
    long best = -1, bestd = 1L << 30;
    for (size_t k = 0; k < c->ntimes; k++) {
        long dd = (long)c->time_tok[k] - t;
        if (dd < 0) dd = -dd;
        /* a date in the attribution ("noted in its report for 2012") is not the claim's */
        if (c->src[c->time_tok[k]] != c->src[t]) dd += 1000;
        if (dd < bestd) { bestd = dd; best = (long)k; }
    }
    if (best < 0) return NULL;
    memcpy(out, c->times[best].value, 32);
    return out;
}

/* Remember how claim i was voiced, for choosing among repeats. */
static int note_voice(doc_state *st, size_t i, int voice)
{
    if (i >= st->capvoice) {
        size_t nc = st->capvoice ? st->capvoice * 2 : 64;
        while (nc <= i) nc *= 2;
        uint8_t *p = realloc(st->voice, nc);
        if (!p) return DOTS_ENOMEM;
        memset(p + st->capvoice, 2, nc - st->capvoice);
        st->voice = p;
        st->capvoice = nc;
    }
    st->voice[i] = (uint8_t)voice;
    if (i >= st->nvoice) st->nvoice = i + 1;
    return DOTS_OK;
}

/* Confidence is the precision of the rule's family measured on the held-out
** documents of tests/cases/claims with the full pipeline (docs/CLAIMS.md,
** "Confidence"), Laplace-smoothed: (right + 1) / (claims + 2). */
static const struct { const char *prefix; float conf; } FAMILY[] = {
    { "verb-thing", 0.50f }, { "noun-from", 0.50f },            /* giving: 3/6 */
    { "verb-place", 0.67f }, { "verb-passive-place", 0.67f },   /* places: 3/4 */
    { "meet-place", 0.67f }, { "verb-deploy", 0.67f }, { "org-in-place", 0.67f },
    { "verb", 0.90f },                                           /* verbs: 26/28 */
    { "noun", 0.71f },                                           /* nouns: 4/5 */
    { "role", 0.75f },                                           /* roles: 2/2 */
    { "compound", 0.80f }, { "possessive", 0.80f },              /* in-phrase: 3/3 */
    { "stance", 0.80f }, { "including", 0.80f },
    { "denial", 0.50f },                                         /* unseen: prior */
};

static float family_confidence(const char *rule, float prior)
{
    for (size_t i = 0; i < sizeof FAMILY / sizeof FAMILY[0]; i++)
        if (!strncmp(rule, FAMILY[i].prefix, strlen(FAMILY[i].prefix))) return FAMILY[i].conf;
    return prior;
}

/* Whether the subject actor of a claim triggered at t came from a pronoun
** in this sentence (and from no real mention of it). */
static int uses_pronoun(const sctx *c, int actor, int t)
{
    int real = 0, pron = 0;
    for (int k = 0; k < c->nm; k++)
        if (c->m[k].actor == actor) {
            if (c->m[k].pron) pron = 1;
            else real = 1;
        }
    (void)t;
    return pron && !real;
}

/* Tokens between trigger t and the nearest real mention of actor in the sentence. */
#define FAR 8
static int arg_distance(const sctx *c, int actor, int t)
{
    int best = 1 << 20;
    for (int k = 0; k < c->nm; k++) {
        if (c->m[k].actor != actor) continue;
        int dd = (int)c->m[k].a > t ? (int)c->m[k].a - t : t - (int)c->m[k].b + 1;
        if (dd < 0) dd = 0;
        if (dd < best) best = dd;
    }
    return best == 1 << 20 ? 0 : best;
}

static int emit(sctx *c, const cand *k)
{
    dots_doc *d = c->d;
    if (k->subj < 0 || k->obj < 0 || k->subj == k->obj) return DOTS_OK;
    if (k->pred < 0 || k->pred >= PRED_COUNT) return DOTS_OK;
    if (k->pred == PRED_LOCATED_IN && !is_place(c, k->obj)) return DOTS_OK;
    if (k->pred == PRED_MEMBER_OF && d->actors[k->obj].type == ACT_PER) return DOTS_OK;
    if (k->pred == PRED_MEMBER_OF && d->actors[k->obj].type == ACT_LOC) return DOTS_OK;
    int subj = k->subj, obj = k->obj;
    if ((k->pred == PRED_ALLIED_WITH || k->pred == PRED_MEETS) && subj > obj) {
        int t = subj; subj = obj; obj = t;       /* symmetric: one order */
    }
    doc_claim *cl = doc_add_claim(d);
    if (!cl) return DOTS_ENOMEM;
    cl->subject = subj;
    cl->object = obj;
    cl->predicate = (doc_predicate)k->pred;
    cl->polarity = (doc_polarity)(k->pol >= 0 ? k->pol : context_polarity(c, k->trig));
    char tb[32];
    const char *time = k->timed ? pick_time(c, k->trig, tb) : NULL;
    cl->time = time ? arena_strdup(d->arena, time) : NULL;
    cl->source = k->src != -2 ? k->src : c->src[k->trig];
    if (cl->source == subj && k->pred != PRED_MEMBER_OF) {
        /* "X said it supports Y": X's own statement about itself */
    }
    cl->origin_comment = c->comment;
    cl->source_name = c->comment >= 0 ? c->author : NULL;
    if (c->comment >= 0) cl->source = -1;
    cl->ev_start = c->s->start;
    cl->ev_end = c->s->end;
    float conf = family_confidence(k->rule, k->prec);
    /* an argument found through a pronoun or "the group" is less sure */
    if (c->mi[k->trig] >= 0 && c->m[c->mi[k->trig]].pron) conf *= 0.8f;
    if (k->subj >= 0 && uses_pronoun(c, k->subj, k->trig)) conf *= 0.8f;
    /* an argument far from its trigger was found across phrases we do not parse */
    if (arg_distance(c, k->subj, k->trig) > FAR || arg_distance(c, k->obj, k->trig) > FAR)
        conf *= 0.7f;
    cl->confidence = conf;
    cl->rule = k->rule;
    return note_voice(c->st, d->nclaims - 1, cl->source >= 0 ? 1 : c->rep[k->trig] ? 0 : 2);
}

/* ---- Arguments ----------------------------------------------------------- */
/* The index to continue a forward scan from after a group ending at b: never
** backwards, so a scan always ends. */
static int past(int i, int b) { return b - 1 > i ? b - 1 : i; }

static int group_at(const sctx *c, int tok) { return c->mi[tok] >= 0 ? c->m[c->mi[tok]].group : -1; }

/* Groups coordinated with g to its left ("Hamas and Islamic Jihad"). */
static int coord_left(const sctx *c, int g, int *out, int max)
{
    int n = 0;
    out[n++] = g;
    while (g > 0 && n < max) {
        const grp *p = &c->g[g - 1], *q = &c->g[g];
        int ok = 0, any = 0;
        for (uint32_t i = p->b; i < q->a; i++) {
            const char *w = W(c, i);
            if (strcmp(w, "and") == 0 || strcmp(w, ",") == 0 || strcmp(w, "or") == 0) ok = 1;
            else if (P(c, i) == TAG_POS_DT || strcmp(w, "both") == 0) ;
            else { any = 1; break; }
        }
        if (!ok || any || strcmp(p->gov, q->gov) != 0) break;
        out[n++] = --g;
    }
    return n;
}

/* Groups coordinated with g to its right, and "including" elaborations. */
static int coord_right(const sctx *c, int g, int *out, int max)
{
    int n = 0;
    out[n++] = g;
    while (g + 1 < c->ng && n < max) {
        const grp *p = &c->g[g], *q = &c->g[g + 1];
        int ok = 0, bad = 0;
        for (uint32_t i = p->b; i < q->a; i++) {
            const char *w = W(c, i);
            if (c->mi[i] >= 0 && c->m[c->mi[i]].actor == head(c, g)) continue;  /* "(KH)" */
            if (in_list(w, COORD) || strcmp(w, "(") == 0 || strcmp(w, ")") == 0) {
                if (strcmp(w, "and") == 0 || strcmp(w, ",") == 0 || strcmp(w, "or") == 0 ||
                    strcmp(w, "including") == 0 || strcmp(w, "as") == 0)
                    ok = 1;
            } else if (P(c, i) == TAG_POS_DT || P(c, i) == TAG_POS_JJ || P(c, i) == TAG_POS_CC ||
                       in_list(w, PARTWORD) || (strcmp(w, "of") == 0 && i > p->b &&
                                                in_list(W(c, (int)i - 1), PARTWORD))) {
            } else { bad = 1; break; }
        }
        if (!ok || bad) break;
        if (strcmp(q->gov, p->gov) != 0 && strcmp(q->gov, "including") != 0 && q->gov[0]) break;
        out[n++] = ++g;
    }
    return n;
}

/* The token before i, skipping auxiliaries and adverbs ("has repeatedly"). */
static int skip_aux_left(const sctx *c, int i)
{
    while (i >= 0 && (in_list(W(c, i), AUX) || in_list(W(c, i), BE) ||
                      P(c, i) == TAG_POS_RB || P(c, i) == TAG_POS_MD))
        i--;
    return i;
}

static int subject_of(const sctx *c, int v, int *out, int max, int depth);

/* A group whose phrase goes on into a common noun ("U.S. naval base",
** "Afghan Pashtun warlords", "ISIL senior leader") names a modifier, not the
** thing itself. */
static const char *const MEMBERNOUN[] = {
    "fighters", "members", "militants", "forces", "troops", "soldiers", "units", "unit", "cell",
    "cells", "elements", "personnel", "warplanes", "aircraft", "jets", "operatives", "gunmen",
    "police", "authorities", "officials", "commanders", "leaders", "militia", "militiamen",
    "government", "regime", "military", "army", "navy", "delegation", "envoys", "diplomats",
    "agents", "officers", "insurgents", "rebels", "jihadists", "loyalists", "security",
    "envoy", "envoys", "delegation", "delegates", "representatives", "emissaries", NULL
};

/* "Taliban members", "Iranian officials", "US-led coalition aircraft": the
** group stands for the actor itself (spec: "Taliban members" -> Taliban). */
static int stands_for(const sctx *c, int g)
{
    uint32_t k = c->g[g].b;
    while (k < c->n && c->mi[k] < 0 && P(c, k) == TAG_POS_JJ) k++;
    return k < c->n && c->mi[k] < 0 && in_list(W(c, k), MEMBERNOUN);
}

static int generic_set(const sctx *c, int g)
{
    static const char *const SET[] = { "groups", "organizations", "organisations", "factions",
                                       "militias", "proxies", "movements", "parties", NULL };
    uint32_t k = c->g[g].b;
    while (k < c->n && c->mi[k] < 0 && (P(c, k) == TAG_POS_JJ || P(c, k) == TAG_POS_NN ||
                                        TAG_IS_PROPER(P(c, k))))
        k++;
    return k < c->n && in_list(W(c, k), SET);
}

static int is_modifier(const sctx *c, int g)
{
    uint32_t k = c->g[g].b;
    if (stands_for(c, g)) return 0;
    static const char *const TIMEWORD[] = { "year", "years", "month", "months", "week", "weeks",
                                            "day", "days", "night", "time", "morning",
                                            "evening", "weekend", "summer", "winter", NULL };
    if (k < c->n && (is_w(c, k, "'s") || is_w(c, k, "’s") || P(c, k) == TAG_POS_POS)) return 1;
    while (k < c->n && (P(c, k) == TAG_POS_JJ || TAG_IS_PROPER(P(c, k))) && c->mi[k] < 0 &&
           !is_w(c, k, "last") && !is_w(c, k, "next") && !is_w(c, k, "this"))
        k++;
    if (k < c->n && in_list(W(c, k), TIMEWORD)) return 0;
    return k < c->n && c->mi[k] < 0 && (P(c, k) == TAG_POS_NN || P(c, k) == TAG_POS_NNS) &&
           !LX(c, k, LX_NOUN);
}

/* The antecedent of a relative pronoun at r: the noun phrase right before it,
** or, when that phrase names no actor, the actor before the comma that opens
** the apposition ("the Haqqanis, a clan of Afghan Pashtun warlords ... who");
** "and which" continues the relative clause before it. */
static int noun_subject(const sctx *c, int t, int *subj, int max, int *reverse);

static int antecedent(const sctx *c, int r, int *out, int max)
{
    /* "an attack last month that killed X": the attack's actor did it */
    for (int k = r - 1; k >= 0 && k >= r - 4; k--) {
        if (c->mi[k] >= 0 || is_w(c, k, ",")) break;
        const extract_lex *e = is_noun(c, k) ? LX(c, k, LX_NOUN) : NULL;
        if (e && e->pred == PRED_ATTACKS) {
            int rev;
            return noun_subject(c, k, out, max, &rev);
        }
    }
    if (r > 0 && is_w(c, r - 1, "and")) {
        for (int k = r - 2; k >= 0; k--)
            if (is_w(c, k, W(c, r))) return antecedent(c, k, out, max);
    }
    /* the phrase right before, or the actor opening its apposition: "the
    ** Haqqanis, a clan of Afghan Pashtun warlords based in ... who" */
    int near = -1;
    for (int i = r - 1; i >= 0 && i >= r - 18; i--) {
        if (is_boundary(c, i)) break;
        if (is_w(c, i, ",")) {
            if (i == r - 1) continue;
            int g = i > 0 ? group_at(c, i - 1) : -1;
            if (g >= 0 && !is_modifier(c, g)) return coord_left(c, g, out, max);
            break;
        }
        int g = group_at(c, i);
        if (g >= 0) {
            const grp *gr = &c->g[g];
            i = (int)gr->a;
            /* the phrase right before the relative is its antecedent whatever
            ** governs it ("bombing by the Coalition that invaded") */
            if (near < 0 && !is_modifier(c, g) && (!gr->gov[0] || !strcmp(gr->gov, "of") ||
                                                    !strcmp(gr->gov, "as") ||
                                                    (int)gr->b == r))
                near = g;
            if (near >= 0 && (int)gr->b >= r - 1) return coord_left(c, near, out, max);
            continue;
        }
        if (!(is_noun(c, i) || is_adj(c, i) || P(c, i) == TAG_POS_DT || P(c, i) == TAG_POS_POS ||
              is_w(c, i, "of") || is_w(c, i, "in") || is_w(c, i, "'s") || is_w(c, i, "’s")))
            break;
    }
    return near >= 0 ? coord_left(c, near, out, max) : 0;
}

/* Subjects of the verb at v: the nearest direct noun phrase to its left,
** through appositions and relative clauses, or the subject of the verb it
** is coordinated with ("trained and armed", "tracked X ... and then targeted"). */
static const char *const ACCUSE[] = { "accused", "accuse", "accuses", "accusing", "suspected",
                                      "suspect", "suspects", "charged", "blamed", "blames",
                                      "blame", NULL };

/* "accused the Taliban of sheltering TTP leaders": the accused is the gerund's subject. */
static int accused_subject(const sctx *c, int v, int *out, int max)
{
    if (v < 3 || P(c, v) != TAG_POS_VBG || !is_w(c, v - 1, "of")) return 0;
    int g = group_at(c, v - 2);
    if (g < 0) return 0;
    /* the accused phrase may run on with a place ("the Taliban in Kabul") */
    if (c->g[g].gov[0] && (int)c->g[g].a >= 2 && group_at(c, (int)c->g[g].a - 2) >= 0)
        g = group_at(c, (int)c->g[g].a - 2);
    int k = (int)c->g[g].a - 1;
    while (k >= 0 && !in_list(W(c, k), ACCUSE) && (P(c, k) == TAG_POS_DT || is_adj(c, k))) k--;
    if (k < 0 || !in_list(W(c, k), ACCUSE)) return 0;
    out[0] = g;
    return 1;
}

static int subject_of(const sctx *c, int v, int *out, int max, int depth)
{
    int i = skip_aux_left(c, v - 1);
    if (depth > 3) return 0;
    if (accused_subject(c, v, out, max)) return 1;
    if (i >= 0 && (is_w(c, i, "and") || is_w(c, i, "or") || is_w(c, i, "but"))) {
        int j = i - 1;
        if (j >= 0 && is_w(c, j, ",")) j--;
        if (j >= 0 && group_at(c, j) < 0) {
            /* a verb phrase before: borrow its verb's subject, stepping over a
            ** relative clause (", where he was visiting his family,") */
            if (j + 1 < v && is_w(c, j + 1, ",")) {
                int k = j;
                while (k >= 0 && !is_w(c, k, ",") && !is_boundary(c, k)) k--;
                if (k >= 0 && is_w(c, k, ",") && k + 1 < j && in_list(W(c, k + 1), RELPRON)) j = k - 1;
            }
            for (int k = j; k >= 0; k--)
                if (is_verb(c, k) && P(c, k) != TAG_POS_VBG &&
                    !(P(c, k) == TAG_POS_VBN && !in_list(W(c, skip_aux_left(c, k - 1) + 1), BE) &&
                      0))
                    return subject_of(c, k, out, max, depth + 1);
            return 0;
        }
    }
    /* "X offered to provide": the subject of the verb governing "to" */
    if (i >= 0 && i + 1 < v && is_verb(c, i) && is_w(c, i + 1, "to"))
        return subject_of(c, i, out, max, depth + 1);
    /* "Iran's offer to provide": the possessor acts */
    if (i >= 2 && i + 1 < v && is_w(c, i + 1, "to") && is_noun(c, i) && c->mi[i] < 0) {
        int k = i - 1;
        while (k >= 0 && c->mi[k] < 0 && P(c, k) == TAG_POS_JJ) k--;
        if (k >= 1 && (is_w(c, k, "'s") || is_w(c, k, "’s") || P(c, k) == TAG_POS_POS) &&
            group_at(c, k - 1) >= 0)
            return coord_left(c, group_at(c, k - 1), out, max);
        if (k >= 0 && c->mi[k] >= 0 && c->m[c->mi[k]].pron && P(c, k) == TAG_POS_PRPS)
            return coord_left(c, group_at(c, k), out, max);
    }
    /* "X used missiles to strike", "X crosses borders to target": the subject
    ** of the verb whose object precedes "to" (but "allowed X to" is X's act) */
    if (i >= 0 && i + 1 < v && is_w(c, i + 1, "to") && !is_verb(c, i)) {
        static const char *const OBJCTL[] = { "allow", "allowed", "allows", "help", "helped",
                                              "helps", "enable", "enabled", "enables", "order",
                                              "ordered", "orders", "force", "forced", "urge",
                                              "urged", "ask", "asked", "permit", "permitted",
                                              "told", "tell", "encouraged", "directed", NULL };
        int k = i;
        while (k >= 0 && (c->mi[k] >= 0 || is_noun(c, k) || is_adj(c, k) ||
                          P(c, k) == TAG_POS_DT || is_w(c, k, ",") || is_w(c, k, "and") ||
                          P(c, k) == TAG_POS_PRPS || P(c, k) == TAG_POS_POS))
            k--;
        if (k >= 0 && k < i && is_verb(c, k) && P(c, k) != TAG_POS_VBG && !in_list(W(c, k), OBJCTL))
            return subject_of(c, k, out, max, depth + 1);
    }
    /* "who we suspect is", "which officials say was": a parenthetical report */
    if (i >= 1 && is_finite(c, i) && P(c, i - 1) == TAG_POS_PRP && i >= 2 &&
        in_list(W(c, i - 2), RELPRON))
        return antecedent(c, i - 2, out, max);
    if (i >= 0 && (in_list(W(c, i), RELPRON) || (is_w(c, i, "that") && P(c, i) == TAG_POS_WDT))) {
        /* "routes through which to supply": the relative is not the subject */
        if (i > 0 && is_prep(c, i - 1)) {
            for (int k = i - 2; k >= 0; k--)
                if (is_finite(c, k)) return subject_of(c, k, out, max, depth + 1);
            return 0;
        }
        return antecedent(c, i, out, max);
    }
    for (; i >= 0; i--) {
        const char *w = W(c, i);
        if (is_boundary(c, i)) return 0;
        if (strcmp(w, ")") == 0) {                     /* "(the Taliban's chief spokesman)" */
            while (i > 0 && !is_w(c, i, "(")) i--;
            continue;
        }
        if (strcmp(w, ",") == 0 && i > 0) {
            /* skip ", who was based in Zahedan," back to its opening comma */
            int k = i - 1;
            while (k >= 0 && !is_w(c, k, ",") && !is_boundary(c, k)) k--;
            if (k >= 0 && is_w(c, k, ",") && k + 1 < i &&
                (in_list(W(c, k + 1), RELPRON) || P(c, k + 1) == TAG_POS_DT ||
                 P(c, k + 1) == TAG_POS_IN)) {
                i = k;
                continue;
            }
            continue;
        }
        int g = group_at(c, i);
        if (g >= 0) {
            const grp *gr = &c->g[g];
            if (gr->gov[0]) { i = (int)gr->a; continue; }   /* inside a PP: not a subject */
            return coord_left(c, g, out, max);
        }
        if (in_list(w, RELPRON)) return antecedent(c, i, out, max);
        if (in_list(w, SUBORD) && strcmp(w, "that") != 0) return 0;
        if (is_finite(c, i) && !in_list(w, BE) && i < v - 1) return 0;
        if (strcmp(w, "that") == 0 && P(c, i) == TAG_POS_IN) return 0;
    }
    return 0;
}

static int prep_ok(const char *preps, const char *gov, int noun)
{
    char key[16];
    if (!gov[0]) return !noun && (!preps || strncmp(preps, "|", 1) == 0);
    if (strcmp(gov, "including") == 0) return 1;
    if (!preps) return 0;
    snprintf(key, sizeof key, "|%s|", gov);
    return strstr(preps, key) != NULL;
}

/* Objects of trigger t: the first group to its right governed by one of the
** frame's prepositions (or directly), with its coordinated groups. */
/* "known as X", "called X", "named X" at i: the group that names a phrase. */
static int naming(const sctx *c, int i)
{
    if (!(is_w(c, i, "known") || is_w(c, i, "called") || is_w(c, i, "named") ||
          is_w(c, i, "dubbed")))
        return -1;
    int k = i + 1;
    if (is_w(c, k, "as")) k++;
    while (k < (int)c->n && P(c, k) == TAG_POS_DT) k++;
    return k < (int)c->n ? group_at(c, k) : -1;
}

static int objects_all(const sctx *c, int t, const char *preps, int noun, int *out, int max,
                       int *stop, int all);

static int objects_of(const sctx *c, int t, const char *preps, int noun, int *out, int max,
                      int *stop)
{
    return objects_all(c, t, preps, noun, out, max, stop, 0);
}

static int objects_all(const sctx *c, int t, const char *preps, int noun, int *out, int max,
                       int *stop, int all)
{
    int end = (int)c->n, n = 0;
    for (int i = t + 1; i < (int)c->n; i++) {
        const char *w = W(c, i);
        /* "trained and armed X": coordinated verbs share their object */
        if (!noun && i <= t + 2 && (strcmp(w, "and") == 0 || strcmp(w, "or") == 0) &&
            i + 1 < (int)c->n && is_verb(c, i + 1)) {
            i++;
            t = i;
            continue;
        }
        if (is_boundary(c, i) || in_list(w, RELPRON) ||
            (is_finite(c, i) && i > t + 1) || (strcmp(w, "as") == 0 && !is_w(c, i - 1, "such")) ||
            strcmp(w, "while") == 0 || strcmp(w, "because") == 0 || strcmp(w, "after") == 0 ||
            strcmp(w, "when") == 0 || strcmp(w, "that") == 0 || strcmp(w, "although") == 0 ||
            strcmp(w, "by") == 0 || strcmp(w, "”") == 0 || strcmp(w, "''") == 0 ||
            (strcmp(w, "\"") == 0 && i > t + 1)) {
            end = i;
            break;
        }
        if (noun && (strcmp(w, "(") == 0 || (is_verb(c, i) && P(c, i) != TAG_POS_VBN))) {
            end = i;
            break;
        }
        if (all && n > 0 && is_verb(c, i)) { end = i; break; }   /* "met X to discuss Y" */
        /* "backing many groups to maximize its influence": a purpose clause */
        if (!noun && i > t + 1 && is_w(c, i, "to") && i + 1 < (int)c->n && P(c, i + 1) == TAG_POS_VB &&
            /* "shipments to select Taliban members": a name after it says preposition */
            !(i + 2 < (int)c->n && c->mi[i + 2] >= 0 && !c->m[c->mi[i + 2]].pron)) {
            end = i;
            break;
        }
        int ng = naming(c, i);
        if (ng >= 0 && n == 0) {
            if (stop) *stop = end;
            return coord_right(c, ng, out, max);
        }
        /* "a paramilitary group allied with X": the PP belongs to the participle */
        if (!noun && i > t + 1 && (P(c, i) == TAG_POS_VBN || P(c, i) == TAG_POS_VBG) &&
            (P(c, i - 1) == TAG_POS_NN || P(c, i - 1) == TAG_POS_NNS) && c->mi[i - 1] < 0 &&
            ng < 0) {
            end = i;
            if (n == 0)                        /* ", known as the 55th Arab Brigade" */
                for (int k = i + 1; k < (int)c->n && k < i + 14; k++) {
                    if (is_boundary(c, k) || in_list(W(c, k), RELPRON)) break;
                    int g2 = naming(c, k);
                    if (g2 >= 0) {
                        if (stop) *stop = end;
                        return coord_right(c, g2, out, max);
                    }
                }
            break;
        }
        int g = group_at(c, i);
        if (g < 0) continue;
        const grp *gr = &c->g[g];
        /* "counter-ISIS forces", "anti-Taliban militia": the other side */
        if (!strncmp(W(c, (int)gr->a), "counter-", 8) || !strncmp(W(c, (int)gr->a), "anti-", 5)) {
            i = past(i, (int)gr->b);
            continue;
        }
        /* "support for Palestinian terrorist groups": a set of groups, not the state */
        if (gtype(c, g) == ACT_GPE && generic_set(c, g)) { i = past(i, (int)gr->b); continue; }
        /* ", the Pentagon said": a speaker, not an object */
        if (gr->b < c->n && LX(c, (int)gr->b, LX_SPEECH) && is_verb(c, (int)gr->b)) { end = i; break; }
        int rk = (int)gr->b;
        while (rk < (int)c->n && P(c, rk) == TAG_POS_JJ) rk++;
        /* "an ISIL senior leader known as X": the leader, not ISIL, is the object
        ** ("senior Iranian officials" stand for Iran, see stands_for) */
        int role_mod = !gr->gov[0] && rk < (int)c->n && c->mi[rk] < 0 &&
                       LX(c, rk, LX_ROLE) != NULL && !stands_for(c, g);
        /* a name right after a verb is its direct object, whatever preposition
        ** governs the verb ("of arming JNIM") */
        const char *gov = !noun && (int)gr->a == t + 1 &&
                          !(gr->b < c->n && LX(c, (int)gr->b, LX_THING)) ? "" : gr->gov;
        if (!role_mod && prep_ok(preps, gov, noun)) {
            if (!all) {
                if (stop) *stop = end;
                /* "various Iraqi Shia groups in 2020, including KH, ...": the list */
                if (is_modifier(c, g))
                    for (int k = (int)gr->b; k < (int)c->n && k < (int)gr->b + 10; k++) {
                        if (is_boundary(c, k) || (is_verb(c, k) && !is_w(c, k, "including")))
                            break;
                        if (is_w(c, k, "including") && k + 1 < (int)c->n && group_at(c, k + 1) >= 0)
                            return coord_right(c, group_at(c, k + 1), out, max);
                    }
                return coord_right(c, g, out, max);
            }
            if (n < max) out[n++] = g;
        }
        i = past(i, (int)gr->b);
    }
    if (stop) *stop = end;
    return n;
}

/* ---- Passes -------------------------------------------------------------- */
/* Who designates here (t a designation trigger), for "the individuals sanctioned
** include A, B and C" in the next sentence. */
static void note_designator(sctx *c, int actor, int t)
{
    char tb[32];
    const char *tm = pick_time(c, t, tb);
    c->st->designator = actor;
    c->st->designator_sent = (size_t)(c->s - c->d->sents);
    snprintf(c->st->designator_time, sizeof c->st->designator_time, "%s", tm ? tm : "");
}

/* "The individuals (who were) sanctioned include A, B and C", "Those designated
** are A and B": an agentless list whose designator is the one named in this or
** the previous sentence (dev-eval: "designator stated ... right around it"). */
static int pass_designated_list(sctx *c)
{
    static const char *const LINK[] = { "include", "includes", "included", "are", "were",
                                        "was", "is", NULL };
    int rc = DOTS_OK;
    size_t si = (size_t)(c->s - c->d->sents);
    if (c->st->designator < 0 || si > c->st->designator_sent + 1) return DOTS_OK;
    for (int v = 1; v + 2 < (int)c->n && rc == DOTS_OK; v++) {
        const extract_lex *e = LX(c, v, LX_VERB);
        if (!e || e->pred != PRED_DESIGNATES || P(c, v) == TAG_POS_VBG) continue;
        if (!in_list(W(c, v + 1), LINK) || c->mi[v + 1] >= 0) continue;
        int g = -1;
        for (int k = v + 2; k < (int)c->n && k <= v + 4 && g < 0; k++) g = group_at(c, k);
        if (g < 0) continue;
        int obj[8], no = coord_right(c, g, obj, 8);
        for (int b = 0; b < no && rc == DOTS_OK; b++) {
            int o = head(c, obj[b]);
            if (o == c->st->designator) continue;
            cand k = { c->st->designator, o, PRED_DESIGNATES, v, 0.7f, "verb-list", 1, -1, -2 };
            size_t before = c->d->nclaims;
            if ((rc = emit(c, &k)) != DOTS_OK) break;
            /* a list without a date of its own is dated by the designation */
            if (c->d->nclaims > before && !c->d->claims[before].time && c->st->designator_time[0])
                c->d->claims[before].time = arena_strdup(c->d->arena, c->st->designator_time);
        }
        break;
    }
    return rc;
}

static int add(sctx *c, int s, int pred, int o, int trig, float prec, const char *rule, int timed)
{
    cand k = { s, o, pred, trig, prec, rule, timed, c->force_pol, -2 };
    return emit(c, &k);
}

static int state_body_name(const char *name);
static int state_body(const doc_actor *a)
{
    if (state_body_name(a->name)) return 1;
    for (size_t i = 0; i < a->naliases; i++)
        if (a->aliases[i] && state_body_name(a->aliases[i])) return 1;
    return 0;
}

static int state_body_name(const char *name)
{
    static const char *const W_[] = { "Guard", "Force", "Ministry", "Department", "Army",
                                      "Police", "Intelligence", "Corps", "Office", "Agency",
                                      "Navy", "Military", "Council", "Court", "Command", NULL };
    for (const char *const *w = W_; *w; w++)
        if (strstr(name, *w)) return 1;
    return 0;
}

/* The word after a hyphen ending a mention: "Iran-based" tokenized as one
** token linked to Iran, or as Iran + "-based". NULL if none. */
static const char *compound_suffix(const sctx *c, const men *m)
{
    const doc_token *last = &c->d->toks[c->t0 + m->b - 1];
    const char *s = c->d->text + last->start, *e = c->d->text + last->end;
    const char *h = NULL;
    for (const char *p = s; p < e; p++)
        if (*p == '-') h = p;
    static const char *const SUF[] = { "based", "headquartered", "backed", "supported",
                                       "sponsored", "funded", "affiliated", "linked",
                                       "aligned", "allied", "led", NULL };
    if (h) {
        for (const char *const *x = SUF; *x; x++)
            if ((size_t)(e - h - 1) == strlen(*x) && strncasecmp(h + 1, *x, strlen(*x)) == 0)
                return h + 1;
    }
    if (e < c->d->text + c->d->len && (*e == '-' ||
        (c->d->text + c->d->len - e >= 3 && memcmp(e, "\xe2\x80\x93", 3) == 0))) {
        const char *r = *e == '-' ? e + 1 : e + 3;
        for (const char *const *x = SUF; *x; x++)
            if (strncasecmp(r, *x, strlen(*x)) == 0) return r;
    }
    return NULL;
}

/* The relation a compound word states between its first part and the holder h. */
static int compound_relation(sctx *c, const char *rest, int h, int mod, int t)
{
    if (!strncasecmp(rest, "based", 5) || !strncasecmp(rest, "headquartered", 13))
        return add(c, h, PRED_LOCATED_IN, mod, t, 0.8f, "compound-based", 0);
    if (!strncasecmp(rest, "backed", 6) || !strncasecmp(rest, "supported", 9) ||
        !strncasecmp(rest, "sponsored", 9) || !strncasecmp(rest, "funded", 6))
        return add(c, mod, PRED_SUPPORTS, h, t, 0.8f, "compound-backed", 0);
    if (!strncasecmp(rest, "affiliated", 10) || !strncasecmp(rest, "linked", 6) ||
        !strncasecmp(rest, "aligned", 7) || !strncasecmp(rest, "allied", 6))
        return add(c, h, PRED_MEMBER_OF, mod, t, 0.7f, "compound-affiliated", 0);
    if (!strncasecmp(rest, "led", 3)) return add(c, mod, PRED_MEMBER_OF, h, t, 0.7f, "compound-led", 0);
    return DOTS_OK;
}

/* A compound describing an unnamed noun that stands for a named actor:
** "Warsame is a Bosaso-based trader", "Warsame, a Bosaso-based trader," -> Warsame. */
static int pass_compound_predicative(sctx *c)
{
    int rc = DOTS_OK;
    for (int g = 0; g < c->ng && rc == DOTS_OK; g++) {
        const grp *gr = &c->g[g];
        const men *m = &c->m[gr->last];
        if (m->pron) continue;
        const char *rest = compound_suffix(c, m);
        /* "ISW, a Washington think tank": a place on the noun of an organisation */
        int place_mod = !rest && gr->first == gr->last &&
                        c->d->actors[m->actor].type == ACT_GPE && is_modifier(c, g);
        if ((!rest && !place_mod) || gr->b >= c->n || !is_noun(c, (int)gr->b) ||
            c->mi[gr->b] >= 0)
            continue;
        int k = (int)gr->a - 1;
        if (k >= 0 && (is_w(c, k, "a") || is_w(c, k, "an"))) k--;
        else continue;
        int holder = -1;
        if (k >= 1 && is_w(c, k, ",")) {
            int hg = group_at(c, k - 1);
            if (hg >= 0 && gtype(c, hg) != ACT_GPE && gtype(c, hg) != ACT_LOC) holder = head(c, hg);
        } else if (k >= 1 && in_list(W(c, k), BE)) {
            int subj[2];
            if (subject_of(c, k + 1, subj, 2, 0) > 0) holder = head(c, subj[0]);
        }
        if (holder < 0 || holder == m->actor) continue;
        if (place_mod) {
            if (c->d->actors[holder].type == ACT_ORG)
                rc = add(c, holder, PRED_LOCATED_IN, m->actor, (int)m->b, 0.6f, "appos-place", 0);
            continue;
        }
        rc = compound_relation(c, rest, holder, m->actor, (int)m->b);
    }
    return rc;
}

/* Within a noun-phrase group: "Hezbollah leader Hassan Nasrallah",
** "Pakistan's Haqqani network", "Iran's IRGC-QF", "Iran-based ... al-Jamal". */
static int pass_groups(sctx *c)
{
    int rc = DOTS_OK;
    for (int g = 0; g < c->ng && rc == DOTS_OK; g++) {
        const grp *gr = &c->g[g];
        int h = head(c, g);
        for (int k = gr->first; k < gr->last && rc == DOTS_OK; k++) {
            const men *m = &c->m[k], *next = &c->m[k + 1];
            int mod = m->actor;
            if (mod == h) continue;
            int poss = 0;
            const extract_lex *role = NULL;
            for (uint32_t i = m->b; i < next->a; i++) {
                if (is_w(c, i, "'s") || is_w(c, i, "’s") || is_w(c, i, "'") || is_w(c, i, "’"))
                    poss = 1;
                const extract_lex *e = LX(c, i, LX_ROLE);
                if (e) role = e;
            }
            const char *rest = compound_suffix(c, m);
            if (rest) {
                rc = compound_relation(c, rest, h, mod, (int)m->b);
                continue;
            }
            doc_actor_type ht = c->d->actors[h].type, mt = c->d->actors[mod].type;
            if (role && ht == ACT_PER && k + 1 == gr->last) {
                rc = add(c, h, role->pred, mod, (int)m->b, role->prec, "role-np", 0);
            } else if (poss && !role && k + 1 == gr->last && ht == ACT_ORG) {
                if (mt == ACT_ORG || (mt == ACT_GPE && state_body(&c->d->actors[h])))
                    rc = add(c, h, PRED_MEMBER_OF, mod, (int)m->b, 0.6f, "possessive-body", 0);
                else if (mt == ACT_GPE)
                    rc = add(c, h, PRED_LOCATED_IN, mod, (int)m->b, 0.6f, "possessive-place", 0);
            } else if (!poss && !role && k + 1 == gr->last && ht == ACT_ORG && mt == ACT_GPE &&
                       next->a == m->b + 0 && 0) {
            }
        }
    }
    return rc;
}

/* The document's actor written s[0,n) (its name or one of its aliases), -1 if
** none: for names inside words the linker keeps whole ("pro-Iran"). */
static int actor_by_form(const dots_doc *d, const char *s, size_t n)
{
    for (size_t a = 0; a < d->nactors; a++) {
        const doc_actor *x = &d->actors[a];
        if (x->name && strlen(x->name) == n && !strncasecmp(x->name, s, n)) return (int)a;
        for (size_t k = 0; k < x->naliases; k++)
            if (x->aliases[k] && strlen(x->aliases[k]) == n && !strncasecmp(x->aliases[k], s, n))
                return (int)a;
    }
    return -1;
}

/* The document's actor for a name written inside another name ("U.S." in
** "U.S.-led Coalition", "Saudi" in "Saudi-led Coalition"): by its forms in the
** document, else through the knowledge base (demonyms, short names). */
static int actor_inside(const dots_doc *d, const char *s, size_t n)
{
    int a = actor_by_form(d, s, n);
    if (a >= 0 || n == 0 || n > 60) return a;
    char name[64];
    memcpy(name, s, n);
    name[n] = 0;
    long k = actor_kb_find(actor_kb_builtin(), name);
    if (k < 0) return -1;
    for (size_t i = 0; i < d->nactors; i++)
        if (d->actors[i].kb == (int)k) return (int)i;
    return -1;
}

/* The document's actor for KB entry k, added (with the form written) when the
** linker left it inside a longer name; -1 if k is not a state or on OOM. */
static int state_actor(dots_doc *d, long k, const char *form, size_t n)
{
    const actor_kb *kb = actor_kb_builtin();
    if (!kb || k < 0 || actor_kb_type(kb, (size_t)k) != ACT_GPE) return -1;
    for (size_t i = 0; i < d->nactors; i++)
        if (d->actors[i].kb == (int)k) return (int)i;
    const char **al = arena_alloc(d->arena, sizeof *al);
    char *f = arena_strndup(d->arena, form, n);
    if (!al || !f) return -1;
    doc_actor *a = doc_add_actor(d);
    if (!a) return -1;
    a->id = actor_kb_id(kb, (size_t)k);
    a->name = actor_kb_name(kb, (size_t)k);
    a->type = ACT_GPE;
    al[0] = f;
    a->aliases = al;
    a->naliases = 1;
    a->kb = (int)k;
    return (int)(d->nactors - 1);
}

/* Names that hold a compound: "U.S.-led Coalition" (the leader is a member),
** "Iran-backed militia" linked as one actor (supports). */
static int pass_named_compounds(sctx *c)
{
    int rc = DOTS_OK;
    for (int k = 0; k < c->nm && rc == DOTS_OK; k++) {
        const men *m = &c->m[k];
        if (m->pron) continue;
        const char *s = c->d->text + c->d->toks[c->t0 + m->a].start;
        const char *e = c->d->text + c->d->toks[c->t0 + m->b - 1].end;
        for (const char *h = s; h < e; h++) {
            if (*h != '-') continue;
            int pred = !strncasecmp(h + 1, "led ", 4) ? PRED_MEMBER_OF :
                       !strncasecmp(h + 1, "backed ", 7) ? PRED_SUPPORTS : -1;
            if (pred < 0) continue;
            int x = actor_inside(c->d, s, (size_t)(h - s));
            if (x < 0 && pred == PRED_MEMBER_OF && h - s < 30) {
                /* "US-led coalition" with no other "US" in the text: the state itself */
                char w[32];
                memcpy(w, s, (size_t)(h - s));
                w[h - s] = 0;
                x = state_actor(c->d, actor_kb_find(actor_kb_builtin(), w), s, (size_t)(h - s));
            }
            if (x < 0 || x == m->actor) break;
            rc = pred == PRED_MEMBER_OF ? add(c, x, pred, m->actor, (int)m->a, 0.64f, "compound-led", 0)
                                        : add(c, x, pred, m->actor, (int)m->a, 0.64f, "compound-backed", 0);
            break;
        }
    }
    return rc;
}

/* "U.S. Treasury Department", "Iranian Foreign Ministry", "U.S. Africa Command"
** linked as one actor: a state's own body is a member of the state (the
** dev-eval convention); the state is added if only written inside the name. */
static int pass_state_prefix(sctx *c)
{
    int rc = DOTS_OK;
    for (int k = 0; k < c->nm && rc == DOTS_OK; k++) {
        const men *m = &c->m[k];
        if (m->pron || m->b - m->a < 2) continue;
        const doc_actor *body = &c->d->actors[m->actor];
        if (body->type != ACT_ORG || !state_body(body)) continue;
        const doc_token *t = &c->d->toks[c->t0 + m->a];
        const char *s = c->d->text + t->start;
        size_t n = t->end - t->start;
        if (n < 2 || n > 30 || !isupper((unsigned char)s[0])) continue;
        int x = actor_by_form(c->d, s, n);
        if (x >= 0 && c->d->actors[x].type != ACT_GPE) continue;
        if (x < 0) {
            char w[32];
            memcpy(w, s, n);
            w[n] = 0;
            x = state_actor(c->d, actor_kb_find(actor_kb_builtin(), w), s, n);
        }
        if (x < 0 || x == m->actor) continue;
        rc = add(c, m->actor, PRED_MEMBER_OF, x, (int)m->a, 0.8f, "compound-state", 0);
    }
    return rc;
}

/* "pro-Iran media", "Al-Mayadeen, which is pro-Iran": the holder supports X;
** "anti-Taliban militia" opposes it. */
static int pass_stance(sctx *c)
{
    int rc = DOTS_OK;
    for (int t = 0; t < (int)c->n && rc == DOTS_OK; t++) {
        const char *w = W(c, t);
        int pred = !strncmp(w, "pro-", 4) ? PRED_SUPPORTS : !strncmp(w, "anti-", 5) ? PRED_OPPOSES : -1;
        if (pred < 0) continue;
        const doc_token *tk = &c->d->toks[c->t0 + t];
        size_t skip = pred == PRED_SUPPORTS ? 4 : 5;
        int target = c->mi[t] >= 0 ? c->m[c->mi[t]].actor :
                     actor_by_form(c->d, c->d->text + tk->start + skip, tk->end - tk->start - skip);
        if (target < 0) continue;
        int holder[4], nh = 0;
        int k = t + 1;
        while (k < (int)c->n && c->mi[k] < 0 && (is_noun(c, k) || P(c, k) == TAG_POS_JJ)) k++;
        if (k < (int)c->n && c->mi[k] >= 0 && c->m[c->mi[k]].actor != target) {
            holder[0] = group_at(c, k);            /* "pro-Iran Al-Mayadeen" */
            nh = 1;
        } else {
            int i = t - 1;
            while (i >= 0 && P(c, i) == TAG_POS_RB) i--;
            if (i >= 0 && in_list(W(c, i), BE)) nh = subject_of(c, i + 1, holder, 4, 0);
        }
        for (int a = 0; a < nh && rc == DOTS_OK; a++) {
            int h = head(c, holder[a]);
            if (h != target) rc = add(c, h, pred, target, t, 0.6f, "stance", 0);
        }
    }
    return rc;
}

/* "Iraqi Shia groups, including KH": KH is located in Iraq; "the IRGC,
** including IRGC-QF": a sub-unit is a member. */
static int pass_including(sctx *c)
{
    int rc = DOTS_OK;
    for (int i = 1; i + 1 < (int)c->n && rc == DOTS_OK; i++) {
        if (!is_w(c, i, "including") || group_at(c, i + 1) < 0) continue;
        int list[8], nl = coord_right(c, group_at(c, i + 1), list, 8);
        int j = i - 1;
        if (is_w(c, j, ",")) j--;
        int direct = j >= 0 && group_at(c, j) >= 0;
        for (; j >= 0 && j >= i - 10; j--) {
            int g = group_at(c, j);
            if (g >= 0) {
                int m = head(c, g);
                for (int k = 0; k < nl && rc == DOTS_OK; k++) {
                    int x = head(c, list[k]);
                    if (c->d->actors[x].type != ACT_ORG) continue;
                    if (c->d->actors[m].type == ACT_GPE && is_modifier(c, g))
                        rc = add(c, x, PRED_LOCATED_IN, m, i, 0.6f, "including-nationality", 0);
                    else if (direct && c->d->actors[m].type == ACT_ORG && !is_modifier(c, g))
                        rc = add(c, x, PRED_MEMBER_OF, m, i, 0.5f, "including-unit", 0);
                }
                break;
            }
            if (!(is_noun(c, j) || P(c, j) == TAG_POS_JJ || P(c, j) == TAG_POS_CD ||
                  is_w(c, j, "in") || is_w(c, j, ",")))
                break;
        }
    }
    return rc;
}

/* "the Houthis in Yemen", "Hamas inside Gaza": an organisation in a place. */
static int pass_org_in_place(sctx *c)
{
    int rc = DOTS_OK;
    for (int g = 0; g + 1 < c->ng && rc == DOTS_OK; g++) {
        if (gtype(c, g) != ACT_ORG || is_modifier(c, g)) continue;
        uint32_t i = c->g[g].b;
        static const char *const UNITS[] = { "units", "unit", "fighters", "forces", "troops",
                                             "cells", "militants", "soldiers", NULL };
        while (i < c->n && c->mi[i] < 0 && in_list(W(c, i), UNITS)) i++;  /* "units in" */
        if (i >= c->n || !(is_w(c, i, "in") || is_w(c, i, "inside"))) continue;
        i++;
        /* "units in southern Lebanon" */
        while (i < c->n && c->mi[i] < 0 && (P(c, i) == TAG_POS_DT || P(c, i) == TAG_POS_JJ)) i++;
        int p = i < c->n ? group_at(c, i) : -1;
        if (p < 0 || !is_place(c, head(c, p)) || is_modifier(c, p)) continue;
        rc = add(c, head(c, g), PRED_LOCATED_IN, head(c, p), (int)c->g[g].b, 0.5f, "org-in-place", 0);
    }
    return rc;
}

/* Role nouns outside a group: "X, the leader of Y", "X, a key Y leader",
** "X (the Taliban's chief spokesman)", "X has served as Y's finance leader". */
static int pass_roles(sctx *c)
{
    int rc = DOTS_OK;
    for (int t = 0; t < (int)c->n && rc == DOTS_OK; t++) {
        if (!is_noun(c, t) || c->mi[t] >= 0) continue;
        const extract_lex *e = LX(c, t, LX_ROLE);
        if (!e) continue;
        /* the organisation: "of/in/within Y" after, or Y before in the same phrase */
        int org = -1;
        int objs[4];
        int i = t + 1;
        /* "an expert on the Haqqanis at the Institute": over the topic */
        if (i + 1 < (int)c->n && (is_w(c, i, "on") || is_w(c, i, "about")) &&
            group_at(c, i + 1 + (is_w(c, i + 1, "the") ? 1 : 0)) >= 0) {
            int g = group_at(c, i + 1 + (is_w(c, i + 1, "the") ? 1 : 0));
            if ((int)c->g[g].b < (int)c->n && is_w(c, (int)c->g[g].b, "at")) i = (int)c->g[g].b;
        }
        if (i < (int)c->n && (is_w(c, i, "of") || is_w(c, i, "in") || is_w(c, i, "within") ||
                              is_w(c, i, "for") || is_w(c, i, "at"))) {
            int j = i + 1;
            while (j < (int)c->n && c->mi[j] < 0 &&
                   (P(c, j) == TAG_POS_DT || is_adj(c, j) || is_noun(c, j)) && j < i + 5)
                j++;
            int g = j < (int)c->n ? group_at(c, j) : -1;
            /* "the chiefs of their organizations": whose is unclear */
            if (g >= 0 && gtype(c, g) != ACT_PER &&
                !(c->m[c->g[g].last].pron && !is_w(c, (int)c->m[c->g[g].last].a, "its") &&
                  !is_w(c, (int)c->m[c->g[g].last].a, "the")))
                org = head(c, g);
            /* "Director of the Office of Foreign Assets Control Andrea M. Gacki" */
            if (org >= 0 && c->g[g].b < c->n && group_at(c, c->g[g].b) > g &&
                gtype(c, group_at(c, c->g[g].b)) == ACT_PER) {
                rc = add(c, head(c, group_at(c, c->g[g].b)), e->pred, org, t, e->prec,
                         "role-title", 0);
                continue;
            }
        }
        if (org < 0) {
            int j = t - 1;
            while (j >= 0 && c->mi[j] < 0 && (is_noun(c, j) || P(c, j) == TAG_POS_JJ ||
                                              P(c, j) == TAG_POS_POS || is_w(c, j, "'s") ||
                                              is_w(c, j, "’s") || is_w(c, j, "under")))
                j--;
            int g = j >= 0 ? group_at(c, j) : -1;
            if (g >= 0 && c->g[g].b == (uint32_t)j + 1 && gtype(c, g) != ACT_PER &&
                t - j <= 4) {
                /* skip if the phrase goes on into a person: done in pass_groups */
                if (t + 1 < (int)c->n && group_at(c, t + 1) >= 0 && c->g[group_at(c, t + 1)].first ==
                    c->g[g].last + 1 && group_at(c, t + 1) == g)
                    continue;
                org = head(c, g);
                if (group_at(c, t + 1) == g) continue;
            }
        }
        if (org < 0) continue;
        /* the member */
        int mem = -1;
        int nb = 0;
        (void)objs;
        /* walk left over the role's own phrase to its start */
        int s = t - 1;
        while (s >= 0 && (c->mi[s] >= 0 || is_noun(c, s) || P(c, s) == TAG_POS_JJ ||
                          P(c, s) == TAG_POS_CD ||
                          P(c, s) == TAG_POS_DT || P(c, s) == TAG_POS_POS ||
                          P(c, s) == TAG_POS_PRPS || is_w(c, s, "'s") || is_w(c, s, "’s") ||
                          is_w(c, s, "under")) &&
               !(c->mi[s] >= 0 && c->d->actors[c->m[c->mi[s]].actor].type == ACT_PER))
            s--;
        if (s >= 0 && c->mi[s] >= 0) {
            /* "Abu Sayyaf ... senior leader" directly after a person: not apposition */
        } else if (s >= 0 && (is_w(c, s, ",") || is_w(c, s, "("))) {
            int g = s > 0 ? group_at(c, s - 1) : -1;
            if (g >= 0 && gtype(c, g) == ACT_PER) mem = head(c, g);
        } else if (s >= 0 && is_w(c, s, "as")) {
            /* "identified X as a leader": X; "served as leader", "replaced X as
            ** leader": the subject */
            int subj[4];
            int v = s;
            while (v > 0 && !is_verb(c, v)) v--;
            int objg = -1;
            for (int k = v + 1; k < s; k++) {
                int g = group_at(c, k);
                if (g >= 0 && !c->g[g].gov[0] && gtype(c, g) == ACT_PER) { objg = g; break; }
            }
            const char *vw = v >= 0 ? W(c, v) : "";
            int subj_holds = !strncmp(vw, "replac", 6) || !strncmp(vw, "succeed", 7) ||
                             !strncmp(vw, "serv", 4) || !strncmp(vw, "act", 3) ||
                             !strncmp(vw, "remain", 6) || !strncmp(vw, "work", 4);
            if (objg >= 0 && !subj_holds) mem = head(c, objg);
            else if (v >= 0 && is_verb(c, v) && (nb = subject_of(c, v, subj, 4, 0)) > 0 &&
                     gtype(c, subj[0]) == ACT_PER)
                mem = head(c, subj[0]);
            else if (s > 0 && group_at(c, s - 1) >= 0 && gtype(c, group_at(c, s - 1)) == ACT_PER)
                mem = head(c, group_at(c, s - 1));
        } else if (s >= 0 && (in_list(W(c, s), BE) || is_w(c, s, "became") ||
                              is_w(c, s, "remains") || is_w(c, s, "remained"))) {
            int subj[4];
            if ((nb = subject_of(c, s + 1, subj, 4, 0)) > 0 && gtype(c, subj[0]) == ACT_PER)
                mem = head(c, subj[0]);
        }
        if (mem < 0) {
            int ng = t + 1 < (int)c->n ? naming(c, t + 1) : -1;
            if (ng >= 0 && gtype(c, ng) == ACT_PER) mem = head(c, ng);
        }
        /* "Iran's foreign ministry spokesman, Hossein Jaber Ansari," */
        if (mem < 0 && t + 2 < (int)c->n && is_w(c, t + 1, ",") && group_at(c, t + 2) >= 0 &&
            gtype(c, group_at(c, t + 2)) == ACT_PER)
            mem = head(c, group_at(c, t + 2));
        if (mem < 0) continue;
        rc = add(c, mem, e->pred, org, t, e->prec, "role-appos", 0);
    }
    return rc;
}

static int thing_preds(sctx *c, int from, int to, int *preds, int max)
{
    int n = 0;
    if (to > (int)c->n) to = (int)c->n;
    for (int i = from; i < to && n < max; i++) {
        if (c->mi[i] >= 0) continue;
        const extract_lex *e = LX(c, i, LX_THING);
        if (!e) continue;
        /* "financial support": the adjective decides */
        if (e->pred == PRED_SUPPORTS && n > 0 && preds[n - 1] == PRED_FUNDS &&
            is_w(c, i - 1, "financial"))
            continue;
        if (e->pred == PRED_SUPPORTS && i > from && is_w(c, i - 1, "financial")) continue;
        int dup = 0;
        for (int k = 0; k < n; k++) dup |= preds[k] == e->pred;
        if (!dup) preds[n++] = e->pred;
    }
    return n;
}

static int sentence_has(const sctx *c, const char *const *words) __attribute__((unused));
static int sentence_has(const sctx *c, const char *const *words)
{
    for (uint32_t i = 0; i < c->n; i++)
        if (in_list(W(c, i), words)) return 1;
    return 0;
}

static int is_passive(const sctx *c, int v)
{
    if (P(c, v) != TAG_POS_VBN) return 0;
    int i = v - 1;
    while (i >= 0 && (P(c, i) == TAG_POS_RB || is_w(c, i, "not") || is_w(c, i, "n't"))) i--;
    return i >= 0 && in_list(W(c, i), BE);
}

/* "designated X for providing", "accused X of moving": the verb's object does
** the gerund's act. Returns the object groups of the verb before prep p. */
static int controller(const sctx *c, int p, int *out, int max)
{
    for (int k = p - 1; k >= 0 && k >= p - 12; k--) {
        if (is_boundary(c, k)) return 0;
        if (is_verb(c, k) && P(c, k) != TAG_POS_VBG) {
            for (int i = k + 1; i < p; i++) {
                int g = group_at(c, i);
                if (g >= 0 && !c->g[g].gov[0]) return coord_right(c, g, out, max);
            }
            /* "X, whom it accused of moving": the relative's antecedent */
            for (int i = k - 1; i >= 0 && i >= k - 3; i--)
                if (is_w(c, i, "whom") || is_w(c, i, "who")) return antecedent(c, i, out, max);
            return 0;
        }
    }
    return 0;
}

/* What a reduced relative participle describes: "Haqqanis, a clan of ...
** warlords based in X" -> the Haqqanis; "Taliban fighters based in X" -> the
** Taliban; "a paramilitary group allied with X" -> nothing named. */
static int participle_head(const sctx *c, int v, int *out, int max)
{
    int near = -1;
    for (int i = v - 1; i >= 0 && i >= v - 10; i--) {
        if (is_w(c, i, ",")) {
            int g = i > 0 ? group_at(c, i - 1) : -1;
            if (g >= 0 && !is_modifier(c, g)) return coord_left(c, g, out, max);
            break;
        }
        int g = group_at(c, i);
        if (g >= 0) {
            if (near < 0 && (!c->g[g].gov[0] || !strcmp(c->g[g].gov, "of"))) near = g;
            i = (int)c->g[g].a;
            continue;
        }
        if (!(is_noun(c, i) || P(c, i) == TAG_POS_JJ || P(c, i) == TAG_POS_DT ||
              P(c, i) == TAG_POS_CD || is_w(c, i, "of")))
            break;
    }
    if (near >= 0 && v > 0 && (group_at(c, v - 1) == near || !is_modifier(c, near) ||
                               (int)c->g[near].b == v - 1 + 0 ||
                               is_noun(c, v - 1)))
        return coord_left(c, near, out, max);
    return 0;
}

static int gerund_subject(const sctx *c, int v)
{
    if (v > 0 && (is_prep(c, v - 1) || P(c, v - 1) == TAG_POS_POS)) return 0;
    for (int i = v + 1; i < (int)c->n; i++) {
        if (is_w(c, i, ",") || is_boundary(c, i) || in_list(W(c, i), RELPRON) ||
            in_list(W(c, i), SUBORD))
            return 0;
        if (P(c, i) == TAG_POS_MD || P(c, i) == TAG_POS_VBZ || P(c, i) == TAG_POS_VBP ||
            P(c, i) == TAG_POS_VBD)
            return 1;
    }
    return 0;
}

/* "has provided": a participle after "have" is active. */
static int is_perfect(const sctx *c, int v)
{
    int i = v - 1;
    while (i >= 0 && (P(c, i) == TAG_POS_RB || is_w(c, i, "not") || is_w(c, i, "n't") ||
                      is_w(c, i, "also")))
        i--;
    return i >= 0 && (is_w(c, i, "has") || is_w(c, i, "have") || is_w(c, i, "had") ||
                      is_w(c, i, "having") || is_w(c, i, "'ve"));
}

/* The place of an event: the first "in"/"at" group after v that is a place
** and not a modifier ("the U.S. naval base ... in Guantanamo Bay"). -1 if none. */
static int place_after(const sctx *c, int v)
{
    for (int i = v + 1; i < (int)c->n; i++) {
        if (is_boundary(c, i) || in_list(W(c, i), RELPRON) || (is_finite(c, i) && i > v + 1))
            break;
        int g = group_at(c, i);
        if (g < 0) continue;
        i = past(i, (int)c->g[g].b);
        if ((!strcmp(c->g[g].gov, "in") || !strcmp(c->g[g].gov, "at") ||
             !strcmp(c->g[g].gov, "inside")) && is_place(c, head(c, g)) && !is_modifier(c, g))
            return g;
    }
    return -1;
}

/* Places in the "in" phrases after an attack with no named target: "attacks in
** northern Nigeria, and the Lake Chad Basin in Cameroon, Chad, and Niger". */
static int place_targets(const sctx *c, int v, int *out, int max)
{
    int n = 0;
    for (int i = v + 1; i < (int)c->n && n < max; i++) {
        if (is_boundary(c, i) || in_list(W(c, i), RELPRON) || (is_finite(c, i) && i > v + 1) ||
            is_w(c, i, "that") || is_w(c, i, "by"))
            break;
        int g = group_at(c, i);
        if (g < 0) continue;
        i = past(i, (int)c->g[g].b);
        if (!is_place(c, head(c, g)) || is_modifier(c, g)) {
            if (!is_place(c, head(c, g))) break;     /* a named target after all */
            continue;
        }
        if (!strcmp(c->g[g].gov, "in") || !strcmp(c->g[g].gov, "at") ||
            !strcmp(c->g[g].gov, "inside") || !strcmp(c->g[g].gov, "near") ||
            !strcmp(c->g[g].gov, "outside") || !strcmp(c->g[g].gov, "around"))
            out[n++] = g;
    }
    return n;
}

/* "an American drone strike ended Mansour's reign": a verb of harm whose
** subject is an attack reads as the attack itself. */
static int is_harm(const char *w)
{
    static const char *const H[] = { "ended", "ends", "hit", "hits", "destroyed", "struck",
                                     "claimed", "took", NULL };
    return in_list(w, H);
}

static const extract_lex *strike_subject(const sctx *c, int v)
{
    static const extract_lex attack = { "strike", LX_VERB, PRED_ATTACKS, 0, "|", 0.6f };
    for (int k = v - 1; k >= 0 && k >= v - 3; k--) {
        const extract_lex *n = is_noun(c, k) ? LX(c, k, LX_NOUN) : NULL;
        if (n && n->pred == PRED_ATTACKS) return &attack;
        if (!is_noun(c, k) && P(c, k) != TAG_POS_JJ) break;
    }
    return NULL;
}

/* "X hosted a meeting of A and B in P", "X hosted talks between A and B", "X hosts
** A's leaders in P", "X hosted the Y office": a meeting makes all participants meet
** pairwise and puts them at its place (dev-eval: hosting a meeting is meets, not
** shelters); guests named only as a group's people ("Hamas leaders") put the host
** at the place; a hosted organisation is sheltered. */
static int host_frame(sctx *c, int v, const extract_lex *e)
{
    static const char *const MEET[] = { "meeting", "talks", "summit", "meetings",
                                        "conference", "negotiations", "delegation",
                                        "delegations", NULL };
    int subj[4], ns = subject_of(c, v, subj, 4, 0), rc = DOTS_OK;
    if (!ns) return DOTS_OK;
    int part[8], np = 0, place = -1, meeting = 0, people = 0;
    for (int i = v + 1; i < (int)c->n; i++) {
        if (is_boundary(c, i) || in_list(W(c, i), RELPRON) || (is_finite(c, i) && i > v + 1) ||
            is_w(c, i, "to") || is_w(c, i, "that"))
            break;
        if (np == 0 && in_list(W(c, i), MEET)) meeting = 1;
        int g = group_at(c, i);
        if (g < 0) continue;
        i = past(i, (int)c->g[g].b);
        const char *gov = c->g[g].gov;
        if (is_place(c, head(c, g)) && (!strcmp(gov, "in") || !strcmp(gov, "at"))) {
            if (place < 0) place = head(c, g);
            continue;
        }
        if (gov[0] && strcmp(gov, "of") && strcmp(gov, "between") && strcmp(gov, "with") &&
            strcmp(gov, "among") && strcmp(gov, "from"))
            continue;
        if (np) continue;
        if (is_modifier(c, g)) { people = 1; continue; }     /* "Hamas leaders" */
        if (gtype(c, g) == ACT_PER || gtype(c, g) == ACT_GPE) people = 1;
        np = coord_right(c, g, part, 8);
        /* "Hamas and Islamic Jihad leaders": the list's people, not the groups */
        int after = (int)c->g[part[np - 1]].b;
        if (gtype(c, part[np - 1]) != ACT_GPE &&
            (is_modifier(c, part[np - 1]) || (after < (int)c->n && c->mi[after] < 0 &&
             (LX(c, after, LX_ROLE) || in_list(W(c, after), MEMBERNOUN) ||
              in_list(W(c, after), MEET))))) {
            people = 1;
            np = 0;
        }
        i = past(i, (int)c->g[part[np ? np - 1 : 0]].b);
        if (!np) np = -1;
    }
    if (np < 0) np = 0;
    int pred = meeting || people ? PRED_MEETS : e->pred;
    for (int a = 0; a < ns && rc == DOTS_OK; a++)
        for (int b = 0; b < np && rc == DOTS_OK; b++)
            if (!is_modifier(c, part[b]) || pred == PRED_MEETS)
                rc = add(c, head(c, subj[a]), pred, head(c, part[b]), v, e->prec,
                         meeting || people ? "verb-host" : "verb", 1);
    if (pred == PRED_MEETS && meeting)
        for (int a = 0; a < np && rc == DOTS_OK; a++)
            for (int b = a + 1; b < np && rc == DOTS_OK; b++)
                rc = add(c, head(c, part[a]), PRED_MEETS, head(c, part[b]), v, e->prec,
                         "verb-host", 1);
    if (place >= 0 && (meeting || people)) {
        for (int a = 0; a < ns && rc == DOTS_OK; a++)
            rc = add(c, head(c, subj[a]), PRED_LOCATED_IN, place, v, 0.5f, "meet-place", 1);
        for (int b = 0; b < np && rc == DOTS_OK; b++)
            if (!is_modifier(c, part[b]))
                rc = add(c, head(c, part[b]), PRED_LOCATED_IN, place, v, 0.5f, "meet-place", 1);
    }
    return rc;
}

/* The state in "at the U.S. naval base", "in Iraqi custody" after a detention verb v. */
static int custodian(const sctx *c, int v, int *out, int max)
{
    static const char *const FACILITY[] = { "base", "prison", "facility", "jail", "custody",
                                            "camp", "detention", "prisons", NULL };
    (void)max;
    for (int i = v + 1; i < (int)c->n && i <= v + 8; i++) {
        if (is_boundary(c, i) || is_finite(c, i)) break;
        int g = group_at(c, i);
        if (g < 0) continue;
        if (gtype(c, g) != ACT_GPE || !(c->g[g].gov[0] == 0 || !strcmp(c->g[g].gov, "at") ||
                                        !strcmp(c->g[g].gov, "in")))
            return 0;
        int k = (int)c->g[g].b;
        while (k < (int)c->n && k < (int)c->g[g].b + 3 && !in_list(W(c, k), FACILITY) &&
               (is_adj(c, k) || is_noun(c, k)))
            k++;
        if (k < (int)c->n && in_list(W(c, k), FACILITY) && (!strcmp(c->g[g].gov, "at") ||
                                                             !strcmp(c->g[g].gov, "in"))) {
            out[0] = g;
            return 1;
        }
        return 0;
    }
    return 0;
}

static int pass_verbs(sctx *c)
{
    static const char *const MEETING[] = { "meeting", "talks", "summit", "meetings", NULL };
    int rc = DOTS_OK;
    for (int v = 0; v < (int)c->n && rc == DOTS_OK; v++) {
        if (!is_verb(c, v) || c->mi[v] >= 0) continue;
        const extract_lex *e = LX(c, v, LX_VERB);
        if (!e && is_harm(W(c, v))) e = strike_subject(c, v);
        if (!e) continue;
        int pred = e->pred;
        const char *rule = "verb";
        c->force_pol = -1;
        if (e->flags & LF_HEDGE) {
            int pol = context_polarity(c, v);
            c->force_pol = pol == POL_DENIED ? POL_DENIED : POL_HEDGED;
        }
        if (strcmp(e->lemma, "host") == 0) {
            rc = host_frame(c, v, e);
            continue;
        }
        /* "held talks", "held a meeting": an event, not a detention (the noun gives meets) */
        if (pred == PRED_DETAINS && strcmp(e->lemma, "hold") == 0 &&
            ((v + 1 < (int)c->n && in_list(W(c, v + 1), MEETING)) ||
             (v + 2 < (int)c->n && in_list(W(c, v + 2), MEETING))))
            continue;
        int subj[8], obj[8], ns = 0, no = 0, stop = (int)c->n;
        int passive = is_passive(c, v) && !(e->flags & LF_NOPASS);
        int reduced = P(c, v) == TAG_POS_VBN && !passive && !is_perfect(c, v) &&
                      !(e->flags & LF_NOPASS);
        /* "the group kidnapped": a participle right after its subject is a past tense */
        if (reduced && v > 0 && c->mi[v - 1] >= 0 && !is_modifier(c, group_at(c, v - 1)) &&
            !c->g[group_at(c, v - 1)].gov[0] && pred != PRED_LOCATED_IN)
            reduced = 0;
        /* a participle straight before its object is a past tense the tagger missed */
        if (reduced && v + 1 < (int)c->n && !is_prep(c, v + 1) && !is_w(c, v + 1, ",") &&
            (P(c, v + 1) == TAG_POS_DT || c->mi[v + 1] >= 0 || TAG_IS_PROPER(P(c, v + 1)) ||
             P(c, v + 1) == TAG_POS_CD || P(c, v + 1) == TAG_POS_PRPS) &&
            !(v > 0 && c->mi[v - 1] >= 0 && P(c, v - 1) == TAG_POS_JJ))
            reduced = 0;
        if (passive || reduced) {
            /* X was designated by Y: the agent follows "by" */
            int patient[8], np = 0, agent[8], na = 0;
            if (passive) np = subject_of(c, v, patient, 8, 0);
            else np = participle_head(c, v, patient, 8);
            for (int i = v + 1; i < (int)c->n; i++) {
                if (is_boundary(c, i) || (is_finite(c, i))) break;
                if (is_w(c, i, "by")) {
                    int g = i + 1 < (int)c->n ? group_at(c, i + 1) : -1;
                    int j = i + 1;
                    while (g < 0 && j < (int)c->n && j < i + 4 &&
                           (P(c, j) == TAG_POS_DT || is_adj(c, j) || is_noun(c, j)))
                        g = group_at(c, ++j);
                    if (g >= 0) na = coord_right(c, g, agent, 8);
                    break;
                }
            }
            if (pred == PRED_LOCATED_IN || (pred == PRED_MEMBER_OF && !passive) ||
                pred == PRED_ALLIED_WITH) {
                /* "based in", "allied with": the patient is the subject */
                if (!np) continue;
                no = objects_of(c, v, e->preps, 0, obj, 8, &stop);
                for (int a = 0; a < np && rc == DOTS_OK; a++)
                    for (int b = 0; b < no && rc == DOTS_OK; b++)
                        rc = add(c, head(c, patient[a]), pred, head(c, obj[b]), v, e->prec,
                                 "verb-participle", pred != PRED_LOCATED_IN);
                continue;
            }
            if (pred == PRED_RELEASES && np > 0) {
                /* "was transferred to Qatar": the place it went to */
                int to[2], nt = objects_of(c, v, "|to|", 1, to, 2, NULL);
                for (int a = 0; a < np && rc == DOTS_OK && nt > 0; a++)
                    if (is_place(c, head(c, to[0])))
                        rc = add(c, head(c, patient[a]), PRED_LOCATED_IN, head(c, to[0]), v, 0.5f,
                                 "verb-passive-place", 1);
            }
            if (e->flags & LF_PLACE_PAT) {
                int pl = place_after(c, v);
                for (int a = 0; a < np && rc == DOTS_OK && pl >= 0; a++)
                    rc = add(c, head(c, patient[a]), PRED_LOCATED_IN, head(c, pl), v,
                             0.6f, "verb-passive-place", 1);
            }
            /* "held at the U.S. naval base", "in Iraqi custody": the state whose
            ** facility holds the patient holds it */
            if (!na && np && pred == PRED_DETAINS) na = custodian(c, v, agent, 8);
            if (!na || !np) continue;
            /* "held at Guantanamo Bay by the United States": the holder is there too */
            if (pred == PRED_DETAINS && (e->flags & LF_PLACE_PAT) &&
                (!strcmp(e->lemma, "hold") || !strcmp(e->lemma, "detain") ||
                 !strcmp(e->lemma, "imprison"))) {
                int pl = place_after(c, v);
                for (int a = 0; a < na && rc == DOTS_OK && pl >= 0; a++)
                    rc = add(c, head(c, agent[a]), PRED_LOCATED_IN, head(c, pl), v, 0.6f,
                             "verb-passive-place", 0);
            }
            if (e->flags & LF_THING) {
                int preds[4], nt = thing_preds(c, v + 1, (int)c->n, preds, 4);
                if (!nt && pred < 0) continue;
                if (nt) pred = preds[0];
            }
            for (int a = 0; a < na && rc == DOTS_OK; a++)
                for (int b = 0; b < np && rc == DOTS_OK; b++)
                    rc = add(c, head(c, agent[a]), pred, head(c, patient[b]), v, e->prec * 0.95f,
                             "verb-passive", 1);
            continue;
        }
        ns = accused_subject(c, v, subj, 8);
        if (ns) c->force_pol = POL_HEDGED;     /* an accusation hedges the act */
        if (!ns && P(c, v) == TAG_POS_VBG && v > 0 &&
            (is_w(c, v - 1, "for") || is_w(c, v - 1, "of")))
            ns = controller(c, v - 1, subj, 8);
        if (!ns) ns = subject_of(c, v, subj, 8, 0);
        if (ns == 0 && P(c, v) == TAG_POS_VB && v > 0 && is_w(c, v - 1, "to")) {
            /* "traveled ... eager to defend X": the clause's subject */
            for (int k = v - 2; k >= 0 && !ns; k--) {
                if (is_boundary(c, k)) break;
                if (is_finite(c, k)) ns = subject_of(c, k, subj, 8, 0);
            }
        }
        if (ns == 0 && P(c, v) == TAG_POS_VB) continue;
        /* "designating the network ... will make talks harder": a gerund as
        ** the subject of another verb states no act */
        if (P(c, v) == TAG_POS_VBG && ns == 0 && gerund_subject(c, v)) continue;
        if (P(c, v) == TAG_POS_VBG && ns == 0) {
            /* "a history of backing X": the subject of the governing verb */
            for (int k = v - 1; k >= 0 && !ns; k--)
                if (is_verb(c, k) && P(c, k) != TAG_POS_VBG) ns = subject_of(c, k, subj, 8, 0);
        }
        no = objects_all(c, v, e->preps, 0, obj, 8, &stop, (e->flags & LF_ALLOBJ) != 0);
        if (pred == PRED_DESIGNATES && ns > 0) note_designator(c, head(c, subj[0]), v);
        if (strcmp(e->lemma, "identify") == 0 || strcmp(e->lemma, "list") == 0) {
            int as = 0;
            for (int i = v + 1; i < (int)c->n && i <= stop; i++) as |= is_w(c, i, "as");
            if (!as) continue;
        }
        int preds[4], np = 0;
        if (e->flags & LF_THING) {
            np = thing_preds(c, v + 1, stop < (int)c->n ? stop + 6 : stop, preds, 4);
            if (np == 0 && pred >= 0) preds[np++] = pred;
            rule = "verb-thing";
            /* "sent troops into Somalia": the sender is there */
            if (np == 0 && v + 1 < (int)c->n) {
                int k = v + 1;
                while (k < (int)c->n && (P(c, k) == TAG_POS_JJ || P(c, k) == TAG_POS_CD ||
                                         P(c, k) == TAG_POS_DT || c->mi[k] >= 0))
                    k++;
                if (k < (int)c->n && in_list(W(c, k), MEMBERNOUN) && ns > 0) {
                    int pl[4], npl = objects_of(c, k, "|into|to|in|", 1, pl, 4, NULL);
                    for (int a = 0; a < ns && rc == DOTS_OK; a++)
                        for (int b = 0; b < npl && rc == DOTS_OK; b++)
                            if (is_place(c, head(c, pl[b])))
                                rc = add(c, head(c, subj[a]), PRED_LOCATED_IN, head(c, pl[b]), v,
                                         0.6f, "verb-deploy", 1);
                }
            }
        } else {
            preds[np++] = pred;
        }
        if (strcmp(e->lemma, "visit") == 0 && no > 0 && is_place(c, head(c, obj[0])))
            preds[0] = PRED_LOCATED_IN;
        int seized = 0;
        if (strcmp(e->lemma, "capture") == 0 || strcmp(e->lemma, "seize") == 0 ||
            strcmp(e->lemma, "overrun") == 0 || strcmp(e->lemma, "occupy") == 0) {
            if (no > 0 && is_place(c, head(c, obj[0]))) preds[0] = PRED_ATTACKS, seized = 1;
        }
        /* claims.md: seizing a place attacks it and puts the seizer there */
        for (int a = 0; seized && a < ns && rc == DOTS_OK; a++)
            for (int b = 0; b < no && rc == DOTS_OK; b++)
                if (is_place(c, head(c, obj[b])))
                    rc = add(c, head(c, subj[a]), PRED_LOCATED_IN, head(c, obj[b]), v, e->prec,
                             "verb-place", 1);
        /* "killed civilians in X and Y": the places are the targets */
        if (preds[0] == PRED_ATTACKS && no == 0 && ns > 0)
            no = place_targets(c, v, obj, 8);
        /* "X and Y have fought each other": both ways */
        if (no == 0 && ns > 1 && preds[0] >= 0) {
            int recip = 0;
            for (int k = v + 1; k + 1 < (int)c->n && k <= v + 3; k++)
                recip |= (is_w(c, k, "each") && is_w(c, k + 1, "other")) ||
                         (is_w(c, k, "one") && is_w(c, k + 1, "another"));
            if (recip) {
                for (int a = 0; a < ns && rc == DOTS_OK; a++)
                    for (int b = 0; b < ns && rc == DOTS_OK; b++)
                        if (a != b)
                            rc = add(c, head(c, subj[a]), preds[0], head(c, subj[b]), v, e->prec,
                                     "verb-reciprocal", 1);
                continue;
            }
        }
        /* "X and Y met": symmetric verbs among coordinated subjects */
        if ((e->flags & LF_SYM) && no == 0 && ns > 1) {
            for (int a = 0; a < ns && rc == DOTS_OK; a++)
                for (int b = a + 1; b < ns && rc == DOTS_OK; b++)
                    rc = add(c, head(c, subj[a]), pred, head(c, subj[b]), v, e->prec,
                             "verb-sym", 1);
            continue;
        }
        for (int p = 0; p < np && rc == DOTS_OK; p++)
            for (int a = 0; a < ns && rc == DOTS_OK; a++)
                for (int b = 0; b < no && rc == DOTS_OK; b++) {
                    int s = head(c, subj[a]), o = head(c, obj[b]);
                    if (preds[p] < 0) continue;
                    /* "sanctions on al-Shabaab's financiers" designate the financiers */
                    if ((preds[p] == PRED_DESIGNATES || preds[p] == PRED_DETAINS ||
                         preds[p] == PRED_RELEASES) && c->g[obj[b]].b < c->n &&
                        (is_w(c, c->g[obj[b]].b, "'s") || is_w(c, c->g[obj[b]].b, "’s")))
                        continue;
                    if (!(e->flags & LF_PLACEOBJ) && preds[p] != PRED_LOCATED_IN &&
                        c->d->actors[o].type == ACT_LOC)
                        continue;
                    if (e->flags & LF_REVERSE) { int t = s; s = o; o = t; }
                    rc = add(c, s, preds[p], o, v, e->prec, rule, 1);
                }
        /* the participants of a meeting are where it is held */
        if (preds[0] == PRED_MEETS && (no > 0 || ns > 1)) {
            int pl = place_after(c, v);
            for (int a = 0; a < ns && rc == DOTS_OK && pl >= 0; a++)
                rc = add(c, head(c, subj[a]), PRED_LOCATED_IN, head(c, pl), v, 0.5f, "meet-place", 1);
            for (int b = 0; b < no && rc == DOTS_OK && pl >= 0; b++)
                if (head(c, obj[b]) != head(c, pl))
                    rc = add(c, head(c, obj[b]), PRED_LOCATED_IN, head(c, pl), v, 0.5f, "meet-place", 1);
        }
        /* handed X over to Y: Y now holds X */
        if (preds[0] == PRED_RELEASES && no > 0 && ns > 0) {
            int to[4], nt = objects_of(c, v, "|to|", 1, to, 4, NULL);
            for (int a = 0; a < nt && rc == DOTS_OK; a++)
                for (int b = 0; b < no && rc == DOTS_OK; b++)
                    if (!is_place(c, head(c, to[a])) || c->d->actors[head(c, to[a])].type == ACT_GPE)
                        rc = add(c, head(c, to[a]), PRED_DETAINS, head(c, obj[b]), v, 0.5f,
                                 "verb-handover", 1);
        }
        /* every participant of a meeting meets every other */
        if (preds[0] == PRED_MEETS && no > 1)
            for (int a = 0; a < no && rc == DOTS_OK; a++)
                for (int b = a + 1; b < no && rc == DOTS_OK; b++)
                    rc = add(c, head(c, obj[a]), PRED_MEETS, head(c, obj[b]), v, e->prec * 0.9f,
                             "verb-meet-pairs", 1);
        /* "defend X against Y": the supporter opposes Y */
        if (preds[0] == PRED_SUPPORTS && no > 0 && ns > 0) {
            int opp[4], nopp = objects_of(c, v, "|against|", 1, opp, 4, NULL);
            for (int a = 0; a < ns && rc == DOTS_OK; a++)
                for (int b = 0; b < nopp && rc == DOTS_OK; b++)
                    rc = add(c, head(c, subj[a]), PRED_OPPOSES, head(c, opp[b]), v, e->prec * 0.9f,
                             "verb-against", 1);
        }
        /* the agent's place: "conducted an operation in Syria" */
        if ((e->flags & LF_PLACE_AGT) && ns > 0) {
            for (int i = v + 1; i < (int)c->n && rc == DOTS_OK; i++) {
                if (is_boundary(c, i) || (is_finite(c, i) && i > v + 1)) break;
                int g = group_at(c, i);
                if (g < 0) continue;
                if (strcmp(c->g[g].gov, "in") == 0 && is_place(c, head(c, g)))
                    for (int a = 0; a < ns && rc == DOTS_OK; a++)
                        rc = add(c, head(c, subj[a]), PRED_LOCATED_IN, head(c, g), v, 0.6f,
                                 "verb-place", 1);
                i = past(i, (int)c->g[g].b);
                break;
            }
        }
        /* the patient's place: "held X at Guantanamo" */
        if ((e->flags & LF_PLACE_PAT) && no > 0) {
            int pl = place_after(c, v);
            for (int b = 0; b < no && rc == DOTS_OK && pl >= 0; b++)
                if (!is_place(c, head(c, obj[b])) && c->d->actors[head(c, obj[b])].type == ACT_PER)
                    rc = add(c, head(c, obj[b]), PRED_LOCATED_IN, head(c, pl), v, 0.6f,
                             "verb-place", 1);
        }
    }
    return rc;
}

/* The actor of an event noun: a possessor or modifier before it ("Iran's
** support", "American drone strike"), "by X" / "from X" after it, or the
** subject of the verb governing its phrase. *reverse is set when that verb
** receives rather than gives ("relied on support from"). */
static int noun_subject(const sctx *c, int t, int *subj, int max, int *reverse)
{
    int ns = 0;
    *reverse = 0;
    int j = t - 1;
    while (j >= 0 && c->mi[j] < 0 &&
           (is_adj(c, j) || is_noun(c, j) || P(c, j) == TAG_POS_POS || is_w(c, j, "'s") ||
            is_w(c, j, "’s") || is_w(c, j, ",") || is_w(c, j, "-")) && t - j <= 6) {
        if (is_w(c, j, ",") && !(j > 0 && P(c, j - 1) == TAG_POS_CD)) break;
        j--;
    }
    if (j >= 0 && c->mi[j] >= 0) {
        int g = group_at(c, j);
        if (c->g[g].b == (uint32_t)j + 1 && strcmp(c->g[g].gov, "of") != 0) {
            subj[0] = g;
            ns = 1;
        }
    }
    for (int i = t + 1; i < (int)c->n && i <= t + 8 && !ns; i++) {
        if (is_boundary(c, i) || is_finite(c, i)) break;
        if (is_w(c, i, "by") || is_w(c, i, "from")) {
            int g = i + 1 < (int)c->n ? group_at(c, i + 1) : -1;
            int k = i + 1;
            while (g < 0 && k < (int)c->n - 1 && k < i + 4 && (P(c, k) == TAG_POS_DT || is_adj(c, k)))
                g = group_at(c, ++k);
            if (g >= 0) ns = coord_right(c, g, subj, max);
        }
    }
    if (!ns) {
        for (int k = j; k >= 0; k--) {
            if (is_boundary(c, k) || is_w(c, k, ",")) break;
            if (is_verb(c, k)) {
                const extract_lex *ve = LX(c, k, LX_VERB);
                if (ve && (ve->flags & LF_REVERSE)) *reverse = 1;
                ns = subject_of(c, k, subj, max, 0);
                break;
            }
        }
    }
    return ns;
}

/* Event and relation nouns: "Iran's support for the Taliban", "arms
** shipments to select Taliban members", "attacks in Kano", "bombing by X". */
static int pass_nouns(sctx *c)
{
    int rc = DOTS_OK;
    c->force_pol = -1;
    for (int t = 0; t < (int)c->n && rc == DOTS_OK; t++) {
        if (!is_noun(c, t) || c->mi[t] >= 0) continue;
        const extract_lex *e = LX(c, t, LX_NOUN);
        if (!e) continue;
        int pred = e->pred;
        if (e->flags & LF_THING) {
            int preds[2];
            if (thing_preds(c, t - 3 < 0 ? 0 : t - 3, t, preds, 2) > 0) pred = preds[0];
        }
        /* financial support -> funds; military training stays trains */
        if (pred == PRED_SUPPORTS && t > 0 && is_w(c, t - 1, "financial")) pred = PRED_FUNDS;
        int subj[8], reverse = 0, stop = 0;
        int ns = noun_subject(c, t, subj, 8, &reverse);
        int obj[8], no = objects_of(c, t, e->preps, 1, obj, 8, &stop);
        (void)reverse;
        if (pred == PRED_DESIGNATES && ns > 0) note_designator(c, head(c, subj[0]), t);
        if (pred == PRED_ATTACKS && no > 0 && is_place(c, head(c, obj[0])) &&
            (!strcmp(c->g[obj[0]].gov, "in") || !strcmp(c->g[obj[0]].gov, "inside")))
            no = place_targets(c, t, obj, 8);
        if (no == 0) {
            /* "the Houthis have relied on support from the IRGC-QF", "received
            ** training from X": the giver follows "from", the receiver is the
            ** subject of the verb */
            int from = -1;
            for (int i = t + 1; i < (int)c->n && i <= t + 3 && from < 0; i++)
                if (is_w(c, i, "from")) from = i + 1 < (int)c->n ? group_at(c, i + 1) : -1;
            if (from >= 0) {
                int rcv[4], nr = 0;
                for (int k = t - 1; k >= 0 && !nr; k--) {
                    if (is_boundary(c, k) || is_w(c, k, ",")) break;
                    if (is_verb(c, k)) { nr = subject_of(c, k, rcv, 4, 0); break; }
                }
                for (int a = 0; a < nr && rc == DOTS_OK; a++)
                    rc = add(c, head(c, from), pred, head(c, rcv[a]), t, e->prec, "noun-from", 1);
                continue;
            }
            /* "Iran views the Assad regime as a crucial ally": the verb's object */
            int as = -1;
            for (int k = t - 1; k >= 0 && k >= t - 4; k--) {
                if (is_w(c, k, "as")) { as = k; break; }
                if (!(P(c, k) == TAG_POS_DT || is_adj(c, k) || is_noun(c, k))) break;
            }
            if (as > 0 && (pred == PRED_ALLIED_WITH || pred == PRED_OPPOSES)) {
                int ctl[4], nc = controller(c, as, ctl, 4), sv[4], nsv = 0;
                for (int k = as - 1; k >= 0 && !nsv; k--)
                    if (is_verb(c, k) && P(c, k) != TAG_POS_VBG) { nsv = subject_of(c, k, sv, 4, 0); break; }
                for (int a = 0; a < nsv && rc == DOTS_OK; a++)
                    for (int b = 0; b < nc && rc == DOTS_OK; b++)
                        rc = add(c, head(c, sv[a]), pred, head(c, ctl[b]), t, e->prec, "noun-as", 1);
                continue;
            }
            /* "their Taliban allies": possessor and modifier */
            if (ns == 1 && (e->flags & LF_SYM) && c->g[subj[0]].first < c->g[subj[0]].last &&
                c->g[subj[0]].b == (uint32_t)t) {
                const grp *gr = &c->g[subj[0]];
                rc = add(c, c->m[gr->first].actor, pred, c->m[gr->last].actor, t, e->prec,
                         "noun-possessor", 1);
                continue;
            }
        }
        if ((e->flags & LF_SYM) && no == 0 && ns > 1) {
            for (int a = 0; a < ns && rc == DOTS_OK; a++)
                for (int b = a + 1; b < ns && rc == DOTS_OK; b++)
                    rc = add(c, head(c, subj[a]), pred, head(c, subj[b]), t, e->prec,
                             "noun-sym", 1);
            /* "X and Y held talks in Muscat": both were there */
            int pl = pred == PRED_MEETS ? place_after(c, t) : -1;
            for (int a = 0; a < ns && rc == DOTS_OK && pl >= 0; a++)
                rc = add(c, head(c, subj[a]), PRED_LOCATED_IN, head(c, pl), t, 0.5f, "meet-place", 1);
            continue;
        }
        for (int a = 0; a < ns && rc == DOTS_OK; a++)
            for (int b = 0; b < no && rc == DOTS_OK; b++) {
                int o = head(c, obj[b]);
                if ((pred == PRED_DESIGNATES || pred == PRED_DETAINS) && c->g[obj[b]].b < c->n &&
                    (is_w(c, c->g[obj[b]].b, "'s") || is_w(c, c->g[obj[b]].b, "’s")))
                    continue;
                if (!(e->flags & LF_PLACEOBJ) && pred != PRED_LOCATED_IN &&
                    c->d->actors[o].type == ACT_LOC)
                    continue;
                rc = add(c, head(c, subj[a]), pred, o, t, e->prec, "noun", 1);
            }
    }
    return rc;
}

/* ---- Attribution --------------------------------------------------------- */
static void set_scope(sctx *c, int from, int to, int src, int pol)
{
    for (int i = from; i < to; i++) {
        if (c->src[i] < 0) c->src[i] = src;
        if (pol != POL_ASSERTED) c->pol[i] = (uint8_t)pol;
    }
}

static int is_statement(const char *w)
{
    static const char *const S[] = { "statement", "report", "release", "communique",
                                     "announcement", "document", "filing", NULL };
    return in_list(w, S);
}

static int is_quote(const sctx *c, int i)
{
    const char *w = W(c, i);
    return strcmp(w, "\"") == 0 || strcmp(w, "“") == 0 || strcmp(w, "”") == 0 ||
           strcmp(w, "``") == 0 || strcmp(w, "''") == 0 || strcmp(w, "‘") == 0 ||
           strcmp(w, "’") == 0;
}

/* Returns, through *deny_anaphor, the denier when the sentence denies "this
** version of events": the claims of the sentence before, denied. */
static const char *const CHARGE[] = { "charge", "charges", "accusation", "accusations",
                                      "allegation", "allegations", "claim", NULL };

static void pass_attribution(sctx *c, int *deny_src)
{
    *deny_src = -1;
    for (int i = 0; i + 2 < (int)c->n; i++) {
        if (is_w(c, i, "according") && is_w(c, i + 1, "to")) {
            int g = group_at(c, i + 2);
            int k = i + 2;
            while (g < 0 && k < (int)c->n - 1 && k < i + 5 &&
                   (P(c, k) == TAG_POS_DT || is_adj(c, k) || is_noun(c, k)))
                g = group_at(c, ++k);
            int src = g >= 0 ? head(c, g) : -1;
            if (src < 0 && k < (int)c->n && is_statement(W(c, k))) src = c->st->last_source;
            if (g >= 0 && is_statement(W(c, c->g[g].b < c->n ? c->g[g].b : c->g[g].b - 1)))
                c->st->last_source = src;
            else if (src >= 0) c->st->last_source = src;
            if (src >= 0) set_scope(c, 0, (int)c->n, src, POL_ASSERTED);
        }
    }
    for (int v = 0; v < (int)c->n; v++) {
        if (c->mi[v] >= 0) continue;
        if (!is_verb(c, v) && !(P(c, v) == TAG_POS_NN && 0)) continue;
        const extract_lex *e = LX(c, v, LX_SPEECH);
        if (!e) continue;
        int pol = (e->flags & LF_DENY) ? POL_DENIED :
                  (e->flags & LF_HEDGE_SPEECH) ? POL_HEDGED : POL_ASSERTED;
        /* "does not dispute" asserts */
        for (int k = v - 1; k >= 0 && k >= v - 3; k--)
            if (is_w(c, k, "not") || is_w(c, k, "n't") || is_w(c, k, "never"))
                pol = POL_ASSERTED;
        /* "claimed the raid", "denied any role": an object, not a report; a denial of
        ** "any role"/"this version" still denies what was just said */
        if (v + 1 < (int)c->n && (P(c, v + 1) == TAG_POS_DT || P(c, v + 1) == TAG_POS_PRPS) &&
            !is_w(c, v + 1, "that") && !is_w(c, v + 1, "this") && !is_w(c, v + 1, "these") &&
            !(pol == POL_DENIED && (is_w(c, v + 1, "any") || is_w(c, v + 1, "the")))) {
            continue;
        }
        if (pol == POL_DENIED && is_w(c, v + 1, "any") && v + 2 < (int)c->n &&
            (is_w(c, v + 2, "role") || is_w(c, v + 2, "involvement") || is_w(c, v + 2, "part"))) {
            int subj2[4], ns2 = subject_of(c, v, subj2, 4, 0);
            if (ns2) *deny_src = head(c, subj2[0]);
            continue;
        }
        /* "reported to X", "is said to" are not reports */
        if (v + 1 < (int)c->n && (is_w(c, v + 1, "to") ||
                                  (is_w(c, v + 1, "directly") && is_w(c, v + 2, "to"))))
            continue;
        int subj[4], ns = subject_of(c, v, subj, 4, 0);
        int speaker = ns ? head(c, subj[0]) : -1;
        /* "the statement said", "It noted": whoever was quoted last */
        if (ns && c->m[c->g[subj[0]].last].pron &&
            (is_w(c, (int)c->m[c->g[subj[0]].last].a, "it") ||
             is_w(c, (int)c->m[c->g[subj[0]].last].a, "they")) &&
            c->d->actors[speaker].type != ACT_PER && c->st->last_source >= 0)
            speaker = c->st->last_source;
        if (!ns) {
            for (int k = v - 1; k >= 0 && k >= v - 3; k--)
                if (is_statement(W(c, k))) { speaker = c->st->last_source; break; }
            /* "As The Wall Street Journal first reported," */
            for (int k = v - 1; k >= 0 && k >= v - 3 && speaker < 0; k--) {
                int g = group_at(c, k);
                if (g >= 0 && (!c->g[g].gov[0] || !strcmp(c->g[g].gov, "as"))) speaker = head(c, g);
                else if (!(P(c, k) == TAG_POS_RB || P(c, k) == TAG_POS_JJ)) break;
            }
        }
        if (speaker >= 0) c->st->last_source = speaker;
        int after = v + 1 < (int)c->n ? v + 1 : v;
        /* inverted: "..., said Jeffrey Dressler" */
        if (speaker < 0 && v + 1 < (int)c->n) {
            int g = group_at(c, v + 1);
            int k = v + 1;
            while (g < 0 && k < (int)c->n - 1 && k < v + 4 &&
                   (P(c, k) == TAG_POS_DT || is_adj(c, k) || is_noun(c, k)))
                g = group_at(c, ++k);
            if (g >= 0) { speaker = head(c, g); after = (int)c->g[g].b; }
        }
        /* "some say", "some claim": hedged without a source */
        int some = v > 0 && (is_w(c, v - 1, "some") || is_w(c, v - 1, "critics") ||
                             is_w(c, v - 1, "others"));
        if (some) { pol = POL_HEDGED; speaker = -1; }
        int unnamed = speaker < 0;      /* "other sources confirm", "officials said" */
        /* which side does it report? the complement after, or the quote before */
        int before = 0;
        for (int k = v - 1; k >= 0 && k >= v - 8; k--) {
            if (is_w(c, k, ",") || is_quote(c, k)) {
                /* the speaker phrase runs back to a comma or quote: report is before */
                int only_np = 1;
                for (int q = k + 1; q < v; q++)
                    if (c->mi[q] < 0 && !is_noun(c, q) && P(c, q) != TAG_POS_DT &&
                        !is_adj(c, q) && P(c, q) != TAG_POS_POS && P(c, q) != TAG_POS_PRP &&
                        !is_w(c, q, "also") && !is_w(c, q, "had") && !is_w(c, q, "has"))
                        only_np = 0;
                if (only_np && k > 0) before = k;
                /* ", a charge the Taliban rejected": X denies what the sentence said */
                if (before && pol == POL_DENIED && speaker >= 0 && k + 2 < v &&
                    in_list(W(c, k + 2), CHARGE)) {
                    c->deny_here = speaker;
                    before = -1;
                }
                break;
            }
            if (is_boundary(c, k)) break;
        }
        if (before < 0) continue;
        if (P(c, v) == TAG_POS_VBG || is_w(c, v + 1, "that")) before = 0;   /* ", claiming that" */
        if (unnamed) {
            if (before) for (int k = 0; k < before; k++) c->rep[k] = 1;
            else for (int k = after; k < (int)c->n; k++) c->rep[k] = 1;
            if (pol == POL_ASSERTED) continue;
        }
        if (before) {
            set_scope(c, 0, before, speaker, pol);
            /* "“Since 2006,” X noted in its report, “Iran has ...”": the quote goes on */
            for (int k = v + 1; k < (int)c->n; k++)
                if (is_quote(c, k) && is_w(c, k - 1, ",")) {
                    set_scope(c, k, (int)c->n, speaker, pol);
                    break;
                }
        } else {
            /* the report runs to the end of its clause: "X say A; Y denies B" */
            int end = after;
            while (end < (int)c->n && !is_w(c, end, ";")) end++;
            set_scope(c, after, end, speaker, pol);
            /* "denied this version of events": the claims just made */
            if (pol == POL_DENIED && speaker >= 0) {
                for (int k = v + 1; k < (int)c->n && k <= v + 3; k++)
                    if (is_w(c, k, "this") || is_w(c, k, "these") || is_w(c, k, "the") ||
                        is_w(c, k, "that") || is_w(c, k, "it")) {
                        if (k + 1 < (int)c->n && (is_w(c, k + 1, "version") ||
                            is_w(c, k + 1, "report") || is_w(c, k + 1, "reports") ||
                            is_w(c, k + 1, "account") || is_w(c, k + 1, "claim") ||
                            is_w(c, k + 1, "claims") || is_w(c, k + 1, "allegation") ||
                            is_w(c, k + 1, "allegations") || is_w(c, k + 1, "accusation") ||
                            is_w(c, k, "it") || is_w(c, k + 1, "story")))
                            *deny_src = speaker;
                        break;
                    }
            }
        }
    }
}

/* ---- The document -------------------------------------------------------- */
static int deny_previous(sctx *c, int speaker)
{
    dots_doc *d = c->d;
    /* "this version of events": what the paragraph has told so far, else the
    ** sentence before */
    int from = c->st->seg_first, to = c->first_claim;
    if (c->st->seg != c->s->seg || from >= to) {
        from = c->st->prev_first;
        to = c->st->prev_first + c->st->prev_count;
    }
    for (int i = from; i < to; i++) {
        doc_claim *p = &d->claims[i];
        if (p->polarity != POL_ASSERTED || p->predicate == PRED_MEMBER_OF) continue;
        doc_claim *cl = doc_add_claim(d);
        if (!cl) return DOTS_ENOMEM;
        p = &d->claims[i];                       /* the array may have moved */
        *cl = *p;
        cl->polarity = POL_DENIED;
        cl->source = speaker;
        cl->ev_start = c->s->start;
        cl->ev_end = c->s->end;
        cl->confidence = p->confidence * 0.7f;
        cl->rule = "denial-of-previous";
        if (note_voice(c->st, d->nclaims - 1, 1)) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

/* ", a charge X rejects": each act the sentence states, hedged as an accusation,
** is also denied by X. Memberships and places are the author's, not the charge. */
static int deny_here(sctx *c, int speaker)
{
    dots_doc *d = c->d;
    int to = (int)d->nclaims;
    for (int i = c->first_claim; i < to; i++) {
        doc_claim *p = &d->claims[i];
        if (p->predicate == PRED_MEMBER_OF || p->predicate == PRED_LOCATED_IN) continue;
        if (p->polarity == POL_DENIED) continue;
        doc_claim *cl = doc_add_claim(d);
        if (!cl) return DOTS_ENOMEM;
        p = &d->claims[i];                       /* the array may have moved */
        *cl = *p;
        cl->polarity = POL_DENIED;
        cl->source = speaker;
        cl->confidence = p->confidence * 0.7f;
        cl->rule = "denial-charge";
        if (note_voice(c->st, d->nclaims - 1, 1)) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

static int is_prep_word(const char *w)
{
    return strcmp(w, "in") == 0 || strcmp(w, "during") == 0;
}

static int run_sentence(dots_doc *d, size_t si, doc_state *st, void *scratch)
{
    sctx c;
    const doc_sent *s = &d->sents[si];
    int rc;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.s = s;
    c.t0 = s->first;
    c.n = s->count;
    c.st = st;
    c.comment = -1;
    if (s->seg >= 0 && (size_t)s->seg < d->nsegs && d->segs[s->seg].kind == SEG_COMMENT) {
        c.comment = d->segs[s->seg].comment;
        if (c.comment >= 0 && (size_t)c.comment < d->ncomments)
            c.author = d->comments[c.comment].author;
        else c.comment = -1;
    }
    char *p = scratch;
    c.w = (char (*)[MAXW])p; p += (size_t)c.n * MAXW;             /* 8-aligned: MAXW is */
    c.lx = (const extract_lex *(*)[6])p; p += (size_t)c.n * sizeof *c.lx;
    c.mi = (int *)p; p += (size_t)c.n * sizeof(int);
    c.src = (int *)p; p += (size_t)c.n * sizeof(int);
    c.m = (men *)p; p += (size_t)(c.n + 1) * sizeof(men);
    c.g = (grp *)p; p += (size_t)(c.n + 1) * sizeof(grp);
    c.pol = (uint8_t *)p; p += c.n;
    c.rep = (uint8_t *)p;
    for (uint32_t i = 0; i < c.n; i++) {
        const doc_token *t = &d->toks[c.t0 + i];
        lower_copy(c.w[i], d->text + t->start, t->end - t->start);
        if (isalpha((unsigned char)c.w[i][0])) extract_lex_find_all(c.w[i], c.lx[i]);
        else memset(c.lx[i], 0, sizeof c.lx[i]);
        c.mi[i] = -1;
        c.src[i] = -1;
        c.pol[i] = POL_ASSERTED;
        c.rep[i] = 0;
    }
    /* times, mapped to the token where they start */
    c.ntimes = extract_time_scan(d->text + s->start, s->end - s->start, d->date, st->last_date,
                                 c.times, MAXTIMES);
    for (size_t k = 0; k < c.ntimes; k++) {
        uint32_t off = s->start + c.times[k].start, ti = 0;
        while (ti + 1 < c.n && d->toks[c.t0 + ti + 1].start <= off) ti++;
        c.time_tok[k] = ti;
        /* "in 2020" states the year of the paragraph that follows */
        if (strlen(c.times[k].value) == 4 && ti > 0 &&
            (!strcasecmp(d->text + s->start + c.times[k].start, "in") ||
             strncasecmp(d->text + s->start + c.times[k].start, "in ", 3) == 0 ||
             strncasecmp(d->text + s->start + c.times[k].start, "during ", 7) == 0 ||
             is_prep_word(c.w[ti - 1]))) {
            st->para_seg = s->seg;
            memcpy(st->para_year, c.times[k].value, 5);
        }
    }
    if (c.ntimes == 0 && st->para_seg == s->seg && s->seg >= 0 && st->para_year[0]) {
        memcpy(c.times[0].value, st->para_year, 5);
        c.time_tok[0] = 0;
        c.ntimes = 1;
    }
    build_mentions(&c);
    build_groups(&c);
    c.first_claim = (int)d->nclaims;
    c.force_pol = -1;
    if (st->seg != s->seg) {
        st->seg = s->seg;
        st->seg_first = (int)d->nclaims;
    }
    int deny_src;
    c.deny_here = -1;
    pass_attribution(&c, &deny_src);
    if ((rc = pass_groups(&c)) || (rc = pass_compound_predicative(&c)) || (rc = pass_stance(&c)) || (rc = pass_including(&c)) ||
        (rc = pass_named_compounds(&c)) || (rc = pass_state_prefix(&c)) ||
        (rc = pass_org_in_place(&c)) ||
        (rc = pass_roles(&c)) || (rc = pass_designated_list(&c)) || (rc = pass_verbs(&c)) ||
        (rc = pass_nouns(&c)))
        return rc;
    if (deny_src >= 0 && c.comment < 0 && (rc = deny_previous(&c, deny_src))) return rc;
    if (c.deny_here >= 0 && c.comment < 0 && (rc = deny_here(&c, c.deny_here))) return rc;
    st->prev_first = c.first_claim;
    st->prev_count = (int)d->nclaims - c.first_claim;
    /* the subject of the sentence is what "it" and "they" point to next */
    if (c.nm > 0 && !c.m[0].pron && d->actors[c.m[0].actor].type != ACT_PER &&
        !c.g[c.m[0].group].gov[0])
        st->last_org = c.m[0].actor;
    return DOTS_OK;
}

/* ---- Deduplication ------------------------------------------------------- */
/* Better evidence first: the author's voice, then confidence, then a time. */
static int better(const doc_claim *a, int va, const doc_claim *b, int vb)
{
    if (va != vb) return va > vb;
    if (a->confidence != b->confidence) return a->confidence > b->confidence;
    if ((a->time != NULL) != (b->time != NULL)) return a->time != NULL;
    return 0;
}

static void dedup(dots_doc *d, uint8_t *voice, size_t nvoice)
{
    size_t n = 0;
#define VOICE(i) ((i) < nvoice ? voice[i] : 2)
    for (size_t i = 0; i < d->nclaims; i++) {
        doc_claim *c = &d->claims[i];
        size_t k;
        for (k = 0; k < n; k++) {
            doc_claim *o = &d->claims[k];
            if (o->subject == c->subject && o->object == c->object &&
                o->predicate == c->predicate && o->polarity == c->polarity &&
                (o->origin_comment < 0) == (c->origin_comment < 0) &&
                (c->origin_comment < 0 || o->origin_comment == c->origin_comment))
                break;
        }
        if (k < n) {
            if (better(c, VOICE(i), &d->claims[k], VOICE(k))) {
                const char *keep = d->claims[k].source == c->source ? d->claims[k].time : NULL;
                d->claims[k] = *c;
                if (!c->time) d->claims[k].time = keep;   /* the repeat's time, as below */
                if (k < nvoice && i < nvoice) voice[k] = voice[i];
            }
            else if (!d->claims[k].time && c->time && c->source == d->claims[k].source)
                d->claims[k].time = c->time;
            continue;
        }
        if (n < nvoice && i < nvoice) voice[n] = voice[i];
        d->claims[n++] = *c;
    }
#undef VOICE
    d->nclaims = n;
}

int extract_doc(dots_doc *d)
{
    doc_state st;
    size_t maxn = 0;
    int rc = DOTS_OK;

    memset(&st, 0, sizeof st);
    st.last_per = st.last_org = -1;
    st.para_seg = -1;
    st.last_source = -1;
    st.seg = -2;
    st.designator = -1;
    st.nseen = d->nactors;
    st.seen = calloc(d->nactors + 1, sizeof *st.seen);
    if (!st.seen) return DOTS_ENOMEM;
    d->nclaims = 0;
    for (size_t i = 0; i < d->nsents; i++)
        if (d->sents[i].count > maxn) maxn = d->sents[i].count;
    size_t per = MAXW + 2 * sizeof(int) + sizeof(men) + sizeof(grp) + 6 * sizeof(void *) + 2;
    void *scratch = malloc((maxn + 2) * per + 64);
    if (!scratch) { free(st.seen); return DOTS_ENOMEM; }
    int seg = -2;
    for (size_t i = 0; i < d->nsents && rc == DOTS_OK; i++) {
        const doc_sent *s = &d->sents[i];
        if (s->count == 0 || (size_t)s->first + s->count > d->ntoks) continue;
        if (s->seg != seg && s->seg >= 0 && (size_t)s->seg < d->nsegs &&
            d->segs[s->seg].kind == SEG_COMMENT) {
            /* a reader's comment starts afresh: no pronouns from the article */
            st.last_per = st.last_org = -1;
            st.prev_count = 0;
        }
        seg = s->seg;
        rc = run_sentence(d, i, &st, scratch);
    }
    free(scratch);
    free(st.seen);
    if (rc == DOTS_OK) dedup(d, st.voice, st.nvoice);
    free(st.voice);
    return rc;
}
