/**
 * jOOQ implementations of the conversation layer's ports ({@link dev.opsbot.core.store}). Exactly-once across
 * replicas is decided by the database itself (primary keys and conditional updates), never by a check in Java
 * followed by a write, so two replicas on one PostgreSQL cannot both win.
 */
package dev.opsbot.db.store;
