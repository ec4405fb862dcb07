package dev.opsbot.core.triage;

import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.tool.ToolContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Triage as the conversation uses it: questions become investigations (default namespace, window, the
 * investigation clock), and each runs as the asking person under an overall time budget.
 *
 * <p>The investigation clock is separate from the wall clock on purpose: a scenario is investigated "as of" its
 * {@code now}, while deadlines still run on real time.
 */
public final class TriageService {
    private static final Redactor REDACTOR = Redactor.standard();

    private final TriageEngine engine;
    private final List<String> sourceNames;
    private final String defaultNamespace;
    private final Supplier<Instant> investigationNow;
    private final Duration window;
    private final Duration budget;
    private final Clock clock;

    public TriageService(
            List<EvidenceSource> sources,
            Duration perSourceTimeout,
            String defaultNamespace,
            Supplier<Instant> investigationNow,
            Duration window,
            Duration budget,
            Clock clock) {
        this.engine = new TriageEngine(sources, perSourceTimeout);
        this.sourceNames = sources.stream().map(EvidenceSource::name).toList();
        this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        this.investigationNow = Objects.requireNonNull(investigationNow, "investigationNow");
        this.window = Objects.requireNonNull(window, "window");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<String> sourceNames() {
        return sourceNames;
    }

    /**
     * The question as asked, with any secret in it replaced by a placeholder: it travels into the answer, the triage
     * JSON and the audit log.
     */
    public Investigation investigation(String question, String service, String namespace, SymptomKind symptom) {
        String resolved = namespace == null || namespace.isBlank() ? defaultNamespace : namespace;
        String redacted = question == null ? null : REDACTOR.redact(question, Vault.create());
        return new Investigation(redacted, resolved, service, symptom, investigationNow.get(), window);
    }

    /** Runs as {@code actor} with no AWS identity: for sources that need none (scenarios, tests). */
    public TriageReport run(Investigation investigation, Principal actor, TriageListener listener) {
        return engine.investigate(investigation, ToolContext.of(actor, budget, clock), listener);
    }

    /** Runs as {@code actor}, with {@code cloud} as their AWS identity for sources that read AWS. */
    public TriageReport run(
            Investigation investigation, Principal actor, CloudCredentials cloud, TriageListener listener) {
        return engine.investigate(investigation, ToolContext.of(actor, cloud, budget, clock), listener);
    }
}
