/* include/dots.h -- the public API of libdots: status codes and the one-call
** pipeline that turns a page into a document with actors and claims.
** Handles are opaque; whoever calls _new/_load frees with the matching _free.
** Module internals live in src/<module>/<module>.h and are not part of it. */
#ifndef DOTS_H
#define DOTS_H

#include <stddef.h>

#define DOTS_VERSION "0.1.0"

enum {
    DOTS_OK = 0,
    DOTS_ENOMEM = -1,   /* out of memory */
    DOTS_EIO = -2,      /* a file could not be read or written */
    DOTS_EFORMAT = -3,  /* input is malformed; the message says where */
    DOTS_ESTORE = -4,   /* the database refused */
    DOTS_EINVAL = -5,   /* a bad argument */
    DOTS_ENOTFOUND = -6 /* no such actor, document or claim */
};

/* A message for a status code, for when no handle holds a better one. */
const char *dots_strerror(int status);

#endif
