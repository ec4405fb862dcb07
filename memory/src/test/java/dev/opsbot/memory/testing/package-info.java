/** Test doubles: an in-memory store, a word-hashing embedder, a clock the test moves. */
package dev.opsbot.memory.testing;
