/**
 * Incident scenarios: a directory of files (scenario.yaml, kubernetes/, logs/, metrics/, changes/) loaded by
 * {@link dev.opsbot.scenario.ScenarioLoader} and served through the same clients as production by
 * {@link dev.opsbot.scenario.ScenarioServer} — fabric8's mock API server for Kubernetes objects and pod logs, local
 * HTTP endpoints for Argo CD and GitHub, and {@link dev.opsbot.scenario.ScenarioMetrics} for PromQL over the
 * OpenMetrics samples. The directory format is in this module's README.
 */
package dev.opsbot.scenario;
