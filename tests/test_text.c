/* tests/test_text.c -- tokenizer, sentence splitter and page parsers.
** Table-driven cases live in tests/cases/tokenize.txt and sentences.txt (run
** from the source root, as ctest does); real pages come from $DOTS_SHARED
** (the seed and dev-eval documents); hostile inputs are built here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dots.h"
#include "text/text.h"

/* ---- Helpers --------------------------------------------------------------- */
typedef struct { const char *s; buf toks, sents; } collect;

static void on_tok(uint32_t a, uint32_t b, void *ctx)
{
    collect *c = ctx;
    if (c->toks.len) buf_putc(&c->toks, '|');
    buf_append(&c->toks, c->s + a, b - a);
}

static void on_sent(uint32_t a, uint32_t b, void *ctx)
{
    collect *c = ctx;
    if (c->sents.len) buf_puts(&c->sents, " || ");
    buf_append(&c->sents, c->s + a, b - a);
}

static const char *shared_dir(void)
{
    const char *s = getenv("DOTS_SHARED");
    return s && *s ? s : "../shared";
}

static char *read_all(const char *path, size_t *len)
{
    char *s = NULL, err[256];
    if (base_read_file(path, &s, len, err, sizeof err) != DOTS_OK) return NULL;
    return s;
}

/* Parse src as format and return the one document (test fails otherwise). */
static dots_doc *parse1(const char *file, const char *src, size_t len, const char *format)
{
    dots_doc **docs = NULL;
    size_t n = 0;
    char err[256] = "";
    int rc = text_parse(file, src, len, format, &docs, &n, err, sizeof err);
    if (rc != DOTS_OK) fprintf(stderr, "parse failed: %s\n", err);
    assert_int_equal(rc, DOTS_OK);
    assert_int_equal(n, 1);
    dots_doc *d = docs[0];
    free(docs);
    return d;
}

/* Invariants every parsed and tokenized document must keep. */
static void check_doc(const dots_doc *d)
{
    assert_non_null(d->text);
    assert_int_equal(d->text[d->len], 0);
    for (size_t i = 0; i < d->nsegs; i++) {
        const doc_seg *g = &d->segs[i];
        assert_true(g->start <= g->end && g->end <= d->len);
        assert_true(g->src_start <= g->src_end && g->src_end <= d->src_len);
        if (i) assert_true(d->segs[i - 1].end <= g->start);
        if (g->kind == SEG_COMMENT) assert_true(g->comment >= 0 && (size_t)g->comment < d->ncomments);
    }
    for (size_t i = 0; i < d->ntoks; i++) {
        assert_true(d->toks[i].start < d->toks[i].end && d->toks[i].end <= d->len);
        if (i) assert_true(d->toks[i - 1].end <= d->toks[i].start);
    }
    uint32_t next = 0;
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sent *s = &d->sents[i];
        assert_int_equal(s->first, next);
        assert_true(s->count > 0);
        next = s->first + s->count;
        const doc_seg *g = &d->segs[s->seg];
        assert_true(g->kind != SEG_DATE && g->kind != SEG_TAGS && g->kind != SEG_TOPICS);
        assert_true(s->start >= g->start && s->end <= g->end);   /* never crosses */
    }
    assert_int_equal(next, d->ntoks);
}

/* ---- Tokenizer cases --------------------------------------------------------- */
/* Reads "input\nexpected\n\n" records; '#' lines are comments; "\n" in input is a newline. */
static void run_cases(const char *path, int sentences)
{
    size_t len;
    char *s = read_all(path, &len);
    assert_non_null(s);
    int ncases = 0, failed = 0;
    char *save = NULL, *line = strtok_r(s, "\n", &save);
    while (line) {
        if (line[0] == '#') { line = strtok_r(NULL, "\n", &save); continue; }
        char *want = strtok_r(NULL, "\n", &save);
        assert_non_null(want);
        buf in;
        buf_init(&in);
        for (const char *p = line; *p; p++) {
            if (p[0] == '\\' && p[1] == 'n') { buf_putc(&in, '\n'); p++; }
            else buf_putc(&in, *p);
        }
        collect c = { .s = in.s };
        buf_init(&c.toks);
        buf_init(&c.sents);
        text_tokenize(in.s, in.len, on_tok, on_sent, &c);
        const char *got = sentences ? c.sents.s : c.toks.s;
        if (!got || strcmp(got, want) != 0) {
            fprintf(stderr, "case: %s\n want: %s\n  got: %s\n", line, want, got ? got : "");
            failed++;
        }
        ncases++;
        buf_fini(&in); buf_fini(&c.toks); buf_fini(&c.sents);
        line = strtok_r(NULL, "\n", &save);
    }
    free(s);
    assert_true(ncases >= 8);
    assert_int_equal(failed, 0);
}

