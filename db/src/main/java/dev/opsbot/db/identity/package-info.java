/**
 * The identity cache ({@link dev.opsbot.core.identity.IdentityCache}) in jOOQ: resolved people as JSON, shared by
 * replicas, so that a busy incident channel does not ask the directory for every message. A cached row is only
 * ever a shortcut: one that has expired or no longer reads is a miss, and the person is resolved again.
 */
package dev.opsbot.db.identity;
