/* src/text/page_html.c -- segment an HTML page with gumbo.
** Gumbo decodes entities and builds the tree; we walk it without recursion
** (parent pointers, an explicit enter/leave loop), so nesting depth never
** touches the C stack. Gumbo itself slows down quadratically with depth
** (100k nested divs take seconds), so tags deeper than MAX_DEPTH are blanked
** out before parsing: replaced by spaces of the same length, which keeps
** every source offset exact while their text stays in the page.
** What is read where:
**   title   first h1 outside comments, else og:title, else <title>
**   date    <time datetime>, else meta article:published_time / date /
**           itemprop=datePublished
**   byline  rel=author, itemprop=author, class containing "byline"/"author"
**   body    text of block elements (p, li, h2-h6, div...), inside the
**           article (<article>, <main>, itemprop=articleBody, class
**           "article-body"/"entry-content"...) when the page has one
**   tags    <a rel=tag>, links inside class "tags"; topics: inside class
**           "topic"/"categor"
**   comments elements whose class or id contains "comment" form sections;
**           items in them (class "comment", "*-comment", "comment-item"...)
**           give author (class author/name/fn/user, <cite>) and text
** Dropped: script, style, noscript, template, nav, aside, footer, form,
** button, svg, iframe, select, and the text of comment meta (dates, "Reply").
** doc->text is title, date, bylines, body paragraphs, tags, comments and
** topics joined by blank lines; each segment records its source range (first
** and last byte of its text in the markup). */
#include "text/text_int.h"
#include "dots.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_DEPTH = 400 };

/* ---- Depth guard ---------------------------------------------------------- */
static int is_void_tag(const char *s, size_t n)
{
    static const char *const V[] = { "br", "img", "hr", "meta", "link", "input", "area",
        "base", "col", "embed", "source", "track", "wbr", "param", "keygen" };
    for (size_t k = 0; k < sizeof V / sizeof *V; k++)
        if (strlen(V[k]) == n && strncasecmp(s, V[k], n) == 0) return 1;
    return 0;
}

