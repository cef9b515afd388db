/* src/text/page.c -- text_parse: pick the format, make the document, hand it
** to the parser for that format; and the helpers the parsers share.
** Sanitizing keeps offsets exact: every invalid UTF-8 byte becomes '?' and every
** NUL a space, byte for byte, so the sanitized copy has the file's length and
** a token's offsets are the file's. Each line with replaced bytes is reported
** (the first 20 one by one, then a summary), so nothing is lost silently. */
#include "text/text.h"
#include "text/text_int.h"
#include "dots.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Format ---------------------------------------------------------------- */
static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

const char *text_detect_format(const char *file, const char *src, size_t len)
{
    if (file) {
        if (ends_with(file, ".html") || ends_with(file, ".htm") || ends_with(file, ".xhtml"))
            return "html";
        if (ends_with(file, ".jsonl") || ends_with(file, ".ndjson")) return "jsonl";
        if (ends_with(file, ".txt") || ends_with(file, ".text")) return "text";
    }
    size_t i = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && isspace((unsigned char)src[i])) i++;
    if (i < len && src[i] == '{') return "jsonl";
    if (i < len && src[i] == '<') {
        /* "<" starts markup when a tag name or "!"/"?" follows */
        if (i + 1 < len && (isalpha((unsigned char)src[i + 1]) || src[i + 1] == '!' ||
                            src[i + 1] == '?'))
            return "html";
    }
    return "text";
}

/* ---- Sanitizing ------------------------------------------------------------ */
/* Length of the valid UTF-8 sequence at s[i], 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t left = len - i;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && (s[i + 1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[i + 1] < 0xA0) return 0;        /* overlong */
        if (c == 0xED && s[i + 1] >= 0xA0) return 0;       /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[i + 1] < 0x90) return 0;
        if (c == 0xF4 && s[i + 1] >= 0x90) return 0;
        return 4;
    }
    return 0;
}

enum { MAX_LINE_WARNINGS = 20 };

char *text_sanitize(dots_doc *d, const char *label, const char *src, size_t len, size_t *nrep)
{
    return text_sanitize_at(d, label, src, len, 1, nrep);
}

char *text_sanitize_at(dots_doc *d, const char *label, const char *src, size_t len,
                       size_t line1, size_t *nrep)
{
    char *t = arena_alloc(d->arena, len + 1);
    if (!t) return NULL;
    memcpy(t, src, len);
    t[len] = 0;
    const unsigned char *u = (const unsigned char *)t;
    size_t line = line1, line_start = 0, scanned = 0;    /* line count up to `scanned` */
    size_t total = 0, warned = 0, more_lines = 0, more_bytes = 0;
    size_t i = 0;
    while (i < len) {
        /* fast path: plain ASCII without NUL */
        while (i < len && u[i] < 0x80 && u[i] != 0) i++;
        if (i >= len) break;
        size_t n = u[i] ? utf8_len(u, len, i) : 0;
        if (n) { i += n; continue; }
        /* a bad byte: find its line, then fix every bad byte of that line */
        for (; scanned < i; scanned++)
            if (u[scanned] == '\n') { line++; line_start = scanned + 1; }
        size_t col = i - line_start + 1, bad = 0, nul = 0;
        const char *eol = memchr(t + i, '\n', len - i);
        size_t end = eol ? (size_t)(eol - t) : len;
        while (i < end) {
            if (u[i] < 0x80 && u[i] != 0) { i++; continue; }
            n = u[i] ? utf8_len(u, len, i) : 0;
            if (n) { i += n; continue; }
            if (u[i] == 0) { t[i] = ' '; nul++; } else { t[i] = '?'; bad++; }
            i++;
        }
        total += bad + nul;
        if (warned < MAX_LINE_WARNINGS) {
            if (bad)
                doc_warn(d, "%s: invalid UTF-8 at line %zu, column %zu (%zu bytes replaced)",
                         label, line, col, bad);
            if (nul)
                doc_warn(d, "%s: NUL bytes at line %zu, column %zu (%zu bytes replaced)",
                         label, line, col, nul);
            warned++;
        } else {
            more_lines++;
            more_bytes += bad + nul;
        }
    }
    if (more_lines)
        doc_warn(d, "%s: invalid UTF-8 or NUL bytes on %zu more lines (%zu bytes replaced)",
                 label, more_lines, more_bytes);
    if (nrep) *nrep = total;
    return t;
}

