/* src/doc/pipeline.c -- runs the stages in order on one parsed document:
** tokenize, tag (POS, NER), link actors, extract claims. The models and the
** KB are loaded once per process and shared; the pipeline owns one tagger,
** which is per-thread scratch, so each thread makes its own pipeline. */
#include "doc/pipeline.h"
#include "base/base.h"
#include "dots.h"
#include "actor/actor.h"
#include "extract/extract.h"
#include "tag/tag.h"
#include "text/text.h"

#include <stdlib.h>

struct dots_pipeline {
    tag_tagger *tagger;
    const actor_kb *kb;
};

dots_pipeline *pipeline_new(char *err, size_t errlen)
{
    dots_pipeline *p = calloc(1, sizeof *p);
    if (!p) { base_err(err, errlen, DOTS_ENOMEM, "out of memory"); return NULL; }
    const tag_model *pos = tag_builtin_pos(), *ner = tag_builtin_ner();
    if (!pos) {
        base_err(err, errlen, DOTS_EFORMAT, "this build has no POS model (models/pos.model)");
        free(p);
        return NULL;
    }
    if (!(p->kb = actor_kb_builtin()) || !(p->tagger = tag_tagger_new(pos, ner))) {
        base_err(err, errlen, DOTS_ENOMEM, "out of memory");
        free(p);
        return NULL;
    }
    return p;
}

void pipeline_free(dots_pipeline *p)
{
    if (!p) return;
    tag_tagger_free(p->tagger);
    free(p);
}

int pipeline_run(dots_pipeline *p, dots_doc *d)
{
    int rc;
    if ((rc = text_tokenize_doc(d)) != DOTS_OK) return rc;
    if ((rc = tag_doc(p->tagger, d)) != DOTS_OK) return rc;
    if ((rc = actor_link_doc(p->kb, d)) != DOTS_OK) return rc;
    return extract_doc(d);
}