/* Blank (with spaces) every start tag that would open deeper than MAX_DEPTH.
** Depth is counted naively (start tags minus end tags, void and self-closing
** tags ignored, raw text of script/style skipped): enough to bound gumbo's
** work. Returns the number of tags blanked. */
static size_t flatten_deep(char *s, size_t len, size_t *first_off)
{
    size_t depth = 0, blanked = 0, i = 0;
    while (i < len) {
        char *lt = memchr(s + i, '<', len - i);
        if (!lt) break;
        i = (size_t)(lt - s);
        if (i + 1 >= len) break;
        if (s[i + 1] == '!') {
            const char *end = (i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-')
                ? strstr(s + i + 4, "-->") : memchr(s + i, '>', len - i);
            i = end ? (size_t)(end - s) + 1 : len;
            continue;
        }
        int close = s[i + 1] == '/';
        size_t ns = i + 1 + (size_t)close, ne = ns;
        if (ne >= len || !isalpha((unsigned char)s[ne])) { i++; continue; }
        while (ne < len && (isalnum((unsigned char)s[ne]) || s[ne] == '-' || s[ne] == ':')) ne++;
        const char *gt = memchr(s + ne, '>', len - ne);
        size_t te = gt ? (size_t)(gt - s) + 1 : len;
        if (close) { if (depth) depth--; i = te; continue; }
        int selfclose = te >= 2 && s[te - 2] == '/';
        if ((ne - ns == 6 && !strncasecmp(s + ns, "script", 6)) ||
            (ne - ns == 5 && !strncasecmp(s + ns, "style", 5))) {
            /* raw text up to the end tag */
            const char *name = s + ns;
            size_t nl = ne - ns, j = te;
            while (j + nl + 2 < len) {
                const char *e = memchr(s + j, '<', len - j);
                if (!e) { j = len; break; }
                j = (size_t)(e - s);
                if (j + nl + 2 <= len && s[j + 1] == '/' && !strncasecmp(s + j + 2, name, nl)) break;
                j++;
            }
            i = j;
            continue;
        }
        if (is_void_tag(s + ns, ne - ns) || selfclose) { i = te; continue; }
        if (depth >= MAX_DEPTH) {
            if (!blanked) *first_off = i;
            memset(s + i, ' ', te - i);
            blanked++;
        } else {
            depth++;
        }
        i = te;
    }
    return blanked;
}

/* ---- Accumulating text ------------------------------------------------------ */
/* Decoded text with collapsed spaces and the source range of its first and
** last non-space byte. */
typedef struct acc {
    buf t;
    size_t src_s, src_e;
    int has, space;
} acc;

static int acc_add(acc *a, const char *text, size_t tlen, const char *orig, size_t olen,
                   const char *src, size_t srclen)
{
    int rc = DOTS_OK;
    for (size_t i = 0; i < tlen && rc == DOTS_OK; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { a->space = 1; continue; }
        if (a->space && a->t.len) rc = buf_putc(&a->t, ' ');
        a->space = 0;
        if (rc == DOTS_OK) rc = buf_putc(&a->t, (char)c);
    }
    if (rc) return rc;
    /* the source range, when the node's original text lies in our buffer */
    if (orig && orig >= src && orig + olen <= src + srclen) {
        size_t s = 0, e = olen;
        while (s < e && isspace((unsigned char)orig[s])) s++;
        while (e > s && isspace((unsigned char)orig[e - 1])) e--;
        if (e > s) {
            size_t off = (size_t)(orig - src);
            if (!a->has) { a->src_s = off + s; a->has = 1; }
            a->src_e = off + e;
        }
    }
    return DOTS_OK;
}

static void acc_clear(acc *a)
{
    buf_reset(&a->t);
    if (a->t.s) a->t.s[0] = 0;
    a->has = a->space = 0;
    a->src_s = a->src_e = 0;
}

/* ---- Pieces: found in document order, laid out in canonical order -------- */
typedef struct piece {
    doc_seg_kind kind;
    char *text;               /* heap copy, decoded */
    size_t len;
    size_t src_s, src_e;
    int comment;              /* index into cmts, or -1 */
    int article;              /* body found inside the article */
    char iso[11];             /* SEG_DATE: the date it gives */
    int from_meta;            /* SEG_DATE: from a meta tag, used only without <time> */
} piece;

typedef struct cmt {
    char *author;             /* heap; "" when none */
    int empty;
} cmt;

typedef struct html {
    dots_doc *d;
    const char *src;
    size_t len;
    GumboNode *article;       /* the article element, if the page has one */
    int in_article;
    piece *p; size_t np, capp;
    cmt *c; size_t nc, capc;
    /* where the walk is: the node that opened each context, NULL if none */
    GumboNode *title_el, *h1_el, *byline_el, *time_el, *tag_el, *topics_el, *tags_el;
    GumboNode *date_el;       /* class "date"/"published"/"timestamp": a date if it parses */
    GumboNode *section, *item, *author_el, *meta_el;
    acc para, title, h1, byline, date, tag, author, item_para, item_text;
    int item_paras, section_items;
    char date_iso[11];
    int have_title_tag, have_og;
    size_t og_s, og_e; char *og;
} html;

static int add_piece(html *h, doc_seg_kind kind, const char *t, size_t n, size_t s, size_t e,
                     int comment)
{
    if (h->np == h->capp) {
        size_t nc = h->capp ? h->capp * 2 : 32;
        piece *q = realloc(h->p, nc * sizeof *q);
        if (!q) return DOTS_ENOMEM;
        h->p = q;
        h->capp = nc;
    }
    char *c = malloc(n + 1);
    if (!c) return DOTS_ENOMEM;
    memcpy(c, t, n);
    c[n] = 0;
    h->p[h->np++] = (piece){ kind, c, n, s, e, comment, h->in_article, "", 0 };
    return DOTS_OK;
}

static int add_acc(html *h, doc_seg_kind kind, acc *a)
{
    int rc = DOTS_OK;
    if (a->t.len) rc = add_piece(h, kind, a->t.s, a->t.len, a->src_s, a->src_e, -1);
    acc_clear(a);
    return rc;
}

/* ---- Element tests ------------------------------------------------------------ */
static const char *attr(const GumboNode *n, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static int ci_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return 1;
    return 0;
}

static int attr_has(const GumboNode *n, const char *name, const char *needle)
{
    const char *v = attr(n, name);
    return v && ci_contains(v, needle);
}

static int class_or_id(const GumboNode *n, const char *needle)
{
    return attr_has(n, "class", needle) || attr_has(n, "id", needle);
}

static int tag_is(const GumboNode *n, GumboTag t) { return n->v.element.tag == t; }

static int is_skipped(const GumboNode *n)
{
    switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MATH: case GUMBO_TAG_HEAD:
        return 1;
    default:
        return 0;
    }
}

