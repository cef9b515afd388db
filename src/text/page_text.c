/* src/text/page_text.c -- segment plain text as scraped from a web page.
** The text of the document is a same-length sanitized copy of the file, so
** every offset is a file offset. A scraped page reads, top to bottom:
**
**   title line; optional date line and "By ..." line (any order)
**   body paragraphs (blocks of lines separated by blank lines), perhaps an
**   author note ("NAME is a Senior Fellow at ...") at the end
**   "Tags: a, b" (the values are often lost: "Tags: , , ,")
**   reader comments, each opened by a header line: an optional bullet
**   (• * - ·) and "NAME says:" / "NAME wrote:" / "Comment by NAME ...";
**   once comments have begun, a bullet line without a header is a comment
**   whose author line was lost; a header followed directly by the next
**   header is an empty comment
**   trailing topic lists: short lines without end punctuation, each alone
**
** The dev-eval shape (title, ISO date, blank line, body) is the simplest case.
** Rules look at the shape of lines, never at one site's wording, and a line
** that fits no rule stays body text: nothing is dropped except blank lines,
** bullets and comment headings ("17 Comments", "Leave a Reply"). */
#include "text/text_int.h"
#include "dots.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct line {
    size_t start, end;      /* content without leading/trailing space, \r */
    size_t indent;          /* leading space bytes */
    int blank_before;       /* blank lines before it */
} line;

enum { L_TEXT, L_BLANK, L_TAGS, L_TOPICHEAD, L_CHEAD, L_COMMENT, L_BULLET };

typedef struct parse {
    dots_doc *d;
    const char *t;          /* sanitized text */
    size_t len;
    line *ln;
    size_t n;
} parse;

