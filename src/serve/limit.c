/* src/serve/limit.c -- a time limit for the pipeline on one document. C code
** cannot be stopped midway inside a thread, so the stages run on a thread of
** their own while the request waits at most the limit. When time runs out the
** request gives up: the document and the pipeline are handed to that thread,
** which frees both when it finishes, and the slot makes a new pipeline on its
** next ingest. The worker (and its store handle) is free again at once; the
** CPU the runaway stage burns is not. serve_stop waits a while for such
** threads (s->runners) so that a clean stop frees everything. */
#include "serve/serve_int.h"
#include "dots.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

typedef struct job {
    serve *srv;
    dots_pipeline *p;
    dots_doc *d;
    int rc, done, abandoned;
    pthread_cond_t finished;      /* uses srv->lock */
} job;

static void *run(void *arg)
{
    job *j = arg;
    int rc = pipeline_run(j->p, j->d);
    serve *s = j->srv;

    pthread_mutex_lock(&s->lock);
    j->rc = rc;
    j->done = 1;
    if (j->abandoned) {           /* nobody waits: clean up after ourselves */
        doc_free(j->d);
        pipeline_free(j->p);
        pthread_cond_destroy(&j->finished);
        free(j);
        s->runners--;
        pthread_cond_broadcast(&s->freed);
    } else {
        pthread_cond_signal(&j->finished);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

int serve_run_pipeline(serve *s, dots_pipeline *p, dots_doc *d, unsigned limit_ms,
                       int *abandoned)
{
    struct timespec until;
    pthread_attr_t attr;
    pthread_t t;
    job *j = calloc(1, sizeof *j);
    int rc;

    *abandoned = 0;
    if (!j) return DOTS_ENOMEM;
    j->srv = s;
    j->p = p;
    j->d = d;
    pthread_cond_init(&j->finished, NULL);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    rc = pthread_create(&t, &attr, run, j);
    pthread_attr_destroy(&attr);
    if (rc != 0) {                /* no thread: run here, without a limit */
        pthread_cond_destroy(&j->finished);
        free(j);
        return pipeline_run(p, d);
    }
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += limit_ms / 1000;
    until.tv_nsec += (long)(limit_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }

    pthread_mutex_lock(&s->lock);
    while (!j->done)
        if (pthread_cond_timedwait(&j->finished, &s->lock, &until) == ETIMEDOUT && !j->done) {
            j->abandoned = 1;
            s->runners++;
            pthread_mutex_unlock(&s->lock);
            *abandoned = 1;
            return DOTS_EIO;
        }
    rc = j->rc;
    pthread_mutex_unlock(&s->lock);
    pthread_cond_destroy(&j->finished);
    free(j);
    return rc;
}
