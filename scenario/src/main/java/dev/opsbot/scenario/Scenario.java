package dev.opsbot.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident captured as files, loaded into memory ({@link ScenarioLoader}) and served through the production
 * clients ({@link ScenarioServer}). The lists and maps are unmodifiable; the fabric8 objects and JSON trees in them
 * are shared and must be treated as read-only.
 *
 * @param name a short name, the directory's when scenario.yaml has none
 * @param now the investigation clock
 * @param question what the person asked, {@code why is checkout 5xx?}
 * @param namespace the namespace the question is about
 * @param service the service the question is about
 * @param channel the chat channel the question was asked in, when given
 * @param expectation what triage should rank first, when given
 * @param description free text for people reading the scenario, empty when none
 * @param kubernetesObjects every object of kubernetes/*.yaml, status included, namespaced as in the files
 * @param logs container log texts
 * @param metricFiles OpenMetrics texts by file name ({@code checkout.om}), parsed by {@link ScenarioMetrics}
 * @param argocdApplications Argo CD Application objects, as Argo CD's API returns them
 * @param githubRuns GitHub Actions workflow-runs responses by repository ({@code acme/checkout})
 * @param githubDeployments GitHub deployments responses by repository, only for repositories that have one
 */
public record Scenario(
        String name,
        Instant now,
        String question,
        String namespace,
        String service,
        Optional<String> channel,
        Optional<Expectation> expectation,
        String description,
        List<HasMetadata> kubernetesObjects,
        Map<LogKey, String> logs,
        Map<String, String> metricFiles,
        List<JsonNode> argocdApplications,
        Map<String, JsonNode> githubRuns,
        Map<String, JsonNode> githubDeployments) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(description, "description");
        kubernetesObjects = List.copyOf(kubernetesObjects);
        logs = Map.copyOf(logs);
        metricFiles = ordered(metricFiles);
        argocdApplications = List.copyOf(argocdApplications);
        githubRuns = ordered(githubRuns);
        githubDeployments = ordered(githubDeployments);
    }

    /** The text of one container log, if the scenario has it. */
    public Optional<String> log(LogKey key) {
        return Optional.ofNullable(logs.get(key));
    }

    /** The same scenario with more Kubernetes objects after its own (how the benchmark generator grows one). */
    public Scenario withMoreKubernetesObjects(List<? extends HasMetadata> more) {
        List<HasMetadata> all = new ArrayList<>(kubernetesObjects);
        all.addAll(more);
        return new Scenario(
                name,
                now,
                question,
                namespace,
                service,
                channel,
                expectation,
                description,
                all,
                logs,
                metricFiles,
                argocdApplications,
                githubRuns,
                githubDeployments);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
