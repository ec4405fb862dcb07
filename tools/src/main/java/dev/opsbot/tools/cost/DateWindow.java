package dev.opsbot.tools.cost;

import dev.opsbot.core.tool.ToolContext;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whole UTC days as Cost Explorer counts them: {@code start} inclusive, {@code end} exclusive, both {@code yyyy-MM-dd}
 * ({@link LocalDate#toString()}).
 */
record DateWindow(LocalDate start, LocalDate end) {

    /** The last {@code days} complete days before today (today's costs are partial, so a spike there is noise). */
    static DateWindow lastDays(ToolContext context, int days) {
        LocalDate today = today(context);
        return new DateWindow(today.minusDays(days), today);
    }

    static LocalDate today(ToolContext context) {
        return LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
    }

    /** The last day inside the window. */
    LocalDate lastDay() {
        return end.minusDays(1);
    }
}