static int is_block(const GumboNode *n)
{
    switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_BR: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
        return 1;
    default:
        return 0;
    }
}

static int is_article(const GumboNode *n)
{
    if (tag_is(n, GUMBO_TAG_ARTICLE) || tag_is(n, GUMBO_TAG_MAIN)) return 1;
    const char *ip = attr(n, "itemprop");
    if (ip && strcasecmp(ip, "articleBody") == 0) return 1;
    static const char *const C[] = { "article-body", "article-content", "entry-content",
        "post-content", "story-body", "article__body", "post-body" };
    for (size_t k = 0; k < sizeof C / sizeof *C; k++)
        if (attr_has(n, "class", C[k])) return 1;
    return 0;
}

/* 1 when one of n's class tokens satisfies pred (token, length). */
static int any_class(const GumboNode *n, int (*pred)(const char *c, size_t k))
{
    const char *c = attr(n, "class");
    if (!c) return 0;
    while (*c) {
        while (*c == ' ' || *c == '\t') c++;
        const char *e = c;
        while (*e && *e != ' ' && *e != '\t') e++;
        if (e > c && pred(c, (size_t)(e - c))) return 1;
        c = e;
    }
    return 0;
}

/* A comment item: "comment", "x-comment", "comment-item", "comment-entry". */
static int comment_token(const char *c, size_t k)
{
    const char *e = c + k;
    return (k == 7 && !strncasecmp(c, "comment", 7)) ||
           (k > 8 && !strncasecmp(e - 8, "-comment", 8)) ||
           (k == 12 && !strncasecmp(c, "comment-item", 12)) ||
           (k == 13 && !strncasecmp(c, "comment-entry", 13));
}

/* A date: "date", "date-x", "x-date", "published", "timestamp" (but not
** "candidate" or "updates"). */
static int date_token(const char *c, size_t k)
{
    const char *e = c + k;
    return (k >= 4 && !strncasecmp(c, "date", 4)) ||
           (k >= 5 && (!strncasecmp(e - 5, "-date", 5) || !strncasecmp(e - 5, "_date", 5))) ||
           (k >= 9 && !strncasecmp(c, "published", 9)) ||
           (k >= 9 && !strncasecmp(c, "timestamp", 9));
}

static int is_comment_item(const GumboNode *n) { return any_class(n, comment_token); }

static int date_class(const GumboNode *n) { return any_class(n, date_token); }

static int is_author_el(const GumboNode *n)
{
    if (tag_is(n, GUMBO_TAG_CITE)) return 1;
    if (attr_has(n, "rel", "author") || attr_has(n, "itemprop", "author")) return 1;
    static const char *const C[] = { "author", "name", "fn", "user", "nick" };
    for (size_t k = 0; k < sizeof C / sizeof *C; k++)
        if (attr_has(n, "class", C[k])) return 1;
    return 0;
}

static int is_meta_el(const GumboNode *n)
{
    if (tag_is(n, GUMBO_TAG_TIME)) return 1;
    static const char *const C[] = { "meta", "date", "time", "permalink", "reply", "vote",
        "actions", "avatar", "head" };
    for (size_t k = 0; k < sizeof C / sizeof *C; k++)
        if (attr_has(n, "class", C[k])) return 1;
    return 0;
}

