/**
 * CloudWatch through the AWS SDK v2, as the acting person (credentials per request from a function of the
 * {@link dev.opsbot.core.identity.Principal}; an STS session per person in production). Metrics: each named
 * {@link dev.opsbot.core.triage.SignalName} is a configurable MetricStat or metric-math definition with
 * {@code ${service}}/{@code ${namespace}} placeholders ({@link dev.opsbot.tools.cloudwatch.CloudWatchDefaults}),
 * read with {@code GetMetricData}. Logs: Logs Insights queries over configured log groups, polled until complete or
 * the deadline, grouped into signatures by {@link dev.opsbot.core.triage.LogAnalyzer}. Client endpoints follow the
 * SDK's own settings ({@code AWS_ENDPOINT_URL_CLOUDWATCH}, ...) unless an override is configured.
 */
package dev.opsbot.tools.cloudwatch;
