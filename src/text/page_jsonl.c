/* src/text/page_jsonl.c -- JSON Lines: one document per non-empty line,
**   {"id","title","date","url","text","comments":[{"author","text"}]}
** plus optional "author"/"byline", "tags" and "topics" (arrays of strings).
** Jansson validates each line and gives the structure; to give every segment
** its exact source range we also find each string's raw bytes ourselves and
** decode them with a map from decoded byte to source offset (escapes make the
** two differ). The body is the "text" split into paragraphs at blank lines
** (at single newlines when it has no blank line). doc->text joins title,
** date, byline, paragraphs and comments with blank lines.
** Each line is sanitized (invalid UTF-8 to '?', NUL to space, reported) before
** jansson sees it, so one bad byte costs a warning, not the file. A line that
** still is not valid JSON stops the file with "FILE: line N, column C: why";
** the documents before it are kept. */
#include "text/text_int.h"
#include "dots.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- Raw spans ------------------------------------------------------------ */
static size_t ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    return i;
}

/* i at '"'; returns the index after the closing quote (len if none). */
static size_t skip_string(const char *s, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (s[i] == '\\') { i++; continue; }
        if (s[i] == '"') return i + 1;
    }
    return len;
}

/* Skip any value at i, without recursion (depth is a counter). */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    size_t depth = 0;
    i = ws(s, len, i);
    do {
        if (i >= len) return len;
        char c = s[i];
        if (c == '"') i = skip_string(s, len, i);
        else if (c == '{' || c == '[') { depth++; i++; }
        else if (c == '}' || c == ']') { if (depth) depth--; i++; }
        else if (depth && (c == ',' || c == ':' || isspace((unsigned char)c))) i++;
        else {
            while (i < len && !strchr(",}] \t\r\n", s[i])) i++;
        }
        if (depth) i = ws(s, len, i);
    } while (depth);
    return i;
}

/* In the object at o (at '{'), the value of key: its start, or 0 if absent. */
static size_t member(const char *s, size_t len, size_t o, const char *key)
{
    size_t kl = strlen(key), i = ws(s, len, o + 1);
    while (i < len && s[i] == '"') {
        size_t ke = skip_string(s, len, i);
        int match = ke - i - 2 == kl && memcmp(s + i + 1, key, kl) == 0;
        i = ws(s, len, ke);
        if (i >= len || s[i] != ':') return 0;
        i = ws(s, len, i + 1);
        if (match) return i;
        i = ws(s, len, skip_value(s, len, i));
        if (i < len && s[i] == ',') i = ws(s, len, i + 1);
    }
    return 0;
}

/* The start of element k of the array at a (at '['), or 0. */
static size_t element(const char *s, size_t len, size_t a, size_t k)
{
    size_t i = ws(s, len, a + 1);
    for (size_t n = 0; i < len && s[i] != ']'; n++) {
        if (n == k) return i;
        i = ws(s, len, skip_value(s, len, i));
        if (i < len && s[i] == ',') i = ws(s, len, i + 1);
    }
    return 0;
}

/* ---- Decoding with an offset map --------------------------------------------- */
typedef struct dstr {
    buf t;
    size_t *map;        /* map[i]: source offset of the char that gave byte i; map[len]: end */
} dstr;

