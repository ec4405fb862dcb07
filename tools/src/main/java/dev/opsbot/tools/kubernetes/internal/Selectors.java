package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Label selectors: matched here as the API server would, and rendered as people write them ({@code app=db}). */
public final class Selectors {
    private Selectors() {}

    /** Whether {@code labels} satisfy {@code selector}; an empty selector selects everything, a null one nothing. */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (var required : selector.getMatchLabels().entrySet()) {
                if (!required.getValue().equals(actual.get(required.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!matches(requirement, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code labels} carry every pair of a Service-style equality selector (empty selects nothing). */
    public static boolean matchesAll(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty() || labels == null) {
            return false;
        }
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }

    /** {@code app=db,tier in (a,b)}, or {@code (all pods)} for an empty selector. */
    public static String render(LabelSelector selector) {
        if (selector == null) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            new TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String values = r.getValues() == null ? "" : String.join(",", r.getValues());
                parts.add(
                        switch (r.getOperator()) {
                            case "In" -> r.getKey() + " in (" + values + ")";
                            case "NotIn" -> r.getKey() + " notin (" + values + ")";
                            case "Exists" -> r.getKey();
                            case "DoesNotExist" -> "!" + r.getKey();
                            default -> r.getKey() + " " + r.getOperator();
                        });
            }
        }
        return parts.isEmpty() ? "(all pods)" : String.join(",", parts);
    }

    public static String render(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }
}
