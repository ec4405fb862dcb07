package dev.opsbot.core.testing.triage;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SourceEvidence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An {@link EvidenceSource} that answers what it is told, per service ({@code investigation.service()}), so that one
 * fake serves both the investigated service and the downstreams triage follows. It can instead fail with a given
 * {@link SourceFailure}, and can take its time first (a sleep that honours interrupts, or one that ignores them). A
 * service it was told nothing about gets empty evidence. Configure before use; calls may come from any thread.
 */
public final class FakeEvidenceSource implements EvidenceSource {
    private final String name;
    private final Map<String, SourceEvidence> byService = new ConcurrentHashMap<>();
    private final List<Investigation> asked = new CopyOnWriteArrayList<>();
    private final List<ToolContext> contexts = new CopyOnWriteArrayList<>();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private volatile SourceEvidence fallback;
    private volatile SourceFailure failure;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean ignoreInterrupts;

    private FakeEvidenceSource(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.fallback = SourceEvidence.builder(name).build();
    }

    public static FakeEvidenceSource named(String name) {
        return new FakeEvidenceSource(name);
    }

    /** Answers {@code evidence} about any service it has no specific answer for. */
    public FakeEvidenceSource answering(SourceEvidence evidence) {
        fallback = own(evidence);
        return this;
    }

    /** Answers, about any service, the evidence {@code fill} puts into a builder named after this source. */
    public FakeEvidenceSource answering(Consumer<SourceEvidence.Builder> fill) {
        return answering(build(fill));
    }

    /** Answers {@code evidence} when asked about {@code service}. */
    public FakeEvidenceSource answering(String service, SourceEvidence evidence) {
        byService.put(service, own(evidence));
        return this;
    }

    public FakeEvidenceSource answering(String service, Consumer<SourceEvidence.Builder> fill) {
        return answering(service, build(fill));
    }

    /** Throws {@code failure} on every call (after the delay, if any). */
    public FakeEvidenceSource failingWith(SourceFailure failure) {
        this.failure = failure;
        return this;
    }

    /** Sleeps {@code delay} before answering; an interrupt ends the sleep with a TIMEOUT failure. */
    public FakeEvidenceSource sleeping(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Sleeps the whole delay even when interrupted, like a client stuck in a read that ignores interrupts. */
    public FakeEvidenceSource ignoringInterrupts() {
        this.ignoreInterrupts = true;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SourceEvidence collect(Investigation investigation, ToolContext context) {
        asked.add(investigation);
        contexts.add(context);
        takeTime();
        if (failure != null) {
            throw failure;
        }
        return byService.getOrDefault(investigation.service(), fallback);
    }

    /** The investigations this source was asked, in the order they came. */
    public List<Investigation> asked() {
        return List.copyOf(asked);
    }

    /** The services this source was asked about, in the order they came. */
    public List<String> askedAbout() {
        return asked.stream().map(Investigation::service).toList();
    }

    /** The contexts it was called with (their deadlines show the per-source budget). */
    public List<ToolContext> contexts() {
        return List.copyOf(contexts);
    }

    /** Whether a sleep was interrupted within {@code wait}. */
    public boolean wasInterruptedWithin(Duration wait) {
        try {
            return interrupted.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void takeTime() {
        long until = System.nanoTime() + delay.toNanos();
        boolean wasInterrupted = false;
        try {
            while (true) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    if (!ignoreInterrupts) {
                        Thread.currentThread().interrupt();
                        throw new SourceFailure(name, SourceFailure.Kind.TIMEOUT, name + " was interrupted", e);
                    }
                    wasInterrupted = true;
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SourceEvidence build(Consumer<SourceEvidence.Builder> fill) {
        SourceEvidence.Builder builder = SourceEvidence.builder(name);
        fill.accept(builder);
        return builder.build();
    }

    private SourceEvidence own(SourceEvidence evidence) {
        if (!evidence.source().equals(name)) {
            throw new IllegalArgumentException(
                    "source '" + name + "' cannot answer evidence collected by '" + evidence.source() + "'");
        }
        return evidence;
    }
}