/* ---- Dates ----------------------------------------------------------------- */
static const char *const MONTHS[12] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"
};

/* A month name (full, 3-letter or "Sept", optional dot) at s; returns its length. */
static size_t month_at(const char *s, size_t len, int *mon)
{
    size_t n = 0;
    while (n < len && isalpha((unsigned char)s[n])) n++;
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(MONTHS[m]);
        if ((n == full || n == 3 || (m == 8 && n == 4)) && strncasecmp(s, MONTHS[m], n) == 0) {
            *mon = m + 1;
            if (n < full && n < len && s[n] == '.') n++;
            return n;
        }
    }
    return 0;
}

static size_t digits(const char *s, size_t len, size_t max, int *val)
{
    size_t n = 0;
    int v = 0;
    while (n < len && n < max && isdigit((unsigned char)s[n])) v = v * 10 + (s[n++] - '0');
    if (n < len && isdigit((unsigned char)s[n])) return 0;
    *val = v;
    return n;
}

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    return i;
}

static const char *const DATE_PREFIX[] = {
    "published on", "published:", "published", "posted on", "posted:", "posted",
    "updated on", "updated:", "updated", "last updated:", "date:", "dated:", "on "
};
static const char *const WEEKDAYS[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

size_t text_parse_date(const char *s, size_t len, char iso[11])
{
    size_t i = skip_ws(s, len, 0), n;
    int y = 0, m = 0, dd = 0;
    for (size_t k = 0; k < sizeof DATE_PREFIX / sizeof *DATE_PREFIX; k++) {
        size_t pl = strlen(DATE_PREFIX[k]);
        if (len - i > pl && strncasecmp(s + i, DATE_PREFIX[k], pl) == 0) {
            i = skip_ws(s, len, i + pl);
            break;
        }
    }
    for (int k = 0; k < 7; k++) {
        size_t wl = strlen(WEEKDAYS[k]);
        if (len - i >= wl && strncasecmp(s + i, WEEKDAYS[k], wl) == 0) i += wl;
        else if (len - i >= 4 && strncasecmp(s + i, WEEKDAYS[k], 3) == 0 &&
                 !isalpha((unsigned char)s[i + 3])) i += 3;
        else continue;
        if (i < len && s[i] == '.') i++;
        if (i < len && s[i] == ',') i++;
        i = skip_ws(s, len, i);
        break;
    }
    size_t st = i;
    if ((n = digits(s + i, len - i, 4, &y)) == 4 && i + n < len &&
        (s[i + n] == '-' || s[i + n] == '/')) {
        char sep = s[i + n];
        i += n + 1;
        if (!(n = digits(s + i, len - i, 2, &m))) return 0;
        i += n;
        if (i >= len || s[i] != sep) return 0;
        i++;
        if (!(n = digits(s + i, len - i, 2, &dd))) return 0;
        i += n;
    } else if ((n = month_at(s + st, len - st, &m))) {           /* May 21, 2016 */
        i = skip_ws(s, len, st + n);
        if (!(n = digits(s + i, len - i, 2, &dd))) return 0;
        i += n;
        if (len - i >= 2 && (!strncasecmp(s + i, "st", 2) || !strncasecmp(s + i, "nd", 2) ||
                             !strncasecmp(s + i, "rd", 2) || !strncasecmp(s + i, "th", 2)))
            i += 2;
        if (i < len && s[i] == ',') i++;
        i = skip_ws(s, len, i);
        if ((n = digits(s + i, len - i, 4, &y)) != 4) return 0;
        i += n;
    } else if ((n = digits(s + st, len - st, 2, &dd))) {          /* 21 May 2016 */
        i = skip_ws(s, len, st + n);
        if (!(n = month_at(s + i, len - i, &m))) return 0;
        i += n;
        if (i < len && s[i] == ',') i++;
        i = skip_ws(s, len, i);
        if ((n = digits(s + i, len - i, 4, &y)) != 4) return 0;
        i += n;
    } else {
        return 0;
    }
    /* "2016-05-21T10:00:00Z": a time may follow the date */
    if (i < len && isalnum((unsigned char)s[i]) &&
        !(s[i] == 'T' && i + 1 < len && isdigit((unsigned char)s[i + 1])))
        return 0;
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || dd < 1 || dd > 31) return 0;
    iso[0] = (char)('0' + y / 1000); iso[1] = (char)('0' + y / 100 % 10);
    iso[2] = (char)('0' + y / 10 % 10); iso[3] = (char)('0' + y % 10);
    iso[4] = '-'; iso[5] = (char)('0' + m / 10); iso[6] = (char)('0' + m % 10);
    iso[7] = '-'; iso[8] = (char)('0' + dd / 10); iso[9] = (char)('0' + dd % 10);
    iso[10] = 0;
    return i;
}