static void test_token_cases(void **state) { (void)state; run_cases("tests/cases/tokenize.txt", 0); }
static void test_sentence_cases(void **state) { (void)state; run_cases("tests/cases/sentences.txt", 1); }

static void test_tokenize_offsets_exact(void **state)
{
    (void)state;
    const char *s = "  Iran’s  IRGC-QF\r\nstruck.";
    collect c = { .s = s };
    buf_init(&c.toks); buf_init(&c.sents);
    text_tokenize(s, strlen(s), on_tok, on_sent, &c);
    assert_string_equal(c.toks.s, "Iran|’s|IRGC-QF|struck|.");
    assert_string_equal(c.sents.s, "Iran’s  IRGC-QF\r\nstruck.");
    buf_fini(&c.toks); buf_fini(&c.sents);
    c.toks.len = 0;
    buf_init(&c.toks); buf_init(&c.sents);
    text_tokenize("", 0, on_tok, on_sent, &c);          /* empty input: nothing */
    assert_int_equal(c.toks.len, 0);
    assert_int_equal(c.sents.len, 0);
    buf_fini(&c.toks); buf_fini(&c.sents);
}

/* ---- Real pages ------------------------------------------------------------- */
static void test_seed_page(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/seed/lwj-iran-taliban.txt", shared_dir());
    size_t len;
    char *src = read_all(path, &len);
    if (!src) { skip(); return; }
    dots_doc *d = parse1(path, src, len, NULL);
    assert_string_equal(d->format, "text");
    assert_int_equal(d->text_is_src, 1);
    assert_int_equal(d->len, len);
    assert_string_equal(d->name, "lwj-iran-taliban.txt");
    assert_non_null(d->title);
    assert_null(d->date);
    assert_int_equal(d->ncomments, 17);
    int authors = 0, empty = 0;
    for (size_t i = 0; i < d->ncomments; i++) {
        authors += d->comments[i].author[0] != 0;
        empty += d->comments[i].empty;
    }
    assert_int_equal(authors, 16);
    assert_int_equal(empty, 1);
    assert_true(d->comments[2].empty);
    assert_string_equal(d->comments[2].author, "ulises");
    assert_string_equal(d->comments[7].author, "");     /* the lost author line */
    assert_memory_equal(d->text + d->comments[7].start, "Hardly surprising", 17);
    assert_string_equal(d->comments[16].author, "Michael E Piston");
    assert_int_equal(d->ntopics, 3);
    assert_string_equal(d->topics[0], "Islamic state");
    assert_string_equal(d->topics[2], "Boko Haram");
    assert_non_null(d->byline);
    assert_memory_equal(d->byline, "Thomas Joscelyn", 15);
    assert_int_equal(text_tokenize_doc(d), DOTS_OK);
    check_doc(d);
    assert_true(d->nsents > 100);
    /* "the Taliban’s" is "Taliban" "’s" in the first sentence */
    int found = 0;
    for (size_t i = 0; i + 1 < d->ntoks && d->toks[i].end < 80; i++)
        if (d->toks[i].end - d->toks[i].start == 7 &&
            memcmp(d->text + d->toks[i].start, "Taliban", 7) == 0 &&
            memcmp(d->text + d->toks[i + 1].start, "\xE2\x80\x99s", 4) == 0)
            found = 1;
    assert_true(found);
    doc_free(d);
    free(src);
}

