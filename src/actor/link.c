/* src/actor/link.c -- resolve a document's names to actors.
** Input: a tokenized, tagged document (toks[].pos, toks[].ner as BIO over the
** GMB types; gpe in GMB is mostly demonyms, geo holds countries and places).
** Two sources of mentions, taken left to right per sentence:
**   1. the KB: at each token the longest run of up to KB_MAX_NGRAM tokens
**      whose folded text is a KB name or alias ("U.S.-led coalition",
**      "Islamic Revolutionary Guard Corps-Qods Force", "Iranian");
**   2. NER spans the KB does not cover: titles stripped (Mullah, Gen.),
**      looked up again, else resolved within the document (a surname or a
**      shorter form of a person named in full, an acronym defined in
**      parentheses), else a new actor "doc:<folded name>".
** Rules from the dev-eval conventions: a country's unnamed forces and
** officials ("U.S. forces", "Yemeni government") are the country; a demonym is
** its country; a capital is a city of its own unless it acts ("Tehran said"
** is Iran); hyphen compounds name their first part ("Iran-backed").
** Precision matters more than recall here (every extra actor is a false
** positive downstream), so unknown gpe spans, lowercase words, single letters,
** time words and pronouns never become actors.
** Calling it again on the same document first clears what it filled. */
#include "actor/kb.h"
#include "dots.h"
#include "tag/tag.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define KB_FUZZY_MIN 0.9    /* a tagged name this close to a KB name is that actor */
#define KB_MAX_NGRAM 12     /* "People Committed to the Prophet's Teachings for ..." */

typedef struct lk_actor {
    int kb;                     /* KB entry or -1 */
    const char *key;            /* folded canonical name */
    const char *name;
    doc_actor_type type;
    int into;                   /* merged into another actor, or -1 */
    const char **al; size_t nal, capal;
    name_form *nf;              /* parsed name, for PER resolution (NULL otherwise) */
} lk_actor;

typedef struct lk_mention { uint32_t first, count, start, end; int actor; } lk_mention;

typedef struct lk_alias { const char *key; int actor; } lk_alias;

typedef struct linker {
    const actor_kb *kb;
    dots_doc *d;
    lk_actor *a; size_t na, capa;
    lk_mention *m; size_t nm, capm;
    lk_alias *da; size_t nda, capda;   /* aliases defined in this document */
    buf fold, tmp;
    /* The whole text folded once; fpos[2t], fpos[2t+1]: where token t starts
    ** and ends in it. Every span is folded many times (each token starts up
    ** to KB_MAX_NGRAM candidate spans), so spans are sliced from it. */
    buf whole;
    uint32_t *fpos;             /* NULL: fold spans one by one (invalid UTF-8) */
    int oom;
} linker;

/* ---- Small helpers -------------------------------------------------------- */
static void *grow(void *p, size_t *cap, size_t n, size_t size, int *oom)
{
    if (n < *cap) return p;
    size_t nc = *cap ? *cap * 2 : 16;
    void *q = realloc(p, nc * size);
    if (!q) { *oom = 1; return NULL; }
    *cap = nc;
    return q;
}

static const char *tok_s(const dots_doc *d, size_t i) { return d->text + d->toks[i].start; }
static size_t tok_n(const dots_doc *d, size_t i) { return d->toks[i].end - d->toks[i].start; }

static int tok_is(const dots_doc *d, size_t i, const char *w)
{
    size_t n = strlen(w);
    return tok_n(d, i) == n && !strncasecmp(tok_s(d, i), w, n);
}

static int is_possessive(const dots_doc *d, size_t i)
{
    return tok_is(d, i, "'s") || tok_is(d, i, "\xE2\x80\x99s") || tok_is(d, i, "'") ||
           tok_is(d, i, "\xE2\x80\x99");
}

/* First character uppercase (any script) or a digit. */
static int starts_upper(const char *s, size_t n)
{
    if (!n) return 0;
    if ((unsigned char)s[0] < 0x80) return isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0]);
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c) <= 0) return 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static int has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) if (islower((unsigned char)s[i])) return 1;
    return 0;
}

/* Any letter, in any script ("—" and "’" are not). */
static int has_alpha(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (isalpha(c)) return 1;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) return 1;
        i += (size_t)k;
    }
    return 0;
}

static int is_particle(const char *s, size_t n)
{
    static const char *const p[] = { "al", "el", "ad", "an", "ar", "as", "ash", "at", "az",
                                     "bin", "ibn", "abu", "abd", "abdul", "de", "van", "von",
                                     "le", "la", NULL };
    for (size_t i = 0; p[i]; i++)
        if (strlen(p[i]) == n && !strncasecmp(p[i], s, n)) return 1;
    return 0;
}

