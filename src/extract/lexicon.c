/* src/extract/lexicon.c -- the predicate lexicon: which words state which
** relation, and how their arguments are found.
** A word is looked up by lemma: the form as written, then the forms its
** inflections could come from (-s, -es, -ies, -ed, -d, -ing, doubled final
** consonants), then a short table of irregular verbs; the first that is in
** the table wins. Verb entries only fire on tokens tagged as verbs and noun
** entries on nouns (see extract.c), which keeps "arms" the noun apart from
** "arms" the verb. The table is sorted at first use and searched by bisection.
** prec is the precision of the entry's family measured on the held-out
** documents (tests/cases/claims), used as the claim's confidence. */
#include "extract/extract_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define V LX_VERB
#define N LX_NOUN
#define R LX_ROLE
#define T LX_THING
#define S LX_SPEECH

/* Object prepositions: "|" is the direct object. */
#define D "|"
static extract_lex LEX[] = {
    /* ---- support family ---- */
    { "support", V, PRED_SUPPORTS, 0, D, 0.7f },
    { "back", V, PRED_SUPPORTS, 0, D, 0.7f },
    { "sponsor", V, PRED_SUPPORTS, 0, D, 0.7f },
    { "bolster", V, PRED_SUPPORTS, 0, D, 0.7f },
    { "aid", V, PRED_SUPPORTS, 0, D, 0.6f },
    { "assist", V, PRED_SUPPORTS, 0, D, 0.6f },
    { "defend", V, PRED_SUPPORTS, 0, D, 0.5f },
    { "sustain", V, PRED_SUPPORTS, 0, D, 0.5f },
    { "arm", V, PRED_ARMS, 0, D, 0.7f },
    { "fund", V, PRED_FUNDS, 0, D, 0.7f },
    { "finance", V, PRED_FUNDS, 0, D, 0.7f },
    { "bankroll", V, PRED_FUNDS, 0, D, 0.7f },
    { "train", V, PRED_TRAINS, 0, D, 0.7f },
    { "shelter", V, PRED_SHELTERS, 0, D, 0.6f },
    { "harbor", V, PRED_SHELTERS, 0, D, 0.6f },
    { "harbour", V, PRED_SHELTERS, 0, D, 0.6f },
    { "host", V, PRED_SHELTERS, 0, D, 0.5f },
    { "protect", V, PRED_SHELTERS, 0, D, 0.4f },
    /* verbs of giving: the thing given decides (weapons -> arms) */
    { "provide", V, -1, LF_THING, "|to|for|", 0.7f },
    { "supply", V, -1, LF_THING, "|to|for|", 0.7f },
    { "give", V, -1, LF_THING, "|to|", 0.6f },
    { "send", V, -1, LF_THING, "|to|into|", 0.6f },
    { "ship", V, -1, LF_THING | LF_PLACEOBJ, "|to|", 0.6f },
    { "deliver", V, -1, LF_THING, "|to|", 0.6f },
    { "smuggle", V, -1, LF_THING | LF_PLACEOBJ, "|to|for|", 0.6f },
    { "move", V, -1, LF_THING, "|to|", 0.5f },
    { "transfer", V, PRED_RELEASES, LF_THING, "|to|", 0.5f },
    { "funnel", V, -1, LF_THING, "|to|", 0.6f },
    { "channel", V, -1, LF_THING, "|to|", 0.6f },
    { "offer", V, -1, LF_THING | LF_HEDGE, "|to|", 0.5f },
    { "extend", V, -1, LF_THING, "|to|", 0.5f },
    { "acquire", V, -1, LF_THING, "|for|", 0.5f },
    { "procure", V, -1, LF_THING, "|for|", 0.5f },
    { "arrange", V, -1, LF_THING | LF_PLACEOBJ, "|to|for|", 0.6f },
    { "direct", V, -1, LF_THING, "|to|", 0.5f },
    { "rely", V, PRED_SUPPORTS, LF_THING | LF_REVERSE, "|from|on|", 0.6f },
    { "receive", V, -1, LF_THING | LF_REVERSE, "|from|", 0.6f },
    { "get", V, -1, LF_THING | LF_REVERSE, "|from|", 0.5f },
    /* ---- cooperation and meetings ---- */
    { "ally", V, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.7f },
    { "partner", V, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.7f },
    { "collude", V, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.7f },
    { "cooperate", V, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.7f },
    { "coordinate", V, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.6f },
    { "align", V, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.6f },
    { "meet", V, PRED_MEETS, LF_SYM | LF_ALLOBJ, "|with|", 0.7f },
    { "negotiate", V, PRED_MEETS, LF_SYM, "|with|", 0.6f },
    { "visit", V, PRED_MEETS, LF_SYM, "|", 0.5f },
    /* ---- hostility ---- */
    { "oppose", V, PRED_OPPOSES, 0, D, 0.6f },
    { "fight", V, PRED_OPPOSES, LF_PLACE_AGT, "|against|with|", 0.6f },
    { "combat", V, PRED_OPPOSES, 0, D, 0.6f },
    { "confront", V, PRED_OPPOSES, 0, D, 0.6f },
    { "resist", V, PRED_OPPOSES, 0, D, 0.6f },
    { "undermine", V, PRED_OPPOSES, 0, D, 0.6f },
    { "threaten", V, PRED_OPPOSES, 0, D, 0.5f },
    { "counter", V, PRED_OPPOSES, 0, D, 0.5f },
    { "disrupt", V, PRED_OPPOSES, 0, D, 0.6f },
    { "challenge", V, PRED_OPPOSES, 0, D, 0.5f },
    { "condemn", V, PRED_OPPOSES, 0, D, 0.5f },
    { "pressure", V, PRED_OPPOSES, 0, D, 0.5f },
    { "rebel", V, PRED_OPPOSES, 0, "|against|", 0.6f },
    { "attack", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "strike", V, PRED_ATTACKS, LF_PLACEOBJ, "|at|on|against|", 0.7f },
    { "kill", V, PRED_ATTACKS, 0, D, 0.7f },
    { "target", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "bomb", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "shell", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.6f },
    { "shoot", V, PRED_ATTACKS, 0, "|at|", 0.6f },
    { "assassinate", V, PRED_ATTACKS, 0, D, 0.8f },
    { "ambush", V, PRED_ATTACKS, 0, D, 0.7f },
    { "raid", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "fire", V, PRED_ATTACKS, LF_PLACEOBJ, "|at|on|", 0.6f },
    { "invade", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "engage", V, PRED_ATTACKS, 0, D, 0.5f },
    { "assault", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "topple", V, PRED_ATTACKS, 0, D, 0.6f },
    { "overrun", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.7f },
    { "storm", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.6f },
    { "wound", V, PRED_ATTACKS, 0, D, 0.6f },
    { "injure", V, PRED_ATTACKS, 0, D, 0.6f },
    { "slaughter", V, PRED_ATTACKS, 0, D, 0.7f },
    { "massacre", V, PRED_ATTACKS, 0, D, 0.7f },
    { "murder", V, PRED_ATTACKS, 0, D, 0.7f },
    { "behead", V, PRED_ATTACKS, 0, D, 0.7f },
    { "execute", V, PRED_ATTACKS, 0, D, 0.5f },
    { "seize", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.6f },
    { "hit", V, PRED_ATTACKS, LF_PLACEOBJ, D, 0.5f },
    /* ---- sanctions, custody ---- */
    { "designate", V, PRED_DESIGNATES, 0, D, 0.8f },
    { "sanction", V, PRED_DESIGNATES, 0, D, 0.8f },
    { "blacklist", V, PRED_DESIGNATES, 0, D, 0.8f },
    { "list", V, PRED_DESIGNATES, 0, D, 0.5f },
    { "identify", V, PRED_DESIGNATES, 0, D, 0.5f },   /* needs "as": see extract.c */
    { "detain", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "arrest", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "capture", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "hold", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.6f },
    { "imprison", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "jail", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "apprehend", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "kidnap", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "abduct", V, PRED_DETAINS, LF_PLACE_PAT, D, 0.7f },
    { "release", V, PRED_RELEASES, 0, D, 0.6f },
    { "free", V, PRED_RELEASES, 0, D, 0.5f },
    { "exchange", V, PRED_RELEASES, 0, D, 0.5f },
    { "swap", V, PRED_RELEASES, 0, D, 0.5f },
    { "repatriate", V, PRED_RELEASES, 0, D, 0.6f },
    /* ---- membership, place ---- */
    { "join", V, PRED_MEMBER_OF, 0, D, 0.6f },
    { "lead", V, PRED_MEMBER_OF, LF_NOPASS, D, 0.6f },
    { "head", V, PRED_MEMBER_OF, LF_NOPASS, D, 0.5f },
    { "command", V, PRED_MEMBER_OF, LF_NOPASS, D, 0.6f },
    { "serve", V, PRED_MEMBER_OF, 0, "|in|with|for|", 0.5f },
    { "belong", V, PRED_MEMBER_OF, 0, "|to|", 0.6f },
    { "work", V, PRED_MEMBER_OF, 0, "|for|", 0.4f },
    { "base", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.7f },
    { "control", V, PRED_LOCATED_IN, LF_PLACEOBJ, D, 0.5f },
    { "affiliate", V, PRED_MEMBER_OF, 0, "|with|to|", 0.6f },
    { "hand", V, PRED_RELEASES, 0, D, 0.5f },
    { "dispatch", V, -1, LF_THING, "|to|into|", 0.5f },
    { "headquarter", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.7f },
    { "station", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.6f },
    { "reside", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.7f },
    { "live", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.5f },
    { "operate", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|across|from|", 0.6f },
    { "stay", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|at|", 0.6f },
    { "hide", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.6f },
    { "travel", V, PRED_LOCATED_IN, LF_PLACEOBJ | LF_ALLOBJ, "|to|through|", 0.6f },
    { "arrive", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|at|", 0.6f },
    { "relocate", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|to|", 0.6f },
    { "flee", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|to|", 0.5f },
    { "deploy", V, PRED_LOCATED_IN, LF_PLACEOBJ, "|to|in|into|", 0.6f },
    { "conduct", V, -1, LF_PLACE_AGT, D, 0.6f },
    { "carry", V, -1, 0, D, 0.5f },
    /* ---- nouns: events and relations ---- */
    { "support", N, PRED_SUPPORTS, 0, "|for|to|of|", 0.6f },
    { "backing", N, PRED_SUPPORTS, 0, "|for|of|", 0.6f },
    { "sponsorship", N, PRED_SUPPORTS, 0, "|of|for|", 0.6f },
    { "sponsor", N, PRED_SUPPORTS, 0, "|of|", 0.6f },
    { "aid", N, PRED_SUPPORTS, 0, "|to|for|", 0.5f },
    { "assistance", N, PRED_SUPPORTS, 0, "|to|for|", 0.5f },
    { "shipment", N, PRED_ARMS, LF_THING | LF_PLACEOBJ, "|to|for|", 0.6f },
    { "training", N, PRED_TRAINS, 0, "|for|to|of|", 0.5f },
    { "financing", N, PRED_FUNDS, 0, "|for|of|to|", 0.6f },
    { "funding", N, PRED_FUNDS, 0, "|for|to|of|", 0.6f },
    { "haven", N, PRED_SHELTERS, 0, "|to|for|", 0.5f },
    { "refuge", N, PRED_SHELTERS, 0, "|to|for|", 0.5f },
    { "sanctuary", N, PRED_SHELTERS, 0, "|to|for|", 0.5f },
    { "partnership", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.6f },
    { "alliance", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.6f },
    { "cooperation", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.5f },
    { "collusion", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.6f },
    { "deal", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.5f },
    { "agreement", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.5f },
    { "pact", N, PRED_ALLIED_WITH, LF_SYM, "|with|", 0.6f },
    { "allegiance", N, PRED_MEMBER_OF, 0, "|to|", 0.7f },
    { "meeting", N, PRED_MEETS, LF_SYM, "|with|", 0.5f },
    { "talks", N, PRED_MEETS, LF_SYM, "|with|", 0.5f },
    { "negotiation", N, PRED_MEETS, LF_SYM, "|with|", 0.5f },
    { "insurgency", N, PRED_OPPOSES, 0, "|against|", 0.6f },
    { "war", N, PRED_OPPOSES, 0, "|against|on|with|", 0.5f },
    { "fight", N, PRED_OPPOSES, 0, "|against|", 0.6f },
    { "campaign", N, PRED_OPPOSES, 0, "|against|", 0.5f },
    { "struggle", N, PRED_OPPOSES, 0, "|against|", 0.5f },
    { "rebellion", N, PRED_OPPOSES, 0, "|against|", 0.6f },
    { "opposition", N, PRED_OPPOSES, 0, "|to|", 0.5f },
    { "threat", N, PRED_OPPOSES, 0, "|to|against|", 0.5f },
    { "hostility", N, PRED_OPPOSES, 0, "|with|toward|towards|", 0.5f },
    { "attack", N, PRED_ATTACKS, LF_PLACEOBJ, "|on|against|in|at|inside|near|", 0.6f },
    { "strike", N, PRED_ATTACKS, LF_PLACEOBJ, "|on|against|at|in|inside|near|", 0.6f },
    { "airstrike", N, PRED_ATTACKS, LF_PLACEOBJ, "|on|against|at|in|", 0.6f },
    { "bombing", N, PRED_ATTACKS, LF_PLACEOBJ, "|of|on|in|", 0.6f },
    { "raid", N, PRED_ATTACKS, LF_PLACEOBJ, "|on|against|in|", 0.6f },
    { "assault", N, PRED_ATTACKS, LF_PLACEOBJ, "|on|against|", 0.6f },
    { "offensive", N, PRED_ATTACKS, LF_PLACEOBJ, "|on|against|in|", 0.6f },
    { "killing", N, PRED_ATTACKS, 0, "|of|", 0.6f },
    { "assassination", N, PRED_ATTACKS, 0, "|of|", 0.7f },
    { "invasion", N, PRED_ATTACKS, LF_PLACEOBJ, "|of|", 0.7f },
    { "ambush", N, PRED_ATTACKS, 0, "|on|against|", 0.6f },
    { "designation", N, PRED_DESIGNATES, 0, "|of|", 0.6f },
    { "sanction", N, PRED_DESIGNATES, 0, "|on|against|", 0.7f },
    { "detention", N, PRED_DETAINS, 0, "|of|", 0.5f },
    { "capture", N, PRED_DETAINS, 0, "|of|", 0.5f },
    { "arrest", N, PRED_DETAINS, 0, "|of|", 0.5f },
    { "custody", N, PRED_DETAINS, 0, "|", 0.5f },
    { "release", N, PRED_RELEASES, 0, "|of|", 0.5f },
    { "handover", N, PRED_RELEASES, 0, "|of|", 0.5f },
    { "presence", N, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|inside|", 0.6f },
    { "office", N, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.5f },
    { "headquarters", N, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.6f },
    { "stronghold", N, PRED_LOCATED_IN, LF_PLACEOBJ, "|in|", 0.5f },
    { "ally", N, PRED_ALLIED_WITH, LF_SYM, "|of|", 0.6f },
    { "partner", N, PRED_ALLIED_WITH, LF_SYM, "|of|", 0.5f },
    { "enemy", N, PRED_OPPOSES, 0, "|of|", 0.5f },
    { "foe", N, PRED_OPPOSES, 0, "|of|", 0.5f },
    { "adversary", N, PRED_OPPOSES, 0, "|of|", 0.5f },
    /* ---- roles: member_of ---- */
    { "leader", R, PRED_MEMBER_OF, 0, "|of|in|within|", 0.8f },
    { "leadership", R, PRED_MEMBER_OF, 0, "|of|in|within|", 0.7f },
    { "chief", R, PRED_MEMBER_OF, 0, "|of|", 0.8f },
    { "head", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "commander", R, PRED_MEMBER_OF, 0, "|of|in|", 0.8f },
    { "member", R, PRED_MEMBER_OF, 0, "|of|", 0.8f },
    { "official", R, PRED_MEMBER_OF, 0, "|of|in|", 0.7f },
    /* staff of institutes and universities ("an expert at the Institute for ...") */
    { "analyst", R, PRED_MEMBER_OF, 0, "|at|of|", 0.6f },
    { "researcher", R, PRED_MEMBER_OF, 0, "|at|of|", 0.6f },
    { "expert", R, PRED_MEMBER_OF, 0, "|at|", 0.6f },
    { "professor", R, PRED_MEMBER_OF, 0, "|at|of|", 0.6f },
    { "officer", R, PRED_MEMBER_OF, 0, "|of|in|", 0.7f },
    { "spokesman", R, PRED_MEMBER_OF, 0, "|of|for|", 0.8f },
    { "spokesperson", R, PRED_MEMBER_OF, 0, "|of|for|", 0.8f },
    { "spokeswoman", R, PRED_MEMBER_OF, 0, "|of|for|", 0.8f },
    { "emir", R, PRED_MEMBER_OF, 0, "|of|", 0.8f },
    { "founder", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "deputy", R, PRED_MEMBER_OF, 0, "|of|in|within|", 0.7f },
    { "general", R, PRED_MEMBER_OF, 0, "|of|in|", 0.7f },
    { "colonel", R, PRED_MEMBER_OF, 0, "|of|in|", 0.7f },
    { "minister", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "secretary", R, PRED_MEMBER_OF, 0, "|of|", 0.6f },
    { "director", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "lieutenant", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "representative", R, PRED_MEMBER_OF, 0, "|of|", 0.6f },
    { "operative", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "fighter", R, PRED_MEMBER_OF, 0, "|of|", 0.6f },
    { "militant", R, PRED_MEMBER_OF, 0, "|of|", 0.6f },
    { "governor", R, PRED_MEMBER_OF, 0, "|of|", 0.6f },
    { "president", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "chairman", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "ambassador", R, PRED_MEMBER_OF, 0, "|of|to|", 0.6f },
    { "adviser", R, PRED_MEMBER_OF, 0, "|to|of|", 0.6f },
    { "advisor", R, PRED_MEMBER_OF, 0, "|to|of|", 0.6f },
    { "aide", R, PRED_MEMBER_OF, 0, "|to|of|", 0.6f },
    { "recruiter", R, PRED_MEMBER_OF, 0, "|of|for|", 0.6f },
    { "ideologue", R, PRED_MEMBER_OF, 0, "|of|", 0.6f },
    { "mastermind", R, PRED_MEMBER_OF, 0, "|of|", 0.5f },
    { "cofounder", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "co-founder", R, PRED_MEMBER_OF, 0, "|of|", 0.7f },
    { "financier", R, PRED_FUNDS, 0, "|of|for|to|", 0.6f },
    { "fundraiser", R, PRED_FUNDS, 0, "|for|of|", 0.6f },
    { "facilitator", R, PRED_SUPPORTS, 0, "|for|of|", 0.4f },
    { "supporter", R, PRED_SUPPORTS, 0, "|of|", 0.5f },
    { "backer", R, PRED_SUPPORTS, 0, "|of|", 0.5f },
    { "trafficker", R, PRED_ARMS, 0, "|for|", 0.4f },
    { "envoy", R, PRED_MEETS, LF_SYM, "|to|", 0.5f },
    /* ---- things given ---- */
    { "weapon", T, PRED_ARMS, 0, NULL, 0 }, { "arms", T, PRED_ARMS, 0, NULL, 0 },
    { "missile", T, PRED_ARMS, 0, NULL, 0 }, { "rocket", T, PRED_ARMS, 0, NULL, 0 },
    { "ammunition", T, PRED_ARMS, 0, NULL, 0 }, { "munition", T, PRED_ARMS, 0, NULL, 0 },
    { "explosive", T, PRED_ARMS, 0, NULL, 0 }, { "gun", T, PRED_ARMS, 0, NULL, 0 },
    { "rifle", T, PRED_ARMS, 0, NULL, 0 }, { "grenade", T, PRED_ARMS, 0, NULL, 0 },
    { "mortar", T, PRED_ARMS, 0, NULL, 0 }, { "artillery", T, PRED_ARMS, 0, NULL, 0 },
    { "materiel", T, PRED_ARMS, 0, NULL, 0 }, { "drone", T, PRED_ARMS, 0, NULL, 0 },
    { "money", T, PRED_FUNDS, 0, NULL, 0 }, { "fund", T, PRED_FUNDS, 0, NULL, 0 },
    { "cash", T, PRED_FUNDS, 0, NULL, 0 }, { "financing", T, PRED_FUNDS, 0, NULL, 0 },
    { "funding", T, PRED_FUNDS, 0, NULL, 0 }, { "financial", T, PRED_FUNDS, 0, NULL, 0 },
    { "dollar", T, PRED_FUNDS, 0, NULL, 0 }, { "payment", T, PRED_FUNDS, 0, NULL, 0 },
    { "revenue", T, PRED_FUNDS, 0, NULL, 0 }, { "proceeds", T, PRED_FUNDS, 0, NULL, 0 },
    { "training", T, PRED_TRAINS, 0, NULL, 0 }, { "instruction", T, PRED_TRAINS, 0, NULL, 0 },
    { "haven", T, PRED_SHELTERS, 0, NULL, 0 }, { "refuge", T, PRED_SHELTERS, 0, NULL, 0 },
    { "shelter", T, PRED_SHELTERS, 0, NULL, 0 }, { "sanctuary", T, PRED_SHELTERS, 0, NULL, 0 },
    { "support", T, PRED_SUPPORTS, 0, NULL, 0 }, { "assistance", T, PRED_SUPPORTS, 0, NULL, 0 },
    { "aid", T, PRED_SUPPORTS, 0, NULL, 0 }, { "help", T, PRED_SUPPORTS, 0, NULL, 0 },
    { "backing", T, PRED_SUPPORTS, 0, NULL, 0 }, { "logistics", T, PRED_SUPPORTS, 0, NULL, 0 },
    /* ---- reporting verbs: set the source of what they report ---- */
    { "say", S, -1, 0, NULL, 0 }, { "note", S, -1, 0, NULL, 0 }, { "add", S, -1, 0, NULL, 0 },
    { "report", S, -1, 0, NULL, 0 }, { "announce", S, -1, 0, NULL, 0 },
    { "state", S, -1, 0, NULL, 0 }, { "tell", S, -1, 0, NULL, 0 },
    { "explain", S, -1, 0, NULL, 0 }, { "find", S, -1, 0, NULL, 0 },
    { "acknowledge", S, -1, 0, NULL, 0 }, { "confirm", S, -1, 0, NULL, 0 },
    { "concede", S, -1, 0, NULL, 0 }, { "admit", S, -1, 0, NULL, 0 },
    { "insist", S, -1, 0, NULL, 0 }, { "write", S, -1, 0, NULL, 0 },
    { "argue", S, -1, 0, NULL, 0 }, { "warn", S, -1, 0, NULL, 0 },
    { "assert", S, -1, 0, NULL, 0 }, { "reveal", S, -1, 0, NULL, 0 },
    { "disclose", S, -1, 0, NULL, 0 }, { "document", S, -1, 0, NULL, 0 },
    { "quote", S, -1, 0, NULL, 0 }, { "testify", S, -1, 0, NULL, 0 },
    { "accuse", S, -1, LF_HEDGE_SPEECH, NULL, 0 }, { "conclude", S, -1, 0, NULL, 0 },
    { "claim", S, -1, LF_HEDGE_SPEECH, NULL, 0 }, { "allege", S, -1, LF_HEDGE_SPEECH, NULL, 0 },
    { "suggest", S, -1, LF_HEDGE_SPEECH, NULL, 0 }, { "believe", S, -1, LF_HEDGE_SPEECH, NULL, 0 },
    { "suspect", S, -1, LF_HEDGE_SPEECH, NULL, 0 }, { "speculate", S, -1, LF_HEDGE_SPEECH, NULL, 0 },
    { "deny", S, -1, LF_DENY, NULL, 0 }, { "dispute", S, -1, LF_DENY, NULL, 0 },
    { "reject", S, -1, LF_DENY, NULL, 0 }, { "refute", S, -1, LF_DENY, NULL, 0 },
};
#undef D

static const char *const IRREGULAR[][2] = {
    { "held", "hold" }, { "fought", "fight" }, { "sent", "send" }, { "gave", "give" },
    { "given", "give" }, { "led", "lead" }, { "met", "meet" }, { "struck", "strike" },
    { "stricken", "strike" }, { "shot", "shoot" }, { "said", "say" }, { "told", "tell" },
    { "found", "find" }, { "hid", "hide" }, { "hidden", "hide" }, { "fled", "flee" },
    { "got", "get" }, { "gotten", "get" }, { "wrote", "write" }, { "written", "write" },
    { "hit", "hit" }, { "lived", "live" }, { "freed", "free" }, { "arms", "arm" },
};

static int cmp_lex(const void *a, const void *b)
{
    const extract_lex *x = a, *y = b;
    int c = strcmp(x->lemma, y->lemma);
    return c ? c : (int)x->kind - (int)y->kind;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void sort_lex(void) { qsort(LEX, sizeof LEX / sizeof LEX[0], sizeof LEX[0], cmp_lex); }

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* Fill out[kind] for every kind the candidate lemma has that is still empty. */
static void take(const char *lemma, const extract_lex **out, int *left)
{
    size_t lo = 0, hi = sizeof LEX / sizeof LEX[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(LEX[mid].lemma, lemma) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < sizeof LEX / sizeof LEX[0] && strcmp(LEX[i].lemma, lemma) == 0; i++)
        if (!out[LEX[i].kind]) { out[LEX[i].kind] = &LEX[i]; (*left)--; }
}

void extract_lex_find_all(const char *w, const extract_lex *out[6])
{
    char cand[64];
    size_t n = strlen(w);
    int left = 5;

    pthread_once(&once, sort_lex);
    for (int k = 0; k < 6; k++) out[k] = NULL;
    if (n == 0 || n >= sizeof cand - 2) return;
    take(w, out, &left);
    for (size_t i = 0; i < sizeof IRREGULAR / sizeof IRREGULAR[0] && left; i++)
        if (w[0] == IRREGULAR[i][0][0] && strcmp(w, IRREGULAR[i][0]) == 0)
            take(IRREGULAR[i][1], out, &left);
#define TRY(stem_len, suffix)                                                 \
    do {                                                                      \
        memcpy(cand, w, (stem_len));                                          \
        strcpy(cand + (stem_len), (suffix));                                  \
        if (left) take(cand, out, &left);                                     \
    } while (0)
    if (n > 3 && strcmp(w + n - 3, "ies") == 0) TRY(n - 3, "y");
    if (n > 3 && strcmp(w + n - 3, "ied") == 0) TRY(n - 3, "y");
    if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's') TRY(n - 1, "");
    if (n > 3 && strcmp(w + n - 2, "es") == 0) TRY(n - 2, "");
    if (n > 3 && strcmp(w + n - 2, "ed") == 0) {
        TRY(n - 2, "");
        TRY(n - 1, "");                     /* designated -> designate */
        if (w[n - 3] == w[n - 4] && !is_vowel(w[n - 3])) TRY(n - 3, "");  /* planned */
    }
    if (n > 4 && strcmp(w + n - 3, "ing") == 0) {
        TRY(n - 3, "");
        TRY(n - 3, "e");                    /* providing -> provide */
        if (w[n - 4] == w[n - 5] && !is_vowel(w[n - 4])) TRY(n - 4, "");  /* shipping */
    }
#undef TRY
}

const extract_lex *extract_lex_find(const char *w, int kind)
{
    const extract_lex *all[6];
    extract_lex_find_all(w, all);
    if (kind) return kind >= 1 && kind <= 5 ? all[kind] : NULL;
    for (int k = 1; k <= 5; k++)
        if (all[k]) return all[k];
    return NULL;
}
