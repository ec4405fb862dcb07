/**
 * The audit log ({@link dev.opsbot.core.audit.AuditLog}) in jOOQ: events as JSON in an append-only table, numbered
 * in the order they were committed across every replica. Nothing here updates or deletes an event: the hash chain
 * that makes the log tamper-evident will rest on that.
 */
package dev.opsbot.db.audit;
