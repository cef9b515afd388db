/* src/doc/pipeline.h -- one document through every stage: tokenize, tag,
** link actors, extract claims. The models and the knowledge base are shared
** and immutable; a pipeline holds one thread's tagger, so make one per thread. */
#ifndef DOTS_PIPELINE_H
#define DOTS_PIPELINE_H

#include "doc/doc.h"

typedef struct dots_pipeline dots_pipeline;

dots_pipeline *pipeline_new(char *err, size_t errlen);   /* NULL on failure, err says why */
void pipeline_free(dots_pipeline *p);
/* Run the stages on a parsed document (from text_parse). */
int pipeline_run(dots_pipeline *p, dots_doc *d);

#endif
