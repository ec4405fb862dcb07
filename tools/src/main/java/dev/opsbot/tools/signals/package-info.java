/**
 * Named signals (error ratio, latency p99, restarts, ...) from any PromQL source: the queries behind each name and
 * the evidence source that reads them for triage.
 */
package dev.opsbot.tools.signals;
