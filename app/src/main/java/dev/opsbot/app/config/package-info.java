/**
 * opsbot's configuration: one YAML file ({@code opsbot.yaml}) read once at start into immutable records rooted at
 * {@link dev.opsbot.app.config.OpsbotConfig}. {@link dev.opsbot.app.config.ConfigLoader} is the entry point.
 *
 * <p>Order of precedence, lowest first: built-in defaults (enough for {@code opsbot demo}), the file (with
 * {@code ${VAR}} and {@code ${VAR:-default}} substituted), the environment variables in
 * {@link dev.opsbot.app.config.EnvVariableName}, and finally command-line flags such as {@code --port}
 * ({@link dev.opsbot.app.config.OpsbotConfig#withPort(int)}).
 *
 * <p>Everything that can be wrong is found at start and reported as a
 * {@link dev.opsbot.app.config.ConfigException} naming the key, the offending value and the fix, so a
 * misconfigured replica never starts half-working. {@link dev.opsbot.app.config.Environment} is the only class in
 * opsbot that reads the process environment; everything else is handed a map, which keeps tests hermetic.
 * Passwords, tokens and keys are {@link dev.opsbot.app.config.Secret}s and print as {@code ***}.
 */
package dev.opsbot.app.config;