/* ---- Documents ------------------------------------------------------------- */
int text_add_seg(dots_doc *d, doc_seg_kind kind, uint32_t start, uint32_t end,
                 size_t src_start, size_t src_end)
{
    doc_seg *g = doc_add_seg(d);
    if (!g) return -1;
    g->kind = kind;
    g->start = start;
    g->end = end;
    g->src_start = src_start;
    g->src_end = src_end;
    g->comment = -1;
    return (int)(d->nsegs - 1);
}

const char *text_base_name(dots_doc *d, const char *file)
{
    const char *b = strrchr(file, '/');
    return arena_strdup(d->arena, b ? b + 1 : file);
}

int text_add_str(dots_doc *d, const char ***list, size_t *n, const char *s, size_t len)
{
    /* capacity doubles at powers of two; old arrays stay in the arena */
    if ((*n & (*n - 1)) == 0) {
        size_t cap = *n ? *n * 2 : 4;
        const char **p = arena_alloc(d->arena, cap * sizeof *p);
        if (!p) return DOTS_ENOMEM;
        if (*n) memcpy(p, *list, *n * sizeof *p);
        *list = p;
    }
    const char *c = arena_strndup(d->arena, s, len);
    if (!c) return DOTS_ENOMEM;
    (*list)[(*n)++] = c;
    return DOTS_OK;
}

static dots_doc *new_doc(const char *file, const char *src, size_t len, const char *format)
{
    dots_doc *d = doc_new();
    if (!d) return NULL;
    d->file = arena_strdup(d->arena, file);
    d->name = text_base_name(d, file);
    d->format = format;
    d->src = src;
    d->src_len = len;
    if (!d->file || !d->name) { doc_free(d); return NULL; }
    return d;
}

int text_parse(const char *file, const char *src, size_t len, const char *format,
               dots_doc ***docs, size_t *ndocs, char *err, size_t errlen)
{
    *docs = NULL;
    *ndocs = 0;
    if (!file) file = "-";
    if (!format) format = text_detect_format(file, src, len);
    if (strcmp(format, "jsonl") == 0)
        return text_parse_jsonl(file, src, len, docs, ndocs, err, errlen);
    int html = strcmp(format, "html") == 0;
    if (!html && strcmp(format, "text") != 0)
        return base_err(err, errlen, DOTS_EINVAL, "%s: unknown format '%s' (text, html, jsonl)",
                        file, format);
    dots_doc *d = new_doc(file, src, len, html ? "html" : "text");
    dots_doc **arr = malloc(sizeof *arr);
    int rc = DOTS_ENOMEM;
    if (!d || !arr) {
        base_err(err, errlen, rc, "%s: out of memory", file);
        goto fail;
    }
    rc = html ? text_parse_html(d, err, errlen) : text_parse_plain(d, err, errlen);
    if (rc) goto fail;
    arr[0] = d;
    *docs = arr;
    *ndocs = 1;
    return DOTS_OK;
fail:
    doc_free(d);
    free(arr);
    return rc;
}
