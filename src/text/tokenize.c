/* src/text/tokenize.c -- split UTF-8 news text into tokens and sentences with
** exact byte offsets.
** Tokens follow the conventions of the corpora the taggers learn from (GMB,
** CoNLL-2000, i.e. the Penn treebank): punctuation and quotes are tokens of
** their own; possessive 's and clitics ('re 've 'll 'd 'm n't) are split off
** ("Taliban" "’s", "do" "n't"); hyphenated words (IRGC-QF, al-Qaida, U.S.-led),
** inner apostrophes (Shi'ite, Esma'il), decimals and grouped numbers (1.5,
** 2,000, 10:30), numbers with units (107mm) and abbreviations with their dot
** (U.S., Mr., Dec., a.m., initials) stay whole. Changing a rule here means
** retraining the taggers.
** Speed: the hot loop classifies ASCII bytes through a 256-entry table and
** decodes UTF-8 only for bytes >= 0x80; tokens are written straight into a
** growable array (one realloc per doubling, no per-token allocation).
** Sentences end after . ! ? … (and quotes or brackets closing right after
** them) when the next token can start a sentence, at blank lines and after
** a line that ends with ':'. A sentence never crosses a segment. */
#include "text/text.h"
#include "text/text_int.h"
#include "dots.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { C_SPACE = 1, C_ALPHA = 2, C_DIGIT = 4, C_UPPER = 8, C_HIGH = 16 };

static unsigned char cls[256];

static void init_cls(void)
{
    if (cls['a']) return;     /* idempotent; the table is the same for every thread */
    unsigned char t[256] = {0};
    for (int c = 'a'; c <= 'z'; c++) t[c] = C_ALPHA;
    for (int c = 'A'; c <= 'Z'; c++) t[c] = C_ALPHA | C_UPPER;
    for (int c = '0'; c <= '9'; c++) t[c] = C_DIGIT;
    t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = t['\v'] = C_SPACE;
    for (int c = 0x80; c < 256; c++) t[c] = C_HIGH;
    memcpy(cls, t, sizeof t);
}

#define IS_ALNUM(c) (cls[(unsigned char)(c)] & (C_ALPHA | C_DIGIT))
#define IS_ALPHA(c) (cls[(unsigned char)(c)] & C_ALPHA)
#define IS_DIGIT(c) (cls[(unsigned char)(c)] & C_DIGIT)

/* Decode one code point at s[i]; *n gets its length. Invalid bytes decode
** as themselves with length 1 (negative cp), so callers always advance. */
static int32_t dec(const char *s, size_t len, size_t i, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (u[0] < 0x80) { *n = 1; return u[0]; }
    if (u[0] >= 0xC2 && u[0] < 0xE0 && left >= 2 && (u[1] & 0xC0) == 0x80) {
        *n = 2;
        return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if (u[0] >= 0xE0 && u[0] < 0xF0 && left >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) {
        int32_t cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { *n = 3; return cp; }
    }
    if (u[0] >= 0xF0 && u[0] < 0xF5 && left >= 4 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80) {
        int32_t cp = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) |
                     ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
        if (cp >= 0x10000 && cp <= 0x10FFFF) { *n = 4; return cp; }
    }
    *n = 1;
    return -1;
}

static int cp_is_space(int32_t cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || cp == 0x1680;
}

static int cp_is_word(int32_t cp)
{
    if (cp < 0) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ND + 2);  /* L*, M*, N* */
}

