-- opsbot schema, version 6: team memory (issue 8).
--
-- Written in the SQL that H2 (MODE=PostgreSQL), PostgreSQL 15 and jOOQ's DDLDatabase all accept, as V1 explains:
-- TIMESTAMP WITH TIME ZONE, VARCHAR (never indexed TEXT), BYTEA, no partial indexes. db/README.md says why each
-- table exists.

-- What a team learned in one thread (a fact, a fix that worked, a runbook step, a preference), so that it applies in
-- later threads for anyone on the team. text is redacted before it gets here; it holds twice MemoryItem.MAX_TEXT so
-- that the limit can grow without a migration. source_thread is platform/channel/thread (up to 32 + 255 + 255 + 2).
--
-- vector is the text's embedding: float32 values, little-endian, 4 bytes each, as many as the model has dimensions
-- (none is fixed here: another model needs no migration). BYTEA, which all three databases accept (V1's
-- console_attachment.data is one); a base64 VARCHAR would cost a third more and a decode for nothing.
--
-- A forgotten memory is not deleted at once: forgotten is set and changed_at moved, and the row stays as a tombstone,
-- so that every replica's retrieval index, which keeps up by asking for rows changed since it last asked, learns to
-- drop it. JooqMemoryStore.purgeForgotten deletes tombstones once every replica has had time to see them (a day).
--
-- changed_at is when the memory last changed (added, forgotten, cited, voted on), as the caller's clock said; it
-- never moves backwards. The up and down vote counts are not kept here: they are counted from memory_vote when a
-- memory is read (its primary key serves that), so no path can let them drift from the votes.
CREATE TABLE memory_item (
    id             VARCHAR(255)             NOT NULL,
    kind           VARCHAR(16)              NOT NULL,
    text           VARCHAR(4000)            NOT NULL,
    team           VARCHAR(255)             NOT NULL,
    service        VARCHAR(255),
    namespace      VARCHAR(255),
    source_thread  VARCHAR(600)             NOT NULL,
    source_message VARCHAR(255),
    author         VARCHAR(320)             NOT NULL,
    channel_name   VARCHAR(255),
    learned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    uses           INTEGER                  NOT NULL,
    vector         BYTEA                    NOT NULL,
    forgotten      BOOLEAN                  NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT memory_item_pk PRIMARY KEY (id),
    CONSTRAINT memory_item_uses_not_negative CHECK (uses >= 0)
);
-- changedSince: rows changed after a time, oldest change first, ties by id (how each replica's index keeps up)
CREATE INDEX memory_item_changed_ix ON memory_item (changed_at, id);
-- list: a team's memories, newest first
CREATE INDEX memory_item_team_ix ON memory_item (team, learned_at);

-- Votes on memories (:+1: / :-1: on an answer that cited one), one standing vote per person: the primary key makes
-- a repeated vote a no-op and a changed mind an update; a vote taken back deletes the row. Purging a memory's
-- tombstone takes its votes with it.
CREATE TABLE memory_vote (
    memory_id VARCHAR(255)             NOT NULL,
    voter     VARCHAR(320)             NOT NULL,
    vote      SMALLINT                 NOT NULL,
    voted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT memory_vote_pk PRIMARY KEY (memory_id, voter),
    CONSTRAINT memory_vote_up_or_down CHECK (vote = 1 OR vote = -1),
    CONSTRAINT memory_vote_memory_fk FOREIGN KEY (memory_id) REFERENCES memory_item (id) ON DELETE CASCADE
);
