-- opsbot schema, version 3: the audit log's hash chain (docs/audit.md).
--
-- Written in the SQL that H2 (MODE=PostgreSQL), PostgreSQL 15 and jOOQ's DDLDatabase all accept, as V1 explains.

-- Each record holds the hash of the record before it (prev_hash; 64 zeros for the first) and its own:
-- hash = SHA-256(prev_hash || event), lowercase hex, where event is the canonical JSON already in the event column.
-- Both are NULL only on rows written before this migration: a hash cannot be computed in SQL that both databases
-- share, and computing it here would vouch for rows nobody vouched for when they were written. Verification
-- accepts such rows only at the start of the log and only up to audit_chain_start.unchained_through.
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hashes_together
    CHECK ((prev_hash IS NULL AND hash IS NULL) OR (prev_hash IS NOT NULL AND hash IS NOT NULL));

-- seq is now handed out by the writer, under the append lock, as the previous record's seq + 1: an identity column
-- skips the values of rolled-back inserts, and the chain needs a gap to mean a deleted record. Without the identity
-- a replica still running the previous version cannot insert an unchained row (it sends no seq): it fails loudly
-- instead of breaking the chain.
ALTER TABLE audit_event ALTER COLUMN seq DROP IDENTITY;

-- The rows this migration found: the last seq written before the chain existed (no row when there was none). A
-- row without hashes beyond it is tampering, not history, so that emptying the hash columns of the whole log does
-- not pass as "written before the chain".
CREATE TABLE audit_chain_start (
    id                SMALLINT NOT NULL,
    unchained_through BIGINT   NOT NULL,
    CONSTRAINT audit_chain_start_pk PRIMARY KEY (id),
    CONSTRAINT audit_chain_start_one_row CHECK (id = 1)
);
INSERT INTO audit_chain_start (id, unchained_through)
    SELECT 1, MAX(seq) FROM audit_event HAVING COUNT(*) > 0;