static int cp_is_upper(int32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* ---- Abbreviations ------------------------------------------------------- */
/* Words that keep their dot. Titles and months never end a sentence; the
** "can end" ones (etc., Inc.) do when a capitalised word follows. */
static const struct { const char *w; unsigned char len, can_end; } ABBR[] = {
    {"Mr",2,0}, {"Mrs",3,0}, {"Ms",2,0}, {"Dr",2,0}, {"Gen",3,0}, {"Lt",2,0}, {"Col",3,0},
    {"Sgt",3,0}, {"Capt",4,0}, {"Maj",3,0}, {"Cpl",3,0}, {"Pvt",3,0}, {"Adm",3,0},
    {"Brig",4,0}, {"Cmdr",4,0}, {"Gov",3,0}, {"Sen",3,0}, {"Rep",3,0}, {"Rev",3,0},
    {"Prof",4,0}, {"Pres",4,0}, {"Sr",2,1}, {"Jr",2,1}, {"St",2,0}, {"Mt",2,0}, {"Ft",2,0},
    {"Jan",3,0}, {"Feb",3,0}, {"Mar",3,0}, {"Apr",3,0}, {"Jun",3,0}, {"Jul",3,0},
    {"Aug",3,0}, {"Sep",3,0}, {"Sept",4,0}, {"Oct",3,0}, {"Nov",3,0}, {"Dec",3,0},
    {"No",2,0}, {"Nos",3,0}, {"vs",2,0}, {"etc",3,1}, {"Inc",3,1}, {"Ltd",3,1},
    {"Co",2,1}, {"Corp",4,1}, {"Dept",4,0}, {"Univ",4,0}, {"Ave",3,0}, {"approx",6,0},
    {"Bros",4,1}, {"Gens",4,0}, {"Messrs",6,0}, {"Sens",4,0}, {"Reps",4,0}, {"est",3,0},
    /* US states as newspapers abbreviate them; a dateline may end a sentence */
    {"Ala",3,2}, {"Ariz",4,2}, {"Ark",3,2}, {"Calif",5,2}, {"Colo",4,2}, {"Conn",4,2},
    {"Del",3,2}, {"Fla",3,2}, {"Ga",2,2}, {"Ind",3,2}, {"Kan",3,2}, {"Ky",2,2}, {"Md",2,2},
    {"Mass",4,2}, {"Mich",4,2}, {"Minn",4,2}, {"Miss",4,2}, {"Mont",4,2}, {"Neb",3,2},
    {"Nev",3,2}, {"Okla",4,2}, {"Ore",3,2}, {"Pa",2,2}, {"Tenn",4,2}, {"Tex",3,2},
    {"Va",2,2}, {"Vt",2,2}, {"Wash",4,2}, {"Wis",3,2}, {"Wyo",3,2},
};

/* 0 not an abbreviation, 1 abbreviation, 2 abbreviation that may end a sentence */
static int abbr_kind(const char *w, size_t n, const char *s, size_t len, size_t dot)
{
    if (n > 6) return 0;
    for (size_t i = 0; i < sizeof ABBR / sizeof ABBR[0]; i++) {
        if (ABBR[i].len != n || memcmp(ABBR[i].w, w, n) != 0) continue;
        /* "No." is an abbreviation only before a number: "No. 2" but "said no." */
        if (n == 2 && w[0] == 'N' && w[1] == 'o') {
            size_t j = dot + 1;
            while (j < len && s[j] == ' ') j++;
            if (j >= len || !IS_DIGIT(s[j])) return 0;
        }
        return ABBR[i].can_end ? 2 : 1;  /* can_end 1 or 2 */
    }
    return 0;
}

/* ---- Token array ----------------------------------------------------------- */
static int push(text_toks *v, size_t start, size_t end)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 1024;
        doc_token *p = realloc(v->t, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        v->t = p;
        v->cap = nc;
    }
    doc_token *t = &v->t[v->n++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->pos = 0;
    t->ner = 0;
    t->actor = -1;
    return DOTS_OK;
}

/* ---- Scanning -------------------------------------------------------------- */
static int is_apos(const char *s, size_t len, size_t i, size_t *alen)
{
    if (s[i] == '\'') { *alen = 1; return 1; }
    if ((unsigned char)s[i] == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) { *alen = 3; return 1; }
    return 0;
}

/* Length of the letter run at i (ASCII letters only: clitics are ASCII). */
static size_t letters(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && IS_ALPHA(s[j])) j++;
    return j - i;
}

