package dev.opsbot.tools.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.tool.Risk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsOperationsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "GetMetricData, READ",
        "ListMetrics, READ",
        "DescribeLogGroups, READ",
        "StartQuery, READ",
        "StopQuery, READ",
        "GetQueryResults, READ",
        "FilterLogEvents, READ",
        "AssumeRole, READ",
        "GetCallerIdentity, READ",
        "GetUserId, READ",
        "DescribeUser, READ",
        "ListGroupMembershipsForMember, READ",
        "BatchGetItem, READ",
        "Query, READ",
        "SearchResources, READ",
        "LookupEvents, READ",
        "Converse, READ",
        "PutMetricData, WRITE",
        "PutRetentionPolicy, WRITE",
        "DeleteAlarms, WRITE",
        "UpdateService, WRITE",
        "Getaway, WRITE",
        "Listen, WRITE",
        "SomethingNew, WRITE",
        "DeleteBucket, DESTRUCTIVE",
        "DeleteDBInstance, DESTRUCTIVE",
        "DeleteDBCluster, DESTRUCTIVE",
        "DeleteTable, DESTRUCTIVE",
        "TerminateInstances, DESTRUCTIVE",
        "TerminateJobFlows, DESTRUCTIVE",
        "DeleteCluster, DESTRUCTIVE",
        "DeleteLogGroup, DESTRUCTIVE",
        "PurgeQueue, DESTRUCTIVE",
    })
    void anOperationsRiskFollowsFromItsName(String operation, Risk risk) {
        assertThat(AwsOperations.risk(operation)).isEqualTo(risk);
    }
}
