/**
 * The PromQL subset that {@link dev.opsbot.tools.prometheus.InMemoryMetrics} evaluates: a lexer and a
 * recursive-descent parser with Prometheus' precedence and type checks, an AST of records, and an evaluator whose
 * functions, aggregations and vector matching are transcribed from Prometheus' own engine (promql/engine.go,
 * functions.go, quantile.go of release 2.42, the release the parity test runs against), down to the order of
 * floating-point operations.
 *
 * <p>What is outside the subset (offset, @, subqueries, group_left/right, topk and friends, most functions) is refused
 * with a message that names the construct, never evaluated approximately.
 */
package dev.opsbot.tools.prometheus.promql;
