/**
 * The audit log's events and port. Elevations are recorded here now; approvals, actions and the hash chain that
 * makes the log tamper-evident come with the safety issue.
 */
package dev.opsbot.core.audit;
