/**
 * AWS costs through Cost Explorer, as the acting person (the STS session of {@link
 * dev.opsbot.core.tool.ToolContext#cloud()}, per request): {@code cost.get_costs} ({@code GetCostAndUsage}, unblended
 * cost per day or month, grouped by service, account, usage type or tag, top groups and the biggest change) and
 * {@code cost.get_anomalies} ({@code GetAnomalies}, largest impact first). Cost Explorer is global, called in
 * {@code us-east-1}; every call passes the {@link dev.opsbot.tools.guard.AwsGuard}.
 */
package dev.opsbot.tools.cost;
