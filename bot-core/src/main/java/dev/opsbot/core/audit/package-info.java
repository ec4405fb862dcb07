/**
 * The audit log: its events ({@link dev.opsbot.core.audit.AuditEvent}), its port ({@link
 * dev.opsbot.core.audit.AuditLog}) and the hash chain that makes it tamper-evident: the canonical JSON an event is
 * hashed in ({@link dev.opsbot.core.audit.CanonicalJson}), the hash of each record over the one before it ({@link
 * dev.opsbot.core.audit.HashChain}), and the streaming check of a whole log ({@link
 * dev.opsbot.core.audit.ChainVerifier}). Stores keep the records; everything that decides a byte of a hash lives
 * here, so that every store and every fake chains alike. docs/audit.md describes it for operators.
 */
package dev.opsbot.core.audit;