/* Words that are never an actor on their own, whatever the tagger says. */
static int is_junk_word(const char *k)
{
    static const char *const w[] = {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
        "their", "our", "this", "that", "these", "those", "there", "here", "mr", "mrs", "ms",
        "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "today", "yesterday", "tomorrow",
        "in", "on", "at", "of", "and", "but", "or", "if", "as", "by", "for", "with", "from",
        "after", "before", "since", "while", "when", "according", "also", "however", "said",
        "new", "last", "next", "first", "one", "two", "all", "some", "both", "each", "such",
        "group", "groups", "government", "network", "state", "minister", "president",
        "department", "court", "army", "forces", "officials", "official", "ministry", "agency",
        "islamic", "muslim", "muslims", "sunni", "shia", "shiite", "christian", "jewish",
        "arab", "arabs", "western", "eastern", "northern", "southern", "secretary",
        "spokesman", "spokeswoman", "treasury", "congress", "parliament", "police",
        "ngo", "ngos", "operation", "fto", "sdgt", "sst", "state sponsor of terrorism",
        "foreign terrorist organization", "specially designated global terrorist",
        "pashtun", "pashtuns", "hazara", "hazaras", "baloch", "baluch", "kurd", "kurds",
        "kurdish", "yazidi", "yazidis", "druze", "alawite", "alawites", "salafi", "salafist",
        "jihadi", "jihadis", "jihadist", "jihadists", "islamist", "islamists", "mujahideen",
        "prophet", "god", "allah", "koran", "quran", "islam", "sharia", "jihad",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "west", "east", "north", "south", "hell", "heaven", "senior editor", "editor",
        "potus", "iirc", "imho", "lol", "ied", "ieds", "opium", "crap", "task force",
        "foreign terrorist organizations", "defense", "defence", "justice", "security",
        "shiites", "shias", "sunnis", "sufis", "christians", "jews",
        NULL };
    for (size_t i = 0; w[i]; i++) if (!strcmp(w[i], k)) return 1;
    return 0;
}

static const char *adup(linker *L, const char *s, size_t n)
{
    char *p = arena_strndup(L->d->arena, s, n);
    if (!p) L->oom = 1;
    return p;
}

/* ---- Actors and mentions ---------------------------------------------------- */
static int find_kb_actor(linker *L, int kb)
{
    for (size_t i = 0; i < L->na; i++) if (L->a[i].kb == kb && L->a[i].into < 0) return (int)i;
    return -1;
}

static int find_key_actor(linker *L, const char *key)
{
    for (size_t i = 0; i < L->na; i++)
        if (L->a[i].into < 0 && !strcmp(L->a[i].key, key)) return (int)i;
    return -1;
}

static int new_actor(linker *L, int kb, const char *key, const char *name, doc_actor_type t)
{
    lk_actor *a = grow(L->a, &L->capa, L->na, sizeof *L->a, &L->oom);
    if (!a) return -1;
    L->a = a;
    lk_actor *x = &L->a[L->na];
    memset(x, 0, sizeof *x);
    x->kb = kb;
    x->into = -1;
    x->type = t;
    x->key = adup(L, key, strlen(key));
    x->name = adup(L, name, strlen(name));
    if (t == ACT_PER) {
        x->nf = arena_alloc(L->d->arena, sizeof *x->nf);
        if (x->nf) name_parse(name, strlen(name), x->nf);
        else L->oom = 1;
    }
    return (int)L->na++;
}

static int kb_actor(linker *L, int kb)
{
    int i = find_kb_actor(L, kb);
    if (i >= 0) return i;
    const kb_entry *e = &L->kb->e[kb];
    actor_fold(e->name, strlen(e->name), &L->tmp);
    return new_actor(L, kb, L->tmp.s ? L->tmp.s : "", e->name, e->type);
}

static void add_alias(linker *L, int ai, const char *s, size_t n)
{
    lk_actor *a = &L->a[ai];
    for (size_t i = 0; i < a->nal; i++)
        if (strlen(a->al[i]) == n && !memcmp(a->al[i], s, n)) return;
    const char **p = grow(a->al, &a->capal, a->nal, sizeof *a->al, &L->oom);
    if (!p) return;
    a->al = p;
    const char *c = adup(L, s, n);
    if (c) a->al[a->nal++] = c;
}

static void doc_alias(linker *L, const char *key, int actor)
{
    lk_alias *p = grow(L->da, &L->capda, L->nda, sizeof *L->da, &L->oom);
    if (!p) return;
    L->da = p;
    const char *k = adup(L, key, strlen(key));
    if (k) L->da[L->nda++] = (lk_alias){ k, actor };
}

static int find_doc_alias(linker *L, const char *key)
{
    for (size_t i = L->nda; i-- > 0;)
        if (!strcmp(L->da[i].key, key)) return L->da[i].actor;
    return -1;
}

/* Record a mention of actor ai over tokens [first, first+count) and bytes [start, end). */
static void mention(linker *L, int ai, size_t first, size_t count, uint32_t start, uint32_t end)
{
    if (ai < 0) return;
    lk_mention *p = grow(L->m, &L->capm, L->nm, sizeof *L->m, &L->oom);
    if (!p) return;
    L->m = p;
    L->m[L->nm++] = (lk_mention){ (uint32_t)first, (uint32_t)count, start, end, ai };
    for (size_t t = first; t < first + count; t++) L->d->toks[t].actor = ai;
    add_alias(L, ai, L->d->text + start, end - start);
}

/* ---- KB matching ---------------------------------------------------------------- */
static void fold_span(linker *L, uint32_t start, uint32_t end)
{
    actor_fold(L->d->text + start, end - start, &L->fold);
    if (!L->fold.s) buf_putc(&L->fold, 0), L->fold.len = 0;
}

/* L->fold = the fold of tokens first..last (inclusive), as fold_span gives it. */
static void fold_toks(linker *L, size_t first, size_t last)
{
    if (!L->fpos) {
        fold_span(L, L->d->toks[first].start, L->d->toks[last].end);
        return;
    }
    actor_fold_slice(L->whole.s, L->fpos[2 * first], L->fpos[2 * last + 1], &L->fold);
}

