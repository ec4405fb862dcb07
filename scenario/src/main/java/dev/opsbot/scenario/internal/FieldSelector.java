package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes field selector ({@code involvedObject.name=checkout-1,type!=Normal}) evaluated on an object's JSON,
 * which the CRUD mock cannot do for any field but {@code metadata.name} and {@code metadata.namespace}. Event
 * selectors work on both Event APIs: {@code involvedObject.*} also reads {@code regarding.*}, and {@code source}
 * reads {@code source.component} or {@code reportingController}.
 */
public final class FieldSelector {
    private record Requirement(String field, String value, boolean equal) {}

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    public static FieldSelector parse(String selector) {
        List<Requirement> requirements = new ArrayList<>();
        for (String part : selector.split(",")) {
            String requirement = part.strip();
            if (requirement.isEmpty()) {
                continue;
            }
            int notEqual = requirement.indexOf("!=");
            if (notEqual > 0) {
                requirements.add(new Requirement(
                        requirement.substring(0, notEqual), requirement.substring(notEqual + 2), false));
                continue;
            }
            int equal = requirement.indexOf('=');
            if (equal <= 0) {
                throw new IllegalArgumentException("invalid field selector requirement '" + requirement + "'");
            }
            String value = requirement.substring(equal + 1);
            requirements.add(new Requirement(
                    requirement.substring(0, equal), value.startsWith("=") ? value.substring(1) : value, true));
        }
        return new FieldSelector(List.copyOf(requirements));
    }

    public boolean matches(JsonNode object) {
        for (Requirement requirement : requirements) {
            boolean equal = value(object, requirement.field()).equals(requirement.value());
            if (equal != requirement.equal()) {
                return false;
            }
        }
        return true;
    }

    private static String value(JsonNode object, String field) {
        if (field.equals("source")) {
            return first(object, "source.component", "reportingController");
        }
        if (field.startsWith("involvedObject.")) {
            return first(object, field, "regarding." + field.substring("involvedObject.".length()));
        }
        if (field.startsWith("regarding.")) {
            return first(object, field, "involvedObject." + field.substring("regarding.".length()));
        }
        return text(object, field);
    }

    private static String first(JsonNode object, String field, String alternative) {
        String value = text(object, field);
        return value.isEmpty() ? text(object, alternative) : value;
    }

    private static String text(JsonNode object, String dotted) {
        JsonNode node = object;
        for (String name : dotted.split("\\.")) {
            node = node.path(name);
        }
        return node.isValueNode() ? node.asText() : "";
    }
}
