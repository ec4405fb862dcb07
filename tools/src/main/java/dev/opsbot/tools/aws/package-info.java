/**
 * What every AWS tool shares: clients that carry no identity of opsbot's own and pass the
 * {@link dev.opsbot.tools.guard.AwsGuard}, each request signed with the acting person's STS session
 * ({@link dev.opsbot.tools.aws.PersonsSession}) within what is left of the deadline ({@link
 * dev.opsbot.tools.aws.AwsAccess}), and the SDK's exceptions read as {@link dev.opsbot.core.tool.SourceFailure}s
 * ({@link dev.opsbot.tools.aws.AwsFailures}). Each service's package keeps its own clients, endpoints and error codes.
 */
package dev.opsbot.tools.aws;