/* A clitic starts at i (an apostrophe): 's 're 've 'll 'd 'm followed by a non-letter.
** Returns its length or 0. */
static size_t clitic_at(const char *s, size_t len, size_t i)
{
    size_t alen;
    if (!is_apos(s, len, i, &alen)) return 0;
    size_t j = i + alen, n = letters(s, len, j);
    if (n == 0 || n > 2) return 0;
    if (j + n < len && (unsigned char)s[j + n] >= 0x80) {
        size_t m;
        if (cp_is_word(dec(s, len, j + n, &m))) return 0;
    }
    char a = (char)(s[j] | 0x20), b = n == 2 ? (char)(s[j + 1] | 0x20) : 0;
    if (n == 1 && (a == 's' || a == 'd' || a == 'm')) return alen + 1;
    if (n == 2 && ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')))
        return alen + 2;
    return 0;
}

/* "n't" at i: n, apostrophe, t, then a non-letter. Returns its length or 0. */
static size_t nt_at(const char *s, size_t len, size_t i)
{
    size_t alen;
    if ((s[i] | 0x20) != 'n' || i + 1 >= len || !is_apos(s, len, i + 1, &alen)) return 0;
    size_t j = i + 1 + alen;
    if (j >= len || (s[j] | 0x20) != 't') return 0;
    if (j + 1 < len && IS_ALPHA(s[j + 1])) return 0;
    return j + 1 - i;
}

static size_t url_at(const char *s, size_t len, size_t i)
{
    size_t j = i;
    if (len - i >= 8 && (memcmp(s + i, "https://", 8) == 0)) j = i + 8;
    else if (len - i >= 7 && memcmp(s + i, "http://", 7) == 0) j = i + 7;
    else if (len - i >= 5 && memcmp(s + i, "www.", 4) == 0 && IS_ALNUM(s[i + 4])) j = i + 4;
    else return 0;
    while (j < len && !(cls[(unsigned char)s[j]] & C_SPACE) && s[j] != '"' && s[j] != '<' &&
           s[j] != '>')
        j++;
    /* trailing punctuation belongs to the sentence, not the address */
    while (j > i && strchr(".,;:!?)]}'", s[j - 1])) j--;
    while (j >= i + 3 && (unsigned char)s[j - 3] == 0xE2 && (unsigned char)s[j - 2] == 0x80 &&
           ((unsigned char)s[j - 1] == 0x9D || (unsigned char)s[j - 1] == 0x99))
        j -= 3;
    return j - i;
}

/* Scan a word starting at i (a letter or digit); returns its end. */
static size_t scan_word(const char *s, size_t len, size_t i)
{
    size_t ws = i;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (IS_ALNUM(c)) { i++; continue; }
        if (c >= 0x80) {
            size_t n;
            int32_t cp = dec(s, len, i, &n);
            if (cp_is_word(cp)) { i += n; continue; }
            if (cp != 0x2019) break;
        }
        size_t alen;
        if (is_apos(s, len, i, &alen)) {
            if (i + alen >= len || !IS_ALPHA(s[i + alen])) break;     /* "soldiers'" */
            if (clitic_at(s, len, i)) break;                          /* "Taliban's" */
            if ((s[i + alen] | 0x20) == 't' && i - ws >= 2 && (s[i - 1] | 0x20) == 'n' &&
                !(i + alen + 1 < len && IS_ALPHA(s[i + alen + 1])))
                return i - 1;                                         /* "do" "n't" */
            i += alen;                                                /* "Shi'ite" */
            continue;
        }
        if (c == '-' && i + 1 < len && i > ws) {
            unsigned char d = (unsigned char)s[i + 1];
            size_t n;
            if (IS_ALNUM(d) || (d >= 0x80 && cp_is_word(dec(s, len, i + 1, &n)))) { i++; continue; }
            break;
        }
        if ((c == '.' || c == ',' || c == ':' || c == '/') && i > ws && IS_DIGIT(s[i - 1]) &&
            i + 1 < len && IS_DIGIT(s[i + 1])) {
            i++;
            continue;
        }
        if (c == '&' && i > ws && (cls[(unsigned char)s[i - 1]] & C_UPPER) && i + 1 < len &&
            (cls[(unsigned char)s[i + 1]] & C_UPPER)) {
            i++;                                                      /* "AT&T" */
            continue;
        }
        if (c == '.') {
            /* the last piece since a hyphen decides: "U.S.-led", "Lt." */
            size_t ps = i;
            while (ps > ws && IS_ALPHA(s[ps - 1])) ps--;
            size_t plen = i - ps;
            /* a piece glued to digits ("1980s.") is no initial */
            if (ps > ws && s[ps - 1] != '-' && s[ps - 1] != '.') plen = 0;
            if (plen == 1 && IS_ALPHA(s[ps])) {
                /* initials and dotted acronyms: J. U.S. U.N. a.m. e.g. */
                while (i + 2 < len && s[i] == '.' && IS_ALPHA(s[i + 1]) && s[i + 2] == '.') i += 2;
                if (i + 1 < len && s[i + 1] == '.') return i;         /* "A..." */
                if (i + 1 < len && IS_ALPHA(s[i + 1]) &&
                    (i + 2 >= len || !IS_ALNUM(s[i + 2])))
                    return i + 2;                                     /* "U.S" without its dot */
                i++;
                if (i + 1 < len && s[i] == '-' && IS_ALPHA(s[i + 1])) { i++; continue; }
                return i;
            }
            if (plen == i - ws && abbr_kind(s + ps, plen, s, len, i) &&
                !(i + 1 < len && s[i + 1] == '.'))
                return i + 1;
            break;
        }
        break;
    }
    return i;
}

