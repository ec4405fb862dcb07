package dev.opsbot.core.triage.answer;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.triage.TriageReport;
import java.util.Optional;

/** Draws the symptom over the window with change markers and the onset line. Implemented outside bot-core. */
@FunctionalInterface
public interface ChartRenderer {
    ChartRenderer NONE = report -> Optional.empty();

    /** The chart, or empty when there is nothing to draw (no metrics). Must not throw: a chart is never essential. */
    Optional<Block.Image> render(TriageReport report);
}