/* ---- Lines ------------------------------------------------------------------ */
static int is_sp(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Unicode spaces that scraped text is full of: NBSP, thin spaces, BOM */
static size_t uspace_len(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (is_sp(u[0])) return 1;
    if (len - i >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;
    if (len - i >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return 3;
    if (len - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8B || u[2] == 0xAF)) return 3;
    return 0;
}

static int split_lines(parse *p)
{
    size_t cap = 64, i = 0, blanks = 0;
    p->ln = malloc(cap * sizeof *p->ln);
    if (!p->ln) return DOTS_ENOMEM;
    while (i < p->len) {
        const char *nl = memchr(p->t + i, '\n', p->len - i);
        size_t e = nl ? (size_t)(nl - p->t) : p->len, s = i, k;
        while (s < e && (k = uspace_len(p->t, e, s))) s += k;
        size_t ce = e;
        while (ce > s) {
            if (is_sp((unsigned char)p->t[ce - 1])) { ce--; continue; }
            if (ce - s >= 2 && (unsigned char)p->t[ce - 2] == 0xC2 &&
                (unsigned char)p->t[ce - 1] == 0xA0) { ce -= 2; continue; }
            break;
        }
        if (ce == s) blanks++;
        else {
            if (p->n == cap) {
                line *q = realloc(p->ln, (cap *= 2) * sizeof *q);
                if (!q) return DOTS_ENOMEM;
                p->ln = q;
            }
            p->ln[p->n++] = (line){ s, ce, s - i, (int)blanks };
            blanks = 0;
        }
        i = e + 1;
    }
    return DOTS_OK;
}

/* ---- Line shapes ------------------------------------------------------------ */
static int starts_ci(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    return len >= n && strncasecmp(s, w, n) == 0;
}

/* A bullet and the space after it; returns the bytes to skip, 0 if none. */
static size_t bullet_len(const char *s, size_t len)
{
    static const char *const B[] = { "\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x97\xA6",
        "\xE2\x96\xAA", "\xE2\x80\xA3", "\xC2\xB7", "*", "-", "\xE2\x80\x93" };
    for (size_t k = 0; k < sizeof B / sizeof *B; k++) {
        size_t n = strlen(B[k]);
        if (len > n && memcmp(s, B[k], n) == 0 && (s[n] == ' ' || s[n] == '\t')) {
            while (n < len && (s[n] == ' ' || s[n] == '\t')) n++;
            return n;
        }
        if (len == n && memcmp(s, B[k], n) == 0) return n;
    }
    return 0;
}

static const char *const SAYS[] = { " says", " said", " wrote", " writes", " commented",
                                    " replied", " comments" };

/* A comment header after the bullet: "NAME says:", "NAME wrote on May 2:",
** "Comment by NAME", "Posted by NAME on DATE". On success sets the author range
** and where the comment's own text starts (after the colon, or the line's end). */
static int comment_header(const char *s, size_t len, size_t *a0, size_t *a1, size_t *text)
{
    if (len > 200) return 0;
    static const char *const BY[] = { "comment by ", "comment from ", "posted by ",
                                      "reply from ", "reply by " };
    for (size_t k = 0; k < sizeof BY / sizeof *BY; k++) {
        if (!starts_ci(s, len, BY[k])) continue;
        size_t st = strlen(BY[k]), e = st;
        /* the name runs to " on ", " at ", ",", "|", "(" or ":" */
        while (e < len && s[e] != ',' && s[e] != '|' && s[e] != '(' && s[e] != ':' &&
               !(len - e >= 4 && (!memcmp(s + e, " on ", 4) || !memcmp(s + e, " at ", 4))))
            e++;
        while (e > st && s[e - 1] == ' ') e--;
        if (e == st || e - st > 60) return 0;
        *a0 = st; *a1 = e;
        const char *colon = memchr(s + e, ':', len - e);
        /* a time "10:32" is not the header's colon; the last colon is */
        size_t c = len;
        if (colon && s[len - 1] == ':') c = len;
        else if (colon && !isdigit((unsigned char)colon[1])) c = (size_t)(colon - s) + 1;
        *text = c;
        return 1;
    }
    for (size_t k = 0; k < sizeof SAYS / sizeof *SAYS; k++) {
        size_t wl = strlen(SAYS[k]);
        for (size_t i = 1; i + wl <= len && i <= 60; i++) {
            if (memcmp(s + i, SAYS[k], wl) != 0) continue;
            size_t j = i + wl;
            if (j < len && isalpha((unsigned char)s[j])) continue;
            /* up to 40 bytes of date/time, then the colon */
            size_t c = j;
            while (c < len && c - j <= 40 && s[c] != ':') c++;
            if (c - j > 40) continue;
            if (c >= len) {
                if (c - j > 0) continue;     /* "X says" without colon: only bare */
                continue;
            }
            /* a time inside the date part ("at 10:32 am:") */
            while (c + 1 < len && isdigit((unsigned char)s[c + 1]) && c > j) {
                const char *nc = memchr(s + c + 1, ':', len - c - 1);
                if (!nc) break;
                c = (size_t)(nc - s);
            }
            /* the name is at most 6 words and has no sentence punctuation */
            int words = 1;
            for (size_t q = 0; q < i; q++) {
                if (s[q] == ' ') words++;
                if (s[q] == ';' || s[q] == '"' || s[q] == '!' || s[q] == '?') words = 99;
            }
            if (words > 6) return 0;
            *a0 = 0; *a1 = i; *text = c + 1;
            return 1;
        }
    }
    return 0;
}

static int is_tags(const char *s, size_t len, size_t *vals)
{
    static const char *const T[] = { "tags:", "tagged:", "tagged with:", "filed under:",
                                      "keywords:", "labels:", "tags :" };
    for (size_t k = 0; k < sizeof T / sizeof *T; k++)
        if (starts_ci(s, len, T[k])) { *vals = strlen(T[k]); return 1; }
    return 0;
}

static int is_topic_head(const char *s, size_t len, size_t *vals)
{
    static const char *const T[] = { "related topics:", "topics:", "related topics",
        "topics", "categories:", "category:", "more on:", "related:" };
    for (size_t k = 0; k < sizeof T / sizeof *T; k++) {
        size_t n = strlen(T[k]);
        if (starts_ci(s, len, T[k]) && (T[k][n - 1] == ':' || len == n)) { *vals = n; return 1; }
    }
    return 0;
}

/* "17 Comments", "Comments", "Reader comments (3)", "Leave a Reply" */
static int is_comment_heading(const char *s, size_t len)
{
    if (len > 60) return 0;
    size_t i = 0;
    while (i < len && (isdigit((unsigned char)s[i]) || s[i] == ' ')) i++;
    static const char *const H[] = { "comments", "comment", "reader comments", "responses",
        "response", "replies", "discussion", "leave a reply", "leave a comment",
        "join the discussion", "what readers say", "reader reactions", "thoughts on " };
    for (size_t k = 0; k < sizeof H / sizeof *H; k++) {
        size_t n = strlen(H[k]);
        if (!starts_ci(s + i, len - i, H[k])) continue;
        size_t j = i + n;
        if (H[k][n - 1] == ' ') return 1;
        while (j < len && (s[j] == ' ' || s[j] == ':' || s[j] == '(' || s[j] == ')' ||
                           isdigit((unsigned char)s[j])))
            j++;
        if (j == len) return 1;
    }
    return 0;
}

/* A topic: a short line of at most 6 words with no sentence punctuation. */
static int topic_like(const char *s, size_t len)
{
    if (len == 0 || len > 60) return 0;
    int words = 1;
    for (size_t i = 0; i < len; i++) if (s[i] == ' ') words++;
    if (words > 6) return 0;
    unsigned char last = (unsigned char)s[len - 1];
    if (strchr(".!?:;,\"')", last)) return 0;
    if (len >= 3 && (unsigned char)s[len - 3] == 0xE2) return 0;   /* ” … */
    return 1;
}

static int is_bio(const char *s, size_t len)
{
    if (len > 600 || len < 20) return 0;
    if (starts_ci(s, len, "about the author") || starts_ci(s, len, "reporting by") ||
        starts_ci(s, len, "written by") || starts_ci(s, len, "additional reporting"))
        return 1;
    /* "Firstname Lastname is a ... (fellow|editor|correspondent...)" */
    size_t i = 0;
    int words = 0;
    while (i < len && words < 6) {
        if (!isupper((unsigned char)s[i])) break;
        while (i < len && s[i] != ' ') i++;
        words++;
        i++;
        if (i + 3 <= len && memcmp(s + i, "is ", 3) == 0) break;
    }
    if (words < 2 || words > 5 || i + 3 > len || memcmp(s + i, "is ", 3) != 0) return 0;
    static const char *const R[] = { "ellow", "ditor", "orrespondent", "eporter", "riter",
        "ournalist", "nalyst", "uthor", "ontributor", "esearcher", "rofessor", "irector",
        "olumnist", "cholar", "hief" };
    for (size_t k = 0; k < sizeof R / sizeof *R; k++) {
        size_t n = strlen(R[k]);
        for (size_t q = i; q + n <= len && q < i + 200; q++)
            if (memcmp(s + q, R[k], n) == 0) return 1;
    }
    return 0;
}

/* ---- Segments --------------------------------------------------------------- */
static int seg(parse *p, doc_seg_kind k, size_t s, size_t e)
{
    return text_add_seg(p->d, k, (uint32_t)s, (uint32_t)e, s, e) < 0 ? DOTS_ENOMEM : DOTS_OK;
}

static const char *dup(parse *p, size_t s, size_t e)
{
    return arena_strndup(p->d->arena, p->t + s, e - s);
}

/* Comma-separated values of a tags or topics line into a list. */
static int add_values(parse *p, const char ***list, size_t *n, size_t s, size_t e)
{
    while (s < e) {
        const char *c = memchr(p->t + s, ',', e - s);
        size_t ve = c ? (size_t)(c - p->t) : e, a = s, b = ve;
        while (a < b && isspace((unsigned char)p->t[a])) a++;
        while (b > a && isspace((unsigned char)p->t[b - 1])) b--;
        if (b > a && text_add_str(p->d, list, n, p->t + a, b - a)) return DOTS_ENOMEM;
        s = ve + 1;
    }
    return DOTS_OK;
}

static int classify(parse *p, size_t k, int in_comments, size_t *a0, size_t *a1, size_t *tx)
{
    const line *l = &p->ln[k];
    const char *s = p->t + l->start;
    size_t len = l->end - l->start, v;
    if (is_tags(s, len, &v)) return L_TAGS;
    if (is_comment_heading(s, len)) return L_CHEAD;
    size_t b = bullet_len(s, len);
    if (comment_header(s + b, len - b, a0, a1, tx)) {
        /* without bullet and outside comments, a header must be a short line of its own */
        if (b || in_comments || (*tx >= len - b && len < 100)) {
            *a0 += b; *a1 += b; *tx += b;
            return L_COMMENT;
        }
    }
    if (b && in_comments) { *a0 = *a1 = b; *tx = b; return L_BULLET; }
    if (is_topic_head(s, len, &v)) return L_TOPICHEAD;
    return L_TEXT;
}

/* Where trailing topics begin (index of the first topic line), or p->n. */
static size_t find_topics(parse *p, size_t from, int had_comments, size_t *head)
{
    size_t k = p->n, v;
    *head = (size_t)-1;
    int multi_blank = 0;
    while (k > from) {
        const line *l = &p->ln[k - 1];
        const char *s = p->t + l->start;
        size_t len = l->end - l->start;
        if (is_topic_head(s, len, &v)) { *head = k - 1; break; }
        if (!topic_like(s, len) || bullet_len(s, len)) break;
        /* each topic stands alone: a blank line before it and after it */
        if (l->blank_before == 0) break;
        if (k < p->n && p->ln[k].blank_before == 0) break;
        if (l->blank_before >= 2 || (k < p->n && p->ln[k].blank_before >= 2)) multi_blank = 1;
        k--;
    }
    if (*head != (size_t)-1) return *head;
    size_t nt = p->n - k;
    if (nt == 0 || k <= from) return p->n;
    const line *prev = &p->ln[k - 1];
    int indent_break = prev->indent > 0 && p->ln[k].indent == 0 && had_comments;
    if ((nt >= 2 && (had_comments || multi_blank)) || indent_break) return k;
    return p->n;
}

/* ---- The parser ------------------------------------------------------------- */
typedef struct pending {
    int open;
    size_t author_s, author_e, hdr_end;   /* hdr_end: where an empty comment sits */
    int has_author;
    size_t text_s, text_e;                /* text range, text_s == 0 && !has_text: none */
    int has_text;
} pending;

static int flush_comment(parse *p, pending *c)
{
    if (!c->open) return DOTS_OK;
    c->open = 0;
    doc_comment *m = doc_add_comment(p->d);
    if (!m) return DOTS_ENOMEM;
    m->author = c->has_author ? dup(p, c->author_s, c->author_e) : "";
    if (!m->author) return DOTS_ENOMEM;
    size_t s = c->has_text ? c->text_s : c->hdr_end, e = c->has_text ? c->text_e : c->hdr_end;
    m->start = (uint32_t)s; m->end = (uint32_t)e;
    m->src_start = s; m->src_end = e;
    m->empty = !c->has_text;
    int g = text_add_seg(p->d, SEG_COMMENT, (uint32_t)s, (uint32_t)e, s, e);
    if (g < 0) return DOTS_ENOMEM;
    p->d->segs[g].comment = (int)(p->d->ncomments - 1);
    return DOTS_OK;
}

static void comment_text(pending *c, size_t s, size_t e)
{
    if (s >= e) return;
    if (!c->has_text) { c->text_s = s; c->has_text = 1; }
    c->text_e = e;
}

/* Title, date and byline lines at the top; returns the first body line. */
static int header(parse *p, size_t *first)
{
    size_t k = 0;
    if (p->n == 0) { *first = 0; return DOTS_OK; }
    const line *l = &p->ln[0];
    char iso[11];
    if (l->end - l->start <= 400 && !text_parse_date(p->t + l->start, l->end - l->start, iso)) {
        if (seg(p, SEG_TITLE, l->start, l->end)) return DOTS_ENOMEM;
        if (!(p->d->title = dup(p, l->start, l->end))) return DOTS_ENOMEM;
        k = 1;
    }
    for (; k < p->n && k < 8; k++) {
        l = &p->ln[k];
        const char *s = p->t + l->start;
        size_t len = l->end - l->start, n;
        if (len > 160) break;
        if (!p->d->date && (n = text_parse_date(s, len, iso))) {
            if (seg(p, SEG_DATE, l->start, l->start + n)) return DOTS_ENOMEM;
            if (!(p->d->date = arena_strdup(p->d->arena, iso))) return DOTS_ENOMEM;
            /* "May 21, 2016 | By Thomas Joscelyn" */
            size_t r = n;
            while (r < len && strchr(" |,-\xE2\x80\x94\x93", s[r])) r++;
            if (r < len && starts_ci(s + r, len - r, "by ")) {
                if (seg(p, SEG_BYLINE, l->start + r, l->end)) return DOTS_ENOMEM;
                if (!(p->d->byline = dup(p, l->start + r + 3, l->end))) return DOTS_ENOMEM;
            }
            continue;
        }
        if (!p->d->byline && len < 120 && (starts_ci(s, len, "by ") || starts_ci(s, len, "author:") ||
                                           starts_ci(s, len, "written by "))) {
            size_t a = starts_ci(s, len, "by ") ? 3 : starts_ci(s, len, "author:") ? 7 : 11;
            while (a < len && s[a] == ' ') a++;
            /* a byline may carry a date after a separator: "By X | May 2, 2016" */
            size_t e = a;
            while (e < len && s[e] != '|' && !(len - e >= 3 && !memcmp(s + e, " - ", 3)) &&
                   !(len - e >= 5 && !memcmp(s + e, " \xE2\x80\x94 ", 5)))
                e++;
            size_t be = e;
            while (be > a && s[be - 1] == ' ') be--;
            if (seg(p, SEG_BYLINE, l->start, l->start + be)) return DOTS_ENOMEM;
            if (!(p->d->byline = dup(p, l->start + a, l->start + be))) return DOTS_ENOMEM;
            while (e < len && !isalnum((unsigned char)s[e])) e++;
            if (!p->d->date && e < len && (n = text_parse_date(s + e, len - e, iso))) {
                if (seg(p, SEG_DATE, l->start + e, l->start + e + n)) return DOTS_ENOMEM;
                if (!(p->d->date = arena_strdup(p->d->arena, iso))) return DOTS_ENOMEM;
            }
            continue;
        }
        break;
    }
    *first = k;
    return DOTS_OK;
}

static int body(parse *p, size_t first)
{
    int rc = DOTS_OK, in_comments = 0, had_comments = 0;
    pending c = {0};
    size_t para_s = 0, para_e = 0, last_body = (size_t)-1, head;
    int in_para = 0;

    /* do comments or tags occur at all? (it decides how trailing lines read) */
    for (size_t k = first; k < p->n; k++) {
        size_t a0, a1, tx;
        int cl = classify(p, k, had_comments, &a0, &a1, &tx);
        if (cl == L_COMMENT || cl == L_TAGS || cl == L_CHEAD) { had_comments = 1; break; }
    }
    size_t topics = find_topics(p, first, had_comments, &head);

#define END_PARA()                                                                    \
    do {                                                                              \
        if (in_para) {                                                                \
            if ((rc = seg(p, SEG_BODY, para_s, para_e))) goto out;                    \
            last_body = p->d->nsegs - 1;                                              \
            in_para = 0;                                                              \
        }                                                                             \
    } while (0)

    for (size_t k = first; k < topics; k++) {
        const line *l = &p->ln[k];
        size_t a0, a1, tx;
        int cl = classify(p, k, in_comments, &a0, &a1, &tx);
        if (cl == L_TAGS || cl == L_CHEAD || cl == L_COMMENT || cl == L_BULLET) {
            END_PARA();
            if ((rc = flush_comment(p, &c))) goto out;
        }
        if (cl == L_TAGS) {
            size_t v = 0;
            is_tags(p->t + l->start, l->end - l->start, &v);
            if ((rc = seg(p, SEG_TAGS, l->start, l->end))) goto out;
            if ((rc = add_values(p, &p->d->tags, &p->d->ntags, l->start + v, l->end))) goto out;
            continue;
        }
        if (cl == L_CHEAD) { in_comments = 1; continue; }
        if (cl == L_COMMENT || cl == L_BULLET) {
            in_comments = 1;
            c = (pending){ .open = 1, .author_s = l->start + a0, .author_e = l->start + a1,
                           .hdr_end = l->end, .has_author = cl == L_COMMENT };
            /* strip a trailing colon and spaces from the author */
            while (c.author_e > c.author_s && strchr(" :", p->t[c.author_e - 1])) c.author_e--;
            size_t ts = l->start + tx;
            while (ts < l->end && p->t[ts] == ' ') ts++;
            comment_text(&c, ts, l->end);
            continue;
        }
        if (c.open) { comment_text(&c, l->start, l->end); continue; }
        if (cl == L_TOPICHEAD) {
            END_PARA();
            size_t v = 0;
            is_topic_head(p->t + l->start, l->end - l->start, &v);
            if ((rc = seg(p, SEG_TOPICS, l->start, l->end))) goto out;
            if ((rc = add_values(p, &p->d->topics, &p->d->ntopics, l->start + v, l->end)))
                goto out;
            continue;
        }
        /* body text: a paragraph is a run of lines without a blank between */
        if (in_para && l->blank_before) END_PARA();
        if (!in_para) { para_s = l->start; in_para = 1; }
        para_e = l->end;
    }
    END_PARA();
    if ((rc = flush_comment(p, &c))) goto out;
    for (size_t k = topics; k < p->n; k++) {
        const line *l = &p->ln[k];
        size_t v = 0;
        if (k == head) is_topic_head(p->t + l->start, l->end - l->start, &v);
        if ((rc = seg(p, SEG_TOPICS, l->start, l->end))) goto out;
        if ((rc = add_values(p, &p->d->topics, &p->d->ntopics, l->start + v, l->end))) goto out;
    }
    /* the last body paragraph may be an author note */
    if (last_body != (size_t)-1) {
        doc_seg *g = &p->d->segs[last_body];
        if (g->start > 0 && is_bio(p->t + g->start, g->end - g->start)) {
            g->kind = SEG_BYLINE;
            if (!p->d->byline && !(p->d->byline = dup(p, g->start, g->end))) rc = DOTS_ENOMEM;
        }
    }
#undef END_PARA
out:
    return rc;
}

int text_parse_plain(dots_doc *d, char *err, size_t errlen)
{
    parse p = { .d = d };
    size_t nrep;
    int rc = DOTS_ENOMEM;
    char *t = text_sanitize(d, d->file, d->src, d->src_len, &nrep);
    if (!t) goto fail;
    d->text = t;
    d->len = d->src_len;
    d->text_is_src = 1;
    p.t = t;
    p.len = d->len;
    size_t first;
    if ((rc = split_lines(&p))) goto fail;
    if ((rc = header(&p, &first))) goto fail;
    if ((rc = body(&p, first))) goto fail;
    free(p.ln);
    return DOTS_OK;
fail:
    free(p.ln);
    return base_err(err, errlen, rc, "%s: %s", d->file, dots_strerror(rc));
}