/* Fold the document once (see fold_toks); on any problem spans are folded one by one. */
static void fold_whole(linker *L)
{
    const dots_doc *d = L->d;
    uint32_t *cut = malloc((2 * d->ntoks + 1) * sizeof *cut);
    L->fpos = malloc((2 * d->ntoks + 1) * sizeof *L->fpos);
    if (cut && L->fpos) {
        for (size_t t = 0; t < d->ntoks; t++) {
            cut[2 * t] = d->toks[t].start;
            cut[2 * t + 1] = d->toks[t].end;
        }
        if (actor_fold_marks(d->text, d->len, cut, 2 * d->ntoks, &L->whole, L->fpos) != DOTS_OK) {
            free(L->fpos);
            L->fpos = NULL;
        }
    } else {
        free(L->fpos);
        L->fpos = NULL;
    }
    free(cut);
}

/* Can the text span be this alias? Capitals-only aliases need capitals, and
** a name must start with a capital unless it starts with a particle (al-). */
/* Words of s that start with a capital (or are written in capitals). */
static size_t cap_words(const char *s, size_t n)
{
    size_t k = 0, i = 0;
    int inword = 0;        /* after a letter, digit or apostrophe (Kata'ib is one word) */
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &c);
        if (l <= 0) { i++; inword = 0; continue; }
        utf8proc_category_t cat = utf8proc_category(c);
        int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        int digit = cat == UTF8PROC_CATEGORY_ND;
        if (!inword && (cat == UTF8PROC_CATEGORY_LU || digit)) k++;
        inword = letter || digit || c == '\'' || c == 0x2019;
        i += (size_t)l;
    }
    return k;
}

static int surface_ok(const linker *L, const kb_alias *a, uint32_t start, uint32_t end)
{
    const char *s = L->d->text + start;
    size_t n = end - start;
    if (a->caps) return !has_lower(s, n);
    /* "Islamic state" in lower case is not the Islamic State: the text needs
    ** at least the alias's capitalised words */
    if (cap_words(s, n) < cap_words(a->surface, strlen(a->surface))) return 0;
    if (starts_upper(s, n)) return 1;
    if (!starts_upper(a->surface, strlen(a->surface))) return 1;   /* "occupied Palestine" */
    size_t w = 0;
    while (w < n && isalpha((unsigned char)s[w])) w++;
    return w < n && (s[w] == '-' || s[w] == ' ') && is_particle(s, w);
}

/* Best alias for a folded key that fits the surface, or -1. */
static long best_alias(const linker *L, const char *key, size_t n, uint32_t start, uint32_t end)
{
    uint32_t hit[8];
    size_t k = kb_lookup(L->kb, key, n, hit, 8);
    long best = -1;
    for (size_t i = 0; i < k; i++) {
        const kb_alias *a = &L->kb->aliases[hit[i]];
        if (!surface_ok(L, a, start, end)) continue;
        if (best < 0 || a->kind < L->kb->aliases[best].kind) best = hit[i];
    }
    return best;
}

/* How many tokens from i a KB key may span, at most maxn: the fold of the
** span grows token by token, and once it ends a word without being a key or
** the start of one (up to a space), no longer span can be a key. */
static size_t kb_reach(const linker *L, size_t i, size_t maxn)
{
    const char *F = L->whole.s;
    uint32_t from = L->fpos[2 * i], q;
    if (F[from] == ' ') from++;                    /* as actor_fold_slice drops it */
    uint64_t h = 1469598103934665603ULL;           /* base_hash64, byte by byte */
    q = from;
    for (size_t n = 1; n <= maxn; n++) {
        uint32_t to = L->fpos[2 * (i + n - 1) + 1], te = to;
        while (te > from && F[te - 1] == ' ') te--;
        for (; q < te; q++) { h ^= (unsigned char)F[q]; h *= 1099511628211ULL; }
        if (te <= from) continue;                  /* nothing folded yet */
        int word_end = te < to || F[to] == ' ' || F[to] == 0;
        if (word_end && !kb_has_prefix(L->kb, h)) return n - 1;
    }
    return maxn;
}

/* Longest KB match starting at token i, ending before token lim. */
static size_t kb_match(linker *L, size_t i, size_t lim, long *alias)
{
    const dots_doc *d = L->d;
    size_t maxn = lim - i < KB_MAX_NGRAM ? lim - i : KB_MAX_NGRAM;
    unsigned char c0 = (unsigned char)tok_s(d, i)[0];
    if (!isalnum(c0) && c0 < 0x80) return 0;       /* "(KUNA" is KUNA one token on */
    if (L->fpos) maxn = kb_reach(L, i, maxn);
    for (size_t n = maxn; n >= 1; n--) {
        size_t last = i + n - 1;
        if (n > 1 && (is_possessive(d, last) || !has_alpha(tok_s(d, last), tok_n(d, last))))
            continue;
        int crosses = 0;
        for (size_t t = i; t < last && !crosses; t++)
            crosses = memchr(d->text + d->toks[t].end, '\n',
                             d->toks[t + 1].start - d->toks[t].end) != NULL;
        if (crosses) continue;
        fold_toks(L, i, last);
        if (!L->fold.len) continue;
        long a = best_alias(L, L->fold.s, L->fold.len, d->toks[i].start, d->toks[last].end);
        if (a < 0) continue;
        /* "the Islamic State of Iraq and the Levant": an alias with "the" must
        ** not cut short a longer name starting on the next word */
        if (tok_is(d, i, "the") && i + 1 < lim) {
            long b;
            size_t m = kb_match(L, i + 1, lim, &b);
            if (m + 1 > n) return 0;
        }
        *alias = a;
        return n;
    }
    return 0;
}

