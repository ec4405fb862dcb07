/** The index's parts: int8 vectors and their scan, the keyword index, the tokenizer, one team's shard. */
package dev.opsbot.memory.retrieval.internal;