static void test_dev_eval_docs(void **state)
{
    (void)state;
    static const char *const names[] = { "aa-al-shabaab-sanctions", "al-bihani-v-obama",
        "crt2017-boko-haram", "crt2020-iran", "dod-abu-sayyaf-raid", "jpost-nasrallah-meeting",
        "kuna-houthi-network", "latimes-haqqani-designation" };
    int seen = 0;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/dev-eval/docs/%s.txt", shared_dir(), names[k]);
        size_t len;
        char *src = read_all(path, &len);
        if (!src) continue;
        seen++;
        dots_doc *d = parse1(path, src, len, NULL);
        const char *nl = memchr(src, '\n', len);
        assert_non_null(d->title);
        assert_int_equal(strlen(d->title), (size_t)(nl - src));
        assert_non_null(d->date);
        assert_memory_equal(d->date, nl + 1, 10);
        assert_int_equal(d->segs[0].kind, SEG_TITLE);
        assert_int_equal(d->segs[1].kind, SEG_DATE);
        assert_int_equal(d->ncomments, 0);
        size_t body = 0;
        for (size_t i = 0; i < d->nsegs; i++) body += d->segs[i].kind == SEG_BODY;
        assert_true(body >= 2);
        assert_int_equal(text_tokenize_doc(d), DOTS_OK);
        check_doc(d);
        doc_free(d);
        free(src);
    }
    if (!seen) skip();
}

/* ---- Edge cases ------------------------------------------------------------- */
static dots_doc *parse_tok(const char *src, size_t len, const char *format)
{
    dots_doc *d = parse1(format && !strcmp(format, "html") ? "t.html" : "t.txt", src, len, format);
    assert_int_equal(text_tokenize_doc(d), DOTS_OK);
    check_doc(d);
    return d;
}

static void test_plain_edges(void **state)
{
    (void)state;
    dots_doc *d = parse_tok("", 0, "text");
    assert_int_equal(d->nsegs, 0);
    assert_null(d->title);
    doc_free(d);

    /* no trailing newline, CRLF line ends, a byline and a written-out date */
    const char *s = "Strike in Syria\r\nBy Jane Roe\r\nMay 21, 2016\r\n\r\nThe U.S. struck.\r\n"
                    "\r\nIran denied it.";
    d = parse_tok(s, strlen(s), "text");
    assert_string_equal(d->title, "Strike in Syria");
    assert_string_equal(d->byline, "Jane Roe");
    assert_string_equal(d->date, "2016-05-21");
    assert_int_equal(d->segs[d->nsegs - 1].kind, SEG_BODY);
    assert_memory_equal(d->text + d->segs[d->nsegs - 1].start, "Iran denied it.", 15);
    assert_int_equal(d->segs[d->nsegs - 1].end, strlen(s));
    doc_free(d);
}

static void test_invalid_utf8_and_nul(void **state)
{
    (void)state;
    const char s[] = "Title\n\nBad \xff\xfe bytes and a \0 NUL.\nMore \xc3( here.\n";
    size_t len = sizeof s - 1;
    dots_doc *d = parse_tok(s, len, "text");
    assert_int_equal(d->len, len);                         /* same length */
    assert_int_equal(d->text[11], '?');
    assert_int_equal(d->text[12], '?');
    assert_int_equal(d->text[26], ' ');                     /* the NUL became a space */
    assert_true(d->nwarnings >= 2);
    assert_non_null(strstr(d->warnings[0], "t.txt: invalid UTF-8 at line 3, column 5 (2 bytes replaced)"));
    int nul = 0, line4 = 0;
    for (size_t i = 0; i < d->nwarnings; i++) {
        nul += strstr(d->warnings[i], "NUL") != NULL;
        line4 += strstr(d->warnings[i], "line 4, column 6 (1 bytes replaced)") != NULL;
    }
    assert_int_equal(nul, 1);
    assert_int_equal(line4, 1);
    doc_free(d);
}

static void test_binary_junk(void **state)
{
    (void)state;
    size_t len = 200000;
    char *s = malloc(len);
    uint32_t x = 12345;
    for (size_t i = 0; i < len; i++) { x = x * 1103515245u + 12345u; s[i] = (char)(x >> 16); }
    dots_doc *d = parse_tok(s, len, "text");
    assert_true(d->nwarnings > 0 && d->nwarnings <= 42);   /* capped, with a summary */
    assert_non_null(strstr(d->warnings[d->nwarnings - 1], "more lines"));
    doc_free(d);
    free(s);
}

