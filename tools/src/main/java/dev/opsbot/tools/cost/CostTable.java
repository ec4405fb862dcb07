package dev.opsbot.tools.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Costs per period and group as Cost Explorer pages them. A period can come back on several pages (its groups split
 * between them), so amounts are added up by period and group rather than taken per page. Amounts are exact decimals:
 * Cost Explorer sends them as strings with ten decimal places.
 */
final class CostTable {
    /** One period's costs by group, in the order they arrived. */
    record Period(String start, String end, boolean estimated, Map<String, BigDecimal> groups) {
        BigDecimal total() {
            return groups.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal amount(String group) {
            return groups.getOrDefault(group, BigDecimal.ZERO);
        }

        /** The groups, largest amount first. */
        List<Map.Entry<String, BigDecimal>> ranked() {
            return groups.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                    .toList();
        }
    }

    /** The largest change of one group between two consecutive periods. */
    record Change(String group, String from, String to, BigDecimal before, BigDecimal after) {
        BigDecimal delta() {
            return after.subtract(before);
        }
    }

    private static final Comparator<Change> BY_SIZE =
            Comparator.comparing(change -> change.delta().abs());

    private final Map<String, Period> periods = new TreeMap<>();
    private String unit = "";

    /** Adds a period that Cost Explorer returned (possibly again, with other groups). */
    void period(String start, String end, boolean estimated) {
        periods.merge(
                start,
                new Period(start, end, estimated, new LinkedHashMap<>()),
                (known, again) -> new Period(start, end, known.estimated() || estimated, known.groups()));
    }

    /** Adds one group's amount to a period already added. */
    void add(String start, String group, String amount, String amountUnit) {
        Period period = periods.get(start);
        if (period == null || amount == null || amount.isBlank()) {
            return;
        }
        period.groups().merge(group, new BigDecimal(amount.strip()), BigDecimal::add);
        if (unit.isEmpty() && amountUnit != null) {
            unit = amountUnit;
        }
    }

    List<Period> periods() {
        return List.copyOf(periods.values());
    }

    /** The unit amounts are in ({@code USD}), or empty when no amount came. */
    String unit() {
        return unit;
    }

    BigDecimal total() {
        return periods.values().stream().map(Period::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    boolean isEmpty() {
        return periods.values().stream().allMatch(p -> p.groups().isEmpty());
    }

    /** Every group's amount over the whole window, largest first. */
    List<Map.Entry<String, BigDecimal>> totalsByGroup() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        periods.values()
                .forEach(p -> p.groups().forEach((group, amount) -> totals.merge(group, amount, BigDecimal::add)));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .toList();
    }

    /** The largest change (up or down) of any group from one period to the next, or null with fewer than two. */
    Change biggestChange() {
        List<Period> ordered = new ArrayList<>(periods.values());
        Change biggest = null;
        for (int i = 1; i < ordered.size(); i++) {
            Period before = ordered.get(i - 1);
            Period after = ordered.get(i);
            Set<String> groups = new HashSet<>(before.groups().keySet());
            groups.addAll(after.groups().keySet());
            for (String group : groups.stream().sorted().toList()) {
                Change change =
                        new Change(group, before.start(), after.start(), before.amount(group), after.amount(group));
                if (biggest == null || BY_SIZE.compare(change, biggest) > 0) {
                    biggest = change;
                }
            }
        }
        return biggest;
    }
}
