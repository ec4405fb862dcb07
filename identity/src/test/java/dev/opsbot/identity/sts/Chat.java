package dev.opsbot.identity.sts;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.ActionScope;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.testing.identity.People;
import java.util.List;

/** Where the tests' requests come from: alice asking in #inc-checkout. */
final class Chat {
    static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "1712345678.000100");
    static final ThreadRef OTHER_THREAD = new ThreadRef("console", "inc-checkout", "1712349999.000200");
    static final String REQUEST = "Ev01ABCDEF23456789XYZ";
    static final RequestOrigin ALICE_ASKS = new RequestOrigin(THREAD, "alice", REQUEST);
    static final String SERVICE = "arn:aws:ecs:eu-west-1:111111111111:service/shop/checkout";
    static final ActionScope SCALE_CHECKOUT = new ActionScope(
            "scale ECS service shop/checkout to 6 tasks",
            List.of("ecs:UpdateService", "ecs:DescribeServices"),
            List.of(SERVICE));
    static final ActionScope ROLLBACK_CHECKOUT =
            ActionScope.kubernetesOnly("rollback Deployment shop/checkout to revision 41");

    private Chat() {}

    static RequestOrigin asks(ThreadRef thread, String requestId) {
        return new RequestOrigin(thread, "alice", requestId);
    }

    /** alice's proposal, approved by bob, in production. */
    static WriteGrant approved(ActionScope scope) {
        return new WriteGrant(People.alice(), People.bob(), "production", "prop-7f3a", scope, ALICE_ASKS);
    }
}
