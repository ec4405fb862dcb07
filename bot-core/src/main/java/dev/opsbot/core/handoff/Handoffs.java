package dev.opsbot.core.handoff;

import dev.opsbot.core.chat.Reply;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shift's handoff message, the one way both {@code @opsbot handoff} and the scheduled handoff make it: the
 * deterministic report, the model's narrative when one is configured and answers, and who takes over.
 */
public final class Handoffs {
    private static final Logger LOG = LoggerFactory.getLogger(Handoffs.class);

    private final HandoffBuilder builder;
    private final HandoffNarrator narrator;
    private final HandoffRenderer renderer;
    private final OnCall onCall;

    public Handoffs(HandoffBuilder builder, HandoffNarrator narrator, HandoffRenderer renderer, OnCall onCall) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.narrator = Objects.requireNonNull(narrator, "narrator");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.onCall = Objects.requireNonNull(onCall, "onCall");
    }

    /**
     * The handoff of {@code shift}. A store that cannot be read fails it (the caller says so); the narrator and the
     * on-call lookup are extras, and their failures only leave them out.
     */
    public Reply compose(Shift shift) {
        HandoffReport report = builder.build(shift);
        return renderer.render(report, narrative(report), nextOnCall(shift));
    }

    private Optional<String> narrative(HandoffReport report) {
        try {
            return narrator.narrate(report);
        } catch (RuntimeException e) {
            LOG.warn(
                    "the handoff narrative of {} failed; the handoff goes out without it",
                    report.shift().team(),
                    e);
            return Optional.empty();
        }
    }

    private Optional<String> nextOnCall(Shift shift) {
        try {
            return onCall.next(shift.platform(), shift.channel(), shift.to());
        } catch (RuntimeException e) {
            LOG.warn("who is on call after the {} shift is not known", shift.team(), e);
            return Optional.empty();
        }
    }
}
