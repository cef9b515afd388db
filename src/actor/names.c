/* src/actor/names.c -- folding and comparing names of people and organisations
** as they reach us transliterated from Arabic, Persian and Pashto.
** One name has many spellings: Mohammad/Muhammad/Mohammed, Qods/Quds,
** Hizballah/Hezbollah, Esma'il/Ismail, Usama/Osama. Three layers absorb them:
**   1. folding: NFKD, marks removed, casefolded, apostrophes and ayn/hamza
**      signs dropped (Esma'il -> esmail), other punctuation runs -> one space;
**   2. a variant table mapping whole words to one spelling (mohammed -> muhammad);
**   3. a consonant skeleton (vowels dropped, kh/q/k/c merged, doubles
**      collapsed: Haqqani and Haqani both give "hkn") plus Jaro-Winkler for typos.
** Word order is free (OFAC writes "BAGHBANI, Gholamreza"): tokens are paired
** greedily by similarity. Particles (al-, el-, bin, ibn) carry no weight; Abu
** and Abd are glued to the next word because "Abu Sayyaf" is one name part;
** titles (Mullah, Gen., President) weigh little. Thresholds: docs/ACTORS.md. */
#include "actor/actor_int.h"
#include "dots.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- Folding -------------------------------------------------------------- */
static int is_apostrophe(int32_t c)
{
    return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
           c == 0x02BB || c == 0x02BF || c == 0x02BE || c == 0x00B4 || c == 0x2032;
}

static void put_space(buf *out)
{
    if (out->len && out->s[out->len - 1] != ' ') buf_putc(out, ' ');
}

static void fold_ascii(const char *s, size_t n, buf *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c)) buf_putc(out, tolower(c));
        else if (c == '\'' || c == '`') continue;
        else if (c >= 0x80) continue;           /* invalid UTF-8 bytes are skipped */
        else put_space(out);
    }
}

void actor_fold(const char *s, size_t n, buf *out)
{
    buf_reset(out);
    buf_reserve(out, n + 1);
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) {
        fold_ascii(s, n, out);
    } else {
        utf8proc_uint8_t *m = NULL;
        utf8proc_ssize_t ml = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                           UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                           UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                           UTF8PROC_STRIPMARK);
        if (ml < 0) {
            fold_ascii(s, n, out);
        } else {
            utf8proc_ssize_t p = 0;
            while (p < ml) {
                utf8proc_int32_t c;
                utf8proc_ssize_t k = utf8proc_iterate(m + p, ml - p, &c);
                if (k <= 0) break;
                utf8proc_category_t cat = utf8proc_category(c);
                if (is_apostrophe(c)) {
                    /* dropped: Kata'ib = Kataib */
                } else if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
                    buf_append(out, m + p, (size_t)k);
                } else if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) {
                    /* marks left by scripts without decomposition: dropped */
                } else {
                    put_space(out);
                }
                p += k;
            }
            free(m);
        }
    }
    while (out->len && out->s[out->len - 1] == ' ') out->s[--out->len] = 0;
    /* buf_reserve leaves the bytes unset: terminate even an empty result */
    if (!out->s) buf_putc(out, 0), out->len = 0;
    else out->s[out->len] = 0;
}

/* ---- Folding a whole text once ---------------------------------------------------- */
/* Folding works code point by code point: NFKD, case folding and the class of
** each resulting code point decide its output alone, and canonical reordering
** never moves anything that survives (every code point with a combining class
** is a mark, and marks are stripped; checked over all of Unicode). Spaces
** depend only on the output so far. So the fold of a span of a text is the
** slice of the whole text's fold between the span's ends, less a space that
** the slice starts with and the spaces it ends with (actor_fold_slice). */
static int fold_cp(utf8proc_int32_t c, buf *out)
{
    utf8proc_int32_t d[32];
    int bc = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 32, UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                                 UTF8PROC_STRIPMARK, &bc);
    for (utf8proc_ssize_t j = 0; j < k && j < 32; j++) {
        utf8proc_category_t cat = utf8proc_category(d[j]);
        if (is_apostrophe(d[j])) {
            /* dropped */
        } else if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                   (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
            utf8proc_uint8_t u[4];
            if (buf_append(out, u, (size_t)utf8proc_encode_char(d[j], u))) return DOTS_ENOMEM;
        } else if (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) {
            /* dropped */
        } else if (out->len && out->s[out->len - 1] != ' ') {
            if (buf_putc(out, ' ')) return DOTS_ENOMEM;
        }
    }
    return k < 0 || k > 32 ? DOTS_EINVAL : DOTS_OK;
}

