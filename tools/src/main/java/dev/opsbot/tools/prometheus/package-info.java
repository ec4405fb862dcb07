/**
 * Metrics for triage, from a real Prometheus or from a scenario's OpenMetrics files, behind one interface.
 *
 * <p>{@link dev.opsbot.tools.prometheus.MetricsQuerier} answers PromQL range and instant queries.
 * {@link dev.opsbot.tools.prometheus.PrometheusClient} asks a Prometheus server over its HTTP API, as the acting
 * person (their bearer token, never logged). {@link dev.opsbot.tools.prometheus.InMemoryMetrics} evaluates the same
 * queries over samples read by {@link dev.opsbot.tools.prometheus.OpenMetricsParser}, so that an incident captured
 * as files ({@code opsbot demo}, {@code opsbot triage --scenario}) is investigated through exactly the code paths and
 * numbers production uses.
 *
 * <p>Why an evaluator of our own rather than a Prometheus in the demo: the demo and offline triage must run from a
 * clone with nothing else installed. The price is that it must agree with Prometheus to the last digit, which
 * {@code PrometheusParityIT} proves by loading one fixture into both (through promtool, as an operator backfills) and
 * comparing the answers to triage's queries. Where Prometheus releases disagree (window boundaries, rate
 * extrapolation) {@link dev.opsbot.tools.prometheus.promql.PromqlDialect} picks one.
 *
 * <p>Both sources refuse an answer over {@link dev.opsbot.tools.prometheus.QueryLimits} instead of cutting it short,
 * and report failures as {@link dev.opsbot.tools.prometheus.MetricsQueryException} with a
 * {@link dev.opsbot.tools.prometheus.MetricsQueryException.Kind} and a message a person can act on.
 */
package dev.opsbot.tools.prometheus;
