/* src/cli/cmd_actors.c -- `dots actors FILE... [--json]`: each document's
** actors with type, the surface forms found, mention count and offsets.
** --json prints one JSON object per document (JSON Lines) whose "entities"
** array has the shape dev-eval's score.py reads ({name, type, aliases}), plus
** id, parent, mentions and offsets ([start, end) bytes in the analysed text). */
#include "actor/actor.h"
#include "cli/cli.h"
#include "cli/cli_actor.h"
#include "dots.h"
#include "tag/tag.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *actor_json(const dots_doc *d, size_t i)
{
    const doc_actor *a = &d->actors[i];
    const actor_kb *kb = actor_kb_builtin();
    json_t *o = json_object(), *al = json_array(), *off = json_array();
    json_object_set_new(o, "id", json_string(a->id));
    json_object_set_new(o, "name", json_string(a->name));
    json_object_set_new(o, "type", json_string(doc_actor_type_name(a->type)));
    for (size_t k = 0; k < a->naliases; k++) json_array_append_new(al, json_string(a->aliases[k]));
    json_object_set_new(o, "aliases", al);
    const char *parent = a->kb >= 0 && kb ? actor_kb_parent(kb, (size_t)a->kb) : NULL;
    json_object_set_new(o, "parent", parent ? json_string(parent) : json_null());
    json_object_set_new(o, "mentions", json_integer((json_int_t)a->nmentions));
    for (size_t m = 0; m < d->nmentions; m++) {
        if (d->mentions[m].actor != (int)i) continue;
        json_array_append_new(off, json_pack("[II]", (json_int_t)d->mentions[m].start,
                                             (json_int_t)d->mentions[m].end));
    }
    json_object_set_new(o, "offsets", off);
    return o;
}

/* --tokens: every token with its NER label and actor, to see why a name was
** (not) linked. */
static void print_tokens(const dots_doc *d)
{
    char lab[16];
    for (size_t s = 0; s < d->nsents; s++) {
        for (uint32_t t = d->sents[s].first; t < d->sents[s].first + d->sents[s].count; t++) {
            const doc_token *k = &d->toks[t];
            printf("%.*s/%s", (int)(k->end - k->start), d->text + k->start,
                   tag_ner_label_name(k->ner, lab));
            if (k->actor >= 0) printf("/%d", k->actor);
            putchar(t + 1 < d->sents[s].first + d->sents[s].count ? ' ' : '\n');
        }
    }
}

static void print_text(const dots_doc *d)
{
    printf("%s: %zu actors\n", d->name ? d->name : d->file, d->nactors);
    for (size_t i = 0; i < d->nactors; i++) {
        const doc_actor *a = &d->actors[i];
        printf("  %-3s %-34s %-26s %zu mention%s:", doc_actor_type_name(a->type), a->name, a->id,
               a->nmentions, a->nmentions == 1 ? "" : "s");
        size_t shown = 0;
        for (size_t m = 0; m < d->nmentions && shown < 8; m++) {
            if (d->mentions[m].actor != (int)i) continue;
            printf(" %u-%u", d->mentions[m].start, d->mentions[m].end);
            shown++;
        }
        if (shown < a->nmentions) printf(" ...");
        printf("\n      aliases:");
        for (size_t k = 0; k < a->naliases; k++) printf("%s %s", k ? "," : "", a->aliases[k]);
        printf("\n");
    }
}

CLI_COMMAND(cmd_actors, "actors", "FILE... [--json] [--tokens]",
            "list each document's actors: type, aliases found, mentions and offsets")
static int cmd_actors(int argc, char **argv)
{
    int json = cli_flag(argc, argv, "--json"), status = 0, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "--", 2)) continue;
        nfiles++;
        cli_actor_batch b;
        char err[512];
        if (cli_actor_docs(argv[i], &b, err, sizeof err)) {
            status = cli_fail("actors", "%s", err);
            continue;
        }
        for (size_t k = 0; k < b.n; k++) {
            const dots_doc *d = b.docs[k];
            for (size_t w = 0; w < d->nwarnings; w++)
                fprintf(stderr, "dots actors: warning: %s\n", d->warnings[w]);
            if (cli_flag(argc, argv, "--tokens")) print_tokens(d);
            if (!json) { print_text(d); continue; }
            json_t *o = json_object(), *ents = json_array();
            json_object_set_new(o, "doc", json_string(d->name ? d->name : argv[i]));
            for (size_t a = 0; a < d->nactors; a++) json_array_append_new(ents, actor_json(d, a));
            json_object_set_new(o, "entities", ents);
            char *s = json_dumps(o, JSON_COMPACT);
            if (s) puts(s);
            free(s);
            json_decref(o);
        }
        cli_actor_batch_fini(&b);
    }
    if (!nfiles) return cli_usage("actors");
    return status;
}