int actor_fold_marks(const char *s, size_t n, const uint32_t *cut, size_t ncut, buf *out,
                     uint32_t *pos)
{
    buf_reset(out);
    if (buf_reserve(out, n + 1)) return DOTS_ENOMEM;
    size_t p = 0, k = 0;
    for (;;) {
        while (k < ncut && cut[k] == p) pos[k++] = (uint32_t)out->len;
        if (k < ncut && cut[k] < p) return DOTS_EINVAL;    /* unsorted, or inside a code point */
        if (p >= n) break;
        unsigned char c = (unsigned char)s[p];
        if (c < 0x80) {
            /* the bytes fold_ascii writes; reserved above, so no call per byte */
            if (isalnum(c)) out->s[out->len++] = (char)tolower(c);
            else if (c != '\'' && c != '`' && out->len && out->s[out->len - 1] != ' ')
                out->s[out->len++] = ' ';
            if (out->len + 1 >= out->cap && buf_reserve(out, 64)) return DOTS_ENOMEM;
            p++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + p,
                                              (utf8proc_ssize_t)(n - p), &cp);
        if (l <= 0) return DOTS_EINVAL;    /* actor_fold would fall back to ASCII */
        int rc = fold_cp(cp, out);
        if (rc) return rc;
        if (buf_reserve(out, 64)) return DOTS_ENOMEM;
        p += (size_t)l;
    }
    if (k < ncut) return DOTS_EINVAL;
    out->s[out->len] = 0;
    return DOTS_OK;
}

size_t actor_fold_slice(const char *f, uint32_t from, uint32_t to, buf *out)
{
    if (from < to && f[from] == ' ') from++;
    while (to > from && f[to - 1] == ' ') to--;
    buf_reset(out);
    buf_append(out, f + from, to - from);
    if (!out->s) buf_putc(out, 0), out->len = 0;
    return out->len;
}

/* ---- Word classes and spelling variants ------------------------------------ */
static const char *const particles[] = {
    "al", "el", "ul", "ad", "ar", "as", "at", "an", "az", "ash", "ath", "bin", "ibn",
    "bint", "ben", "wal", "wa", NULL
};
static const char *const titles[] = {
    "mullah", "mulla", "mawlawi", "maulvi", "mawlana", "maulana", "molvi", "haji", "hajji",
    "alhaj", "alhaji", "sheikh", "shaykh", "sheik", "shaikh", "shaykhs", "sayyid", "sayed",
    "sayyed", "seyed", "seyyed", "syed", "mr", "mrs", "ms", "miss", "dr", "prof", "gen",
    "general", "col", "colonel", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain",
    "maj", "major", "brig", "brigadier", "adm", "admiral", "cmdr", "commander", "president",
    "minister", "qari", "hafiz", "mufti", "imam", "ayatollah", "hojatoleslam", "sir",
    "senator", "sen", "rep", "gov", "governor", "judge", "justice", "pvt", "cpl", "spc",
    "secretary", "prime", "chief", "emir", "mawlavi", "ustad", "ustaz", "engineer", "eng",
    "king", "prince", "queen", "sultan", "sheikha", "pres", "amb", "ambassador", NULL
};
static const char *const stops[] = {
    "of", "the", "and", "for", "de", "la", "du", "des", "del", "y", "et", "in", "on", "to",
    "a", NULL
};
static const char *const suffixes[] = {
    "co", "company", "ltd", "limited", "llc", "inc", "corp", "corporation", "sa", "gmbh",
    "establishment", "est", "trading", "fze", "fzco", "fzc", "plc", "sarl", "bv", "ag",
    "group", "jsc", "pjsc", "oao", "ooo", "zao", NULL
};

