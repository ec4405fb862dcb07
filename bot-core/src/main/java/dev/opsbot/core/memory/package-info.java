/**
 * Team memory: what a team learned in one thread (a fact, a fix that worked, a runbook step, a preference), kept so
 * that it applies in later threads for anyone on the team. Ports only: the store is in {@code db}, the embeddings
 * and retrieval in {@code memory}.
 */
package dev.opsbot.core.memory;