/* ---- Comments ------------------------------------------------------------- */
static int flush_item_para(html *h)
{
    acc *a = &h->item_para, *t = &h->item_text;
    int rc = DOTS_OK;
    if (a->t.len) {
        if (t->t.len) rc = buf_puts(&t->t, "\n\n");
        if (!rc) rc = buf_append(&t->t, a->t.s, a->t.len);
        if (!t->has) { t->src_s = a->src_s; t->has = 1; }
        t->src_e = a->src_e;
    }
    acc_clear(a);
    return rc;
}

static int add_comment(html *h, const char *author, size_t alen, acc *text)
{
    if (h->nc == h->capc) {
        size_t nc = h->capc ? h->capc * 2 : 16;
        cmt *q = realloc(h->c, nc * sizeof *q);
        if (!q) return DOTS_ENOMEM;
        h->c = q;
        h->capc = nc;
    }
    char *a = malloc(alen + 1);
    if (!a) return DOTS_ENOMEM;
    memcpy(a, author, alen);
    a[alen] = 0;
    /* "Ann Lee says:" -> "Ann Lee" */
    size_t n = alen;
    while (n && (a[n - 1] == ':' || a[n - 1] == ' ')) a[--n] = 0;
    if (n > 5 && !strcmp(a + n - 5, " says")) a[n - 5] = 0;
    h->c[h->nc] = (cmt){ a, text->t.len == 0 };
    int rc = add_piece(h, SEG_COMMENT, text->t.s ? text->t.s : "", text->t.len,
                       text->src_s, text->has ? text->src_e : text->src_s, (int)h->nc);
    if (rc) { free(a); return rc; }
    h->nc++;
    return DOTS_OK;
}

static int end_item(html *h)
{
    int rc = flush_item_para(h);
    if (!h->item_text.has) {
        /* an empty comment sits where its element starts */
        size_t at = h->item->v.element.start_pos.offset;
        h->item_text.src_s = h->item_text.src_e = at <= h->len ? at : 0;
        h->item_text.has = 1;
    }
    if (!rc) rc = add_comment(h, h->author.t.s ? h->author.t.s : "", h->author.t.len, &h->item_text);
    acc_clear(&h->author);
    acc_clear(&h->item_text);
    h->item = NULL;
    h->author_el = h->meta_el = NULL;
    h->section_items++;
    return rc;
}

/* ---- The walk ------------------------------------------------------------ */
static int flush_para(html *h)
{
    if (h->item) return flush_item_para(h);
    if (h->section) {
        /* text in a comment section but in no item: kept as a loose paragraph */
        return flush_item_para(h);
    }
    if (h->article && !h->in_article) { acc_clear(&h->para); return DOTS_OK; }
    return add_acc(h, SEG_BODY, &h->para);
}

static acc *target(html *h)
{
    if (h->title_el) return &h->title;
    if (h->section) {
        if (h->author_el) return &h->author;
        if (h->meta_el) return NULL;
        return &h->item_para;
    }
    if (h->time_el || h->date_el) return &h->date;
    if (h->byline_el) return &h->byline;
    if (h->tag_el) return &h->tag;
    if (h->tags_el || h->topics_el) return NULL;      /* labels such as "Filed under:" */
    if (h->h1_el) return &h->h1;
    return &h->para;
}

static void meta_tag(html *h, GumboNode *n)
{
    const char *prop = attr(n, "property"), *name = attr(n, "name"), *ip = attr(n, "itemprop");
    const char *key = prop ? prop : name ? name : ip;
    GumboAttribute *content = gumbo_get_attribute(&n->v.element.attributes, "content");
    if (!key || !content) return;
    size_t vs = content->value_start.offset, ve = content->value_end.offset;
    if (vs < h->len && h->src[vs] == '"') vs++;
    if (vs < h->len && h->src[vs] == '\'') vs++;
    if (ve > vs && ve <= h->len && (h->src[ve - 1] == '"' || h->src[ve - 1] == '\'')) ve--;
    if (ve > h->len || ve < vs) vs = ve = 0;
    if (!strcasecmp(key, "og:title") && !h->og) {
        h->og = strdup(content->value);
        h->og_s = vs; h->og_e = ve;
    } else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "date") ||
               !strcasecmp(key, "pubdate") || !strcasecmp(key, "datePublished") ||
               !strcasecmp(key, "dc.date")) {
        char iso[11];
        if (text_parse_date(content->value, strlen(content->value), iso) &&
            add_piece(h, SEG_DATE, content->value, strlen(content->value), vs, ve, -1) == 0) {
            memcpy(h->p[h->np - 1].iso, iso, sizeof iso);
            h->p[h->np - 1].from_meta = 1;
        }
    }
}

