package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.SourceFailure;
import java.util.HashMap;
import java.util.Map;

/**
 * The values placeholders in metric definitions, log group names and queries are filled with: {@code service} and
 * {@code namespace} from the investigation, values common to all services ({@code cluster}, or a template such as
 * {@code targetGroup = targetgroup/${service}/0123abcd}) and per-service values, the most specific winning. Common
 * and per-service values may themselves name {@code ${service}} and {@code ${namespace}}.
 */
public record TemplateVariables(Map<String, String> common, Map<String, Map<String, String>> byService) {
    public static final TemplateVariables NONE = new TemplateVariables(Map.of(), Map.of());

    public TemplateVariables {
        common = Map.copyOf(common);
        byService = Map.copyOf(byService);
    }

    public static TemplateVariables common(Map<String, String> values) {
        return new TemplateVariables(values, Map.of());
    }

    public Map<String, String> forTarget(String service, String namespace) {
        Map<String, String> target = new HashMap<>();
        target.put("service", service);
        if (!namespace.isEmpty()) {
            target.put("namespace", namespace);
        }
        Map<String, String> values = new HashMap<>();
        common.forEach((name, value) -> values.put(name, fillTarget(value, target)));
        byService.getOrDefault(service, Map.of()).forEach((name, value) -> values.put(name, fillTarget(value, target)));
        values.putAll(target);
        return values;
    }

    /** A value naming only the target's own placeholders; one naming others is left empty, so using it fails. */
    private static String fillTarget(String value, Map<String, String> target) {
        try {
            return Templates.fill(value, target, "a configured value");
        } catch (SourceFailure unknownPlaceholder) {
            return "";
        }
    }
}
