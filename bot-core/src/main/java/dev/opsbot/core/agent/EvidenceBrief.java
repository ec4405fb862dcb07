package dev.opsbot.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.triage.result.TriageJson;
import dev.opsbot.core.triage.result.TriageResult;

/**
 * Triage's result cut down to what the model needs: the symptom, the leading hypothesis with its evidence, the
 * others in a line each, the latest timeline entries not already quoted as evidence, and what could not be checked.
 * It goes with every model call of an answer, so each token here is paid several times (measured: the first form,
 * with evidence for three hypotheses and a timeline repeating it, was a third of the demo's input tokens). The full
 * result stays in the thread for people. The caller's vault redacts it on the way out.
 */
public final class EvidenceBrief {
    static final int HYPOTHESES = 3;
    static final int EVIDENCE = 4;
    static final int TIMELINE = 6;
    static final int NORMAL = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceBrief() {}

    public static String of(TriageResult result) {
        JsonNode full;
        try {
            full = JSON.readTree(TriageJson.write(result));
        } catch (Exception e) {
            throw new IllegalStateException("triage JSON did not read back", e);
        }
        ObjectNode brief = JSON.createObjectNode();
        brief.put("service", result.service()).put("namespace", result.namespace());
        brief.set("symptom", full.path("symptom"));
        ArrayNode hypotheses = brief.putArray("hypotheses");
        java.util.Set<String> quoted = new java.util.HashSet<>();
        for (JsonNode h : first(full.path("hypotheses"), HYPOTHESES)) {
            ObjectNode copy = ((ObjectNode) h).deepCopy();
            if (hypotheses.isEmpty()) {
                copy.set("evidence", first(h.path("evidence"), EVIDENCE));
                copy.get("evidence").forEach(e -> quoted.add(e.path("detail").asText()));
            } else {
                copy.remove(java.util.List.of("evidence", "remediation", "culprit"));
            }
            hypotheses.add(copy);
        }
        ArrayNode timeline = JSON.createArrayNode();
        full.path("timeline").forEach(entry -> {
            if (!quoted.contains(entry.path("detail").asText())) {
                timeline.add(entry);
            }
        });
        brief.set("timeline", last(timeline, TIMELINE));
        ArrayNode unchecked = brief.putArray("notChecked");
        full.path("sources").forEach(s -> {
            if (!"ok".equals(s.path("status").asText())) {
                unchecked.add(s.path("name").asText() + ": "
                        + s.path("detail").asText(s.path("status").asText()));
            }
        });
        brief.set("normal", first(full.path("normal"), NORMAL));
        return shortenTimes(brief.toString(), full.path("symptom").path("onset").asText(""));
    }

    /**
     * Times on the symptom's day as {@code HH:MM:SS} (the day said once, as {@code day}): an RFC 3339 timestamp is
     * about a dozen tokens, and the brief holds twenty of them.
     */
    static String shortenTimes(String json, String onset) {
        if (onset.length() < 10) {
            return json;
        }
        String day = onset.substring(0, 10);
        String shortened = json.replaceAll(
                "\"" + java.util.regex.Pattern.quote(day) + "T(\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?Z\"", "\"$1\"");
        return "{\"day\":\"" + day + " (UTC; times below are on this day)\"," + shortened.substring(1);
    }

    private static ArrayNode first(JsonNode array, int n) {
        ArrayNode out = JSON.createArrayNode();
        for (int i = 0; i < array.size() && i < n; i++) {
            out.add(array.get(i));
        }
        return out;
    }

    private static ArrayNode last(JsonNode array, int n) {
        ArrayNode out = JSON.createArrayNode();
        for (int i = Math.max(0, array.size() - n); i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }
}
