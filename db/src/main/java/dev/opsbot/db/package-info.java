/**
 * opsbot's database, the only place in opsbot that speaks SQL. {@link dev.opsbot.db.Database} owns the pool, the
 * Flyway migrations ({@code db/migrations}) and the jOOQ context; {@link dev.opsbot.db.DbStores} builds every
 * store of bot-core's ports on it. H2 in PostgreSQL mode is the default (one file, no server), PostgreSQL the
 * production database; both run the same migrations and the same contract suites.
 *
 * <p>Failures surface as {@link dev.opsbot.db.DatabaseException} and its subclasses, never as jOOQ's or the
 * driver's exceptions, and name the database by a URL without its password.
 */
package dev.opsbot.db;
