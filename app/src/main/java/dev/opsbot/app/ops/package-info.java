/** Running opsbot: health and readiness probes, Prometheus metrics, logging setup. */
package dev.opsbot.app.ops;
