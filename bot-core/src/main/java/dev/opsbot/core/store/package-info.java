/**
 * Persistence ports of the conversation layer. The database module implements them with jOOQ (H2 and
 * PostgreSQL); {@code bot-core}'s test jar has in-memory fakes and the contract suites both must pass.
 */
package dev.opsbot.core.store;
