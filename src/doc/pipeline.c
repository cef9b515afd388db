/* src/doc/pipeline.c -- runs the stages in order on one document.
** (Stand-in until the stages land: it leaves the document as parsed.) */
#include "doc/pipeline.h"

#include <stdlib.h>

struct dots_pipeline { int unused; };

dots_pipeline *pipeline_new(char *err, size_t errlen)
{
    (void)err; (void)errlen;
    return calloc(1, sizeof(dots_pipeline));
}

void pipeline_free(dots_pipeline *p) { free(p); }

int pipeline_run(dots_pipeline *p, dots_doc *d) { (void)p; (void)d; return 0; }
