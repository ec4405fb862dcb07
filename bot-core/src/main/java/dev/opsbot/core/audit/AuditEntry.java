package dev.opsbot.core.audit;

/** An event as the audit log holds it: in the order it was recorded. */
public record AuditEntry(long sequence, AuditEvent event) {}