/* "Iran-backed", "U.S.-led", "al-Qaeda-affiliated": the part before the
** suffix, as a byte length of the token (from *off), or 0. */
static size_t compound_prefix(linker *L, size_t i, long *alias, uint32_t *off)
{
    static const char *const suf[] = { "led", "backed", "based", "affiliated", "linked",
                                       "aligned", "allied", "sponsored", "funded", "supported",
                                       "controlled", "held", "run", "born", "inspired",
                                       "designated", "owned", "trained", "armed", "made", NULL };
    const char *s = tok_s(L->d, i);
    size_t n = tok_n(L->d, i);
    const char *h = NULL;
    /* "counter-ISIS", "anti-Taliban", "pro-Iranian": the part after the prefix */
    static const char *const pre[] = { "counter-", "anti-", "pro-", NULL };
    for (size_t k = 0; pre[k]; k++) {
        size_t pl = strlen(pre[k]);
        if (n <= pl + 1 || strncasecmp(s, pre[k], pl)) continue;
        uint32_t b = L->d->toks[i].start + (uint32_t)pl, e = L->d->toks[i].end;
        const char *dash = memchr(s + pl, '-', n - pl);
        if (dash) e = L->d->toks[i].start + (uint32_t)(dash - s);
        fold_span(L, b, e);
        long a = best_alias(L, L->fold.s, L->fold.len, b, e);
        if (a < 0) return 0;
        *alias = a;
        *off = (uint32_t)pl;
        return e - b;
    }
    *off = 0;
    for (size_t k = n; k-- > 1;) if (s[k] == '-') { h = s + k; break; }
    if (!h) return 0;
    size_t sl = n - (size_t)(h - s) - 1;
    int ok = 0;
    for (size_t k = 0; suf[k] && !ok; k++) ok = strlen(suf[k]) == sl && !strncasecmp(h + 1, suf[k], sl);
    if (!ok) return 0;
    size_t pl = (size_t)(h - s);
    fold_span(L, L->d->toks[i].start, L->d->toks[i].start + (uint32_t)pl);
    long a = best_alias(L, L->fold.s, L->fold.len, L->d->toks[i].start,
                        L->d->toks[i].start + (uint32_t)pl);
    if (a < 0) return 0;
    *alias = a;
    return pl;
}

/* How many tokens after a country mention name its unnamed organs
** ("forces", "special operations forces", "government"). */
static size_t organ_tail(const dots_doc *d, size_t i, size_t lim)
{
    static const char *const one[] = { "forces", "military", "troops", "government", "officials",
                                       "authorities", "regime", "soldiers", "servicemembers",
                                       "army", "navy", NULL };
    static const char *const two[][2] = { { "special", "forces" }, { "security", "forces" },
                                          { "armed", "forces" }, { "service", "members" },
                                          { "air", "force" } };
    if (i + 2 < lim && tok_is(d, i, "special") && tok_is(d, i + 1, "operations") &&
        tok_is(d, i + 2, "forces"))
        return 3;
    for (size_t k = 0; k < sizeof two / sizeof two[0]; k++)
        if (i + 1 < lim && tok_is(d, i, two[k][0]) && tok_is(d, i + 1, two[k][1])) return 2;
    for (size_t k = 0; one[k]; k++)
        if (i < lim && tok_is(d, i, one[k])) return 1;
    return 0;
}

/* A finite verb that makes a capital the actor: "Tehran said", "has", "will". */
static int is_verb_tok(const dots_doc *d, size_t i)
{
    int p = d->toks[i].pos;
    return p == TAG_POS_VBZ || p == TAG_POS_VBD || p == TAG_POS_MD;
}

/* Take a KB match: the actor, with the rules for capitals and organs. */
static size_t take_kb(linker *L, size_t i, size_t n, long alias, size_t lim)
{
    const dots_doc *d = L->d;
    const kb_alias *a = &L->kb->aliases[alias];
    int entry = (int)a->entry;
    const kb_entry *e = &L->kb->e[entry];
    /* a capital that acts stands for its state: "Tehran said", "Tehran has" */
    if (e->capital_of >= 0 && i + n < lim && is_verb_tok(d, i + n) && !is_possessive(d, i + n) &&
        !(i > 0 && (tok_is(d, i - 1, "in") || tok_is(d, i - 1, "to") || tok_is(d, i - 1, "from") ||
                    tok_is(d, i - 1, "a") || tok_is(d, i - 1, "an") || tok_is(d, i - 1, "the"))))
        entry = e->capital_of;
    /* an office right before a name is that person's title: "Secretary of
    ** State Hillary Rodham Clinton" */
    if (e->type == ACT_PER && !strncmp(e->id, "office-", 7) && i + n < lim &&
        starts_upper(tok_s(d, i + n), tok_n(d, i + n)) &&
        (d->toks[i + n].ner == TAG_NER_B(TAG_NER_PER) || d->toks[i + n].ner == TAG_NER_I(TAG_NER_PER)))
        return n;
    int ai = kb_actor(L, entry);
    size_t extra = L->kb->e[entry].country ? organ_tail(d, i + n, lim) : 0;
    mention(L, ai, i, n + extra, d->toks[i].start, d->toks[i + n + extra - 1].end);
    return n + extra;
}