/* Whole-word spelling variants -> one spelling. Sorted only for reading. */
static const char *const variants[][2] = {
    { "mohammad", "muhammad" }, { "mohammed", "muhammad" }, { "mohamed", "muhammad" },
    { "muhammed", "muhammad" }, { "mohamad", "muhammad" }, { "muhamad", "muhammad" },
    { "mohammed", "muhammad" }, { "mehmet", "muhammad" }, { "mohd", "muhammad" },
    { "muhamed", "muhammad" }, { "mohamud", "muhammad" }, { "mahomed", "muhammad" },
    { "osama", "usama" }, { "ousama", "usama" }, { "oussama", "usama" },
    { "qaeda", "qaida" }, { "qaedah", "qaida" }, { "qaidah", "qaida" }, { "kaida", "qaida" },
    { "hezbollah", "hizballah" }, { "hizbullah", "hizballah" }, { "hizbollah", "hizballah" },
    { "hezbullah", "hizballah" }, { "hizbolla", "hizballah" }, { "hizballa", "hizballah" },
    { "qods", "quds" }, { "ghods", "quds" }, { "qudss", "quds" },
    { "esmail", "ismail" }, { "ismael", "ismail" }, { "esmaeil", "ismail" },
    { "esmaeel", "ismail" }, { "ismaeel", "ismail" }, { "ismaail", "ismail" },
    { "khirullah", "khairullah" }, { "khairollah", "khairullah" },
    { "khayrullah", "khairullah" }, { "khairulla", "khairullah" },
    { "khairkhwa", "khairkhwah" },
    { "yousef", "yusuf" }, { "yousuf", "yusuf" }, { "youssef", "yusuf" },
    { "yousif", "yusuf" }, { "yusef", "yusuf" }, { "josef", "yusuf" },
    { "hussein", "husayn" }, { "husain", "husayn" }, { "hossein", "husayn" },
    { "hussain", "husayn" }, { "husein", "husayn" }, { "hosein", "husayn" },
    { "hassan", "hasan" }, { "hasson", "hasan" },
    { "ahmed", "ahmad" }, { "ahmet", "ahmad" },
    { "abdallah", "abdullah" }, { "abdollah", "abdullah" }, { "abdulla", "abdullah" },
    { "mahmoud", "mahmud" }, { "mahmood", "mahmud" },
    { "mostafa", "mustafa" }, { "moustafa", "mustafa" }, { "mustapha", "mustafa" },
    { "omar", "umar" }, { "omer", "umar" },
    { "osman", "uthman" }, { "othman", "uthman" }, { "usman", "uthman" },
    { "jaafar", "jafar" }, { "jaffar", "jafar" }, { "ja'far", "jafar" },
    { "qassem", "qasem" }, { "qasim", "qasem" }, { "kassem", "qasem" }, { "ghasem", "qasem" },
    { "qassim", "qasem" }, { "kasim", "qasem" },
    { "soleimani", "sulaymani" }, { "suleimani", "sulaymani" }, { "solaimani", "sulaymani" },
    { "sulaimani", "sulaymani" }, { "soleymani", "sulaymani" },
    { "suleiman", "sulayman" }, { "sulaiman", "sulayman" }, { "soliman", "sulayman" },
    { "suleyman", "sulayman" }, { "soleiman", "sulayman" },
    { "abubakar", "abubakr" }, { "abubaker", "abubakr" }, { "abubakir", "abubakr" },
    { "bakar", "bakr" }, { "baker", "bakr" },
    { "mansour", "mansur" }, { "mansoor", "mansur" },
    { "nasrallah", "nasrullah" }, { "nasrollah", "nasrullah" },
    { "zawahiri", "zawahiri" }, { "zawahri", "zawahiri" },
    { "taliban", "taliban" }, { "taleban", "taliban" },
    { "shabaab", "shabab" }, { "shabab", "shabab" },
    { "houthi", "huthi" }, { "houthis", "huthi" }, { "huthis", "huthi" }, { "hothi", "huthi" },
    { "haqqanis", "haqqani" }, { "haqani", "haqqani" },
    { "jaish", "jaysh" }, { "jeish", "jaysh" }, { "jeysh", "jaysh" },
    { "lashkar", "lashkar" }, { "lashkare", "lashkar" },
    { "mujahideen", "mujahidin" }, { "mujahedin", "mujahidin" }, { "mujahedeen", "mujahidin" },
    { "islami", "islamic" }, { "islamiyah", "islamiya" }, { "islamiyya", "islamiya" },
    { "jamaat", "jamaat" }, { "jamaah", "jamaat" }, { "jamaa", "jamaat" }, { "jemaah", "jamaat" },
    { "gholamreza", "gholamreza" }, { "golamreza", "gholamreza" }, { "gholam", "ghulam" },
    { "ghulam", "ghulam" }, { "golam", "ghulam" },
    { "sayeed", "said" }, { "saeed", "said" }, { "saied", "said" }, { "sa'id", "said" },
    { "sayid", "said" },
    { "abdul", "abd" }, { "abdel", "abd" }, { "abdol", "abd" },
    { "sirajuddin", "sirajuddin" }, { "sirajudin", "sirajuddin" }, { "serajuddin", "sirajuddin" },
    { "jalaluddin", "jalaluddin" }, { "jalaludin", "jalaluddin" },
    { "akhtar", "akhtar" }, { "akhter", "akhtar" },
    { "zarqawi", "zarqawi" }, { "baghdadi", "baghdadi" },
    { "ali", "ali" }, { "aly", "ali" },
    { "ibrahim", "ibrahim" }, { "ebrahim", "ibrahim" }, { "ibraheem", "ibrahim" },
    { "abdulrahman", "abdrahman" }, { "abdurrahman", "abdrahman" },
    { "abdelrahman", "abdrahman" }, { "abdurahman", "abdrahman" },
    { "abdirahman", "abdrahman" },
    { "nakhala", "nakhalah" }, { "arouri", "aruri" }, { "aarouri", "aruri" },
    { "jamal", "jamal" }, { "gamal", "jamal" },
    { "yasin", "yasin" }, { "yaseen", "yasin" }, { "yassin", "yasin" },
    { "karim", "karim" }, { "kareem", "karim" },
    { "rahim", "rahim" }, { "raheem", "rahim" },
    { "rahman", "rahman" }, { "rehman", "rahman" },
    { "khalid", "khalid" }, { "khaled", "khalid" },
    { "walid", "walid" }, { "waleed", "walid" },
    { "majid", "majid" }, { "majeed", "majid" }, { "madjid", "majid" },
    { "hamid", "hamid" }, { "hameed", "hamid" },
    { "rashid", "rashid" }, { "rasheed", "rashid" },
    { "salih", "salih" }, { "saleh", "salih" },
    { "fawzi", "fawzi" }, { "fauzi", "fawzi" },
};

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return 1;
    return 0;
}