static int hex4(const char *s, size_t len, size_t i, unsigned *v)
{
    if (i + 4 > len) return 0;
    *v = 0;
    for (size_t k = 0; k < 4; k++) {
        char c = s[i + k];
        unsigned d = isdigit((unsigned char)c) ? (unsigned)(c - '0')
                   : (c >= 'a' && c <= 'f') ? (unsigned)(c - 'a' + 10)
                   : (c >= 'A' && c <= 'F') ? (unsigned)(c - 'A' + 10) : 16u;
        if (d > 15) return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

static int put(dstr *d, const char *b, size_t n, size_t off)
{
    for (size_t k = 0; k < n; k++) d->map[d->t.len + k] = off;
    return buf_append(&d->t, b, n);
}

/* Decode the string at q (at '"'); offsets in map are base + index. */
static int decode(const char *s, size_t len, size_t q, size_t base, dstr *d)
{
    size_t end = skip_string(s, len, q);
    buf_reset(&d->t);
    free(d->map);
    if (!(d->map = malloc((end - q + 1) * sizeof *d->map))) return DOTS_ENOMEM;
    size_t i = q + 1, stop = end > q + 1 ? end - 1 : q + 1;
    int rc = DOTS_OK;
    while (i < stop && rc == DOTS_OK) {
        size_t at = i;
        if (s[i] != '\\') {
            size_t j = i + 1;
            while (j < stop && s[j] != '\\') j++;
            for (size_t k = i; k < j; k++) d->map[d->t.len + k - i] = base + k;
            rc = buf_append(&d->t, s + i, j - i);
            i = j;
            continue;
        }
        char e = i + 1 < stop ? s[i + 1] : 0, c = 0;
        unsigned u, lo;
        switch (e) {
        case 'n': c = '\n'; break;
        case 't': c = '\t'; break;
        case 'r': c = '\r'; break;
        case 'b': c = ' '; break;
        case 'f': c = ' '; break;
        case '/': c = '/'; break;
        case '\\': c = '\\'; break;
        case '"': c = '"'; break;
        case 'u':
            if (!hex4(s, stop, i + 2, &u)) { rc = DOTS_EFORMAT; break; }
            i += 6;
            if (u >= 0xD800 && u < 0xDC00 && i + 6 <= stop && s[i] == '\\' && s[i + 1] == 'u' &&
                hex4(s, stop, i + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (u >= 0xD800 && u < 0xE000) {
                u = 0xFFFD;                         /* a lone surrogate */
            }
            if (u == 0) u = ' ';                    /* keep text NUL-free */
            {
                char b[4];
                size_t n;
                if (u < 0x80) { b[0] = (char)u; n = 1; }
                else if (u < 0x800) { b[0] = (char)(0xC0 | u >> 6); b[1] = (char)(0x80 | (u & 63)); n = 2; }
                else if (u < 0x10000) {
                    b[0] = (char)(0xE0 | u >> 12); b[1] = (char)(0x80 | ((u >> 6) & 63));
                    b[2] = (char)(0x80 | (u & 63)); n = 3;
                } else {
                    b[0] = (char)(0xF0 | u >> 18); b[1] = (char)(0x80 | ((u >> 12) & 63));
                    b[2] = (char)(0x80 | ((u >> 6) & 63)); b[3] = (char)(0x80 | (u & 63)); n = 4;
                }
                rc = put(d, b, n, base + at);
            }
            continue;
        default:
            rc = DOTS_EFORMAT;
            break;
        }
        if (rc) break;
        rc = put(d, &c, 1, base + at);
        i += 2;
    }
    if (rc == DOTS_OK) d->map[d->t.len] = base + stop;
    return rc;
}

/* ---- Records -------------------------------------------------------------- */
typedef struct rec {
    dots_doc *d;
    const char *file;
    const char *line;     /* sanitized line */
    size_t len, base, lineno;
    buf text;             /* doc->text under construction */
    dstr ds;
} rec;

/* Append s[a,b) of the decoded string as a segment; returns its index. */
static int add_text_seg(rec *r, doc_seg_kind kind, size_t a, size_t b)
{
    const dstr *d = &r->ds;
    if (r->text.len && buf_puts(&r->text, "\n\n")) return -1;
    uint32_t st = (uint32_t)r->text.len;
    if (buf_append(&r->text, d->t.s + a, b - a)) return -1;
    return text_add_seg(r->d, kind, st, (uint32_t)r->text.len, d->map[a], d->map[b]);
}

static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && isspace((unsigned char)s[*a])) (*a)++;
    while (*b > *a && isspace((unsigned char)s[*b - 1])) (*b)--;
}

/* Decode the string member key of the object at o; 1 if present, 0 if absent
** or not a string (then warned about), -1 on error. */
static int get_str(rec *r, size_t o, const char *key, json_t *jv)
{
    if (!jv || json_is_null(jv)) return 0;
    if (!json_is_string(jv)) {
        doc_warn(r->d, "%s: line %zu: \"%s\" is not a string, ignored", r->file, r->lineno, key);
        return 0;
    }
    size_t v = member(r->line, r->len, o, key);
    if (!v || r->line[v] != '"') return 0;
    return decode(r->line, r->len, v, r->base, &r->ds) ? -1 : 1;
}

static int list_field(rec *r, json_t *j, const char *key, const char ***list, size_t *n)
{
    json_t *a = json_object_get(j, key), *v;
    size_t i;
    if (!a) return DOTS_OK;
    if (!json_is_array(a)) {
        doc_warn(r->d, "%s: line %zu: \"%s\" is not an array, ignored", r->file, r->lineno, key);
        return DOTS_OK;
    }
    json_array_foreach(a, i, v) {
        if (json_is_string(v)) {
            if (text_add_str(r->d, list, n, json_string_value(v), json_string_length(v)))
                return DOTS_ENOMEM;
        } else {
            doc_warn(r->d, "%s: line %zu: %s[%zu] is not a string, ignored", r->file,
                     r->lineno, key, i);
        }
    }
    return DOTS_OK;
}

static int body(rec *r)
{
    const char *t = r->ds.t.s;
    size_t n = r->ds.t.len;
    int blank = 0;
    for (size_t i = 0; i + 1 < n && !blank; i++) {
        if (t[i] != '\n') continue;
        size_t j = i + 1;
        while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) j++;
        blank = j < n && t[j] == '\n';
    }
    size_t i = 0;
    while (i < n) {
        /* a paragraph ends at a blank line (or at any newline when there is none) */
        size_t e = i;
        while (e < n) {
            if (t[e] == '\n') {
                if (!blank) break;
                size_t j = e + 1;
                while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) j++;
                if (j >= n || t[j] == '\n') break;
            }
            e++;
        }
        size_t a = i, b = e;
        trim(t, &a, &b);
        if (b > a && add_text_seg(r, SEG_BODY, a, b) < 0) return DOTS_ENOMEM;
        i = e + 1;
    }
    return DOTS_OK;
}

