package dev.opsbot.app.triage;

import dev.opsbot.core.triage.TriageService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A triage backend that starts on its own thread, so that loading a scenario or building cloud clients overlaps the
 * database migration and the HTTP server start instead of adding to them. The application waits for it before it
 * reports ready; a backend that fails to start fails the start-up with its own message.
 */
public final class StartingTriage implements TriageBackend {
    private final CompletableFuture<TriageBackend> started;

    private StartingTriage(CompletableFuture<TriageBackend> started) {
        this.started = started;
    }

    public static StartingTriage begin(Supplier<TriageBackend> starter) {
        return new StartingTriage(CompletableFuture.supplyAsync(
                starter, command -> Thread.ofPlatform().name("triage-start").start(command)));
    }

    /** Waits until the backend is up; rethrows what stopped it. */
    public void awaitStarted() {
        backend();
    }

    private TriageBackend backend() {
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public TriageService service() {
        return backend().service();
    }

    @Override
    public Actions actions(
            java.util.function.Function<dev.opsbot.core.approval.Proposal, dev.opsbot.core.identity.Principal> reader,
            java.time.Duration verifyWindow) {
        return backend().actions(reader, verifyWindow);
    }

    @Override
    public java.util.List<dev.opsbot.core.tool.Tool> readTools() {
        return backend().readTools();
    }

    @Override
    public String description() {
        return backend().description();
    }

    @Override
    public void close() {
        // a backend still starting is closed as soon as it is up, so nothing it opens outlives the application
        started.whenComplete((backend, failure) -> {
            if (backend != null) {
                backend.close();
            }
        });
        if (started.isDone() && !started.isCompletedExceptionally()) {
            started.join();
        }
    }
}