/* Scan the token at i (not a space); returns its end. */
static size_t scan_token(const char *s, size_t len, size_t i, size_t prev_end)
{
    unsigned char c = (unsigned char)s[i];
    size_t n, k;

    if (c == 'h' || c == 'w') {
        if ((k = url_at(s, len, i))) return i + k;
    }
    if ((c | 0x20) == 'n' && (k = nt_at(s, len, i)) && prev_end == i) return i + k;
    if (IS_ALNUM(c)) return scan_word(s, len, i);
    if (c < 0x80) {
        if ((c == '\'') && prev_end == i && (k = clitic_at(s, len, i))) return i + k;
        if (c == '.' || c == '-' || c == '`' || c == '?' || c == '!') {
            /* runs: "...", "--", "``", "?!" */
            size_t j = i + 1;
            if (c == '?' || c == '!') {
                while (j < len && (s[j] == '?' || s[j] == '!')) j++;
            } else {
                while (j < len && s[j] == (char)c) j++;
            }
            if (c == '-' && j - i == 1 && j < len && IS_DIGIT(s[j]) &&
                (i == 0 || (cls[(unsigned char)s[i - 1]] & C_SPACE)))
                return scan_word(s, len, j);                          /* "-5" */
            if (c == '.' && j - i == 1 && j < len && IS_DIGIT(s[j]) &&
                (i == 0 || (cls[(unsigned char)s[i - 1]] & C_SPACE)))
                return scan_word(s, len, j);                          /* ".45" */
            return j;
        }
        return i + 1;
    }
    int32_t cp = dec(s, len, i, &n);
    if (cp == 0x2019 && prev_end == i && (k = clitic_at(s, len, i))) return i + k;
    if (cp_is_word(cp)) return scan_word(s, len, i);
    return i + n;                       /* punctuation, symbol or an invalid byte */
}

/* Skip spaces (ASCII and Unicode) from i; returns the next non-space. */
static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (cls[c] & C_SPACE) { i++; continue; }
        if (c == 0) { i++; continue; }
        if (c < 0x80) break;
        size_t n;
        int32_t cp = dec(s, len, i, &n);
        if (!cp_is_space(cp)) break;
        i += n;
    }
    return i;
}

