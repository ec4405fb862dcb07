package dev.opsbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsbot triage}: the contract JSON on stdout, clear errors and exit codes for bad input. */
class TriageCommandTest {
    private static final Path DEMO = Path.of("..", "scenarios", "checkout-oom");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OpsbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheTriageJsonContractForTheDemoScenario() throws IOException {
        assertThat(run("triage", "--scenario", DEMO.toString(), "--json"))
                .as(err.toString())
                .isZero();

        JsonNode result = new ObjectMapper().readTree(out.toString());
        List<String> keys = new ArrayList<>();
        result.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .startsWith("question", "service", "namespace", "symptom", "hypotheses", "timeline")
                .contains("sources", "normal");
        assertThat(result.get("question").asText()).isEqualTo("why is checkout 5xx?");
        assertThat(result.at("/symptom/kind").asText()).isEqualTo("http_5xx");
        assertThat(result.at("/symptom/onset").asText()).startsWith("2026-03-10T02:3");
        JsonNode top = result.get("hypotheses").get(0);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("cause").asText()).isEqualTo("oom");
        assertThat(top.at("/culprit/kind").asText()).isEqualTo("Deployment");
        assertThat(top.at("/culprit/name").asText()).isEqualTo("checkout");
        assertThat(top.at("/culprit/revision").asInt()).isEqualTo(42);
        assertThat(top.at("/remediation/action").asText()).isEqualTo("kubernetes.rollback");
        assertThat(top.at("/remediation/target").asText()).isEqualTo("Deployment/shop/checkout");
        assertThat(top.at("/remediation/params/toRevision").asInt()).isEqualTo(41);
        assertThat(top.get("summary").asText()).contains("512Mi -> 128Mi");
        assertThat(result.get("timeline").size()).isGreaterThan(3);
    }

    @Test
    void withoutJsonPrintsTheAnswerAsText() {
        assertThat(run("triage", "--scenario", DEMO.toString()))
                .as(err.toString())
                .isZero();

        assertThat(out.toString())
                .contains("CHECKOUT 5XX: OOM")
                .contains("Proposed fix: rollback Deployment shop/checkout to revision 41");
    }

    @Test
    void anotherQuestionAboutAServiceThatDoesNotExistNamesTheClosestOnes() {
        int code = run("triage", "--scenario", DEMO.toString(), "--question", "why is chekout slow?", "--json");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("no service 'chekout' in namespace shop")
                .contains("checkout");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void somethingThatIsNotAQuestionIsABadUsage() {
        assertThat(run("triage", "--scenario", DEMO.toString(), "--question", "deploy everything"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not a question opsbot can investigate");
    }

    @Test
    void aMissingScenarioOptionIsABadUsage() {
        assertThat(run("triage", "--json")).isEqualTo(2);
        assertThat(err.toString()).contains("--scenario");
    }

    @Test
    void aDirectoryWithoutScenarioYamlFailsNamingTheFile(@TempDir Path empty) {
        assertThat(run("triage", "--scenario", empty.toString(), "--json")).isEqualTo(1);
        assertThat(err.toString()).contains("scenario.yaml");
    }

    @Test
    void aMalformedScenarioFailsNamingTheFileAndLine(@TempDir Path broken) throws IOException {
        Files.writeString(
                broken.resolve("scenario.yaml"),
                "name: broken\nnow: 2026-03-10T02:47:00Z\nquestion: why is checkout 5xx?\nnamespace: [shop\nservice: checkout\n");

        assertThat(run("triage", "--scenario", broken.toString(), "--json")).isEqualTo(1);
        assertThat(err.toString()).contains("scenario.yaml").containsPattern("line \\d+");
    }
}
