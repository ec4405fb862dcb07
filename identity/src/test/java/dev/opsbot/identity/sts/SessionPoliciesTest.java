package dev.opsbot.identity.sts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.identity.ActionScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPoliciesTest {
    @Test
    void thePolicyAllowsExactlyTheNamedActionsOnTheNamedResourcesInTheScopesOrder() {
        var scope = new ActionScope(
                "restart",
                List.of("ecs:UpdateService", "ecs:DescribeServices", "ecs:UpdateService"),
                List.of("arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout"));

        assertThat(SessionPolicies.allowOnly(scope))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "[\"ecs:UpdateService\",\"ecs:DescribeServices\"],\"Resource\":"
                        + "[\"arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout\"]}]}");
    }

    @Test
    void quotesInNamesAreEscapedNotInjected() {
        var scope = new ActionScope("x", List.of("s3:GetObject"), List.of("arn:aws:s3:::b/\"],\"Effect\":\"Deny"));

        assertThat(SessionPolicies.allowOnly(scope))
                .contains("\"Resource\":[\"arn:aws:s3:::b/\\\"],\\\"Effect\\\":\\\"Deny\"]");
    }
}
