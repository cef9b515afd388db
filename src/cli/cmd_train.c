/* src/cli/cmd_train.c -- `dots train pos|ner`: train a tagger model file.
** Without --dev the last tenth of the training sentences is held out to pick
** the epoch (CoNLL-2000 has no dev split). Progress goes to stderr; the model
** is written to a temporary name and renamed, so a failed run never leaves a
** half-written model behind. */
#include "cli/cli.h"
#include "tag/train.h"
#include "dots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void progress(void *ctx, const char *line)
{
    (void)ctx;
    fprintf(stderr, "dots train: %s\n", line);
}

static int write_file(const char *path, const void *p, size_t n)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) return -1;
    int ok = fwrite(p, 1, n, f) == n;
    ok &= fclose(f) == 0;
    if (!ok || rename(tmp, path) != 0) { remove(tmp); return -1; }
    return 0;
}

CLI_COMMAND(cmd_train, "train",
            "pos|ner --train FILE [--dev FILE] -o MODEL [--epochs N] [--seed S] "
            "[--beam B] [--gazetteers DIR] [--no-clusters] [--min-count N] "
            "[--cluster-text FILE,FILE...]",
            "train a POS or NER tagger from a CoNLL-style corpus")
static int cmd_train(int argc, char **argv)
{
    if (argc < 2) return cli_usage("train");
    int kind = strcmp(argv[1], "pos") == 0 ? TAG_TRAIN_POS
             : strcmp(argv[1], "ner") == 0 ? TAG_TRAIN_NER : 0;
    const char *trainf = cli_opt(argc, argv, "--train"), *devf = cli_opt(argc, argv, "--dev");
    const char *out = cli_opt(argc, argv, "-o"), *ep = cli_opt(argc, argv, "--epochs");
    const char *seed = cli_opt(argc, argv, "--seed"), *mc = cli_opt(argc, argv, "--min-count");
    if (!kind || !trainf || !out) return cli_usage("train");

    tag_train_opts o;
    tag_train_opts_default(&o, kind);
    if (ep && (o.epochs = atoi(ep)) <= 0) return cli_fail("train", "--epochs must be positive");
    const char *bw = cli_opt(argc, argv, "--beam");
    if (bw) o.beam = atoi(bw);
    if (seed) o.seed = strtoull(seed, NULL, 10);
    if (mc) o.min_count = atoi(mc);
    o.gazetteer_dir = cli_opt(argc, argv, "--gazetteers");
    if (cli_flag(argc, argv, "--no-clusters")) o.clusters = 0;
    o.progress = progress;

    char err[512];
    tag_corpus *tr = NULL, *dev = NULL, *extra[16] = { 0 };
    size_t nextra = 0;
    void *model = NULL;
    size_t n = 0;
    int status = 1;
    if (tag_corpus_load(trainf, kind, &tr, err, sizeof err)) { cli_fail("train", "%s", err); goto done; }
    if (devf) {
        if (tag_corpus_load(devf, kind, &dev, err, sizeof err)) { cli_fail("train", "%s", err); goto done; }
    } else if (tr->nsent >= 10) {
        size_t keep = tr->nsent - tr->nsent / 10;
        if (tag_corpus_split(tr, keep, &dev)) { cli_fail("train", "out of memory"); goto done; }
        fprintf(stderr, "dots train: holding out the last %zu of %zu sentences as dev\n",
                dev->nsent, keep + dev->nsent);
    }
    const char *ct = cli_opt(argc, argv, "--cluster-text");
    char ctbuf[4096];
    snprintf(ctbuf, sizeof ctbuf, "%s", ct ? ct : "");
    for (char *f = strtok(ctbuf, ","); f && nextra < 16; f = strtok(NULL, ",")) {
        if (tag_corpus_load(f, TAG_TRAIN_WORDS, &extra[nextra], err, sizeof err)) {
            cli_fail("train", "%s", err);
            goto done;
        }
        nextra++;
    }
    o.cluster_text = (const tag_corpus *const *)extra;
    o.ncluster_text = nextra;
    if (tag_train(tr, dev, &o, &model, &n, err, sizeof err)) { cli_fail("train", "%s", err); goto done; }
    if (write_file(out, model, n)) { cli_fail("train", "%s: cannot write the model", out); goto done; }
    fprintf(stderr, "dots train: wrote %s (%zu bytes)\n", out, n);
    status = 0;
done:
    free(model);
    for (size_t i = 0; i < nextra; i++) tag_corpus_free(extra[i]);
    tag_corpus_free(dev);     /* a held-out dev borrows tr's text: free it first */
    tag_corpus_free(tr);
    return status;
}
