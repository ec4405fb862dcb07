/**
 * Embeddings in process: {@link dev.opsbot.memory.embedding.Embedder} and the bundled MiniLM model
 * ({@link dev.opsbot.memory.embedding.MiniLmEmbedder}). Nothing leaves the machine.
 */
package dev.opsbot.memory.embedding;