static int comments(rec *r, json_t *j, size_t o)
{
    json_t *a = json_object_get(j, "comments"), *c;
    size_t k;
    if (!a || json_is_null(a)) return DOTS_OK;
    size_t av = member(r->line, r->len, o, "comments");
    if (!json_is_array(a) || !av || r->line[av] != '[') {
        doc_warn(r->d, "%s: line %zu: \"comments\" is not an array, ignored", r->file, r->lineno);
        return DOTS_OK;
    }
    json_array_foreach(a, k, c) {
        size_t e = element(r->line, r->len, av, k);
        const char *author = "";
        json_t *jt = c;
        size_t tv = e;                      /* where the text string starts */
        if (json_is_object(c)) {
            json_t *ja = json_object_get(c, "author");
            if (json_is_string(ja)) author = json_string_value(ja);
            jt = json_object_get(c, "text");
            tv = e ? member(r->line, r->len, e, "text") : 0;
        } else if (!json_is_string(c)) {
            doc_warn(r->d, "%s: line %zu: comments[%zu] is neither an object nor a string, ignored",
                     r->file, r->lineno, k);
            continue;
        }
        doc_comment *m = doc_add_comment(r->d);
        if (!m || !(m->author = arena_strdup(r->d->arena, author))) return DOTS_ENOMEM;
        int idx = (int)(r->d->ncomments - 1), g;
        size_t a0 = 0, b0 = 0;
        if (json_is_string(jt) && tv && r->line[tv] == '"') {
            if (decode(r->line, r->len, tv, r->base, &r->ds)) return DOTS_ENOMEM;
            b0 = r->ds.t.len;
            trim(r->ds.t.s, &a0, &b0);
        } else {
            buf_reset(&r->ds.t);
            free(r->ds.map);
            if (!(r->ds.map = malloc(sizeof *r->ds.map))) return DOTS_ENOMEM;
            r->ds.map[0] = r->base + (e ? e : 0);
            if (jt && !json_is_null(jt))
                doc_warn(r->d, "%s: line %zu: comments[%zu].text is not a string, kept as empty",
                         r->file, r->lineno, k);
        }
        if (b0 > a0) {
            g = add_text_seg(r, SEG_COMMENT, a0, b0);
        } else {
            /* an empty comment: a zero-length segment where its text would be */
            size_t at = r->ds.map[a0];
            if (r->text.len && buf_puts(&r->text, "\n\n")) return DOTS_ENOMEM;
            g = text_add_seg(r->d, SEG_COMMENT, (uint32_t)r->text.len, (uint32_t)r->text.len,
                             at, at);
            m = &r->d->comments[idx];
            m->empty = 1;
        }
        if (g < 0) return DOTS_ENOMEM;
        m = &r->d->comments[idx];
        m->start = r->d->segs[g].start; m->end = r->d->segs[g].end;
        m->src_start = r->d->segs[g].src_start; m->src_end = r->d->segs[g].src_end;
        r->d->segs[g].comment = idx;
    }
    return DOTS_OK;
}

