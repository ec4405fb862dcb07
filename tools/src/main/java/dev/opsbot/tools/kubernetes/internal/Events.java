package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges core/v1 and events.k8s.io/v1 Events. A real API server serves the same events through both APIs (same
 * uid), a captured scenario may hold either: both are read, duplicates dropped, newest first.
 */
public final class Events {
    private Events() {}

    public static List<KubeEvent> merge(
            List<Event> core,
            List<io.fabric8.kubernetes.api.model.events.v1.Event> modern,
            Predicate<KubeEvent> relevant) {
        List<KubeEvent> merged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Event event : core) {
            add(KubeEvent.of(event), relevant, merged, seen);
        }
        for (var event : modern) {
            add(KubeEvent.of(event), relevant, merged, seen);
        }
        merged.sort(Comparator.comparing(KubeEvent::at).reversed());
        return merged;
    }

    private static void add(KubeEvent event, Predicate<KubeEvent> relevant, List<KubeEvent> into, Set<String> seen) {
        if (event == null || !relevant.test(event)) {
            return;
        }
        String key = event.uid() != null && !event.uid().isEmpty()
                ? event.uid()
                : Objects.hash(event.at(), event.reason(), event.objectKind(), event.objectName(), event.message())
                        + "";
        if (seen.add(key)) {
            into.add(event);
        }
    }
}
