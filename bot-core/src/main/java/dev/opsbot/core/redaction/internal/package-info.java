/**
 * How redaction works inside: the keyword index (Aho-Corasick) that finds where detectors may match, the detectors
 * themselves and their catalogue, the scan that settles overlaps, and the structured walk. Not an API: use {@link
 * dev.opsbot.core.redaction.Redactor}.
 */
package dev.opsbot.core.redaction.internal;
