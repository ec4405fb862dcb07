-- opsbot schema, version 8: how to reach a chat or a person later (issue 9: Microsoft Teams).
--
-- Written in the SQL that H2 (MODE=PostgreSQL), PostgreSQL 15 and jOOQ's DDLDatabase all accept, as V1 explains:
-- TIMESTAMP WITH TIME ZONE, VARCHAR (never indexed TEXT), no partial indexes. db/README.md says why each table exists.

-- A platform's own address of a channel or a person, for posting without an inbound event to answer (a scheduled
-- handoff, a direct message): Teams needs the conversation reference it last saw there. address_key is the platform's
-- key (Teams: conversation:<channel>, user:<id>, email:<lower-case e-mail>, up to 600 characters); address is opaque
-- here (Teams: a JSON reference of about 2 KB; 16,384 characters leave room for long service URLs and names).
-- remember is an upsert on the primary key, so any number of replicas may refresh one row at once; the last one
-- wins, and updated_at says when it was last seen. Rows are small, a few per channel and person, and not deleted.
CREATE TABLE chat_address (
    platform    VARCHAR(32)              NOT NULL,
    address_key VARCHAR(600)             NOT NULL,
    address     VARCHAR(16384)           NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_address_pk PRIMARY KEY (platform, address_key)
);
