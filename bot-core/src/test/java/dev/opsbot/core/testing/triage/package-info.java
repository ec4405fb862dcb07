/**
 * Test doubles and test data for triage, shared through bot-core's test-jar: {@link
 * dev.opsbot.core.testing.triage.FakeEvidenceSource} answers, fails or hangs as told, and {@link
 * dev.opsbot.core.testing.triage.Evidence} builds changes, findings, series and log signatures on one incident day.
 */
package dev.opsbot.core.testing.triage;
