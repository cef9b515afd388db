/* src/cli/cmd_eval.c -- `dots eval pos|ner TEST_FILE [--model M]`: score a
** model (the built-in one by default; --beam overrides its beam width) on a CoNLL-style test file. POS prints
** token accuracy; NER prints conlleval-style entity precision, recall and F1
** per type and overall. The last line is machine-readable:
** "accuracy=A" or "precision=P recall=R f1=F". */
#include "cli/cli.h"
#include "tag/train.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *positional(int argc, char **argv)
{
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--model") == 0 || strcmp(argv[i], "--beam") == 0) { i++; continue; }
        if (strncmp(argv[i], "--", 2) != 0) return argv[i];
    }
    return NULL;
}

CLI_COMMAND(cmd_eval, "eval", "pos|ner TEST_FILE [--model M] [--beam B]",
            "score a tagger model on a labelled test file")
static int cmd_eval(int argc, char **argv)
{
    if (argc < 3) return cli_usage("eval");
    int kind = strcmp(argv[1], "pos") == 0 ? TAG_TRAIN_POS
             : strcmp(argv[1], "ner") == 0 ? TAG_TRAIN_NER : 0;
    const char *file = positional(argc, argv), *mpath = cli_opt(argc, argv, "--model");
    if (!kind || !file) return cli_usage("eval");

    char err[512];
    tag_model *own = NULL;
    const tag_model *m;
    if (mpath) {
        if (tag_model_load(mpath, &own, err, sizeof err)) return cli_fail("eval", "%s", err);
        m = own;
    } else {
        m = kind == TAG_TRAIN_POS ? tag_builtin_pos() : tag_builtin_ner();
        if (!m) return cli_fail("eval", "this build has no built-in %s model; use --model", argv[1]);
    }
    tag_corpus *c = NULL;
    tag_tagger *t = NULL;
    int status = 1;
    tag_score s = { 0 };
    if (tag_corpus_load(file, kind, &c, err, sizeof err)) { cli_fail("eval", "%s", err); goto done; }
    t = kind == TAG_TRAIN_POS ? tag_tagger_new(m, NULL) : tag_tagger_new(NULL, m);
    const char *bw = cli_opt(argc, argv, "--beam");
    if (t && bw) tag_tagger_set_beam(t, atoi(bw));
    if (!t || tag_evaluate(t, c, kind, &s)) { cli_fail("eval", "out of memory"); goto done; }
    printf("%s: %zu sentences, %zu tokens\n", file, c->nsent, s.tokens);
    if (kind == TAG_TRAIN_POS) {
        printf("accuracy=%.4f\n", s.tokens ? (double)s.correct / (double)s.tokens : 0.0);
    } else {
        double p, r, f;
        printf("token accuracy %.4f\n", s.tokens ? (double)s.correct / (double)s.tokens : 0.0);
        printf("%-6s %7s %7s %7s %7s %7s\n", "type", "gold", "found", "prec", "recall", "f1");
        for (int ty = 0; ty < TAG_NER_TYPES; ty++) {
            tag_score_prf(&s, ty, &p, &r, &f);
            printf("%-6s %7zu %7zu %7.4f %7.4f %7.4f\n", tag_ner_type_name(ty), s.gold[ty],
                   s.pred[ty], p, r, f);
        }
        tag_score_prf(&s, -1, &p, &r, &f);
        printf("precision=%.4f recall=%.4f f1=%.4f\n", p, r, f);
    }
    status = 0;
done:
    tag_tagger_free(t);
    tag_corpus_free(c);
    tag_model_free(own);
    return status;
}
