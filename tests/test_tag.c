/* tests/test_tag.c -- the taggers: labels, corpus errors, a tiny training
** run, model file checks, tagging with the built-in models, NER scoring.
** Fixtures are in tests/cases/tag_*.tsv (written for these tests); the toy
** corpus teaches "Mr. X" = B-per and "in Y" = B-geo. No full training here:
** the whole file runs in well under a second. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tag/tag.h"
#include "tag/train.h"
#include "dots.h"

#define TOY "tests/cases/tag_toy.tsv"

static void test_labels(void **state)
{
    (void)state;
    char b[16];
    assert_int_equal(tag_pos_parse("NNP"), TAG_POS_NNP);
    assert_int_equal(tag_pos_parse("PRP$"), TAG_POS_PRPS);
    assert_int_equal(tag_pos_parse("LRB"), TAG_POS_LRB);     /* GMB spelling */
    assert_int_equal(tag_pos_parse("NNX"), -1);
    assert_string_equal(tag_pos_name(TAG_POS_VBZ), "VBZ");
    assert_string_equal(tag_pos_name(999), "?");
    assert_int_equal(tag_ner_label_parse("B-geo"), TAG_NER_B(TAG_NER_GEO));
    assert_int_equal(tag_ner_label_parse("I-per"), TAG_NER_I(TAG_NER_PER));
    assert_int_equal(tag_ner_label_parse("B-city"), -1);
    assert_string_equal(tag_ner_label_name(TAG_NER_I(TAG_NER_ORG), b), "I-org");
    assert_string_equal(tag_ner_label_name(0, b), "O");
}

static void expect_error(const char *path, int kind, const char *where)
{
    tag_corpus *c = (tag_corpus *)1;
    char err[512] = "";
    assert_int_equal(tag_corpus_load(path, kind, &c, err, sizeof err), DOTS_EFORMAT);
    assert_null(c);
    if (!strstr(err, where)) fail_msg("error '%s' does not name '%s'", err, where);
}

static void test_corpus_errors(void **state)
{
    (void)state;
    expect_error("tests/cases/tag_bad_columns.tsv", TAG_TRAIN_NER, "tag_bad_columns.tsv:5: expected 3");
    expect_error("tests/cases/tag_bad_label.tsv", TAG_TRAIN_NER, "tag_bad_label.tsv:3: unknown NER tag 'B-city'");
    expect_error("tests/cases/tag_empty_sentence.tsv", TAG_TRAIN_NER, "tag_empty_sentence.tsv:4: empty sentence");
    expect_error("tests/cases/tag_bad_pos.tsv", TAG_TRAIN_POS, "tag_bad_pos.tsv:5: unknown POS tag 'XYZ'");

    /* a huge line (no newline for 100 KB) */
    char path[] = "/tmp/dots-test-tag-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("Rebels\tNNS\tO\n", f);
    for (int i = 0; i < 100000; i++) fputc('x', f);
    fputs("\tNN\tO\n", f);
    fclose(f);
    expect_error(path, TAG_TRAIN_NER, ":2: line longer than");
    unlink(path);

    tag_corpus *c = NULL;
    char err[256];
    assert_int_equal(tag_corpus_load("tests/cases/no-such-file.tsv", TAG_TRAIN_NER, &c, err, sizeof err), DOTS_EIO);
    assert_non_null(strstr(err, "no-such-file.tsv"));
}

/* Train the toy model (greedy or beam); returns its bytes. */
static void *train_toy(int beam, size_t *n)
{
    tag_corpus *c = NULL;
    char err[256];
    assert_int_equal(tag_corpus_load(TOY, TAG_TRAIN_NER, &c, err, sizeof err), DOTS_OK);
    assert_int_equal(c->nsent, 60);
    tag_train_opts o;
    tag_train_opts_default(&o, TAG_TRAIN_NER);
    o.epochs = 4;
    o.beam = beam;
    o.min_count = 1;
    void *model = NULL;
    assert_int_equal(tag_train(c, NULL, &o, &model, n, err, sizeof err), DOTS_OK);
    tag_corpus_free(c);
    return model;
}