/* ---- NER spans ---------------------------------------------------------------- */
static int ner_type(const dots_doc *d, size_t i)
{
    int l = d->toks[i].ner;
    if (!l || l >= TAG_NER_COUNT) return -1;
    int t = TAG_NER_TYPE(l);
    return t == TAG_NER_PER || t == TAG_NER_ORG || t == TAG_NER_GEO || t == TAG_NER_GPE ? t : -1;
}

/* Lower-case words a name may contain ("Institute for the Study of War"). */
static int name_inner_word(const dots_doc *d, size_t j)
{
    const char *s = tok_s(d, j);
    size_t n = tok_n(d, j);
    if (!n || !islower((unsigned char)s[0])) return 1;
    static const char *const w[] = { "of", "the", "and", "for", "on", "in", "de", "du", "la",
                                     "da", "van", "von", "bin", "ibn", "wal", "fi", "li", NULL };
    for (size_t k = 0; w[k]; k++) if (tok_is(d, j, w[k])) return 1;
    return is_particle(s, strcspn(s, "-'"));      /* al-Jamal */
}

/* The NER span starting at i: its length, and its type in *type. A span is
** cut at a lower-case word the tagger let in ("U.S. designates Haqqani"),
** and person spans the tagger split ("Ghaleb" "Nassar Al-Bihani") are joined;
** a span's leftover after the KB took its start joins a person right after
** it ("[OFAC] Andrea" "M. Gacki"). */
static size_t ner_span(const dots_doc *d, size_t i, size_t lim, int *type)
{
    int t = ner_type(d, i);
    if (t < 0 || !name_inner_word(d, i) || islower((unsigned char)tok_s(d, i)[0])) {
        if (t < 0 || !is_particle(tok_s(d, i), strcspn(tok_s(d, i), "-'"))) return 0;
    }
    int orphan = !TAG_NER_IS_B(d->toks[i].ner);
    /* "Andrea M. Gacki": a capitalised word, an initial and a capitalised word
    ** are a person whatever the tagger made of them */
    if (i + 2 < lim && tok_n(d, i + 1) == 2 && isupper((unsigned char)tok_s(d, i + 1)[0]) &&
        tok_s(d, i + 1)[1] == '.' && starts_upper(tok_s(d, i + 2), tok_n(d, i + 2)) &&
        has_lower(tok_s(d, i + 2), tok_n(d, i + 2)) && has_lower(tok_s(d, i), tok_n(d, i)) &&
        d->toks[i + 1].actor < 0 && d->toks[i + 2].actor < 0) {
        *type = TAG_NER_PER;
        return 3;
    }
    size_t j = i + 1;
    for (;;) {
        while (j < lim && d->toks[j].ner == TAG_NER_I(t) && d->toks[j].actor < 0 &&
               name_inner_word(d, j))
            j++;
        /* trailing lower-case inner words ("of the") are not part of it */
        while (j > i + 1 && islower((unsigned char)tok_s(d, j - 1)[0]) &&
               !is_particle(tok_s(d, j - 1), strcspn(tok_s(d, j - 1), "-'")))
            j--;
        if (j < lim && d->toks[j].ner == TAG_NER_B(TAG_NER_PER) && d->toks[j].actor < 0 &&
            (t == TAG_NER_PER || orphan)) {
            t = TAG_NER_PER;
            orphan = 0;
            j++;
            continue;
        }
        break;
    }
    *type = t;
    return j - i;
}

static int geo_is_loc(const char *key)
{
    static const char *const w[] = { "region", "forest", "mountains", "mountain", "river",
                                     "valley", "basin", "desert", "sea", "lake", "camp",
                                     "heights", "farms", "strip", "peninsula", "gulf", "bay",
                                     "island", "islands", "border", "coast", NULL };
    for (size_t i = 0; w[i]; i++) {
        const char *p = strstr(key, w[i]);
        size_t n = strlen(w[i]);
        if (p && (p == key || p[-1] == ' ') && (p[n] == 0 || p[n] == ' ')) return 1;
    }
    return 0;
}

/* A person named by part of a name seen in full (or the other way round). */
static int person_match(linker *L, const name_form *nf)
{
    size_t sig = 0, at = 0;
    for (size_t k = 0; k < nf->n; k++)
        if (nf->t[k].kind == NAME_TOK_WORD || nf->t[k].kind == NAME_TOK_COMMON) sig++, at = k;
    for (size_t i = L->na; i-- > 0;) {
        lk_actor *a = &L->a[i];
        if (a->into >= 0 || a->type != ACT_PER || !a->nf) continue;
        if (sig == 1) {
            /* a surname or a distinctive given name of the person */
            for (size_t k = 0; k < a->nf->n; k++)
                if (a->nf->t[k].kind == NAME_TOK_WORD && name_tok_sim(&nf->t[at], &a->nf->t[k]) >= 0.92)
                    return (int)i;
        } else if (name_score(nf->t, nf->n, a->nf->t, a->nf->n, NULL) >= 0.9) {
            return (int)i;
        }
    }
    return -1;
}

static size_t sig_words(const char *s)
{
    name_form *f = malloc(sizeof *f);
    size_t k = 0;
    if (!f) return 0;
    name_parse(s, strlen(s), f);
    for (size_t i = 0; i < f->n; i++)
        k += f->t[i].kind == NAME_TOK_WORD || f->t[i].kind == NAME_TOK_COMMON;
    free(f);
    return k;
}