static void test_long_line(void **state)
{
    (void)state;
    size_t len = 10u << 20;
    char *s = malloc(len);
    static const char w[] = "Iran armed the Houthis, officials said. ";
    for (size_t i = 0; i < len; i++) s[i] = w[i % (sizeof w - 1)];
    dots_doc *d = parse_tok(s, len, "text");
    assert_true(d->ntoks > 1000000);
    assert_true(d->nsents > 200000);
    doc_free(d);
    free(s);
}

/* ---- HTML -------------------------------------------------------------------- */
static void test_html_page(void **state)
{
    (void)state;
    size_t len;
    char *src = read_all("examples/al-shabaab-financiers.html", &len);
    assert_non_null(src);
    dots_doc *d = parse1("examples/al-shabaab-financiers.html", src, len, NULL);
    assert_int_equal(text_tokenize_doc(d), DOTS_OK);
    check_doc(d);
    assert_string_equal(d->format, "html");
    assert_int_equal(d->text_is_src, 0);
    assert_string_equal(d->title, "US and Somalia jointly sanction al-Shabaab financiers");
    assert_string_equal(d->date, "2023-11-06");
    assert_string_equal(d->byline, "Amina Yusuf");
    assert_int_equal(d->ntags, 3);
    assert_string_equal(d->tags[0], "al-Shabaab");
    assert_int_equal(d->ncomments, 3);
    assert_string_equal(d->comments[0].author, "Farah Ali");
    assert_string_equal(d->comments[1].author, "");
    assert_true(d->comments[2].empty);
    /* scripts, styles, nav, aside, footer and the comment form are gone */
    assert_null(strstr(d->text, "dataLayer"));
    assert_null(strstr(d->text, "font-family"));
    assert_null(strstr(d->text, "Home"));
    assert_null(strstr(d->text, "Sudan talks"));
    assert_null(strstr(d->text, "Leave a comment"));
    assert_null(strstr(d->text, "Reply"));
    /* entities decoded; every body segment's source range holds its first and last word */
    assert_non_null(strstr(d->text, "NAIROBI \xE2\x80\x94 The United States"));
    for (size_t i = 0; i < d->nsegs; i++) {
        const doc_seg *g = &d->segs[i];
        if (g->kind != SEG_BODY) continue;
        assert_true(g->src_end > g->src_start && g->src_end <= len);
        assert_memory_equal(src + g->src_start, d->text + g->start, 3);
        /* the last byte is the same, or ends the entity that was decoded ("&rdquo;") */
        assert_true(src[g->src_end - 1] == d->text[g->end - 1] || src[g->src_end - 1] == ';');
    }
    doc_free(d);
    free(src);
}

static void test_html_hostile(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_puts(&b, "<html><head><title>Deep</title><script>var x='<p>no</p>';</script>"
                 "<style>p{}</style></head><body>");
    for (int i = 0; i < 50000; i++) buf_puts(&b, "<div><span>");
    buf_puts(&b, "<p onclick=\"evil()\">Iran armed &amp; trained the Houthis.</p>"
                 "<img src=x onerror=\"alert(1)\"><b><i><u>unclosed");
    dots_doc *d = parse_tok(b.s, b.len, "html");
    assert_string_equal(d->title, "Deep");
    assert_non_null(strstr(d->text, "Iran armed & trained the Houthis."));
    assert_non_null(strstr(d->text, "unclosed"));
    assert_null(strstr(d->text, "evil"));
    assert_null(strstr(d->text, "no"));
    assert_true(d->nwarnings >= 1);                 /* the flattened nesting is reported */
    assert_non_null(strstr(d->warnings[d->nwarnings - 1], "nested deeper"));
    doc_free(d);

    /* junk that merely starts like markup, and empty markup */
    static const char *const junk[] = { "<", "<>", "<!--", "<html", "</p></p></div>",
        "<p>\xff\xfe\x00" "bad</p>", "<table><tr><td><table><td>x", "<svg><p>y</svg>" };
    for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
        size_t n = strlen(junk[i]);
        if (i == 5) n = 13;
        d = parse_tok(junk[i], n, "html");
        doc_free(d);
    }
    buf_fini(&b);
}