static void tag_sentence(const tag_model *ner, const char *const *w, size_t n, uint8_t *out)
{
    size_t wl[32];
    for (size_t i = 0; i < n; i++) wl[i] = strlen(w[i]);
    tag_tagger *t = tag_tagger_new(NULL, ner);
    assert_non_null(t);
    assert_int_equal(tag_words(t, w, wl, n, NULL, out), DOTS_OK);
    tag_tagger_free(t);
}

static void test_train_toy(void **state)
{
    (void)state;
    for (int beam = 1; beam <= 4; beam += 3) {
        size_t n1, n2;
        void *a = train_toy(beam, &n1), *b = train_toy(beam, &n2);
        /* reproducible: same data and seed, same bytes */
        assert_int_equal(n1, n2);
        assert_memory_equal(a, b, n1);
        tag_model *m = NULL;
        char err[256];
        assert_int_equal(tag_model_from_memory(a, n1, &m, err, sizeof err), DOTS_OK);
        /* unseen name and place in the learnt frame */
        const char *w[] = { "Mr.", "Obiang", "waited", "in", "Porvath", "." };
        uint8_t ner[6];
        tag_sentence(m, w, 6, ner);
        assert_int_equal(ner[0], TAG_NER_O);
        assert_int_equal(ner[1], TAG_NER_B(TAG_NER_PER));
        assert_int_equal(ner[3], TAG_NER_O);
        assert_int_equal(ner[4], TAG_NER_B(TAG_NER_GEO));
        tag_model_free(m);
        free(a);
        free(b);
    }
}

static void test_model_file(void **state)
{
    (void)state;
    size_t n;
    unsigned char *bytes = train_toy(1, &n);
    char path[] = "/tmp/dots-test-model-XXXXXX", err[256];
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, n), (ssize_t)n);
    close(fd);

    /* roundtrip: the loaded file tags like the bytes it came from */
    tag_model *a = NULL, *b = NULL;
    assert_int_equal(tag_model_load(path, &a, err, sizeof err), DOTS_OK);
    assert_int_equal(tag_model_from_memory(bytes, n, &b, err, sizeof err), DOTS_OK);
    const char *w[] = { "Yesterday", ",", "Mr.", "Silva", "spoke", "in", "Orrin", "." };
    uint8_t x[8], y[8];
    tag_sentence(a, w, 8, x);
    tag_sentence(b, w, 8, y);
    assert_memory_equal(x, y, 8);
    tag_model_free(a);
    tag_model_free(b);

    /* a flipped byte anywhere is caught */
    size_t spots[] = { 0, 9, 20, 70, n / 2, n - 1 };
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        bytes[spots[i]] ^= 0x40;
        a = (tag_model *)1;
        assert_int_equal(tag_model_from_memory(bytes, n, &a, err, sizeof err), DOTS_EFORMAT);
        assert_null(a);
        bytes[spots[i]] ^= 0x40;
    }
    assert_int_equal(tag_model_from_memory(bytes, n / 2, &a, err, sizeof err), DOTS_EFORMAT);
    assert_non_null(strstr(err, "truncated"));
    assert_int_equal(tag_model_from_memory(bytes, 10, &a, err, sizeof err), DOTS_EFORMAT);

    /* truncated file: the error names the file */
    assert_int_equal(truncate(path, (off_t)(n - 100)), 0);
    assert_int_equal(tag_model_load(path, &a, err, sizeof err), DOTS_EFORMAT);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "truncated"));
    unlink(path);
    assert_int_equal(tag_model_load(path, &a, err, sizeof err), DOTS_EIO);
    free(bytes);
}