/* <body class="comments-open"> or a wrapper around the article is no comment
** section: a section must not be body/html or hold the article. */
static int holds_article(const html *h, const GumboNode *n)
{
    if (tag_is(n, GUMBO_TAG_BODY) || tag_is(n, GUMBO_TAG_HTML) || is_article(n)) return 1;
    for (const GumboNode *a = h->article; a; a = a->parent)
        if (a == n) return 1;
    return 0;
}

/* Called when the walk enters an element; returns 1 to descend. */
static int enter(html *h, GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT) return 0;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_META) { meta_tag(h, n); return 0; }
    if (t == GUMBO_TAG_TITLE) {
        if (h->have_title_tag) return 0;
        h->title_el = n;
        return 1;
    }
    if (t == GUMBO_TAG_HEAD) return 1;          /* for title and meta only */
    if (is_skipped(n)) return 0;
    if (is_block(n) && flush_para(h)) return -1;
    if (n == h->article) h->in_article = 1;
    if (!h->section && (class_or_id(n, "comment") || class_or_id(n, "disqus") ||
                        class_or_id(n, "responses")) && !holds_article(h, n)) {
        h->section = n;
        h->section_items = 0;
        return 1;
    }
    if (h->section) {
        if (is_comment_item(n) && n != h->section) {
            if (h->item && end_item(h)) return -1;   /* a reply: its parent ends here */
            else if (!h->item && flush_item_para(h)) return -1;
            /* loose text before the first item is section chrome ("3 Comments") */
            acc_clear(&h->item_text);
            h->item = n;
            return 1;
        }
        if (h->item && !h->author_el && !h->author.t.len && is_author_el(n)) {
            h->author_el = n;
            return 1;
        }
        if (h->item && !h->meta_el && !h->author_el && is_meta_el(n)) h->meta_el = n;
        return 1;
    }
    if (!h->byline_el && (attr_has(n, "rel", "author") || attr_has(n, "itemprop", "author") ||
                          attr_has(n, "class", "byline") || attr_has(n, "class", "author"))) {
        h->byline_el = n;
        return 1;
    }
    if (!h->tags_el && (attr_has(n, "class", "tags") || attr_has(n, "class", "keywords"))) {
        h->tags_el = n;
        return 1;
    }
    if (!h->topics_el && (class_or_id(n, "topic") || class_or_id(n, "categor"))) {
        h->topics_el = n;
        return 1;
    }
    if (t == GUMBO_TAG_A && (attr_has(n, "rel", "tag") || h->tags_el || h->topics_el)) {
        h->tag_el = n;
        return 1;
    }
    if (t == GUMBO_TAG_TIME && !h->time_el) {
        const char *dt = attr(n, "datetime");
        char iso[11];
        if (dt && text_parse_date(dt, strlen(dt), iso)) {
            memcpy(h->date_iso, iso, sizeof iso);
            h->time_el = n;
        }
        return 1;
    }
    if (!h->time_el && !h->date_el && !h->date.t.len && date_class(n)) {
        h->date_el = n;
        return 1;
    }
    if (!h->h1_el && !h->h1.t.len &&
        (t == GUMBO_TAG_H1 || attr_has(n, "itemprop", "headline") ||
         attr_has(n, "class", "entry-title") || attr_has(n, "class", "post-title") ||
         attr_has(n, "class", "article-title") || attr_has(n, "class", "headline"))) {
        h->h1_el = n;
        return 1;
    }
    return 1;
}