static int record(rec *r, json_t *j)
{
    dots_doc *d = r->d;
    size_t o = ws(r->line, r->len, 0);
    int rc = DOTS_ENOMEM, got;
    char name[512];
    json_t *id = json_object_get(j, "id");
    const char *base = d->name;
    if (json_is_string(id)) {
        d->ext_id = arena_strdup(d->arena, json_string_value(id));
    } else if (json_is_integer(id)) {
        snprintf(name, sizeof name, "%lld", (long long)json_integer_value(id));
        d->ext_id = arena_strdup(d->arena, name);
    }
    if (d->ext_id) snprintf(name, sizeof name, "%s#%s", base, d->ext_id);
    else snprintf(name, sizeof name, "%s#line%zu", base, r->lineno);
    if (!(d->name = arena_strdup(d->arena, name))) return DOTS_ENOMEM;
    json_t *url = json_object_get(j, "url");
    if (json_is_string(url) && !(d->url = arena_strdup(d->arena, json_string_value(url))))
        return DOTS_ENOMEM;

    if ((got = get_str(r, o, "title", json_object_get(j, "title"))) < 0) return DOTS_ENOMEM;
    if (got) {
        size_t a = 0, b = r->ds.t.len;
        trim(r->ds.t.s, &a, &b);
        if (b > a) {
            if (add_text_seg(r, SEG_TITLE, a, b) < 0) return DOTS_ENOMEM;
            if (!(d->title = arena_strndup(d->arena, r->ds.t.s + a, b - a))) return DOTS_ENOMEM;
        }
    }
    if ((got = get_str(r, o, "date", json_object_get(j, "date"))) < 0) return DOTS_ENOMEM;
    if (got && r->ds.t.len) {
        char iso[11];
        if (text_parse_date(r->ds.t.s, r->ds.t.len, iso)) {
            if (!(d->date = arena_strdup(d->arena, iso))) return DOTS_ENOMEM;
        } else {
            doc_warn(d, "%s: line %zu: date \"%.40s\" not understood", r->file, r->lineno,
                     r->ds.t.s);
        }
        if (add_text_seg(r, SEG_DATE, 0, r->ds.t.len) < 0) return DOTS_ENOMEM;
    }
    const char *bkey = json_object_get(j, "byline") ? "byline" : "author";
    if ((got = get_str(r, o, bkey, json_object_get(j, bkey))) < 0) return DOTS_ENOMEM;
    if (got && r->ds.t.len) {
        if (add_text_seg(r, SEG_BYLINE, 0, r->ds.t.len) < 0) return DOTS_ENOMEM;
        if (!(d->byline = arena_strndup(d->arena, r->ds.t.s, r->ds.t.len))) return DOTS_ENOMEM;
    }
    json_t *text = json_object_get(j, "text");
    if (!text) doc_warn(d, "%s: line %zu: no \"text\"", r->file, r->lineno);
    if ((got = get_str(r, o, "text", text)) < 0) return DOTS_ENOMEM;
    if (got && (rc = body(r))) return rc;
    if (list_field(r, j, "tags", &d->tags, &d->ntags)) return DOTS_ENOMEM;
    if ((rc = comments(r, j, o))) return rc;
    if (list_field(r, j, "topics", &d->topics, &d->ntopics)) return DOTS_ENOMEM;

    char *t = arena_alloc(d->arena, r->text.len + 1);
    if (!t) return DOTS_ENOMEM;
    if (r->text.len) memcpy(t, r->text.s, r->text.len);
    t[r->text.len] = 0;
    d->text = t;
    d->len = r->text.len;
    d->text_is_src = 0;
    return DOTS_OK;
}