int name_is_title(const char *w, size_t n) { return in_list(titles, w, n); }

static const char *variant_of(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
        if (strlen(variants[i][0]) == n && memcmp(variants[i][0], w, n) == 0)
            return variants[i][1];
    return NULL;
}

/* ---- Skeleton -------------------------------------------------------------- */
static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

size_t name_skeleton(const char *w, size_t n, char *out, size_t outcap)
{
    size_t o = 0;
    if (!outcap) return 0;
    for (size_t i = 0; i < n && o + 1 < outcap; i++) {
        char c = w[i], nx = i + 1 < n ? w[i + 1] : 0, m;
        if (is_vowel(c)) {
            /* a leading vowel is kept as 'a' so Omar/Umar agree but Omar/Mar do not */
            if (i == 0) m = 'a';
            else continue;
        } else if ((c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 'z' || c == 'd' ||
                    c == 't' || c == 'p') && nx == 'h') {
            m = c == 'k' ? 'k' : c == 'g' ? 'g' : c == 's' || c == 'c' ? 'x' :
                c == 'z' ? 'j' : c == 'd' ? 'd' : c == 't' ? 't' : 'f';
            i++;
        } else if (c == 'h' && (i + 1 == n) && i > 0 && is_vowel(w[i - 1])) {
            continue;                       /* Mullah/Mulla, Abdallah/Abdalla */
        } else if (c == 'q' || c == 'c') {
            m = 'k';
        } else if (c == 'v') {
            m = 'w';
        } else if (c == 'd' && nx == 'j') {
            m = 'j'; i++;
        } else {
            m = c;
        }
        if (o && out[o - 1] == m) continue;
        out[o++] = m;
    }
    out[o] = 0;
    return o;
}

/* ---- Parsing ------------------------------------------------------------- */
static const char *form_put(name_form *f, const char *s, size_t n)
{
    if (f->used + n + 1 > sizeof f->text) return NULL;
    char *p = f->text + f->used;
    memcpy(p, s, n);
    p[n] = 0;
    f->used += n + 1;
    return p;
}

