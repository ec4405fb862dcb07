package dev.opsbot.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in the file's values, so a file can be committed while secrets and
 * per-environment values come from the deployment. {@code $${} writes a literal {@code ${}. Only values are
 * substituted, never keys, and only once: a variable's value is not searched for further references.
 *
 * <p>An unset {@code ${VAR}} without a default is an error rather than an empty string, because an empty token or
 * URL would otherwise surface much later as a confusing failure far from its cause.
 */
final class Substitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Substitution() {}

    /** Substitutes in every text value of {@code tree}, except under the keys in {@code skip} (set from the environment). */
    static void apply(ObjectNode tree, Map<String, String> env, Set<String> skip) {
        walk(tree, "", env, skip);
    }

    private static void walk(JsonNode node, String path, Map<String, String> env, Set<String> skip) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String key = path.isEmpty() ? name : path + "." + name;
                JsonNode child = object.get(name);
                if (skip.contains(key)) {
                    continue;
                }
                if (child.isTextual()) {
                    object.set(name, TextNode.valueOf(expand(key, child.asText(), env)));
                } else {
                    walk(child, key, env, skip);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String key = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(expand(key, array.get(i).asText(), env)));
                } else {
                    walk(array.get(i), key, env, skip);
                }
            }
        }
    }

    /** {@code text} with every reference replaced; {@code key} is only for the message when one cannot be. */
    static String expand(String key, String text, Map<String, String> env) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    // quote only from the reference on: text before it may be part of a secret
                    throw new ConfigException(
                            key,
                            text.substring(i),
                            "opens ${ without a closing }",
                            "close it with }, or write $${ for a literal ${");
                }
                out.append(resolve(key, text.substring(i, end + 1), env));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String resolve(String key, String reference, Map<String, String> env) {
        String inner = reference.substring(2, reference.length() - 1);
        int separator = inner.indexOf(":-");
        String name = separator < 0 ? inner : inner.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(
                    key,
                    reference,
                    "is not a variable reference",
                    "write ${NAME} or ${NAME:-default}, or $${ for a literal ${");
        }
        String value = env.get(name);
        if (separator >= 0) {
            // as in the shell: ":-" also covers a variable that is set but empty
            return value == null || value.isEmpty() ? inner.substring(separator + 2) : value;
        }
        if (value == null) {
            throw new ConfigException(
                    key,
                    reference,
                    "names environment variable " + name + ", which is not set",
                    "set " + name + ", or give a default as ${" + name + ":-value}");
        }
        return value;
    }
}