int text_scan(const char *s, size_t len, size_t base, text_toks *out)
{
    init_cls();
    size_t i = skip_space(s, len, 0), prev_end = (size_t)-1;
    while (i < len) {
        size_t e = scan_token(s, len, i, prev_end);
        if (e <= i) e = i + 1;          /* never stall */
        if (e > len) e = len;
        if (push(out, base + i, base + e)) return DOTS_ENOMEM;
        prev_end = e;
        i = skip_space(s, len, e);
    }
    return DOTS_OK;
}

/* ---- Sentences -------------------------------------------------------------- */
static int tok_is(const char *s, const doc_token *t, const char *lit)
{
    size_t n = strlen(lit);
    return t->end - t->start == n && memcmp(s + t->start, lit, n) == 0;
}

/* . ! ? and their runs, "..." and "…" */
static int is_terminal(const char *s, const doc_token *t, int *weak)
{
    unsigned char c = (unsigned char)s[t->start];
    size_t n = t->end - t->start;
    *weak = 0;
    if (c == '.' && n == 1) return 1;
    if (c == '?' || c == '!') return 1;
    if (c == '.' && n > 1 && s[t->start + 1] == '.') { *weak = 1; return 1; }
    if (tok_is(s, t, "\xE2\x80\xA6")) { *weak = 1; return 1; }
    return 0;
}

static int is_closer(const char *s, const doc_token *t)
{
    size_t n = t->end - t->start;
    const char *p = s + t->start;
    if (n == 1) return *p == '"' || *p == '\'' || *p == ')' || *p == ']' || *p == '}';
    if (n == 2) return memcmp(p, "''", 2) == 0 || memcmp(p, "\xC2\xBB", 2) == 0;
    if (n == 3) return memcmp(p, "\xE2\x80\x9D", 3) == 0 || memcmp(p, "\xE2\x80\x99", 3) == 0;
    return 0;
}

static int starts_sentence(const char *s, size_t len, const doc_token *t)
{
    unsigned char c = (unsigned char)s[t->start];
    if (cls[c] & (C_UPPER | C_DIGIT)) return 1;
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '`' || c == '-') return 1;
    if (c >= 0x80) {
        size_t n;
        int32_t cp = dec(s, len, t->start, &n);
        if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x2014 || cp == 0x2013 ||
            cp == 0x2022)
            return 1;
        return cp_is_upper(cp);
    }
    return 0;
}

/* Words that start sentences far more often than they continue a name. */
static int starter(const char *s, const doc_token *t)
{
    static const char *const W[] = { "The", "A", "An", "He", "She", "It", "They", "We", "I",
        "In", "On", "At", "But", "And", "This", "That", "These", "Those", "His", "Her",
        "Their", "Its", "There", "However", "Officials", "Meanwhile", "Earlier", "Later", NULL };
    size_t n = t->end - t->start;
    for (int i = 0; W[i]; i++)
        if (strlen(W[i]) == n && memcmp(W[i], s + t->start, n) == 0) return 1;
    return 0;
}

/* The gap between two tokens holds a blank line (two newlines). */
static int blank_between(const char *s, uint32_t a, uint32_t b, int *newline)
{
    int nl = 0;
    for (uint32_t i = a; i < b; i++)
        if (s[i] == '\n') nl++;
    *newline = nl > 0;
    return nl >= 2;
}

/* Calls on_sent(first, count) for each sentence of toks[0..n). */
typedef int (*sent_fn)(size_t first, size_t count, void *ctx);