static void add_tok(name_form *f, const char *w, size_t n)
{
    if (f->n >= NAME_MAX_TOKS || n == 0 || n > 60) return;
    char tmp[130];
    const char *ow = w;
    size_t on = n;
    const char *v = variant_of(w, n);
    int kind = NAME_TOK_WORD;
    if (v) { w = v; n = strlen(v); }
    /* Abdulrahman / Abdel-Rahman: one spelling for the Abd- compound */
    if (!v && n > 6 && (!strncmp(w, "abdul", 5) || !strncmp(w, "abdel", 5) ||
                        !strncmp(w, "abdol", 5) || !strncmp(w, "abdur", 5) ||
                        !strncmp(w, "abdal", 5))) {
        snprintf(tmp, sizeof tmp, "abd%.*s", (int)(n - 5), w + 5);
        w = tmp; n = strlen(tmp);
    }
    if (in_list(titles, w, n)) kind = NAME_TOK_TITLE;
    else if (in_list(stops, w, n)) kind = NAME_TOK_STOP;
    else if (in_list(suffixes, w, n)) kind = NAME_TOK_SUFFIX;
    else if (n == 8 && !memcmp(w, "muhammad", 8)) kind = NAME_TOK_COMMON;
    name_tok *t = &f->t[f->n];
    char sk[64];
    size_t skn = name_skeleton(w, n, sk, sizeof sk);
    t->s = form_put(f, w, n);
    t->sk = form_put(f, sk, skn);
    t->o = on == n && !memcmp(ow, w, n) ? t->s : form_put(f, ow, on);
    if (!t->s || !t->sk || !t->o) return;
    t->olen = (uint8_t)on;
    t->len = (uint8_t)n;
    t->sklen = (uint8_t)skn;
    t->mask = t->omask = 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] >= 'a' && w[i] <= 'z') t->mask |= 1u << (w[i] - 'a');
    for (size_t i = 0; i < on; i++)
        if (ow[i] >= 'a' && ow[i] <= 'z') t->omask |= 1u << (ow[i] - 'a');
    t->kind = (uint8_t)kind;
    t->w = kind == NAME_TOK_TITLE ? 0.15f : kind == NAME_TOK_STOP ? 0.05f :
           kind == NAME_TOK_SUFFIX ? 0.3f : kind == NAME_TOK_COMMON ? 0.5f : 1.0f;
    f->n++;
}

void name_parse(const char *s, size_t n, name_form *f)
{
    buf b;
    buf_init(&b);
    f->n = 0;
    f->used = 0;
    if (n > NAME_TEXT_MAX) n = NAME_TEXT_MAX;
    /* "BAGHBANI, Gholamreza" (the OFAC order) is read "Gholamreza BAGHBANI",
    ** so that a trailing "Abdul" or "Abu" glues to the name after it */
    char rot[NAME_TEXT_MAX + 2];
    const char *comma = memchr(s, ',', n);
    if (comma && !memchr(comma + 1, ',', n - (size_t)(comma + 1 - s))) {
        size_t first = (size_t)(comma - s), rest = n - first - 1;
        memcpy(rot, comma + 1, rest);
        rot[rest] = ' ';
        memcpy(rot + rest + 1, s, first);
        s = rot;
        n = rest + 1 + first;
    }
    actor_fold(s, n, &b);
    const char *p = b.s ? b.s : "";
    char glue[130];
    size_t gl = 0;              /* a pending Abu/Abd prefix */
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *e = p;
        while (*e && *e != ' ') e++;
        size_t wl = (size_t)(e - p);
        if (in_list(particles, p, wl)) { p = e; continue; }
        if ((wl == 3 && (!memcmp(p, "abu", 3) || !memcmp(p, "abd", 3) || !memcmp(p, "umm", 3))) ||
            (wl == 4 && !memcmp(p, "abou", 4)) ||
            (wl == 5 && (!memcmp(p, "abdul", 5) || !memcmp(p, "abdel", 5) ||
                         !memcmp(p, "abdol", 5) || !memcmp(p, "abdur", 5) ||
                         !memcmp(p, "abdal", 5)))) {
            const char *pre = wl == 4 ? "abu" : wl == 5 ? "abd" : NULL;
            gl = (size_t)snprintf(glue, sizeof glue, "%.*s", pre ? 3 : (int)wl, pre ? pre : p);
            p = e;
            continue;
        }
        if (gl) {
            char w[130];
            int k = snprintf(w, sizeof w, "%.*s%.*s", (int)gl, glue, (int)(wl > 120 ? 120 : wl), p);
            add_tok(f, w, (size_t)k);
            gl = 0;
        } else {
            add_tok(f, p, wl);
        }
        p = e;
    }
    if (gl) add_tok(f, glue, gl);      /* a bare "Abu" */
    buf_fini(&b);
}

