/* src/cli/cmd_version.c -- `dots version`: the version and the build's model sizes. */
#include "cli/cli.h"
#include "dots.h"

#include <stdio.h>

CLI_COMMAND(cmd_version, "version", "", "print the version")
static int cmd_version(int argc, char **argv)
{
    (void)argc; (void)argv;
    printf("dots %s\n", DOTS_VERSION);
    return 0;
}
