-- src/store/schema.sql -- the dots network, one schema for SQLite and PostgreSQL.
-- Embedded into the binary at build time (cmake/store.cmake). It creates the
-- newest layout (schema version 2, STORE_SCHEMA_VERSION in store.c); older
-- databases are brought up to date by the migrations listed in store.c. Two tokens are
-- replaced per backend: @ID@ (an auto-numbered 64-bit primary key) and @REAL@.
-- Full-text search differs and is created in code (FTS5 table / tsvector).
-- Sizes that shaped it: ~20 claims and ~30 mentions per document, 10^5-10^6
-- claims per database; every query starts from an actor, so claims are
-- indexed by (subject, object) and (object, subject), which also serve the
-- path search without touching the table.
-- Keys: actors.akey is "kb:<KB id>" or "doc:<folded name>"; claims.ckey is
-- the stable review key (document name, subject and object doc-level keys,
-- predicate, evidence offsets) that survives re-ingest.

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    title TEXT, date TEXT, url TEXT, byline TEXT, format TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT
);

CREATE TABLE IF NOT EXISTS segments (
    doc_id BIGINT NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL,
    start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
    src_start BIGINT, src_end BIGINT, author TEXT,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS actors (
    id @ID@,
    akey TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    fold TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actors_fold ON actors (fold);

CREATE TABLE IF NOT EXISTS aliases (
    actor_id BIGINT NOT NULL, fold TEXT NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY (actor_id, fold)
);
CREATE INDEX IF NOT EXISTS aliases_fold ON aliases (fold, actor_id);

-- Word skeletons of the aliases of people and organisations, to find the
-- few stored actors a new name may match by similarity (names.c). Version 2.
CREATE TABLE IF NOT EXISTS name_keys (
    skel TEXT NOT NULL, actor_id BIGINT NOT NULL,
    PRIMARY KEY (skel, actor_id)
);
CREATE INDEX IF NOT EXISTS name_keys_actor ON name_keys (actor_id);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id BIGINT NOT NULL, actor_id BIGINT NOT NULL,
    start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, fold TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id, doc_id);

CREATE TABLE IF NOT EXISTS claims (
    id @ID@,
    doc_id BIGINT NOT NULL,
    ckey TEXT NOT NULL,
    subject BIGINT NOT NULL, predicate TEXT NOT NULL, object BIGINT NOT NULL,
    polarity TEXT NOT NULL, time TEXT,
    source_id BIGINT, source_name TEXT,
    origin TEXT NOT NULL,
    ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, sentence TEXT,
    confidence @REAL@, rule TEXT,
    status TEXT NOT NULL DEFAULT 'unreviewed'
);
CREATE INDEX IF NOT EXISTS claims_so ON claims (subject, object, predicate, doc_id);
CREATE INDEX IF NOT EXISTS claims_os ON claims (object, subject, predicate, doc_id);
CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc_id);
CREATE INDEX IF NOT EXISTS claims_ckey ON claims (ckey);
-- partial: most claims are the author's (NULL), and a full index of NULLs
-- makes the planner, once ANALYZEd, prefer scanning the table
CREATE INDEX IF NOT EXISTS claims_source ON claims (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS list_entries (
    id @ID@,
    list TEXT NOT NULL, entry_id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT, programs TEXT, remarks TEXT, countries TEXT,
    UNIQUE (list, entry_id)
);
CREATE TABLE IF NOT EXISTS list_aliases (
    entry BIGINT NOT NULL, fold TEXT NOT NULL, alias TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS list_aliases_fold ON list_aliases (fold);
CREATE INDEX IF NOT EXISTS list_aliases_entry ON list_aliases (entry);

CREATE TABLE IF NOT EXISTS reviews (
    ckey TEXT PRIMARY KEY,
    action TEXT NOT NULL, predicate TEXT, polarity TEXT, time TEXT, note TEXT,
    reviewed_at TEXT
);

-- Analyst decisions, replayed on every insert: kind 'merge' sends akey to
-- target (an akey); kind 'split' sends doc actors of akey whose surface forms
-- all fold to target (a folded alias) to their own actor.
CREATE TABLE IF NOT EXISTS actor_decisions (
    id @ID@,
    kind TEXT NOT NULL, akey TEXT NOT NULL, target TEXT NOT NULL,
    decided_at TEXT,
    UNIQUE (kind, akey, target)
);
