/**
 * Team memory in tables {@code memory_item} and {@code memory_vote} (V6): {@link dev.opsbot.db.memory.JooqMemoryStore}
 * implements bot-core's {@link dev.opsbot.core.memory.MemoryStore}; the embeddings and retrieval are module
 * {@code memory}'s.
 */
package dev.opsbot.db.memory;