int text_parse_jsonl(const char *file, const char *src, size_t len,
                     dots_doc ***docs, size_t *ndocs, char *err, size_t errlen)
{
    dots_doc **arr = NULL;
    size_t n = 0, cap = 0, lineno = 0, i = 0;
    int rc = DOTS_OK;
    rec r = { .file = file };
    buf_init(&r.text);
    buf_init(&r.ds.t);
    while (i < len && rc == DOTS_OK) {
        const char *nl = memchr(src + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - src) : len, ls = i;
        lineno++;
        i = e + 1;
        size_t k = ls;
        while (k < e && isspace((unsigned char)src[k])) k++;
        if (k == e) continue;
        dots_doc *d = doc_new();
        if (!d) { rc = base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", file); break; }
        d->file = arena_strdup(d->arena, file);
        d->name = text_base_name(d, file);
        d->format = "jsonl";
        d->src = src;
        d->src_len = len;
        char label[600];
        snprintf(label, sizeof label, "%s", file);
        const char *line = text_sanitize_at(d, label, src + ls, e - ls, lineno, NULL);
        json_error_t je;
        json_t *j = line ? json_loadb(line, e - ls, 0, &je) : NULL;
        if (!line || !d->file || !d->name) {
            rc = base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", file);
        } else if (!j) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s: line %zu, column %d: %s", file, lineno,
                          je.column, je.text);
        } else if (!json_is_object(j)) {
            rc = base_err(err, errlen, DOTS_EFORMAT, "%s: line %zu: expected a JSON object", file,
                          lineno);
        } else {
            r.d = d;
            r.line = line;
            r.len = e - ls;
            r.base = ls;
            r.lineno = lineno;
            buf_reset(&r.text);
            if ((rc = record(&r, j)))
                base_err(err, errlen, rc, "%s: line %zu: %s", file, lineno, dots_strerror(rc));
        }
        json_decref(j);
        if (rc == DOTS_OK && n == cap) {
            size_t nc = cap ? cap * 2 : 8;
            dots_doc **p = realloc(arr, nc * sizeof *p);
            if (!p) rc = base_err(err, errlen, DOTS_ENOMEM, "%s: out of memory", file);
            else { arr = p; cap = nc; }
        }
        if (rc) { doc_free(d); break; }
        arr[n++] = d;
    }
    buf_fini(&r.text);
    buf_fini(&r.ds.t);
    free(r.ds.map);
    *docs = arr;
    *ndocs = n;
    return rc;
}
