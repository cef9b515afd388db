/* src/tag/labels.c -- names of the fixed POS and NER label sets (tag.h).
** GMB writes brackets' POS as LRB/RRB and CoNLL writes -LRB- style tokens with
** POS ( and ); both spellings parse to TAG_POS_LRB/RRB. */
#include "tag/tag.h"

#include <stdio.h>
#include <string.h>

static const char *const pos_names[] = {
#define X(id, s) s,
    TAG_POS_LIST(X)
#undef X
};

static const char *const ner_types[] = { "per", "org", "geo", "gpe", "tim", "art", "eve", "nat" };

const char *tag_pos_name(int id)
{
    return id >= 0 && id < TAG_POS_COUNT ? pos_names[id] : "?";
}

int tag_pos_parse(const char *s)
{
    for (int i = 0; i < TAG_POS_COUNT; i++)
        if (strcmp(pos_names[i], s) == 0) return i;
    if (strcmp(s, "LRB") == 0 || strcmp(s, "-LRB-") == 0) return TAG_POS_LRB;
    if (strcmp(s, "RRB") == 0 || strcmp(s, "-RRB-") == 0) return TAG_POS_RRB;
    return -1;
}

const char *tag_ner_type_name(int t)
{
    return t >= 0 && t < TAG_NER_TYPES ? ner_types[t] : "?";
}

const char *tag_ner_label_name(int label, char *buf16)
{
    if (label == TAG_NER_O) return "O";
    if (label < 0 || label >= TAG_NER_COUNT) return "?";
    snprintf(buf16, 16, "%c-%s", TAG_NER_IS_B(label) ? 'B' : 'I',
             ner_types[TAG_NER_TYPE(label)]);
    return buf16;
}

int tag_ner_label_parse(const char *s)
{
    if (strcmp(s, "O") == 0) return TAG_NER_O;
    if ((s[0] != 'B' && s[0] != 'I') || s[1] != '-') return -1;
    for (int t = 0; t < TAG_NER_TYPES; t++)
        if (strcmp(s + 2, ner_types[t]) == 0)
            return s[0] == 'B' ? TAG_NER_B(t) : TAG_NER_I(t);
    return -1;
}