/* A KB entry under another spelling ("Akhtar Muhammad Mansour"), found by
** name similarity; the entry's type must agree with the tagger's. */
static int kb_fuzzy(linker *L, const char *text, size_t n, int t)
{
    char name[256];
    actor_hit h[4];
    if (n >= sizeof name || !L->kb->fuzzy) return -1;
    memcpy(name, text, n);
    name[n] = 0;
    size_t k = actor_lists_screen(L->kb->fuzzy, name, h, 4);
    long sig = -1;                        /* sig_words(name), once */
    for (size_t i = 0; i < k && h[i].score >= KB_FUZZY_MIN; i++) {
        const actor_list_entry *e = actor_lists_get(L->kb->fuzzy, h[i].entry);
        int ei = atoi(e->entry_id);
        doc_actor_type ty = L->kb->e[ei].type;
        int ok = t == TAG_NER_PER ? ty == ACT_PER : t == TAG_NER_ORG ? ty == ACT_ORG :
                 ty == ACT_GPE || ty == ACT_LOC;
        /* organisations and places differ by one word ("Multinational Joint
        ** Force" is not the Multinational Joint Task Force): same word count */
        if (ok && (t != TAG_NER_PER || ty == ACT_PER) && sig < 0) sig = (long)sig_words(name);
        if (ok && t != TAG_NER_PER && (size_t)sig != sig_words(h[i].alias)) ok = 0;
        /* a lone surname ("Mansour") is anybody's until the document names him */
        if (ok && ty == ACT_PER && sig < 2) ok = 0;
        if (ok) return kb_actor(L, ei);
    }
    return -1;
}

static size_t take_ner(linker *L, size_t i, size_t n, int t)
{
    dots_doc *d = L->d;
    size_t s = i, e = i + n;             /* the name proper: [s, e) */
    /* an operation's name is an event, not an actor: Operation "Al-Aqsa Flood" */
    size_t p = i;
    while (p > 0 && !has_alpha(tok_s(d, p - 1), tok_n(d, p - 1))) p--;
    if (p > 0 && tok_is(d, p - 1, "Operation")) return n;
    while (s < e) {
        fold_toks(L, s, s);
        if (tok_is(d, s, "the") || !L->fold.len || name_is_title(L->fold.s, L->fold.len)) s++;
        else break;
    }
    while (e > s && (is_possessive(d, e - 1) || !has_alpha(tok_s(d, e - 1), tok_n(d, e - 1)))) e--;
    if (s >= e) return n;
    size_t surf = i;                      /* alias surface keeps titles, not "the" */
    while (surf < s && tok_is(d, surf, "the")) surf++;
    uint32_t bs = d->toks[s].start, be = d->toks[e - 1].end;
    const char *text = d->text + bs;
    size_t tl = be - bs;
    fold_toks(L, s, e - 1);
    char *key = L->fold.len ? strdup(L->fold.s) : NULL;
    if (!key) return n;
    /* junk: single letters, lowercase words, time words, pronouns */
    int junk = strlen(key) < 2 || (!starts_upper(text, tl) && !is_particle(text, 2)) ||
               is_junk_word(key) || !has_alpha(text, tl);
    if (junk) goto done;
    long al = best_alias(L, key, strlen(key), bs, be);
    int ai = -1;
    if (al >= 0) {
        ai = kb_actor(L, (int)L->kb->aliases[al].entry);
    } else if ((ai = find_doc_alias(L, key)) >= 0 || (ai = find_key_actor(L, key)) >= 0) {
        /* seen in this document */
    } else if (t == TAG_NER_GPE) {
        goto done;                        /* an unknown demonym or creed: not an actor */
    } else {
        name_form *nf = malloc(sizeof *nf);
        if (!nf) { L->oom = 1; goto done; }
        name_parse(text, tl, nf);
        if (t == TAG_NER_PER || (e - s == 1)) ai = person_match(L, nf);
        free(nf);
        if (ai < 0) ai = kb_fuzzy(L, text, tl, t);
        if (ai < 0) {
            /* the canonical name is the name proper, without titles */
            char *name = strndup(text, tl);
            doc_actor_type ty = t == TAG_NER_PER ? ACT_PER : t == TAG_NER_ORG ? ACT_ORG :
                                geo_is_loc(key) ? ACT_LOC : ACT_GPE;
            if (name) ai = new_actor(L, -1, key, name, ty);
            else L->oom = 1;
            free(name);
        }
    }
    if (ai >= 0) {
        mention(L, ai, s, e - s, bs, be);
        if (surf < s) add_alias(L, ai, d->text + d->toks[surf].start, be - d->toks[surf].start);
    }
done:
    free(key);
    return n;
}

/* "Multinational Joint Task Force (MNJTF)": the acronym becomes an alias. */
static size_t acronym_after(linker *L, int ai, size_t k, size_t lim)
{
    const dots_doc *d = L->d;
    if (ai < 0 || k + 2 >= lim || !tok_is(d, k, "(") || !tok_is(d, k + 2, ")")) return 0;
    const char *s = tok_s(d, k + 1);
    size_t n = tok_n(d, k + 1);
    if (n < 2 || n > 10 || has_lower(s, n) || !has_alpha(s, n) || d->toks[k + 1].actor >= 0)
        return 0;
    fold_toks(L, k + 1, k + 1);
    doc_alias(L, L->fold.s, ai);
    mention(L, ai, k + 1, 1, d->toks[k + 1].start, d->toks[k + 1].end);
    return 3;
}