static int leave(html *h, GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT) return DOTS_OK;
    int rc = DOTS_OK;
    if (n == h->title_el) { h->title_el = NULL; h->have_title_tag = 1; return DOTS_OK; }
    if (is_block(n) && (rc = flush_para(h))) return rc;
    if (n == h->article) h->in_article = 0;
    if (n == h->author_el) h->author_el = NULL;
    if (n == h->meta_el) h->meta_el = NULL;
    if (n == h->item) rc = end_item(h);
    if (n == h->section) {
        if (!rc) rc = flush_item_para(h);
        /* a section without items: its paragraphs are comments whose author was lost */
        if (!rc && !h->section_items && h->item_text.t.len) {
            rc = add_comment(h, "", 0, &h->item_text);
        }
        acc_clear(&h->item_text);
        h->section = NULL;
    }
    if (n == h->byline_el) { h->byline_el = NULL; if (!rc) rc = add_acc(h, SEG_BYLINE, &h->byline); }
    if (n == h->time_el) {
        h->time_el = NULL;
        if (!rc) {
            if (h->date.t.len) rc = add_acc(h, SEG_DATE, &h->date);
            else {
                const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, "datetime");
                size_t vs = a->value_start.offset + 1, ve = a->value_end.offset;
                if (ve > vs && ve <= h->len) ve--; else vs = ve = 0;
                rc = add_piece(h, SEG_DATE, a->value, strlen(a->value), vs, ve, -1);
            }
            if (!rc) memcpy(h->p[h->np - 1].iso, h->date_iso, sizeof h->date_iso);
        }
    }
    if (n == h->date_el) {
        h->date_el = NULL;
        char iso[11];
        /* a date if it reads as one ("Posted on May 2, 2016"), otherwise body text */
        if (!rc && h->date.t.len && text_parse_date(h->date.t.s, h->date.t.len, iso)) {
            rc = add_acc(h, SEG_DATE, &h->date);
            if (!rc) memcpy(h->p[h->np - 1].iso, iso, sizeof iso);
        } else if (!rc) {
            rc = add_acc(h, h->byline_el ? SEG_BYLINE : SEG_BODY, &h->date);
        }
    }
    if (n == h->tag_el) {
        h->tag_el = NULL;
        if (!rc) rc = add_acc(h, h->topics_el && !h->tags_el ? SEG_TOPICS : SEG_TAGS, &h->tag);
    }
    if (n == h->tags_el) h->tags_el = NULL;
    if (n == h->topics_el) h->topics_el = NULL;
    if (n == h->h1_el) { h->h1_el = NULL; }
    return rc;
}

static int text_node(html *h, GumboNode *n)
{
    if (n->type != GUMBO_NODE_TEXT && n->type != GUMBO_NODE_WHITESPACE &&
        n->type != GUMBO_NODE_CDATA)
        return DOTS_OK;
    acc *a = target(h);
    if (!a) return DOTS_OK;
    const GumboText *t = &n->v.text;
    return acc_add(a, t->text, strlen(t->text), t->original_text.data, t->original_text.length,
                   h->src, h->len);
}

static int walk(html *h, GumboNode *root)
{
    GumboNode *n = root;
    while (n) {
        int down = 0;
        if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_DOCUMENT) {
            down = n->type == GUMBO_NODE_DOCUMENT ? 1 : enter(h, n);
            if (down < 0) return DOTS_ENOMEM;
            GumboVector *ch = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                                               : &n->v.element.children;
            if (down && ch->length) { n = ch->data[0]; continue; }
        } else if (text_node(h, n)) {
            return DOTS_ENOMEM;
        }
        /* leave n and every ancestor that has no next sibling */
        while (n) {
            if (n->type == GUMBO_NODE_ELEMENT && leave(h, n)) return DOTS_ENOMEM;
            if (n == root) { n = NULL; break; }
            GumboNode *p = n->parent;
            if (!p) { n = NULL; break; }
            GumboVector *ch = p->type == GUMBO_NODE_DOCUMENT ? &p->v.document.children
                                                             : &p->v.element.children;
            size_t next = n->index_within_parent + 1;
            if (next < ch->length) { n = ch->data[next]; break; }
            n = p;
        }
    }
    return DOTS_OK;
}

