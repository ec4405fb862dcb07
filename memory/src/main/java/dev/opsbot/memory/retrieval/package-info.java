/**
 * Retrieval: {@link dev.opsbot.memory.retrieval.MemoryIndex} finds the memories that answer a question by meaning
 * (MiniLM cosine) and by words (BM25) at once, within the question's scope, nudged by votes and the service asked
 * about ({@link dev.opsbot.memory.retrieval.Weights}).
 */
package dev.opsbot.memory.retrieval;
