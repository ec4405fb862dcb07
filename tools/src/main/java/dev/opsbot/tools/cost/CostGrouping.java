package dev.opsbot.tools.cost;

import dev.opsbot.core.tool.SourceFailure;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;

/**
 * What costs are grouped by: a dimension ({@code SERVICE}, {@code LINKED_ACCOUNT}, {@code USAGE_TYPE}) or a cost
 * allocation tag ({@code TAG:team}). Cost Explorer answers a tag group's key as {@code team$checkout}, and
 * {@code team$} for costs without the tag; they read here as {@code team=checkout} and {@code team=(untagged)}.
 */
record CostGrouping(String argument, GroupDefinition definition) {
    static final List<String> DIMENSIONS = List.of("SERVICE", "LINKED_ACCOUNT", "USAGE_TYPE");
    static final String TAG_PREFIX = "TAG:";
    /** What AWS allows in a tag key. */
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");

    static CostGrouping parse(String argument) {
        if (DIMENSIONS.contains(argument)) {
            return new CostGrouping(
                    argument,
                    GroupDefinition.builder()
                            .type(GroupDefinitionType.DIMENSION)
                            .key(argument)
                            .build());
        }
        if (argument.startsWith(TAG_PREFIX)
                && TAG_KEY.matcher(argument.substring(TAG_PREFIX.length())).matches()) {
            return new CostGrouping(
                    argument,
                    GroupDefinition.builder()
                            .type(GroupDefinitionType.TAG)
                            .key(argument.substring(TAG_PREFIX.length()))
                            .build());
        }
        throw new SourceFailure(
                CostConnection.SOURCE,
                SourceFailure.Kind.BAD_REQUEST,
                "argument 'groupBy' must be one of " + String.join(", ", DIMENSIONS) + " or TAG:<key>, not '" + argument
                        + "'",
                null);
    }

    /** How a group's key reads: {@code team=checkout}, {@code (none)} for an empty dimension value. */
    String label(String key) {
        if (definition.type() == GroupDefinitionType.TAG) {
            int dollar = key.indexOf('$');
            String tag = dollar < 0 ? definition.key() : key.substring(0, dollar);
            String value = dollar < 0 ? key : key.substring(dollar + 1);
            return tag + "=" + (value.isEmpty() ? "(untagged)" : value);
        }
        return key.isEmpty() ? "(none)" : key;
    }

    /** "service", "linked account", "tag team": how the summary names the grouping. */
    String describe() {
        if (definition.type() == GroupDefinitionType.TAG) {
            return "tag " + definition.key();
        }
        return argument.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
