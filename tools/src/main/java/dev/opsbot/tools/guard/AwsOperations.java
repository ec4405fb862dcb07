package dev.opsbot.tools.guard;

import dev.opsbot.core.policy.DefaultRules;
import dev.opsbot.core.tool.Risk;
import java.util.List;
import java.util.Set;

/**
 * How much harm an AWS operation can do, from its name alone (AWS names operations verb-first and consistently):
 *
 * <ul>
 *   <li>READ: {@code Get*}, {@code List*}, {@code Describe*}, {@code Search*}, {@code Query*}, {@code Lookup*},
 *       {@code BatchGet*}, {@code Select*}, {@code Head*}, {@code Scan}, and named reads that do not look like one:
 *       Logs Insights queries ({@code StartQuery}, {@code StopQuery}, {@code GetQueryResults}),
 *       {@code FilterLogEvents}, STS ({@code AssumeRole}, {@code GetCallerIdentity}), the Identity Store's
 *       {@code GetUserId}, and model invocations ({@code Converse}, {@code InvokeModel}), which change nothing in the
 *       account;
 *   <li>DESTRUCTIVE: {@code Terminate*}, {@code Purge*}, and the deletions in
 *       {@link DefaultRules#AWS_DESTRUCTIVE_OPERATIONS} (buckets, databases, tables, clusters, volumes, ...);
 *   <li>WRITE: everything else, including other {@code Delete*} (an alarm, a tag), which need approval.
 * </ul>
 *
 * An unknown operation is a WRITE: it needs approval rather than running unchecked.
 */
public final class AwsOperations {
    private static final List<String> READ_PREFIXES = List.of(
            "Get", "List", "Describe", "Search", "Query", "Lookup", "BatchGet", "BatchDescribe", "Select", "Head");

    private static final Set<String> READS = Set.of(
            "Scan",
            "Query",
            "StartQuery",
            "StopQuery",
            "GetQueryResults",
            "FilterLogEvents",
            "StartLiveTail",
            "TestMetricFilter",
            "AssumeRole",
            "AssumeRoleWithWebIdentity",
            "AssumeRoleWithSAML",
            "GetCallerIdentity",
            "GetSessionToken",
            "DecodeAuthorizationMessage",
            "GetUserId",
            "Converse",
            "ConverseStream",
            "InvokeModel",
            "InvokeModelWithResponseStream",
            "CountTokens");

    private static final List<String> DESTRUCTIVE_PREFIXES = List.of("Terminate", "Purge");

    private AwsOperations() {}

    public static Risk risk(String operation) {
        if (operation == null || operation.isBlank()) {
            return Risk.WRITE;
        }
        if (DefaultRules.AWS_DESTRUCTIVE_OPERATIONS.contains(operation)
                || startsWithVerb(operation, DESTRUCTIVE_PREFIXES)) {
            return Risk.DESTRUCTIVE;
        }
        if (READS.contains(operation) || startsWithVerb(operation, READ_PREFIXES)) {
            return Risk.READ;
        }
        return Risk.WRITE;
    }

    /** {@code GetMetricData} starts with the verb {@code Get}; {@code Getaway} would not (the next letter is lower case). */
    private static boolean startsWithVerb(String operation, List<String> verbs) {
        for (String verb : verbs) {
            if (operation.startsWith(verb)
                    && (operation.length() == verb.length()
                            || Character.isUpperCase(operation.charAt(verb.length())))) {
                return true;
            }
        }
        return false;
    }
}
