package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that changed in the window: a rollout, a config change, a sync, a CI run.
 *
 * @param revision the revision this change produced (a Deployment revision, an Argo CD history id), or null
 * @param previousRevision the revision before it (what a rollback returns to), or null when there is none or when
 *     this revision no longer runs (a rollback would undo what replaced it)
 * @param author who made it when the source knows (a git author, an Argo CD initiator), or empty
 * @param detail one line for people: {@code rollout to revision 42 (image checkout:1.8.0)}
 * @param fields the differing fields, empty when the source cannot tell
 */
public record ChangeEvent(
        Instant at,
        String source,
        ChangeKind kind,
        ObjectRef target,
        Integer revision,
        Integer previousRevision,
        String author,
        String detail,
        List<FieldChange> fields) {
    public ChangeEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        author = author == null ? "" : author;
        Objects.requireNonNull(detail, "detail");
        fields = List.copyOf(fields);
    }

    public boolean changed(String fieldPrefix) {
        return fields.stream().anyMatch(f -> f.field().startsWith(fieldPrefix));
    }
}