/* A capitalised word the tagger missed that this document has already
** introduced: an acronym defined in brackets, or a person's surname. */
static int known_here(linker *L, size_t i, size_t first)
{
    const dots_doc *d = L->d;
    const char *s = tok_s(d, i);
    size_t n = tok_n(d, i);
    if (n < 2 || !starts_upper(s, n)) return -1;
    if (d->toks[i].pos && !TAG_IS_PROPER(d->toks[i].pos)) return -1;
    fold_toks(L, i, i);
    if (!L->fold.len || is_junk_word(L->fold.s)) return -1;
    int ai = find_doc_alias(L, L->fold.s);
    if (ai >= 0 || i == first) return ai;         /* a sentence's first word is too often not a name */
    name_form *nf = malloc(sizeof *nf);
    if (!nf) { L->oom = 1; return -1; }
    name_parse(s, n, nf);
    if (nf->n == 1 && nf->t[0].kind == NAME_TOK_WORD && nf->t[0].len >= 3) ai = person_match(L, nf);
    free(nf);
    return ai;
}

/* A title word at token i ("IRGC-QF General Gholamreza Baghbani"). */
static int title_at(linker *L, size_t i)
{
    if (i >= L->d->ntoks) return 0;
    fold_toks(L, i, i);
    return L->fold.len && name_is_title(L->fold.s, L->fold.len);
}

/* ---- The pass -------------------------------------------------------------------- */
static int last_actor(const linker *L) { return L->nm ? L->m[L->nm - 1].actor : -1; }

static void link_sentence(linker *L, size_t first, size_t lim)
{
    dots_doc *d = L->d;
    for (size_t i = first; i < lim && !L->oom;) {
        if (d->toks[i].actor >= 0 || !has_alpha(tok_s(d, i), tok_n(d, i))) { i++; continue; }
        long alias = -1, calias = -1;
        int nt = -1;
        uint32_t coff = 0;
        size_t nk = kb_match(L, i, lim, &alias);
        size_t nn = ner_span(d, i, lim, &nt);
        size_t used = 0;
        size_t before = L->nm;
        size_t pl = nk ? 0 : compound_prefix(L, i, &calias, &coff);
        if (pl && nn <= 1) {
            int ai = kb_actor(L, (int)L->kb->aliases[calias].entry);
            uint32_t b = d->toks[i].start + coff;
            mention(L, ai, i, 1, b, b + (uint32_t)pl);
            used = 1;
        } else if (nk && (nk >= nn || nk >= 2 || tok_is(d, i + nk, "and") || tok_is(d, i + nk, "or") ||
                          tok_is(d, i + nk, ",") || title_at(L, i + nk))) {
            /* the KB's name wins over a longer tagger span that runs past it
            ** ("Office of Foreign Assets Control Andrea"); the rest is looked at next */
            const kb_alias *a = &L->kb->aliases[alias];
            /* a lone capitalised word opening a sentence ("Dawn", "Badr") needs
            ** the tagger to call it a name, unless it is an acronym */
            int lone = a->ntoks == 1 && !a->caps && i == first && nn == 0 &&
                       d->toks[i].pos && !TAG_IS_PROPER(d->toks[i].pos);
            used = lone ? 1 : take_kb(L, i, nk, alias, lim);
        } else if (nn) {
            /* the KB part wins when the name span runs on past a possessive */
            if (nk && i + nk < lim && is_possessive(d, i + nk)) used = take_kb(L, i, nk, alias, lim);
            else used = take_ner(L, i, nn, nt);
        } else {
            int ai;
            if ((ai = known_here(L, i, first)) >= 0) {
                mention(L, ai, i, 1, d->toks[i].start, d->toks[i].end);
            }
            used = 1;
        }
        if (!used) used = 1;
        i += used;
        if (L->nm > before) i += acronym_after(L, last_actor(L), i, lim);
    }
}

/* A single-word person mentioned before the full name ("Mansour ... Mullah
** Akhtar Mohammad Mansour") joins the full name afterwards. */
static int ends_with_word(const char *key, const char *tail)
{
    size_t k = strlen(key), t = strlen(tail);
    return k > t + 1 && key[k - t - 1] == ' ' && !strcmp(key + k - t, tail);
}

static void merge_persons(linker *L)
{
    for (size_t i = 0; i < L->na; i++) {
        lk_actor *a = &L->a[i];
        if (a->into >= 0 || a->kb >= 0) continue;
        /* the tagger may type a name differently each time ("Al-Bihani" a
        ** person, "Ghaleb Nassar Al-Bihani" an organisation): a name that ends
        ** another, where either is a person, is that person */
        int done = 0;
        for (size_t j = 0; j < L->na && !done; j++) {
            lk_actor *b = &L->a[j];
            if (j == i || b->into >= 0 || (a->type != ACT_PER && b->type != ACT_PER) ||
                !ends_with_word(b->key, a->key))
                continue;
            a->into = (int)j;
            if (b->kb < 0 && b->type != ACT_PER) {
                b->type = ACT_PER;
                if (!b->nf && (b->nf = arena_alloc(L->d->arena, sizeof *b->nf)))
                    name_parse(b->name, strlen(b->name), b->nf);
            }
            for (size_t k = 0; k < a->nal; k++) add_alias(L, (int)j, a->al[k], strlen(a->al[k]));
            done = 1;
        }
        if (done || a->type != ACT_PER || !a->nf || a->nf->n != 1) continue;
        for (size_t j = 0; j < L->na; j++) {
            lk_actor *b = &L->a[j];
            if (j == i || b->into >= 0 || b->type != ACT_PER || !b->nf || b->nf->n < 2) continue;
            int hit = 0;
            for (size_t k = 0; k < b->nf->n && !hit; k++)
                hit = b->nf->t[k].kind == NAME_TOK_WORD &&
                      name_tok_sim(&a->nf->t[0], &b->nf->t[k]) >= 0.92;
            if (!hit) continue;
            a->into = (int)j;
            for (size_t k = 0; k < a->nal; k++) add_alias(L, (int)j, a->al[k], strlen(a->al[k]));
            break;
        }
    }
}

