package dev.opsbot.tools.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.tools.http.Json;
import java.util.Comparator;
import java.util.Objects;

/**
 * One way a pod falls short of the Pod Security Standards, or of a habit the standards leave out.
 *
 * @param level the standard it violates: {@code baseline} (known privilege escalations) or {@code restricted}
 *     (hardening); {@code best-practice} for what no standard covers (resource limits, image tags)
 * @param check the control, e.g. {@code privileged}, {@code hostPath}, {@code runAsNonRoot}
 * @param container the container it is about, or empty for the pod as a whole
 * @param detail what was found, in words
 */
record PodFinding(Level level, String check, String container, String detail) {
    /** Most severe first, then by container and check. */
    static final Comparator<PodFinding> ORDER = Comparator.comparing(PodFinding::level)
            .thenComparing(PodFinding::container)
            .thenComparing(PodFinding::check)
            .thenComparing(PodFinding::detail);

    enum Level {
        BASELINE("baseline"),
        RESTRICTED("restricted"),
        BEST_PRACTICE("best-practice");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** {@code baseline} or {@code restricted} as a namespace label names it, or null. */
        static Level fromLabel(String value) {
            for (Level level : values()) {
                if (level != BEST_PRACTICE && level.label.equals(value)) {
                    return level;
                }
            }
            return null;
        }
    }

    PodFinding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(check, "check");
        container = container == null ? "" : container;
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether this fails the Pod Security Standard at {@code standard} (restricted includes baseline). */
    boolean fails(Level standard) {
        return level != Level.BEST_PRACTICE && level.compareTo(standard) <= 0;
    }

    ObjectNode json() {
        ObjectNode node = Json.object().put("level", level.label()).put("check", check);
        if (!container.isEmpty()) {
            node.put("container", container);
        }
        return node.put("detail", detail);
    }
}
