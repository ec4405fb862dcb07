/**
 * The web console's storage ({@link dev.opsbot.core.console.ConsoleStore}) in jOOQ. Threads are read with their
 * reactions and attachments in a fixed number of queries, and attachment bytes only when one is asked for by id.
 */
package dev.opsbot.db.console;
