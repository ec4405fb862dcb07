-- opsbot schema, version 4: proposals and their votes.
--
-- Written in the SQL that H2 (MODE=PostgreSQL), PostgreSQL 15 and jOOQ's DDLDatabase all accept, as V1 explains:
-- TIMESTAMP WITH TIME ZONE, VARCHAR (never indexed TEXT), no partial indexes. db/README.md says why each table exists.

-- A write opsbot offers, persisted before it is shown so that any replica can act on a reaction to it. action is the
-- ProposedAction as JSON (tool, target, parameters, words, risk); operation and risk are copied out of it for people
-- reading the table. Every change of state is one conditional UPDATE ... WHERE id = ? AND state = ?: of any number
-- of replicas trying the same change, exactly one updates the row, and that is what runs an action exactly once.
-- message_id stays NULL until the proposal is posted; both databases treat NULLs in a unique index as distinct, so
-- any number of proposals may wait to be posted while a posted message still shows at most one proposal.
CREATE TABLE proposal (
    id                 VARCHAR(255)             NOT NULL,
    platform           VARCHAR(32)              NOT NULL,
    channel            VARCHAR(255)             NOT NULL,
    thread_id          VARCHAR(255)             NOT NULL,
    message_id         VARCHAR(255),
    action             VARCHAR(65536)           NOT NULL,
    operation          VARCHAR(4000)            NOT NULL,
    risk               VARCHAR(16)              NOT NULL,
    environment        VARCHAR(255)             NOT NULL,
    requester_email    VARCHAR(320)             NOT NULL,
    requester_chat_id  VARCHAR(255)             NOT NULL,
    source             VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    approvals_required INTEGER                  NOT NULL,
    state              VARCHAR(16)              NOT NULL,
    owner              VARCHAR(255),
    outcome            VARCHAR(65536),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT proposal_pk PRIMARY KEY (id),
    CONSTRAINT proposal_approvals_at_least_one CHECK (approvals_required >= 1)
);
-- findByMessage: the proposal a reaction's message shows (and at most one per message)
CREATE UNIQUE INDEX proposal_message_ux ON proposal (platform, message_id);
-- inState: a state's proposals, oldest first (executions to recover after a restart, the web console)
CREATE INDEX proposal_state_ix ON proposal (state, created_at);
-- dueToExpire: PROPOSED proposals at or past their expiry (a partial index WHERE state = 'PROPOSED' would be
-- smaller, but H2 has none)
CREATE INDEX proposal_expiry_ix ON proposal (state, expires_at);

-- Votes on proposals, one standing vote per person (by email, whatever platform, reaction or button it came from):
-- the primary key makes a repeated vote a no-op and a changed mind an update. Removing the reaction deletes the row.
CREATE TABLE proposal_vote (
    proposal_id   VARCHAR(255)             NOT NULL,
    voter_email   VARCHAR(320)             NOT NULL,
    voter_chat_id VARCHAR(255)             NOT NULL,
    kind          VARCHAR(16)              NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT proposal_vote_pk PRIMARY KEY (proposal_id, voter_email),
    CONSTRAINT proposal_vote_proposal_fk FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);
