package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check's message, word for word: each names the key, the value as written (unless secret) and the fix. */
class ConfigValidationTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments(
                        "server: {port: 80a}",
                        "server.port: \"80a\" is not a port number (0 picks a free one); use a number from 0 to 65535"),
                arguments(
                        "server: {port: -1}",
                        "server.port: \"-1\" is not a port number (0 picks a free one); use a number from 0 to 65535"),
                arguments(
                        "server: {maxMessageChars: -5}",
                        "server.maxMessageChars: \"-5\" is not a message length in characters; use a number from 1 to 1000000"),
                arguments(
                        "server: {shutdownGrace: 20}",
                        "server.shutdownGrace: \"20\" is not a duration; use a number with a unit (250ms, 30s, 5m, 1h)"
                                + " or ISO-8601 such as PT30S"),
                arguments(
                        "server: {host: \"my host\"}",
                        "server.host: \"my host\" is not a host name or address; use 127.0.0.1, 0.0.0.0 or one interface's address"),
                arguments(
                        "server: 8080",
                        "server: \"8080\" is not a mapping; write the keys of server indented on the lines below it"),
                arguments(
                        "database: {url: \"jdbc:mysql://db/opsbot?user=x&password=hunter2\"}",
                        "database.url: \"jdbc:mysql://db/opsbot?user=x&password=***\" is not a supported JDBC URL;"
                                + " use jdbc:postgresql://host:5432/opsbot or a jdbc:h2: URL, or leave database.url unset"
                                + " for the H2 file database under database.dataDir"),
                arguments(
                        "database: {poolSize: 0}",
                        "database.poolSize: \"0\" is not a connection pool size; use a number from 1 to 1000"),
                arguments(
                        "console: {enabled: sometimes}",
                        "console.enabled: \"sometimes\" is not a boolean; use true or false"),
                arguments(
                        "console: {channels: general}",
                        "console.channels: \"general\" is not a list; write [a, b] or one \"- item\" per line"),
                arguments(
                        "console: {channels: [general, \"#ops\"]}",
                        "console.channels[1]: \"#ops\" is not a valid channel; use only lower-case letters, digits, '.', '_' or '-'"),
                arguments(
                        "console: {enabled: true, channels: []}",
                        "console.channels: \"[]\" is empty; list at least one channel, or set console.enabled: false"),
                arguments(
                        "console: {users: [{id: alice}, {id: Bob Smith}]}",
                        "console.users[1].id: \"Bob Smith\" is not a valid user id; use only lower-case letters, digits, '.', '_' or '-'"),
                arguments(
                        "console: {users: [{id: alice}, {id: alice, name: Other Alice}]}",
                        "console.users[1].id: \"alice\" is the id of an earlier user too; give every console user a different id"),
                arguments(
                        "console: {users: [{name: Nobody}]}",
                        "console.users[0].id: is not set; give every console user an id such as alice"),
                arguments(
                        "console: {users: [{id: alice, email: alice.example.com}]}",
                        "console.users[0].email: \"alice.example.com\" is not an email address; use name@domain, or leave"
                                + " email out for a user mapped to no one"),
                arguments(
                        "console: {users: [alice]}",
                        "console.users[0]: \"alice\" is not a mapping; write each entry as key: value pairs"),
                arguments(
                        "dispatcher: {lease: 0s}",
                        "dispatcher.lease: \"0s\" is not longer than zero; use a duration such as 2m"),
                arguments(
                        "dispatcher: {recoveryInterval: 15 seconds}",
                        "dispatcher.recoveryInterval: \"15 seconds\" is not a duration; use a number with a unit (250ms,"
                                + " 30s, 5m, 1h) or ISO-8601 such as PT30S"),
                arguments(
                        "dispatcher: {maxConcurrent: many}",
                        "dispatcher.maxConcurrent: \"many\" is not a number of events at once; use a number from 1 to 10000"),
                arguments(
                        "logging: {format: xml}", "logging.format: \"xml\" is not a log format; use one of text, json"),
                arguments(
                        "logging: {level: loud}",
                        "logging.level: \"loud\" is not a log level; use one of trace, debug, info, warn, error"),
                arguments(
                        "llm: {provider: gpt}",
                        "llm.provider: \"gpt\" is not a model provider; use one of none, bedrock, openai"),
                arguments(
                        "llm: {provider: openai, model: gpt-4o-mini}",
                        "llm.baseUrl: is not set, but llm.provider is openai; set llm.baseUrl (env OPSBOT_LLM_BASE_URL)"
                                + " to the endpoint, such as https://api.openai.com/v1 or http://localhost:11434/v1, or set"
                                + " llm.provider: none"),
                arguments(
                        "llm: {provider: bedrock}",
                        "llm.model: is not set, but llm.provider is bedrock; set llm.model (env OPSBOT_LLM_MODEL) to a"
                                + " Bedrock model id such as anthropic.claude-3-5-sonnet-20240620-v1:0, or set llm.provider: none"),
                arguments(
                        "llm: {provider: openai, baseUrl: api.openai.com/v1, model: m}",
                        "llm.baseUrl: \"api.openai.com/v1\" is not an http(s) URL; use a full URL such as https://api.openai.com/v1"),
                arguments(
                        "slack: {botToken: xoxb-1}",
                        "slack.signingSecret: is not set, and neither is slack.appToken, so Slack events could not be"
                                + " received; set slack.signingSecret (env SLACK_SIGNING_SECRET) for events over HTTP, or"
                                + " slack.appToken (env SLACK_APP_TOKEN) for Socket Mode"),
                arguments(
                        "slack: {botToken: xoxb-1, signingSecret: s, apiUrl: \"localhost:9999\"}",
                        "slack.apiUrl: \"localhost:9999\" is not an http(s) URL; use a full URL such as https://slack.com/api/"),
                arguments(
                        "teams: {appId: abc}",
                        "teams.appPassword: is not set, but teams.appId is; set teams.appPassword (env"
                                + " MICROSOFT_APP_PASSWORD) to the bot registration's client secret, or unset teams.appId to"
                                + " turn Teams off"),
                arguments(
                        "server: {port: \"${PORT\"}",
                        "server.port: \"${PORT\" opens ${ without a closing }; close it with }, or write $${ for a literal ${"),
                arguments(
                        "server: {port: \"${1PORT}\"}",
                        "server.port: \"${1PORT}\" is not a variable reference; write ${NAME} or ${NAME:-default}, or $${"
                                + " for a literal ${"),
                arguments(
                        "triage: {defaultNamespace: Shop_EU}",
                        "triage.defaultNamespace: \"Shop_EU\" is not a Kubernetes namespace name; use at most 63 lower-case"
                                + " letters, digits and '-', starting and ending with a letter or digit"),
                arguments(
                        "triage: {defaultNamespace: shop-}",
                        "triage.defaultNamespace: \"shop-\" is not a Kubernetes namespace name; use at most 63 lower-case"
                                + " letters, digits and '-', starting and ending with a letter or digit"),
                arguments(
                        "triage: {window: 2m}",
                        "triage.window: \"2m\" is shorter than 5m; use a duration from 5m to 24h"),
                arguments(
                        "triage: {window: 2d}",
                        "triage.window: \"2d\" is longer than 24h; use a duration from 5m to 24h"),
                arguments(
                        "triage: {window: an hour}",
                        "triage.window: \"an hour\" is not a duration; use a number with a unit (250ms, 30s, 5m, 1h) or"
                                + " ISO-8601 such as PT30S"),
                arguments(
                        "triage: {sourceTimeout: 50ms}",
                        "triage.sourceTimeout: \"50ms\" is shorter than 100ms; use a duration from 100ms to 1m"),
                arguments(
                        "triage: {sourceTimeout: 90s, budget: 5m}",
                        "triage.sourceTimeout: \"90s\" is longer than 1m; use a duration from 100ms to 1m"),
                arguments(
                        "triage: {budget: 3s}",
                        "triage.budget: \"3s\" is shorter than triage.sourceTimeout (5s), so no source would get its full"
                                + " time; make triage.budget at least 5s, or lower triage.sourceTimeout"),
                arguments(
                        "triage: {sourceTimeout: 30s}",
                        "triage.budget: \"20s\" is shorter than triage.sourceTimeout (30s), so no source would get its"
                                + " full time; make triage.budget at least 30s, or lower triage.sourceTimeout"),
                arguments(
                        "triage: {budget: 10m}",
                        "triage.budget: \"10m\" is longer than 5m; use a duration from triage.sourceTimeout (5s) to 5m"),
                arguments(
                        "sources: {kubernetes: {enabled: yes please}}",
                        "sources.kubernetes.enabled: \"yes please\" is not a boolean; use true or false"),
                arguments(
                        "sources: {kubernetes: {masterUrl: kubernetes.default.svc}}",
                        "sources.kubernetes.masterUrl: \"kubernetes.default.svc\" is not an http(s) URL; use a full URL"
                                + " such as https://kubernetes.default.svc"),
                arguments(
                        "sources: {kubernetes: {requestTimeout: 0s}}",
                        "sources.kubernetes.requestTimeout: \"0s\" is shorter than 100ms; use a duration from 100ms to 1m"),
                arguments(
                        "sources: {prometheus: {url: \"prometheus:9090\"}}",
                        "sources.prometheus.url: \"prometheus:9090\" is not an http(s) URL; use a full URL such as"
                                + " http://prometheus.monitoring:9090"),
                arguments(
                        "sources: {prometheus: {step: 1s}}",
                        "sources.prometheus.step: \"1s\" is shorter than 5s; use a duration from 5s to 5m"),
                arguments(
                        "sources: {prometheus: {step: 1h}}",
                        "sources.prometheus.step: \"1h\" is longer than 5m; use a duration from 5s to 5m"),
                arguments(
                        "sources: {prometheus: {signals: {errors_ratio: up}}}",
                        "sources.prometheus.signals.errors_ratio: is not a known key; did you mean"
                                + " sources.prometheus.signals.error_ratio?"),
                arguments(
                        "sources: {prometheus: {signals: {cpu: up}}}",
                        "sources.prometheus.signals.cpu: is not a known key; the keys under sources.prometheus.signals"
                                + " are error_ratio, request_rate, latency_p99, restarts, memory_vs_limit, cpu_throttling,"
                                + " hpa_current_vs_max, volume_free, cert_expiry"),
                arguments(
                        "sources: {prometheus: {signals: {error_ratio: \"\"}}}",
                        "sources.prometheus.signals.error_ratio: is empty; write the PromQL for error_ratio, or leave"
                                + " error_ratio out for the built-in query"),
                arguments(
                        "sources: {prometheus: {signals: {latency_p99: }}}",
                        "sources.prometheus.signals.latency_p99: is empty; write the PromQL for latency_p99, or leave"
                                + " latency_p99 out for the built-in query"),
                arguments(
                        "sources: {prometheus: {signals: {restarts: 'sum(kube_pod_container_status_restarts_total{pod=~\"$servce-.*\"})'}}}",
                        "sources.prometheus.signals.restarts: \"sum(kube_pod_container_status_restarts_total{pod=~\"$servce-.*\"})\""
                                + " uses the placeholder $servce, which is not known; did you mean $service?"),
                arguments(
                        "sources: {prometheus: {signals: {request_rate: 'sum(rate(x[$__rate_interval]))'}}}",
                        "sources.prometheus.signals.request_rate: \"sum(rate(x[$__rate_interval]))\" uses the placeholder"
                                + " $__rate_interval, which is not known; use $namespace or $service, which triage fills in"),
                arguments(
                        "sources: {prometheus: {signals: [up]}}",
                        "sources.prometheus.signals: is not a mapping; write the keys of sources.prometheus.signals"
                                + " indented on the lines below it"),
                arguments(
                        "sources: {cloudwatch: {logGroups: [\"/aws/eks/prod app\"]}}",
                        "sources.cloudwatch.logGroups[0]: \"/aws/eks/prod app\" is not a log group name; use letters,"
                                + " digits and . _ - / #, with $service or $namespace where the name varies"),
                arguments(
                        "sources: {cloudwatch: {logGroups: [/aws/eks/a, /aws/eks/a]}}",
                        "sources.cloudwatch.logGroups[1]: \"/aws/eks/a\" is listed twice; list each log group once"),
                arguments(
                        "sources: {cloudwatch: {logGroups: [\"/aws/eks/$${service}\"]}}",
                        "sources.cloudwatch.logGroups[0]: \"/aws/eks/${service}\" uses the placeholder ${service}; write"
                                + " $service (${...} is an environment variable in this file)"),
                arguments(
                        "sources: {cloudwatch: {targetGroupDimension: \"targetgroup/$${service}/abc\"}}",
                        "sources.cloudwatch.targetGroupDimension: \"targetgroup/${service}/abc\" uses the placeholder"
                                + " ${service}; write $service (${...} is an environment variable in this file)"),
                arguments(
                        "sources: {cloudwatch: {targetGroupDimension: checkout-tg}}",
                        "sources.cloudwatch.targetGroupDimension: \"checkout-tg\" is not a TargetGroup dimension value;"
                                + " write targetgroup/<name>/<id> as CloudWatch shows it, such as targetgroup/$service/abc123"),
                arguments(
                        "sources: {argocd: {url: \"ftp://argocd.internal\"}}",
                        "sources.argocd.url: \"ftp://argocd.internal\" is not an http(s) URL; use a full URL such as"
                                + " https://argocd.example.com"),
                arguments(
                        "sources: {github: {url: github.example.com/api/v3}}",
                        "sources.github.url: \"github.example.com/api/v3\" is not an http(s) URL; use a full URL such as"
                                + " https://github.example.com/api/v3"),
                arguments(
                        "sources: {github: {repositories: [checkout]}}",
                        "sources.github.repositories[0]: \"checkout\" is not an owner/repo name; write it as owner/repo,"
                                + " such as acme/checkout"),
                arguments(
                        "sources: {github: {repositories: [acme/checkout, Acme/Checkout]}}",
                        "sources.github.repositories[1]: \"Acme/Checkout\" is listed twice; list each repository once"),
                arguments(
                        "sources: {github: {repositories: acme/checkout}}",
                        "sources.github.repositories: \"acme/checkout\" is not a list; write [a, b] or one \"- item\" per"
                                + " line"),
                arguments(
                        "sources: github",
                        "sources: \"github\" is not a mapping; write the keys of sources indented on the lines below it"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadValueIsRefusedNamingKeyValueAndFix(String yaml, String message) {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void theExceptionCarriesTheKeyAndValueApart(String yaml, String message) {
        ConfigException e = (ConfigException) catchThrowableOf(yaml);

        assertThat(message).startsWith(e.key());
        if (e.value() != null) {
            assertThat(message).contains("\"" + e.value() + "\"");
        }
    }

    private Throwable catchThrowableOf(String yaml) {
        try {
            ConfigFixtures.loadYaml(dir, yaml);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no exception for " + yaml);
    }
}
