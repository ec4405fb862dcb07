package dev.opsbot.core.triage.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.opsbot.core.triage.ObjectRef;
import java.util.Objects;

/** What to blame: an object and, for workloads, the revision that introduced the fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Culprit(String kind, String namespace, String name, Integer revision) {
    public Culprit {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name, "name");
    }

    public static Culprit of(ObjectRef ref) {
        return new Culprit(ref.kind(), ref.namespace(), ref.name(), null);
    }

    public static Culprit of(ObjectRef ref, Integer revision) {
        return new Culprit(ref.kind(), ref.namespace(), ref.name(), revision);
    }

    public ObjectRef ref() {
        return ObjectRef.of(kind, namespace, name);
    }
}
