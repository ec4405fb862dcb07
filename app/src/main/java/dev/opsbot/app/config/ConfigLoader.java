package dev.opsbot.app.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads opsbot's configuration, once, at start: the file (optional), then {@code ${VAR}} substitution in its
 * values, then the environment variables of {@link EnvVariableName}, then the checks. Any failure is a
 * {@link ConfigException} that names the key, the value and the fix; when the value came from a variable, the
 * message says which.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /**
     * @param fileOrNull {@code opsbot.yaml}, or {@code null} to run on defaults and the environment alone
     * @param env the environment variables, usually {@link Environment#variables()}
     */
    public static OpsbotConfig load(Path fileOrNull, Map<String, String> env) {
        ObjectNode tree = fileOrNull == null ? JsonNodeFactory.instance.objectNode() : YamlDocument.read(fileOrNull);
        // overrides go in before substitution: an overridden "${X}" need not resolve, and a variable's own value
        // (a password containing "${", say) is taken literally
        Map<String, String> sources = new HashMap<>(EnvOverrides.override(tree, env));
        Substitution.apply(tree, env, sources.keySet());
        sources.putAll(EnvOverrides.fillGaps(tree, env));
        try {
            return OpsbotConfig.from(ConfigNode.root(tree));
        } catch (ConfigException e) {
            throw e.from(sources.get(e.key()));
        }
    }

    /** {@link #load(Path, Map)} with this process's environment. */
    public static OpsbotConfig load(Path fileOrNull) {
        return load(fileOrNull, Environment.variables());
    }
}
