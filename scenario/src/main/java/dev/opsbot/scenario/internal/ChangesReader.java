package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads changes/argocd/*.json (Application objects: one per file, a JSON array, or {@code {"items": [...]}}) and
 * changes/github/*.json (workflow-runs responses, and {@code <owner>__<repo>.deployments.json} deployments
 * responses).
 */
public final class ChangesReader {
    private static final String DEPLOYMENTS = ".deployments.json";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private final ScenarioFiles files;
    private final List<JsonNode> applications = new ArrayList<>();
    private final Map<String, JsonNode> runs = new LinkedHashMap<>();
    private final Map<String, JsonNode> deployments = new LinkedHashMap<>();

    public ChangesReader(ScenarioFiles files) {
        this.files = files;
    }

    public ChangesReader read() {
        for (Path file : files.filesIn("changes/argocd", Set.of(".json"))) {
            readApplications(TreeReader.json(file, files.display(file)));
        }
        for (Path file : files.filesIn("changes/github", Set.of(".json"))) {
            Located json = TreeReader.json(file, files.display(file));
            if (ScenarioFiles.name(file).endsWith(DEPLOYMENTS)) {
                readDeployments(file, json);
            } else {
                readRuns(file, json);
            }
        }
        return this;
    }

    public List<JsonNode> applications() {
        return applications;
    }

    public Map<String, JsonNode> runs() {
        return runs;
    }

    public Map<String, JsonNode> deployments() {
        return deployments;
    }

    private void readApplications(Located json) {
        JsonNode node = json.node();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                addApplication(json.at("/" + i));
            }
        } else if (node.path("items").isArray()) {
            for (int i = 0; i < node.get("items").size(); i++) {
                addApplication(json.at("/items/" + i));
            }
        } else {
            addApplication(json);
        }
    }

    private void addApplication(Located application) {
        JsonNode name = application.node().at("/metadata/name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw application.error("", "an Argo CD Application needs metadata.name");
        }
        if (!application.node().path("kind").asText("Application").equals("Application")) {
            throw application.error("/kind", "expected kind Application");
        }
        boolean duplicate = applications.stream()
                .anyMatch(other -> other.at("/metadata/name").asText().equals(name.asText()));
        if (duplicate) {
            throw application.error("/metadata/name", "duplicate Argo CD application '" + name.asText() + "'");
        }
        applications.add(application.node());
    }

    private void readRuns(Path file, Located json) {
        if (!json.node().path("workflow_runs").isArray()) {
            throw json.error(
                    "", "expected a GitHub workflow-runs response: {\"total_count\": n, \"workflow_runs\": [...]}");
        }
        String repository = repositoryFromName(file, ".json")
                .orElseGet(() ->
                        json.node().at("/workflow_runs/0/repository/full_name").asText(""));
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new ScenarioException(
                    files.display(file),
                    "cannot tell the repository: name the file <owner>__<repo>.json"
                            + " or give the runs repository.full_name");
        }
        if (runs.putIfAbsent(repository, json.node()) != null) {
            throw new ScenarioException(files.display(file), "a second workflow-runs file for " + repository);
        }
    }

    private void readDeployments(Path file, Located json) {
        if (!json.node().isArray()) {
            throw json.error("", "expected a GitHub deployments response: a JSON array");
        }
        String repository = repositoryFromName(file, DEPLOYMENTS)
                .orElseThrow(() -> new ScenarioException(
                        files.display(file), "name a deployments file <owner>__<repo>.deployments.json"));
        deployments.put(repository, json.node());
    }

    private static Optional<String> repositoryFromName(Path file, String suffix) {
        String name = ScenarioFiles.name(file);
        String stem = name.substring(0, name.length() - suffix.length());
        int separator = stem.indexOf("__");
        if (separator <= 0 || separator + 2 >= stem.length()) {
            return Optional.empty();
        }
        String repository = stem.substring(0, separator) + "/" + stem.substring(separator + 2);
        return REPOSITORY.matcher(repository).matches() ? Optional.of(repository) : Optional.empty();
    }
}
