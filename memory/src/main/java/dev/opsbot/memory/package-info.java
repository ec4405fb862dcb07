/**
 * Team memory: {@link dev.opsbot.memory.IndexedTeamMemory} implements bot-core's
 * {@link dev.opsbot.core.memory.TeamMemory} over the database's {@link dev.opsbot.core.memory.MemoryStore}, with
 * embeddings made in process ({@code embedding}) and a hybrid keyword + vector index per replica ({@code retrieval}).
 */
package dev.opsbot.memory;
