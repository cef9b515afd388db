/* src/cli/cli_actor.c -- documents through the pipeline for `dots actors` and
** `dots screen`. The pipeline links actors once the integrator wires
** actor_link_doc into it; linking again here is harmless (the linker clears
** what it filled), so these commands work before and after. A build without
** a tagger model still links KB names: tokenization alone is enough for that. */
#include "cli/cli_actor.h"
#include "doc/pipeline.h"
#include "dots.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

void cli_actor_batch_fini(cli_actor_batch *b)
{
    for (size_t i = 0; b->docs && i < b->n; i++) doc_free(b->docs[i]);
    free(b->docs);
    free(b->src);
    b->docs = NULL;
    b->n = 0;
    b->src = NULL;
}

int cli_actor_docs(const char *file, cli_actor_batch *b, char *err, size_t errlen)
{
    size_t len = 0;
    int rc;
    memset(b, 0, sizeof *b);
    if ((rc = base_read_file(file, &b->src, &len, err, errlen))) return rc;
    rc = text_parse(file, b->src, len, NULL, &b->docs, &b->n, err, errlen);
    char perr[256];
    dots_pipeline *p = rc ? NULL : pipeline_new(perr, sizeof perr);
    const actor_kb *kb = actor_kb_builtin();
    if (!rc && !kb) rc = base_err(err, errlen, DOTS_ENOMEM, "out of memory building the KB");
    for (size_t i = 0; !rc && i < b->n; i++) {
        dots_doc *d = b->docs[i];
        if (p) rc = pipeline_run(p, d);
        else rc = text_tokenize_doc(d);     /* no tagger model: KB names only */
        if (!rc) rc = actor_link_doc(kb, d);
        if (rc) base_err(err, errlen, rc, "%s: %s", d->name ? d->name : file, dots_strerror(rc));
    }
    pipeline_free(p);
    if (rc) cli_actor_batch_fini(b);
    return rc;
}

int cli_actor_optlist(int argc, char **argv, const char *flag, int *first)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], flag)) continue;
        int k = i + 1;
        while (k < argc && strncmp(argv[k], "--", 2)) k++;
        *first = i + 1;
        return k - i - 1;
    }
    return 0;
}

int cli_actor_is_opt(int argc, char **argv, int i, const char *const *lists,
                     const char *const *values)
{
    if (!strncmp(argv[i], "--", 2)) return 1;
    for (int j = i - 1; j >= 1; j--) {
        if (strncmp(argv[j], "--", 2)) continue;
        for (size_t k = 0; lists && lists[k]; k++) if (!strcmp(argv[j], lists[k])) return 1;
        for (size_t k = 0; values && values[k]; k++)
            if (!strcmp(argv[j], values[k]) && j == i - 1) return 1;
        return 0;
    }
    (void)argc;
    return 0;
}
