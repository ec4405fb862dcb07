/**
 * Contract suites for the persistence ports: abstract JUnit classes every implementation extends (the in-memory
 * fakes here, the jOOQ stores on H2 and on PostgreSQL in {@code db}), so that a fake can never promise what the
 * database does not keep. Each suite asks its subclass for a fresh, empty store; the exactly-once tests race real
 * threads and, where a subclass can, two store instances standing for two replicas.
 */
package dev.opsbot.core.testing.contract;