int name_pack(arena *a, const name_form *f, name_packed *out)
{
    out->n = (uint8_t)f->n;
    out->t = NULL;
    if (!f->n) return DOTS_OK;
    out->t = arena_alloc(a, f->n * sizeof *out->t);
    if (!out->t) return DOTS_ENOMEM;
    for (size_t i = 0; i < f->n; i++) {
        out->t[i] = f->t[i];
        out->t[i].s = arena_strndup(a, f->t[i].s, f->t[i].len);
        out->t[i].sk = arena_strndup(a, f->t[i].sk, f->t[i].sklen);
        out->t[i].o = f->t[i].o == f->t[i].s ? out->t[i].s
                                             : arena_strndup(a, f->t[i].o, f->t[i].olen);
        if (!out->t[i].s || !out->t[i].sk || !out->t[i].o) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

/* ---- Scoring --------------------------------------------------------------- */
static double jaro_winkler(const char *a, size_t la, const char *b, size_t lb)
{
    if (!la || !lb) return 0;
    if (la > 64 || lb > 64) return la == lb && !memcmp(a, b, la);
    size_t range = (la > lb ? la : lb) / 2;
    range = range ? range - 1 : 0;
    char ma[64] = {0}, mb[64] = {0};
    size_t m = 0;
    for (size_t i = 0; i < la; i++) {
        size_t lo = i > range ? i - range : 0, hi = i + range + 1 < lb ? i + range + 1 : lb;
        for (size_t j = lo; j < hi; j++) {
            if (mb[j] || a[i] != b[j]) continue;
            ma[i] = mb[j] = 1;
            m++;
            break;
        }
    }
    if (!m) return 0;
    size_t t = 0, k = 0;
    for (size_t i = 0; i < la; i++) {
        if (!ma[i]) continue;
        while (!mb[k]) k++;
        if (a[i] != b[k]) t++;
        k++;
    }
    double md = (double)m;
    double jaro = (md / la + md / lb + (md - t / 2.0) / md) / 3.0;
    size_t pre = 0;
    while (pre < 4 && pre < la && pre < lb && a[pre] == b[pre]) pre++;
    return jaro + pre * 0.1 * (1 - jaro);
}

static double tok_sim(const name_tok *a, const name_tok *b);

/* Two words: the better of their normalised and their written spellings
** ("Hosseinn" is a typo of Hossein, which the table turned into husayn). */
double name_tok_sim(const name_tok *a, const name_tok *b)
{
    double s = tok_sim(a, b);
    if (s < 1 && (a->o != a->s || b->o != b->s)) {
        name_tok x = *a, y = *b;
        x.s = a->o; x.len = a->olen; x.mask = a->omask;
        y.s = b->o; y.len = b->olen; y.mask = b->omask;
        double t = tok_sim(&x, &y);
        if (t > s) s = t;
    }
    return s;
}

static double tok_sim(const name_tok *a, const name_tok *b)
{
    if (a->len == b->len && !memcmp(a->s, b->s, a->len)) return 1.0;
    /* a title pairs only with itself: "Sheikh" is not "Shekau" */
    if ((a->kind == NAME_TOK_TITLE) != (b->kind == NAME_TOK_TITLE)) return 0;
    /* an initial pairs with the word it abbreviates */
    if ((a->len == 1 || b->len == 1) && a->s[0] == b->s[0]) return 0.7;
    if (a->len < 3 || b->len < 3) return 0;
    double s = 0;
    /* Jaro-Winkler >= 0.8 needs Jaro >= 0.667, so at least la*lb/(la+lb)
    ** characters in common; count those the letter sets allow first */
    size_t ca = 0, cb = 0;
    for (size_t i = 0; i < a->len; i++)
        ca += (unsigned char)a->s[i] >= 'a' && (unsigned char)a->s[i] <= 'z' ?
              (b->mask >> (a->s[i] - 'a')) & 1 : 1;
    for (size_t i = 0; i < b->len; i++)
        cb += (unsigned char)b->s[i] >= 'a' && (unsigned char)b->s[i] <= 'z' ?
              (a->mask >> (b->s[i] - 'a')) & 1 : 1;
    double mb = (double)(ca < cb ? ca : cb);
    if (mb / a->len + mb / b->len < 1.0) return 0;
    double jw = jaro_winkler(a->s, a->len, b->s, b->len);
    /* equal skeletons with different vowels: Suleimani/Soleimani yes, but
    ** Hasan/Hosni/Husayn (all "hsn") are different names */
    int same_sk = a->sklen >= 2 && a->sklen == b->sklen && !memcmp(a->sk, b->sk, a->sklen);
    if (same_sk && jw >= 0.8)
        s = 0.92;
    /* three-letter words differing in a vowel (Sam/Sem, Cao/Cae, Tam/Tom):
    ** romanisations of one syllable */
    else if (same_sk && a->len == 3 && b->len == 3 && a->s[0] == b->s[0])
        s = 0.88;
    if (jw >= 0.9 && jw * 0.97 > s) s = jw * 0.97;
    if (s == 0 && jw >= 0.8 && a->sklen >= 3 && b->sklen >= 3) {
        double js = jaro_winkler(a->sk, a->sklen, b->sk, b->sklen);
        if (js >= 0.93) s = 0.82;
    }
    return s >= 0.8 ? s : 0;
}

/* An acronym ("irgc", "pij") against the initials of the other name's words. */
static int acronym_of(const name_tok *a, size_t na, const name_tok *b, size_t nb)
{
    char acr[NAME_MAX_TOKS * 2 + 1], ini[NAME_MAX_TOKS + 1];
    size_t al = 0, il = 0;
    for (size_t i = 0; i < na; i++) {
        if (a[i].len > 6 || al + a[i].len >= sizeof acr) return 0;
        memcpy(acr + al, a[i].s, a[i].len);
        al += a[i].len;
    }
    for (size_t i = 0; i < nb; i++)
        if (b[i].kind != NAME_TOK_STOP) ini[il++] = b[i].s[0];
    return al >= 2 && al == il && !memcmp(acr, ini, al);
}

/* Find a run of unused words of t (stopwords skipped) whose initials spell
** w; marks and returns the run's weight, or -1. */
static double take_run(const name_tok *w, const name_tok *t, size_t n, int *used)
{
    if (w->len < 2 || w->len > 6) return -1;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0, j = i;
        while (j < n && k < w->len) {
            if (used[j]) break;
            if (t[j].kind == NAME_TOK_STOP && k) { j++; continue; }
            if (t[j].s[0] != w->s[k]) break;
            k++;
            j++;
        }
        if (k == w->len && k >= 2) {
            double wt = 0;
            for (size_t x = i; x < j; x++) { used[x] = 1; wt += t[x].w; }
            return wt;
        }
    }
    return -1;
}

static double side_weight(const name_tok *t, size_t n)
{
    double w = 0;
    for (size_t i = 0; i < n; i++) w += t[i].w;
    return w;
}

static size_t significant(const name_tok *t, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += t[i].kind == NAME_TOK_WORD || t[i].kind == NAME_TOK_COMMON;
    return k;
}

double name_score(const name_tok *a, size_t na, const name_tok *b, size_t nb, buf *why)
{
    return name_score_ex(a, na, b, nb, 1, why);
}

double name_score_ex(const name_tok *a, size_t na, const name_tok *b, size_t nb, int person,
                     buf *why)
{
    if (!na || !nb) {
        if (why) buf_puts(why, "nothing to compare (a name is empty after folding)");
        return 0;
    }
    if ((na <= 2 && nb >= 2 && acronym_of(a, na, b, nb)) ||
        (nb <= 2 && na >= 2 && acronym_of(b, nb, a, na))) {
        if (why) buf_puts(why, "acronym: one name is the initials of the other");
        return 0.9;
    }
    double sim[NAME_MAX_TOKS][NAME_MAX_TOKS];
    int ua[NAME_MAX_TOKS] = {0}, ub[NAME_MAX_TOKS] = {0};
    if (na > NAME_MAX_TOKS) na = NAME_MAX_TOKS;
    if (nb > NAME_MAX_TOKS) nb = NAME_MAX_TOKS;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) sim[i][j] = name_tok_sim(&a[i], &b[j]);
    double m = 0, cov_a = 0, cov_b = 0;
    for (;;) {                      /* greedy pairing, best pair first */
        double best = 0;
        size_t bi = 0, bj = 0;
        for (size_t i = 0; i < na; i++) {
            if (ua[i]) continue;
            for (size_t j = 0; j < nb; j++) {
                if (ub[j]) continue;
                /* ties go to the pair closest to the diagonal, so order breaks them */
                if (sim[i][j] > best) { best = sim[i][j]; bi = i; bj = j; }
            }
        }
        if (best <= 0) break;
        ua[bi] = ub[bj] = 1;
        m += best * (a[bi].w + b[bj].w);
        cov_a += best * a[bi].w;
        cov_b += best * b[bj].w;
        if (why) buf_printf(why, "%s%s=%s (%.2f)", why->len ? ", " : "paired: ",
                            a[bi].s, b[bj].s, best);
    }
    /* Acronyms left over pair with the words they abbreviate ("qf" = Qods
    ** Force); a name that spells a word out next to its acronym
    ** ("Guard Corps (IRGC)") does not count the spelt-out words twice. */
    double wa = side_weight(a, na), wb = side_weight(b, nb);
    for (int side = 0; side < 2; side++) {
        const name_tok *x = side ? b : a, *y = side ? a : b;
        size_t nx = side ? nb : na, ny = side ? na : nb;
        int *ux = side ? ub : ua, *uy = side ? ua : ub;
        double *cx = side ? &cov_b : &cov_a, *cy = side ? &cov_a : &cov_b;
        for (size_t i = 0; i < nx; i++) {
            double rw;
            if (!ux[i] && (rw = take_run(&x[i], y, ny, uy)) >= 0) {
                ux[i] = 1;
                m += 0.95 * (x[i].w + rw);
                *cx += 0.95 * x[i].w;
                *cy += 0.95 * rw;
                if (why) buf_printf(why, "%s%s=acronym (0.95)", why->len ? ", " : "paired: ", x[i].s);
            }
        }
        for (size_t i = 0; i < nx; i++) {
            double rw;
            int tmp[NAME_MAX_TOKS];
            memcpy(tmp, ux, sizeof tmp);
            if (ux[i] && (rw = take_run(&x[i], x, nx, tmp)) >= 0) {
                memcpy(ux, tmp, sizeof tmp);
                if (side) wb -= rw; else wa -= rw;
            }
        }
    }
    double dice = m / (wa + wb > 1e-6 ? wa + wb : 1e-6);
    double score = dice;
    /* A name with a middle name left out still names the same person: when
    ** the shorter name has 2+ real words and the longer one leaves at most one
    ** word over, coverage of the shorter name counts half. */
    size_t sa = significant(a, na), sb = significant(b, nb);
    if (wa < 1e-6) wa = 1e-6;
    if (wb < 1e-6) wb = 1e-6;
    double cov = wa <= wb ? cov_a / wa : cov_b / wb;
    if (cov > 1) cov = 1;
    size_t sshort = wa <= wb ? sa : sb;
    const name_tok *lt = wa <= wb ? b : a;
    const int *lu = wa <= wb ? ub : ua;
    size_t nl = wa <= wb ? nb : na, left = 0;
    for (size_t i = 0; i < nl; i++)
        left += !lu[i] && (lt[i].kind == NAME_TOK_WORD || lt[i].kind == NAME_TOK_COMMON);
    if (person && sshort >= 2 && left <= 1) score = 0.5 * dice + 0.5 * cov;
    if (why) {
        int first = 1;
        for (size_t i = 0; i < na; i++)
            if (!ua[i]) buf_printf(why, "%s%s", first ? "; left over in 1st: " : " ", a[i].s), first = 0;
        first = 1;
        for (size_t j = 0; j < nb; j++)
            if (!ub[j]) buf_printf(why, "%s%s", first ? "; left over in 2nd: " : " ", b[j].s), first = 0;
        if (!why->len || why->s[0] == ';') {
            char *rest = why->len ? strdup(why->s) : NULL;
            buf_reset(why);
            buf_printf(why, "no word pairs%s", rest ? rest : "");
            free(rest);
        }
    }
    if (score > 1) score = 1;
    return score;
}

double actor_name_similarity(const char *a, const char *b, buf *why)
{
    name_form *fa = malloc(sizeof *fa), *fb = malloc(sizeof *fb);
    double s = 0;
    if (fa && fb) {
        name_parse(a, strlen(a), fa);
        name_parse(b, strlen(b), fb);
        s = name_score(fa->t, fa->n, fb->t, fb->n, why);
    }
    free(fa);
    free(fb);
    return s;
}
