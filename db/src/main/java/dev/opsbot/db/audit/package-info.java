/**
 * The audit log ({@link dev.opsbot.core.audit.AuditLog}) in jOOQ: events as canonical JSON in an append-only table,
 * numbered in the order they were committed across every replica, each chained to the one before by its hash
 * (docs/audit.md). Nothing here updates or deletes a record. Concurrent appends share transactions (group commit);
 * reads go in pages, so verifying or exporting a log of any size holds one page at a time.
 */
package dev.opsbot.db.audit;