/* The article: the first element that looks like one (iterative search). */
static GumboNode *find_article(GumboNode *root)
{
    GumboNode *n = root;
    while (n) {
        if (n->type == GUMBO_NODE_ELEMENT && is_article(n) && !class_or_id(n, "comment"))
            return n;
        GumboVector *ch = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                        : n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children : NULL;
        if (ch && ch->length && !(n->type == GUMBO_NODE_ELEMENT && is_skipped(n))) {
            n = ch->data[0];
            continue;
        }
        while (n) {
            if (n == root || !n->parent) return NULL;
            GumboNode *p = n->parent;
            GumboVector *pc = p->type == GUMBO_NODE_DOCUMENT ? &p->v.document.children
                                                             : &p->v.element.children;
            size_t next = n->index_within_parent + 1;
            if (next < pc->length) { n = pc->data[next]; break; }
            n = p;
        }
    }
    return NULL;
}

/* ---- Assembling the document ----------------------------------------------- */
static int emit(html *h, buf *text, const piece *p)
{
    dots_doc *d = h->d;
    if (text->len && buf_puts(text, "\n\n")) return DOTS_ENOMEM;
    uint32_t s = (uint32_t)text->len;
    if (buf_append(text, p->text, p->len)) return DOTS_ENOMEM;
    int g = text_add_seg(d, p->kind, s, (uint32_t)text->len, p->src_s, p->src_e);
    if (g < 0) return DOTS_ENOMEM;
    if (p->kind == SEG_COMMENT) {
        doc_comment *c = doc_add_comment(d);
        if (!c) return DOTS_ENOMEM;
        const cmt *m = &h->c[p->comment];
        c->author = arena_strdup(d->arena, m->author);
        c->start = s; c->end = (uint32_t)text->len;
        c->src_start = p->src_s; c->src_end = p->src_e;
        c->empty = m->empty;
        d->segs[g].comment = (int)(d->ncomments - 1);
        if (!c->author) return DOTS_ENOMEM;
    }
    return DOTS_OK;
}

static const char *strip_by(const char *s)
{
    if (!strncasecmp(s, "by ", 3)) s += 3;
    while (*s == ' ') s++;
    return s;
}

