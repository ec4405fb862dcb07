/**
 * Real databases for tests, shipped in db's test-jar so that {@code app}'s integration tests use them too:
 * {@link dev.opsbot.db.testing.TestDatabases} for one migrated database, {@link
 * dev.opsbot.db.testing.ThrowawayDatabase} for several pools (replicas) on one, {@link
 * dev.opsbot.db.testing.DatabaseExtension} for one per test class. PostgreSQL tests skip when no server answers,
 * and fail instead when {@code CI=true}, so that CI can never pass by not testing.
 */
package dev.opsbot.db.testing;