static void test_builtin(void **state)
{
    (void)state;
    const tag_model *pos = tag_builtin_pos(), *ner = tag_builtin_ner();
    if (!pos || !ner) skip();                     /* a build without models/ */
    tag_tagger *t = tag_tagger_new(pos, ner);
    /* curly apostrophe: the text tokenizer splits ’s off as its own token */
    const char *w[] = { "Iran", "\xe2\x80\x99s", "foreign", "minister", "met", "Taliban",
                        "officials", "in", "Kabul", "on", "Monday", ",", "said", "John",
                        "Smith", "of", "the", "United", "Nations", "." };
    size_t n = sizeof w / sizeof w[0], wl[32];
    uint8_t pos_[32], ner_[32];
    for (size_t i = 0; i < n; i++) wl[i] = strlen(w[i]);
    assert_int_equal(tag_words(t, w, wl, n, pos_, ner_), DOTS_OK);
    assert_int_equal(pos_[0], TAG_POS_NNP);
    assert_int_equal(pos_[1], TAG_POS_POS);
    assert_int_equal(pos_[4], TAG_POS_VBD);
    assert_int_equal(pos_[13], TAG_POS_NNP);
    assert_int_equal(pos_[14], TAG_POS_NNP);
    assert_int_equal(ner_[0], TAG_NER_B(TAG_NER_GEO));
    assert_int_equal(ner_[8], TAG_NER_B(TAG_NER_GEO));
    assert_int_equal(ner_[10], TAG_NER_B(TAG_NER_TIM));
    assert_int_equal(ner_[13], TAG_NER_B(TAG_NER_PER));
    assert_int_equal(ner_[14], TAG_NER_I(TAG_NER_PER));
    assert_int_equal(ner_[17], TAG_NER_B(TAG_NER_ORG));
    assert_int_equal(ner_[18], TAG_NER_I(TAG_NER_ORG));

    /* tag_doc on a document built by hand: tokens are byte ranges */
    dots_doc *d = doc_new();
    const char *text = "Hamas fighters fired rockets at Israel .";
    d->text = text;
    d->len = strlen(text);
    uint32_t start = 0;
    for (uint32_t i = 0; i <= d->len; i++) {
        if (i < d->len && text[i] != ' ') continue;
        doc_token *tk = doc_add_token(d);
        tk->start = start; tk->end = i; tk->actor = -1;
        start = i + 1;
    }
    doc_sent *s = doc_add_sent(d);
    s->start = 0; s->end = (uint32_t)d->len; s->first = 0; s->count = (uint32_t)d->ntoks;
    assert_int_equal(tag_doc(t, d), DOTS_OK);
    assert_int_equal(d->ntoks, 7);
    assert_int_equal(d->toks[0].pos, TAG_POS_NNP);
    assert_int_equal(d->toks[0].ner, TAG_NER_B(TAG_NER_ORG));
    assert_int_equal(d->toks[2].pos, TAG_POS_VBD);
    assert_int_equal(d->toks[5].ner, TAG_NER_B(TAG_NER_GEO));
    assert_int_equal(d->toks[6].pos, TAG_POS_PERIOD);
    d->text = NULL;                               /* not the arena's */
    doc_free(d);
    tag_tagger_free(t);
}

static void test_scoring(void **state)
{
    (void)state;
    enum { O = 0 };
    const int BP = TAG_NER_B(TAG_NER_PER), IP = TAG_NER_I(TAG_NER_PER);
    const int BG = TAG_NER_B(TAG_NER_GEO), IG = TAG_NER_I(TAG_NER_GEO);
    /* gold: [per per] O [geo geo] ; predicted: [per] [per] O [geo geo], the
    ** last a chunk that starts at I-geo (conlleval counts it as starting there) */
    uint8_t gold[] = { (uint8_t)BP, (uint8_t)IP, O, (uint8_t)BG, (uint8_t)IG };
    uint8_t pred[] = { (uint8_t)BP, (uint8_t)BP, O, (uint8_t)IG, (uint8_t)IG };
    tag_score s = { 0 };
    tag_score_add(&s, TAG_TRAIN_NER, gold, pred, 5);
    double p, r, f;
    assert_int_equal(s.gold[TAG_NER_PER], 1);
    assert_int_equal(s.pred[TAG_NER_PER], 2);
    assert_int_equal(s.hit[TAG_NER_PER], 0);
    assert_int_equal(s.hit[TAG_NER_GEO], 1);
    tag_score_prf(&s, -1, &p, &r, &f);
    assert_float_equal(p, 1.0 / 3, 1e-9);
    assert_float_equal(r, 0.5, 1e-9);
    assert_float_equal(f, 0.4, 1e-9);
    assert_int_equal(s.tokens, 5);
    assert_int_equal(s.correct, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_corpus_errors),
        cmocka_unit_test(test_train_toy),
        cmocka_unit_test(test_model_file),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_scoring),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