/* The actor i was merged into (into: -1 kept, -2 dropped, else merged). */
static int root_of(const linker *L, int i)
{
    while (L->a[i].into >= 0) i = L->a[i].into;
    return i;
}

static int cmp_mention(const void *x, const void *y)
{
    const doc_mention *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int in_title(const dots_doc *d, uint32_t off)
{
    int s = doc_seg_at(d, off);
    return s >= 0 && d->segs[s].kind == SEG_TITLE;
}

/* Headlines are in title case, and the tagger sees names everywhere in them
** ("Special Operations Troops Conduct Raid"): an actor that is neither in the
** KB nor named again outside the title is dropped. */
static void drop_title_only(linker *L)
{
    for (size_t i = 0; i < L->na; i++) {
        if (L->a[i].into >= 0 || L->a[i].kb >= 0) continue;
        int outside = 0;
        for (size_t k = 0; k < L->nm && !outside; k++)
            if (root_of(L, L->m[k].actor) == (int)i && !in_title(L->d, L->m[k].start)) outside = 1;
        if (!outside) L->a[i].into = -2;
    }
}

static int materialize(linker *L)
{
    dots_doc *d = L->d;
    int *map = malloc((L->na ? L->na : 1) * sizeof *map);
    if (!map) return DOTS_ENOMEM;
    for (size_t i = 0; i < L->na; i++) map[i] = -1;
    for (size_t i = 0; i < L->na; i++) {
        if (L->a[i].into != -1) continue;
        lk_actor *a = &L->a[i];
        doc_actor *da = doc_add_actor(d);
        if (!da) { free(map); return DOTS_ENOMEM; }
        map[i] = (int)(d->nactors - 1);
        char idb[512];
        if (a->kb >= 0) da->id = L->kb->e[a->kb].id;
        else {
            snprintf(idb, sizeof idb, "doc:%s", a->key);
            da->id = arena_strdup(d->arena, idb);
        }
        da->name = a->name;
        da->type = a->type;
        da->kb = a->kb;
        da->naliases = a->nal;
        da->aliases = arena_alloc(d->arena, (a->nal ? a->nal : 1) * sizeof *da->aliases);
        if (!da->id || !da->aliases) { free(map); return DOTS_ENOMEM; }
        memcpy(da->aliases, a->al, a->nal * sizeof *a->al);
    }
    for (size_t i = 0; i < L->na; i++)
        if (map[i] < 0 && L->a[i].into >= 0) map[i] = map[root_of(L, (int)i)];
    for (size_t t = 0; t < d->ntoks; t++)
        if (d->toks[t].actor >= 0) d->toks[t].actor = map[d->toks[t].actor];
    for (size_t k = 0; k < L->nm; k++) {
        if (map[L->m[k].actor] < 0) continue;           /* a dropped actor */
        doc_mention *m = doc_add_mention(d);
        if (!m) { free(map); return DOTS_ENOMEM; }
        m->start = L->m[k].start;
        m->end = L->m[k].end;
        m->tok_first = L->m[k].first;
        m->tok_count = L->m[k].count;
        m->actor = map[L->m[k].actor];
        d->actors[m->actor].nmentions++;
    }
    if (d->nmentions) qsort(d->mentions, d->nmentions, sizeof *d->mentions, cmp_mention);
    free(map);
    return DOTS_OK;
}

int actor_link_doc(const actor_kb *kb, dots_doc *d)
{
    if (!kb || !d) return DOTS_EINVAL;
    linker L = { .kb = kb, .d = d };
    buf_init(&L.fold);
    buf_init(&L.tmp);
    buf_init(&L.whole);
    fold_whole(&L);
    d->nactors = 0;
    d->nmentions = 0;
    for (size_t t = 0; t < d->ntoks; t++) d->toks[t].actor = -1;
    for (size_t s = 0; s < d->nsents && !L.oom; s++) {
        size_t first = d->sents[s].first, lim = first + d->sents[s].count;
        if (lim > d->ntoks) lim = d->ntoks;
        link_sentence(&L, first, lim);
    }
    int rc = L.oom ? DOTS_ENOMEM : DOTS_OK;
    if (!rc) {
        merge_persons(&L);
        drop_title_only(&L);
        rc = L.oom ? DOTS_ENOMEM : materialize(&L);
    }
    for (size_t i = 0; i < L.na; i++) free(L.a[i].al);
    free(L.a);
    free(L.m);
    free(L.da);
    buf_fini(&L.fold);
    buf_fini(&L.tmp);
    buf_fini(&L.whole);
    free(L.fpos);
    return rc;
}
