package dev.opsbot.core.triage;

import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.result.SourceStatus;
import dev.opsbot.core.triage.result.TimelineEntry;
import dev.opsbot.core.triage.rules.Downstream;
import dev.opsbot.core.triage.rules.Ranking;
import dev.opsbot.core.triage.rules.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic triage: fan out to every source, check the service exists, follow failing downstreams named in the
 * service's errors, rank hypotheses against the symptom's onset, and assemble the contract result. docs/triage.md
 * describes the rules.
 */
public final class TriageEngine {
    public static final Duration DEFAULT_SOURCE_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_DOWNSTREAMS = 2;
    private static final int CLOSE_NAMES = 3;

    private final Fanout fanout;

    public TriageEngine(List<EvidenceSource> sources, Duration perSourceTimeout) {
        this.fanout = new Fanout(sources, perSourceTimeout);
    }

    public TriageReport investigate(Investigation investigation, ToolContext context, TriageListener listener) {
        List<SourceOutcome> outcomes = fanout.collect(investigation, context, listener);
        EvidenceSet evidence = new EvidenceSet(investigation, answered(outcomes));
        requireKnownService(evidence);
        Map<String, Downstream> downstreams = followDownstreams(evidence, context, listener);
        var ranked = Ranking.rank(evidence, Rules.withDownstreams(downstreams));
        List<TimelineEntry> timeline = timeline(evidence, downstreams);
        List<SourceStatus> statuses =
                outcomes.stream().map(SourceOutcome::status).toList();
        return new TriageReport(
                ResultAssembler.assemble(evidence, ranked, timeline, statuses), evidence.symptom(), evidence.changes());
    }

    private static List<SourceEvidence> answered(List<SourceOutcome> outcomes) {
        return outcomes.stream()
                .filter(SourceOutcome::answered)
                .map(SourceOutcome::evidence)
                .toList();
    }

    private static void requireKnownService(EvidenceSet evidence) {
        Inventory inventory = evidence.inventory();
        if (inventory.known() && !inventory.targetFound()) {
            throw new UnknownServiceException(
                    evidence.service(),
                    evidence.namespace(),
                    CloseNames.closest(evidence.service(), inventory.names(), CLOSE_NAMES));
        }
    }

    /** Downstreams named by the service's call errors that exist in the namespace, most-complained-about first. */
    private Map<String, Downstream> followDownstreams(
            EvidenceSet evidence, ToolContext context, TriageListener listener) {
        Set<String> known = evidence.inventory().names();
        List<String> named = evidence.logs().stream()
                .filter(l -> l.category() == LogCategory.DOWNSTREAM_ERROR || l.category() == LogCategory.DNS_FAILURE)
                .map(LogSignature::downstream)
                .filter(d -> !d.isEmpty() && !d.equals(evidence.service()) && known.contains(d))
                .distinct()
                .limit(MAX_DOWNSTREAMS)
                .toList();
        Map<String, Downstream> downstreams = new LinkedHashMap<>();
        // one downstream after another keeps the fan-out per source bounded; each is itself a parallel fan-out
        for (String name : named) {
            if (context.remaining().isZero()) {
                break;
            }
            listener.followingDownstream(name);
            Investigation theirs = evidence.investigation().about(name);
            EvidenceSet their = new EvidenceSet(theirs, answered(fanout.collect(theirs, context, TriageListener.NONE)));
            downstreams.put(name, new Downstream(name, their, Ranking.rank(their, Rules.local())));
        }
        return downstreams;
    }

    private static List<TimelineEntry> timeline(EvidenceSet evidence, Map<String, Downstream> downstreams) {
        List<TimelineEntry> entries = new ArrayList<>(Timeline.of(evidence, ""));
        downstreams.values().stream()
                .filter(Downstream::failing)
                .forEach(d -> entries.addAll(Timeline.of(d.evidence(), d.name() + ": ")));
        entries.sort(java.util.Comparator.comparing(TimelineEntry::at));
        return entries.size() > Timeline.MAX_ENTRIES ? entries.subList(0, Timeline.MAX_ENTRIES) : entries;
    }
}