static int split(const char *s, size_t len, const doc_token *t, size_t n, sent_fn fn, void *ctx)
{
    size_t first = 0;
    for (size_t k = 0; k < n; k++) {
        int end = 0, weak, nl;
        size_t last = k;
        if (k + 1 == n) end = 1;
        else if (is_terminal(s, &t[k], &weak)) {
            size_t j = k + 1;
            while (j < n && is_closer(s, &t[j]) && t[j].start == t[j - 1].end) j++;
            if (j == n) { last = n - 1; end = 1; }
            else if (starts_sentence(s, len, &t[j]) ||
                     blank_between(s, t[j - 1].end, t[j].start, &nl) || (!weak && nl)) {
                last = j - 1;
                end = 1;
            }
        } else if (blank_between(s, t[k].end, t[k + 1].start, &nl)) {
            end = 1;
        } else if (nl && tok_is(s, &t[k], ":")) {
            end = 1;
        } else if (s[t[k].end - 1] == '.' && t[k].end - t[k].start > 1 &&
                   starts_sentence(s, len, &t[k + 1])) {
            /* "etc." "Inc." may end a sentence; titles and months do not; a dotted
            ** acronym ("D.C.", "U.S.") does when a word that starts sentences follows */
            size_t ws = t[k].start, wl = t[k].end - t[k].start - 1;
            int kind = abbr_kind(s + ws, wl, s, len, t[k].end - 1);
            if (kind == 2) end = 1;
            else if (kind == 0 && wl >= 3 && s[ws + 1] == '.' && starter(s, &t[k + 1])) end = 1;
        }
        if (!end) continue;
        k = last;
        int rc = fn(first, k + 1 - first, ctx);
        if (rc) return rc;
        first = k + 1;
    }
    return DOTS_OK;
}

/* ---- Documents -------------------------------------------------------------- */
typedef struct {
    dots_doc *d;
    size_t tok0;
    int seg;
} doc_ctx;

static int doc_sent_cb(size_t first, size_t count, void *ctx_)
{
    doc_ctx *c = ctx_;
    doc_sent *st = doc_add_sent(c->d);
    if (!st) return DOTS_ENOMEM;
    const doc_token *t = c->d->toks + c->tok0;
    st->first = (uint32_t)(c->tok0 + first);
    st->count = (uint32_t)count;
    st->start = t[first].start;
    st->end = t[first + count - 1].end;
    st->seg = c->seg;
    return DOTS_OK;
}

int text_tokenize_doc(dots_doc *d)
{
    init_cls();
    text_toks v = { d->toks, d->ntoks, d->captoks };
    int rc = DOTS_OK;
    /* a token per 5 bytes is typical of news text: one allocation up front */
    if (v.cap < d->len / 5 + 16) {
        size_t nc = d->len / 5 + 16;
        doc_token *p = realloc(v.t, nc * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        v.t = p;
        v.cap = nc;
    }
    for (size_t i = 0; i < d->nsegs && rc == DOTS_OK; i++) {
        const doc_seg *g = &d->segs[i];
        if (g->kind == SEG_DATE || g->kind == SEG_TAGS || g->kind == SEG_TOPICS) continue;
        if (g->end <= g->start || g->end > d->len) continue;
        size_t tok0 = v.n;
        rc = text_scan(d->text + g->start, g->end - g->start, g->start, &v);
        d->toks = v.t; d->ntoks = v.n; d->captoks = v.cap;
        if (rc || v.n == tok0) continue;
        doc_ctx c = { d, tok0, (int)i };
        rc = split(d->text, d->len, d->toks + tok0, v.n - tok0, doc_sent_cb, &c);
    }
    d->toks = v.t; d->ntoks = v.n; d->captoks = v.cap;
    return rc;
}

typedef struct {
    const doc_token *t;
    text_emit_fn sent;
    void *ctx;
} raw_ctx;

static int raw_sent_cb(size_t first, size_t count, void *ctx_)
{
    raw_ctx *c = ctx_;
    c->sent(c->t[first].start, c->t[first + count - 1].end, c->ctx);
    return DOTS_OK;
}

void text_tokenize(const char *s, size_t len, text_emit_fn tok, text_emit_fn sent, void *ctx)
{
    text_toks v = { 0 };
    if (text_scan(s, len, 0, &v) == DOTS_OK) {
        if (tok)
            for (size_t i = 0; i < v.n; i++) tok(v.t[i].start, v.t[i].end, ctx);
        if (sent && v.n) {
            raw_ctx c = { v.t, sent, ctx };
            split(s, len, v.t, v.n, raw_sent_cb, &c);
        }
    }
    free(v.t);
}