static int assemble(html *h)
{
    dots_doc *d = h->d;
    buf text;
    buf_init(&text);
    int rc = DOTS_ENOMEM;
    piece title = { SEG_TITLE, NULL, 0, 0, 0, -1, 0, "", 0 };
    if (h->h1.t.len) {
        title.text = h->h1.t.s; title.len = h->h1.t.len;
        title.src_s = h->h1.src_s; title.src_e = h->h1.src_e;
    } else if (h->og && *h->og) {
        title.text = h->og; title.len = strlen(h->og);
        title.src_s = h->og_s; title.src_e = h->og_e;
    } else if (h->title.t.len) {
        title.text = h->title.t.s; title.len = h->title.t.len;
        title.src_s = h->title.src_s; title.src_e = h->title.src_e;
        /* "Headline | Site" or "Headline - Site": drop the shorter site name */
        static const char *const SEP[] = { " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 " };
        for (size_t k = 0; k < sizeof SEP / sizeof *SEP; k++) {
            const char *last = NULL, *q = title.text;
            while ((q = strstr(q, SEP[k]))) last = q++;
            if (!last) continue;
            size_t keep = (size_t)(last - title.text);
            if (keep >= title.len - keep - strlen(SEP[k]) && keep > 0) {
                size_t cut = title.len - keep;
                title.len = keep;
                /* the source range shrinks by the same bytes when no entity intervened */
                if (title.src_e - title.src_s == keep + cut) title.src_e -= cut;
                else if (title.src_e >= title.src_s + keep) title.src_e = title.src_s + keep;
            }
            break;
        }
    }
    if (title.text) {
        if (emit(h, &text, &title)) goto out;
        if (!(d->title = arena_strndup(d->arena, title.text, title.len))) goto out;
    }
    /* canonical order: date, bylines, body, tags, comments, topics */
    static const doc_seg_kind ORDER[] = { SEG_DATE, SEG_BYLINE, SEG_BODY, SEG_TAGS,
                                          SEG_COMMENT, SEG_TOPICS };
    /* one date: the first <time>, else the first meta date */
    const piece *date = NULL;
    for (size_t i = 0; i < h->np; i++)
        if (h->p[i].kind == SEG_DATE && (!date || (date->from_meta && !h->p[i].from_meta)))
            date = &h->p[i];
    for (size_t k = 0; k < sizeof ORDER / sizeof *ORDER; k++) {
        for (size_t i = 0; i < h->np; i++) {
            const piece *p = &h->p[i];
            if (p->kind != ORDER[k]) continue;
            if (p->kind == SEG_DATE && p != date) continue;
            if (emit(h, &text, p)) goto out;
            if (p->kind == SEG_BYLINE && !d->byline &&
                !(d->byline = arena_strdup(d->arena, strip_by(p->text))))
                goto out;
            if (p->kind == SEG_TAGS && text_add_str(d, &d->tags, &d->ntags, p->text, p->len))
                goto out;
            if (p->kind == SEG_TOPICS &&
                text_add_str(d, &d->topics, &d->ntopics, p->text, p->len))
                goto out;
        }
    }
    if (date && date->iso[0] && !(d->date = arena_strdup(d->arena, date->iso))) goto out;
    char *t = arena_alloc(d->arena, text.len + 1);
    if (!t) goto out;
    if (text.len) memcpy(t, text.s, text.len);
    t[text.len] = 0;
    d->text = t;
    d->len = text.len;
    d->text_is_src = 0;
    rc = DOTS_OK;
out:
    buf_fini(&text);
    return rc;
}

int text_parse_html(dots_doc *d, char *err, size_t errlen)
{
    html h = { .d = d };
    GumboOptions opt = kGumboDefaultOptions;
    GumboOutput *out = NULL;
    int rc = DOTS_ENOMEM;
    size_t nrep = 0;
    if (d->src_len > UINT32_MAX / 2)
        return base_err(err, errlen, DOTS_EFORMAT, "%s: page too large (%zu bytes)", d->file,
                        d->src_len);
    /* gumbo reads a same-length copy: valid UTF-8, no NUL, deep tags blanked */
    char *src = text_sanitize(d, d->file, d->src, d->src_len, &nrep);
    if (!src) goto fail;
    size_t first = 0, blanked = flatten_deep(src, d->src_len, &first);
    if (blanked) {
        size_t line, col;
        base_line_col(d->src, d->src_len, first, &line, &col);
        doc_warn(d, "%s: elements nested deeper than %d from line %zu, column %zu: "
                 "%zu tags ignored, their text kept", d->file, MAX_DEPTH, line, col, blanked);
    }
    h.src = src;
    h.len = d->src_len;
    opt.max_errors = 100;
    out = gumbo_parse_with_options(&opt, src, d->src_len);
    if (!out) goto fail;
    h.article = find_article(out->root);
    h.in_article = 0;
    if ((rc = walk(&h, out->document))) goto fail;
    if ((rc = flush_para(&h))) goto fail;
    rc = assemble(&h);
fail:
    if (out) gumbo_destroy_output(&opt, out);
    for (size_t i = 0; i < h.np; i++) free(h.p[i].text);
    for (size_t i = 0; i < h.nc; i++) free(h.c[i].author);
    free(h.p); free(h.c); free(h.og);
    acc *accs[] = { &h.para, &h.title, &h.h1, &h.byline, &h.date, &h.tag, &h.author,
                    &h.item_para, &h.item_text };
    for (size_t i = 0; i < sizeof accs / sizeof *accs; i++) buf_fini(&accs[i]->t);
    if (rc) return base_err(err, errlen, rc, "%s: %s", d->file, dots_strerror(rc));
    return DOTS_OK;
}
