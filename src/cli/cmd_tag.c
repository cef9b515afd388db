/* src/cli/cmd_tag.c -- `dots tag FILE`: tokenize a page (text_parse,
** text_tokenize_doc) and print each token with its POS and NER labels.
** Plain output is one token a line, token<TAB>POS<TAB>NER, with a blank
** line after each sentence (the corpora's format, so output can be diffed
** against them); --json prints, per document, the sentences with tokens
** (text, byte offsets, labels) and the entity spans. The built-in models are
** used unless --model-pos/--model-ner name files. */
#include "cli/cli.h"
#include "tag/tag.h"
#include "text/text.h"
#include "base/base.h"
#include "dots.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *positional(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--model-pos") || !strcmp(argv[i], "--model-ner")) { i++; continue; }
        if (strncmp(argv[i], "--", 2) != 0) return argv[i];
    }
    return NULL;
}

static const tag_model *pick(const char *path, const tag_model *builtin, tag_model **own,
                             const char *what, int *fail)
{
    char err[512];
    if (!path) {
        if (!builtin) { cli_fail("tag", "no built-in %s model in this build; use --model-%s", what, what); *fail = 1; }
        return builtin;
    }
    if (tag_model_load(path, own, err, sizeof err)) { cli_fail("tag", "%s", err); *fail = 1; return NULL; }
    return *own;
}

static void print_plain(const dots_doc *d)
{
    char b[16];
    for (size_t s = 0; s < d->nsents; s++) {
        const doc_sent *st = &d->sents[s];
        for (uint32_t i = st->first; i < st->first + st->count; i++) {
            const doc_token *t = &d->toks[i];
            printf("%.*s\t%s\t%s\n", (int)(t->end - t->start), d->text + t->start,
                   tag_pos_name(t->pos), tag_ner_label_name(t->ner, b));
        }
        putchar('\n');
    }
}

static json_t *doc_json(const dots_doc *d)
{
    char b[16];
    json_t *sents = json_array(), *ents = json_array();
    for (size_t s = 0; s < d->nsents; s++) {
        const doc_sent *st = &d->sents[s];
        json_t *toks = json_array();
        uint32_t end = st->first + st->count;
        for (uint32_t i = st->first; i < end; i++) {
            const doc_token *t = &d->toks[i];
            json_array_append_new(toks, json_pack("{s:s%,s:i,s:i,s:s,s:s}",
                "text", d->text + t->start, (size_t)(t->end - t->start),
                "start", (json_int_t)t->start, "end", (json_int_t)t->end,
                "pos", tag_pos_name(t->pos), "ner", tag_ner_label_name(t->ner, b)));
            if (!t->ner) continue;
            /* an entity starts at B-x or at an I-x that does not continue one */
            int ty = TAG_NER_TYPE(t->ner);
            if (!TAG_NER_IS_B(t->ner) && i > st->first && d->toks[i - 1].ner
                && TAG_NER_TYPE(d->toks[i - 1].ner) == ty) continue;
            uint32_t j = i + 1;
            while (j < end && d->toks[j].ner && !TAG_NER_IS_B(d->toks[j].ner)
                   && TAG_NER_TYPE(d->toks[j].ner) == ty) j++;
            uint32_t a = t->start, z = d->toks[j - 1].end;
            json_array_append_new(ents, json_pack("{s:s,s:s%,s:i,s:i}", "type",
                tag_ner_type_name(ty), "text", d->text + a, (size_t)(z - a),
                "start", (json_int_t)a, "end", (json_int_t)z));
        }
        json_array_append_new(sents, json_pack("{s:i,s:i,s:o}", "start", (json_int_t)st->start,
                                               "end", (json_int_t)st->end, "tokens", toks));
    }
    return json_pack("{s:s,s:o,s:o}", "name", d->name ? d->name : "", "sentences", sents,
                     "entities", ents);
}

CLI_COMMAND(cmd_tag, "tag", "[--model-pos M] [--model-ner M] FILE [--json]",
            "tokenize a page and print POS and NER labels per token")
static int cmd_tag(int argc, char **argv)
{
    const char *file = positional(argc, argv);
    if (!file) return cli_usage("tag");
    int fail = 0, status = 1;
    tag_model *opos = NULL, *oner = NULL;
    const tag_model *pos = pick(cli_opt(argc, argv, "--model-pos"), tag_builtin_pos(), &opos, "pos", &fail);
    const tag_model *ner = fail ? NULL
        : pick(cli_opt(argc, argv, "--model-ner"), tag_builtin_ner(), &oner, "ner", &fail);
    char err[512], *src = NULL;
    size_t len = 0, ndocs = 0;
    dots_doc **docs = NULL;
    tag_tagger *t = NULL;
    json_t *out = NULL;
    if (fail) goto done;
    if (base_read_file(file, &src, &len, err, sizeof err)) { cli_fail("tag", "%s", err); goto done; }
    int rc = text_parse(file, src, len, NULL, &docs, &ndocs, err, sizeof err);
    if (rc) cli_fail("tag", "%s", err);          /* documents before a bad line are still tagged */
    if (!(t = tag_tagger_new(pos, ner))) { cli_fail("tag", "out of memory"); goto done; }
    int json = cli_flag(argc, argv, "--json");
    if (json) out = json_array();
    for (size_t i = 0; i < ndocs; i++) {
        if (text_tokenize_doc(docs[i]) || tag_doc(t, docs[i])) {
            cli_fail("tag", "%s: tokenizing or tagging failed", file);
            goto done;
        }
        for (size_t w = 0; w < docs[i]->nwarnings; w++)
            fprintf(stderr, "dots tag: warning: %s\n", docs[i]->warnings[w]);
        if (json) json_array_append_new(out, doc_json(docs[i]));
        else print_plain(docs[i]);
    }
    if (json) {
        json_dumpf(out, stdout, JSON_INDENT(1));
        putchar('\n');
    }
    status = rc ? 1 : 0;
done:
    json_decref(out);
    for (size_t i = 0; i < ndocs; i++) doc_free(docs[i]);
    free(docs);
    free(src);
    tag_tagger_free(t);
    tag_model_free(opos);
    tag_model_free(oner);
    return status;
}
