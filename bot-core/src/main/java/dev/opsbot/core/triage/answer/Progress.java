package dev.opsbot.core.triage.answer;

import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.tool.Durations;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.result.SourceStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status line shown while triage runs: which sources are done, which failed, which are still being asked.
 * Thread-safe: sources finish on their own threads.
 */
public final class Progress {
    private final Investigation investigation;
    private final Map<String, String> states = new LinkedHashMap<>();
    private String downstream = "";

    public Progress(Investigation investigation, List<String> sources) {
        this.investigation = investigation;
        sources.forEach(source -> states.put(source, "…"));
    }

    public synchronized void finished(SourceStatus status) {
        String mark =
                switch (status.status()) {
                    case SourceStatus.OK -> "✓";
                    case SourceStatus.PARTIAL -> "✓ (partial)";
                    default -> "✗";
                };
        states.put(status.name(), mark + " " + Durations.human(Duration.ofMillis(status.millis())));
    }

    public synchronized void following(String service) {
        downstream = service;
    }

    public synchronized Reply render() {
        StringBuilder text = new StringBuilder(":mag: Investigating *")
                .append(investigation.service())
                .append("* in ")
                .append(investigation.namespace())
                .append(" (")
                .append(investigation.symptom().jsonName())
                .append(") — ");
        states.forEach(
                (source, state) -> text.append(source).append(' ').append(state).append("  "));
        if (!downstream.isEmpty()) {
            text.append("— following ").append(downstream);
        }
        return Reply.text(text.toString().strip());
    }

    public synchronized Reply done(Duration took, int failed) {
        return Reply.text(":white_check_mark: Investigated *" + investigation.service() + "* in "
                + Durations.human(took) + " (" + states.size() + " sources"
                + (failed == 0 ? "" : ", " + failed + " failed") + ")");
    }
}
