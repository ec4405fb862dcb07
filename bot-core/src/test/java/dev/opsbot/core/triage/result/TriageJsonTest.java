package dev.opsbot.core.triage.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.triage.Cause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageJsonTest {
    private static final ObjectMapper TREE = new ObjectMapper();

    static final TriageResult RESULT = new TriageResult(
            "why is checkout 5xx?",
            "checkout",
            "shop",
            new Symptom("http_5xx", Instant.parse("2026-03-10T02:33:00Z"), 0.23),
            List.of(
                    new Hypothesis(
                            1,
                            Cause.OOM,
                            0.86,
                            new Culprit("Deployment", "shop", "checkout", 42),
                            "memory limit lowered 512Mi -> 128Mi in revision 42 at 02:31; 2 pods OOMKilled",
                            List.of(
                                    new EvidenceItem(
                                            "kubernetes",
                                            Instant.parse("2026-03-10T02:31:04Z"),
                                            "rollout to revision 42"),
                                    new EvidenceItem(
                                            "kubernetes",
                                            Instant.parse("2026-03-10T02:33:10.250Z"),
                                            "checkout-7d9f8b6c5-x2x4z OOMKilled")),
                            new Remediation(
                                    "kubernetes.rollback", "Deployment/shop/checkout", Map.of("toRevision", 41))),
                    new Hypothesis(
                            2,
                            Cause.BAD_DEPLOY,
                            0.55,
                            new Culprit("Node", "", "ip-10-0-1-17", null),
                            "rollout to revision 42",
                            List.of(new EvidenceItem("kubernetes", null, "nodes: normal")),
                            null)),
            List.of(
                    new TimelineEntry(
                            Instant.parse("2026-03-10T02:31:04Z"), "kubernetes", TimelineEntry.CHANGE, "rollout 42"),
                    new TimelineEntry(
                            Instant.parse("2026-03-10T02:33:00Z"), "triage", TimelineEntry.SIGNAL, "http_5xx onset")),
            List.of(
                    new SourceStatus("argocd", SourceStatus.FAILED, "argocd did not answer in 5 s", 5003),
                    new SourceStatus("kubernetes", SourceStatus.OK, "", 120)),
            List.of("kubernetes: nodes — all Ready"));

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static JsonNode written() throws Exception {
        return TREE.readTree(TriageJson.write(RESULT));
    }

    @Test
    void theTopLevelHasTheContractsKeysInOrderThenTheAdditiveOnes() throws Exception {
        assertThat(keys(written()))
                .containsExactly(
                        "question", "service", "namespace", "symptom", "hypotheses", "timeline", "sources", "normal");
    }

    @Test
    void theSymptomHasKindOnsetAndPeak() throws Exception {
        JsonNode symptom = written().get("symptom");

        assertThat(keys(symptom)).containsExactly("kind", "onset", "peak");
        assertThat(symptom.get("kind").asText()).isEqualTo("http_5xx");
        assertThat(symptom.get("onset").asText()).isEqualTo("2026-03-10T02:33:00Z");
        assertThat(symptom.get("peak").asDouble()).isEqualTo(0.23);
    }

    @Test
    void aHypothesisHasTheContractsKeysInOrder() throws Exception {
        JsonNode first = written().get("hypotheses").get(0);

        assertThat(keys(first))
                .containsExactly("rank", "cause", "confidence", "culprit", "summary", "evidence", "remediation");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("cause").asText()).isEqualTo("oom");
        assertThat(first.get("confidence").asDouble()).isEqualTo(0.86);
        assertThat(keys(first.get("culprit"))).containsExactly("kind", "namespace", "name", "revision");
        assertThat(first.get("culprit").get("revision").asInt()).isEqualTo(42);
        assertThat(keys(first.get("evidence").get(0))).containsExactly("source", "at", "detail");
        assertThat(first.get("evidence").get(0).get("at").asText()).isEqualTo("2026-03-10T02:31:04Z");
        assertThat(first.get("evidence").get(1).get("at").asText()).isEqualTo("2026-03-10T02:33:10.250Z");
        JsonNode remediation = first.get("remediation");
        assertThat(keys(remediation)).containsExactly("action", "target", "params");
        assertThat(remediation.get("action").asText()).isEqualTo("kubernetes.rollback");
        assertThat(remediation.get("target").asText()).isEqualTo("Deployment/shop/checkout");
        assertThat(remediation.get("params").get("toRevision").isInt()).isTrue();
        assertThat(remediation.get("params").get("toRevision").asInt()).isEqualTo(41);
    }

    @Test
    void causesAreWrittenByTheirContractNames() throws Exception {
        assertThat(written().get("hypotheses").get(1).get("cause").asText()).isEqualTo("bad-deploy");
    }

    @Test
    void noRemediationAndNoRevisionAreLeftOutRatherThanNull() throws Exception {
        JsonNode second = written().get("hypotheses").get(1);

        assertThat(keys(second)).doesNotContain("remediation");
        assertThat(keys(second.get("culprit"))).containsExactly("kind", "namespace", "name");
    }

    @Test
    void timelineEntriesHaveAtSourceKindDetail() throws Exception {
        JsonNode entry = written().get("timeline").get(0);

        assertThat(keys(entry)).containsExactly("at", "source", "kind", "detail");
        assertThat(entry.get("at").asText()).isEqualTo("2026-03-10T02:31:04Z");
        assertThat(entry.get("kind").asText()).isEqualTo("change");
    }

    @Test
    void sourcesAndNormalAreWrittenAsGiven() throws Exception {
        JsonNode json = written();

        assertThat(keys(json.get("sources").get(0))).containsExactly("name", "status", "detail", "millis");
        assertThat(json.get("sources").get(0).get("detail").asText()).isEqualTo("argocd did not answer in 5 s");
        assertThat(json.get("normal").get(0).asText()).isEqualTo("kubernetes: nodes — all Ready");
    }

    @Test
    void aResultWithoutAnOnsetWritesNullOnset() throws Exception {
        TriageResult healthy = new TriageResult(
                "why is checkout 5xx?",
                "checkout",
                "shop",
                new Symptom("http_5xx", null, 0.001),
                List.of(new Hypothesis(
                        1,
                        Cause.HEALTHY,
                        0.9,
                        new Culprit("Deployment", "shop", "checkout", 42),
                        "no http 5xx",
                        List.of(),
                        null)),
                List.of(),
                List.of(),
                List.of());

        JsonNode symptom = TREE.readTree(TriageJson.write(healthy)).get("symptom");

        assertThat(keys(symptom)).containsExactly("kind", "onset", "peak");
        assertThat(symptom.get("onset").isNull()).isTrue();
        assertThat(TriageJson.read(TriageJson.write(healthy))).isEqualTo(healthy);
    }

    @Test
    void whatIsWrittenReadsBackEqual() {
        assertThat(TriageJson.read(TriageJson.write(RESULT))).isEqualTo(RESULT);
    }

    @Test
    void everyCauseReadsBackFromItsContractName() {
        for (Cause cause : Cause.values()) {
            assertThat(Cause.fromJsonName(cause.jsonName())).isEqualTo(cause);
        }
    }
}
