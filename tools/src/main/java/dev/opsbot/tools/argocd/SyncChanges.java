package dev.opsbot.tools.argocd;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.SourceEvidence;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An application's syncs inside the window as {@link ChangeKind#SYNC} changes: each history entry (revision = its
 * history id, previous = the entry before it), and a failed last operation (which leaves no history entry). Authors
 * come from the commit metadata when Argo CD's repo server knows the revision, else from who initiated the sync.
 */
final class SyncChanges {
    /** Commit metadata is looked up for at most this many syncs per investigation. */
    static final int MAX_METADATA_LOOKUPS = 10;

    private final ArgoCdClient client;

    SyncChanges(ArgoCdClient client) {
        this.client = client;
    }

    void collect(Application app, Instant from, Instant to, ToolContext context, SourceEvidence.Builder evidence) {
        List<HistoryEntry> history = app.history();
        MetadataLookup lookup = new MetadataLookup(app.name(), context, evidence);
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            if (entry.deployedAt() == null
                    || entry.deployedAt().isBefore(from)
                    || entry.deployedAt().isAfter(to)) {
                continue;
            }
            Integer previous = i > 0 ? (int) history.get(i - 1).id() : null;
            Optional<RevisionMetadata> metadata = lookup.find(entry.revision());
            String author = metadata.map(RevisionMetadata::authorName)
                    .filter(name -> !name.isEmpty())
                    .orElse(entry.initiatedBy());
            evidence.change(new ChangeEvent(
                    entry.deployedAt(),
                    ArgoCdClient.SOURCE,
                    ChangeKind.SYNC,
                    app.ref(),
                    (int) entry.id(),
                    previous,
                    author,
                    detail(app.name(), entry, metadata),
                    List.of()));
        }
        app.operation().filter(OperationState::failed).ifPresent(op -> failedOperation(app, op, from, to, evidence));
    }

    private static void failedOperation(
            Application app, OperationState op, Instant from, Instant to, SourceEvidence.Builder evidence) {
        Instant at = op.finishedAt() != null ? op.finishedAt() : op.startedAt();
        if (at == null || at.isBefore(from) || at.isAfter(to)) {
            return;
        }
        Integer current =
                app.history().isEmpty() ? null : (int) app.history().getLast().id();
        String detail = "Argo CD sync of " + app.name() + " to " + Revisions.describe(op.revision()) + " "
                + op.phase().toLowerCase(Locale.ROOT)
                + (op.message().isEmpty() ? "" : ": " + shorten(op.message()));
        evidence.change(new ChangeEvent(
                at,
                ArgoCdClient.SOURCE,
                ChangeKind.SYNC,
                app.ref(),
                null,
                current,
                op.initiatedBy(),
                detail,
                List.of()));
    }

    /** {@code Argo CD sync of checkout to git abc1234 ("lower memory" by alice)}. */
    static String detail(String app, HistoryEntry entry, Optional<RevisionMetadata> metadata) {
        String base = "Argo CD sync of " + app + " to " + Revisions.describe(entry.revision());
        if (metadata.isPresent()) {
            RevisionMetadata commit = metadata.get();
            String by = commit.authorName().isEmpty() ? "" : " by " + commit.authorName();
            return base + " (\"" + commit.subject() + "\"" + by + ")";
        }
        if (!entry.initiatedBy().isEmpty()) {
            return base + " (initiated by " + entry.initiatedBy() + ")";
        }
        return entry.automated() ? base + " (automated)" : base;
    }

    static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Looks up commits, tolerating a repo server that does not know them; other failures become one gap. */
    private final class MetadataLookup {
        private final String application;
        private final ToolContext context;
        private final SourceEvidence.Builder evidence;
        private int lookups;
        private boolean failed;

        MetadataLookup(String application, ToolContext context, SourceEvidence.Builder evidence) {
            this.application = application;
            this.context = context;
            this.evidence = evidence;
        }

        Optional<RevisionMetadata> find(String revision) {
            if (failed || revision.isEmpty() || !Revisions.isCommit(revision) || lookups >= MAX_METADATA_LOOKUPS) {
                return Optional.empty();
            }
            lookups++;
            try {
                return client.revisionMetadata(application, revision, context);
            } catch (SourceFailure failure) {
                failed = true;
                evidence.gap("argocd commit metadata of " + application + ": " + failure.getMessage());
                return Optional.empty();
            }
        }
    }
}
