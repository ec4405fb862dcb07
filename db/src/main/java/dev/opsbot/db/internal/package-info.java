/**
 * Helpers of {@link dev.opsbot.db.Database}: the pool settings, URL handling and the translation of SQL failures.
 * Not API: other modules use {@code dev.opsbot.db} only.
 */
package dev.opsbot.db.internal;