/* ---- JSON Lines -------------------------------------------------------------- */
static void test_jsonl(void **state)
{
    (void)state;
    size_t len, n = 0;
    char *src = read_all("examples/wire-briefs.jsonl", &len), err[256];
    assert_non_null(src);
    dots_doc **docs = NULL;
    assert_int_equal(text_parse("examples/wire-briefs.jsonl", src, len, NULL, &docs, &n, err,
                                sizeof err), DOTS_OK);
    assert_int_equal(n, 3);
    assert_string_equal(docs[0]->name, "wire-briefs.jsonl#cm-2024-0412");
    assert_string_equal(docs[1]->name, "wire-briefs.jsonl#20240203");
    assert_string_equal(docs[1]->date, "2024-02-03");
    assert_string_equal(docs[2]->date, "2023-09-18");
    assert_int_equal(docs[0]->ncomments, 3);
    assert_string_equal(docs[0]->comments[1].author, "");
    assert_true(docs[0]->comments[2].empty);
    assert_int_equal(docs[1]->ntags, 4);
    for (size_t k = 0; k < n; k++) {
        dots_doc *d = docs[k];
        assert_int_equal(text_tokenize_doc(d), DOTS_OK);
        check_doc(d);
        /* body source ranges point at the same words in the file */
        for (size_t i = 0; i < d->nsegs; i++) {
            const doc_seg *g = &d->segs[i];
            if (g->kind != SEG_BODY) continue;
            assert_memory_equal(src + g->src_start, d->text + g->start, 4);
        }
        doc_free(d);
    }
    free(docs);
    free(src);
}

static void test_jsonl_errors(void **state)
{
    (void)state;
    dots_doc **docs = NULL;
    size_t n = 9;
    char err[256];
    /* truncated last line: the first record is kept, the error names line 2 */
    const char *s = "{\"id\":1,\"text\":\"Iran armed them.\"}\n{\"id\":2,\"text\":\"cut he";
    int rc = text_parse("t.jsonl", s, strlen(s), NULL, &docs, &n, err, sizeof err);
    assert_int_equal(rc, DOTS_EFORMAT);
    assert_int_equal(n, 1);
    assert_non_null(strstr(err, "t.jsonl: line 2"));
    doc_free(docs[0]);
    free(docs);

    s = "[1,2]\n";
    rc = text_parse("t.jsonl", s, strlen(s), "jsonl", &docs, &n, err, sizeof err);
    assert_int_equal(rc, DOTS_EFORMAT);
    assert_int_equal(n, 0);
    assert_non_null(strstr(err, "line 1: expected a JSON object"));
    free(docs);

    /* wrong types are warned about, invalid UTF-8 replaced and reported, blank lines skipped */
    s = "\n\r\n{\"title\":7,\"text\":\"ok \xff\\u00e9\\ud83d\\ude00\",\"comments\":[3,\"bare\"]}\n";
    rc = text_parse("t.jsonl", s, strlen(s), NULL, &docs, &n, err, sizeof err);
    assert_int_equal(rc, DOTS_OK);
    assert_int_equal(n, 1);
    dots_doc *d = docs[0];
    assert_string_equal(d->name, "t.jsonl#line3");
    assert_null(d->title);
    assert_int_equal(d->ncomments, 1);
    assert_string_equal(d->comments[0].author, "");
    assert_memory_equal(d->text, "ok ?\xC3\xA9\xF0\x9F\x98\x80", 10);
    int utf8 = 0, title = 0, cm = 0;
    for (size_t i = 0; i < d->nwarnings; i++) {
        utf8 += strstr(d->warnings[i], "invalid UTF-8 at line 3") != NULL;
        title += strstr(d->warnings[i], "\"title\" is not a string") != NULL;
        cm += strstr(d->warnings[i], "comments[0]") != NULL;
    }
    assert_int_equal(utf8 + title + cm, 3);
    assert_int_equal(text_tokenize_doc(d), DOTS_OK);
    check_doc(d);
    doc_free(d);
    free(docs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_cases),
        cmocka_unit_test(test_sentence_cases),
        cmocka_unit_test(test_tokenize_offsets_exact),
        cmocka_unit_test(test_seed_page),
        cmocka_unit_test(test_dev_eval_docs),
        cmocka_unit_test(test_plain_edges),
        cmocka_unit_test(test_invalid_utf8_and_nul),
        cmocka_unit_test(test_binary_junk),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_html_page),
        cmocka_unit_test(test_html_hostile),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_jsonl_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
