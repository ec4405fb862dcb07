package dev.opsbot.core.handoff;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the audit log says about a shift in one channel: the questions asked (the last per thread), when each
 * proposal last changed, and the verifications that found a service not recovered.
 */
final class ShiftAudit {
    static final int PAGE = 1_000;
    /** A bound on the work: 200,000 events in one shift is far beyond any channel's. */
    static final int MAX_PAGES = 200;

    private static final Logger LOG = LoggerFactory.getLogger(ShiftAudit.class);

    /** A question asked in the channel. */
    record Question(ThreadRef thread, String asker, String text, Instant at) {}

    private final Shift shift;
    private final Map<ThreadRef, Question> lastQuestions = new LinkedHashMap<>();
    private final Map<String, Instant> proposalChanged = new HashMap<>();
    private final List<AuditEvent.ActionVerified> notRecovered = new ArrayList<>();

    private ShiftAudit(Shift shift) {
        this.shift = shift;
    }

    /**
     * Reads the shift's events page by page. The log pages by time but orders by sequence, so a page starts at the
     * previous page's last time and skips what it has seen by sequence.
     */
    static ShiftAudit read(AuditLog log, Shift shift) {
        ShiftAudit found = new ShiftAudit(shift);
        Instant cursor = shift.from();
        long seen = Long.MIN_VALUE;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<AuditEntry> entries = log.since(cursor, PAGE);
            boolean progressed = false;
            for (AuditEntry entry : entries) {
                if (entry.sequence() > seen) {
                    seen = entry.sequence();
                    progressed = true;
                    found.add(entry.event());
                }
            }
            if (entries.size() < PAGE || !entries.getLast().event().at().isBefore(shift.to())) {
                return found;
            }
            Instant last = entries.getLast().event().at();
            // a whole page at one instant: step past it rather than read the same page forever
            cursor = progressed ? last : last.plus(Duration.ofMillis(1));
        }
        LOG.warn(
                "the handoff of {} read {} audit events and stopped: the rest of the shift is not in it",
                shift.team(),
                PAGE * MAX_PAGES);
        return found;
    }

    private void add(AuditEvent event) {
        if (!shift.covers(event.at())) {
            return;
        }
        switch (event) {
            case AuditEvent.QuestionAsked asked -> question(asked);
            case AuditEvent.ProposalCreated created -> changed(created.proposal(), created.at());
            case AuditEvent.ProposalDecided decided -> changed(decided.proposal(), decided.at());
            case AuditEvent.ActionExecuted executed -> changed(executed.proposal(), executed.at());
            case AuditEvent.ActionVerified verified -> {
                // not a change of the proposal: an action "ran at" when it ran, not when it was checked
                if (!verified.recovered()) {
                    notRecovered.add(verified);
                }
            }
            default -> {}
        }
    }

    private void question(AuditEvent.QuestionAsked asked) {
        String prefix = shift.team() + "/";
        if (asked.thread() == null || !asked.thread().startsWith(prefix)) {
            return;
        }
        String thread = asked.thread().substring(prefix.length());
        if (thread.isBlank()) {
            return;
        }
        ThreadRef ref = new ThreadRef(shift.platform(), shift.channel(), thread);
        lastQuestions.remove(ref); // re-inserted: the map's order is the order questions were last asked in
        lastQuestions.put(ref, new Question(ref, asked.actor(), asked.question(), asked.at()));
    }

    private void changed(String proposal, Instant at) {
        proposalChanged.merge(proposal, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The last question asked in {@code thread} in the shift. */
    Optional<Question> lastQuestion(ThreadRef thread) {
        return Optional.ofNullable(lastQuestions.get(thread));
    }

    /** The last question of each thread, in the order they were asked. */
    List<Question> lastQuestions() {
        return List.copyOf(lastQuestions.values());
    }

    /** When the proposal last changed in the shift, as far as the audit log says. */
    Optional<Instant> changedAt(String proposal) {
        return Optional.ofNullable(proposalChanged.get(proposal));
    }

    /** Verifications in the shift (any channel) that found the service had not recovered. */
    List<AuditEvent.ActionVerified> notRecovered() {
        return List.copyOf(notRecovered);
    }
}
