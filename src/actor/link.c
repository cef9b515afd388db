/* src/actor/link.c -- placeholder until the linker lands */
#include "actor/kb.h"
#include "dots.h"
int actor_link_doc(const actor_kb *kb, dots_doc *d) { (void)kb; (void)d; return DOTS_OK; }
