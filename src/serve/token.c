/* src/serve/token.c -- the write token: 32 bytes from getrandom (the kernel's
** CSPRNG), kept as 64 hex digits in a file next to the database with mode 0600,
** created on the first start and read on every later one. A token file that
** others can read is refused rather than trusted: anyone who reads it can write. */
#include "serve/serve.h"
#include "serve/serve_int.h"
#include "base/base.h"
#include "dots.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_token(const char *s)
{
    for (int i = 0; i < 64; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return 0;
    return 1;
}

static int read_token(const char *path, int fd, char tok[65], char *err, size_t errlen)
{
    struct stat st;
    char b[80];
    ssize_t n;

    if (fstat(fd, &st) != 0)
        return base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno));
    if (st.st_mode & 077)
        return base_err(err, errlen, DOTS_EINVAL, "%s: token file is readable by others "
                        "(mode %03o); run chmod 600 %s", path, st.st_mode & 0777, path);
    n = read(fd, b, sizeof b - 1);
    if (n < 64 || !is_token(b) || (n > 64 && b[64] != '\n'))
        return base_err(err, errlen, DOTS_EFORMAT, "%s: not a dots token (64 hex digits)",
                        path);
    memcpy(tok, b, 64);
    tok[64] = 0;
    return DOTS_OK;
}

int serve_random_hex(char out[65], char *err, size_t errlen)
{
    unsigned char r[32];
    size_t got = 0;
    while (got < sizeof r) {
        ssize_t n = getrandom(r + got, sizeof r - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return base_err(err, errlen, DOTS_EIO, "getrandom: %s", strerror(errno));
        got += (size_t)n;
    }
    for (size_t i = 0; i < sizeof r; i++) snprintf(out + 2 * i, 3, "%02x", r[i]);
    return DOTS_OK;
}

static int make_token(const char *path, int fd, char tok[65], char *err, size_t errlen)
{
    int rc = serve_random_hex(tok, err, errlen);
    if (rc) return rc;
    tok[64] = '\n';
    if (write(fd, tok, 65) != 65 || fsync(fd) != 0)
        return base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno));
    tok[64] = 0;
    return DOTS_OK;
}

int serve_token_load(const char *path, char tok[65], int *created, char *err, size_t errlen)
{
    int rc, fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

    *created = 0;
    if (fd >= 0) {
        rc = read_token(path, fd, tok, err, errlen);
        close(fd);
        return rc;
    }
    if (errno != ENOENT) return base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno));
    /* O_EXCL: two servers starting at once must not each write their own token. */
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return base_err(err, errlen, DOTS_EIO, "%s: %s", path, strerror(errno));
    rc = make_token(path, fd, tok, err, errlen);
    close(fd);
    if (rc != DOTS_OK) unlink(path);
    else *created = 1;
    return rc;
}
