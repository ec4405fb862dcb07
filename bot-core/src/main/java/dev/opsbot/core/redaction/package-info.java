/**
 * Secret redaction: nothing secret reaches a model, a chat or the audit log in clear (ARCHITECTURE.md, principle 4).
 *
 * <p>{@link dev.opsbot.core.redaction.Redactor} replaces secrets in text and structured values with placeholders
 * ({@code [[secret:github-token:3f9a1c0b]]}); {@link dev.opsbot.core.redaction.Vault} keeps one conversation's
 * secrets in memory so that placeholders are stable and a tool's own call can {@link
 * dev.opsbot.core.redaction.Vault#restore(String) restore} them; {@link dev.opsbot.core.redaction.Vaults} holds a vault
 * per conversation; {@link dev.opsbot.core.redaction.RedactingResults} applies both at the tool boundary. Detectors
 * ({@link dev.opsbot.core.redaction.Detector}) and the keyword prefilter live in {@code internal}. docs/redaction.md
 * lists every secret type, the look-alikes left alone, and the figures.
 */
package dev.opsbot.core.redaction;
