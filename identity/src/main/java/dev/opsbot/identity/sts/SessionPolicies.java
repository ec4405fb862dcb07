package dev.opsbot.identity.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.identity.ActionScope;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The session policy of a write session: the named actions on the named resources, in the scope's order. STS
 * intersects it with the role's own policy, so the session can do that one action whatever else the role allows.
 */
final class SessionPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionPolicies() {}

    static String allowOnly(ActionScope scope) {
        ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
        strings(statement.putArray("Action"), scope.awsActions());
        strings(statement.putArray("Resource"), scope.awsResources());
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }

    private static void strings(ArrayNode array, List<String> values) {
        new LinkedHashSet<>(values).forEach(array::add);
    }
}
