package dev.opsbot.core.triage;

import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.investigation;
import static dev.opsbot.core.testing.triage.Evidence.logs;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static dev.opsbot.core.testing.triage.Evidence.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.result.SourceStatus;
import dev.opsbot.core.triage.result.TriageResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How triage asks its sources: in parallel, each under its own deadline, reporting every one by name. */
class TriageEngineSourcesTest {
    private final FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes");
    private final FakeEvidenceSource prometheus = FakeEvidenceSource.named("prometheus");
    private final Principal alice = Principal.of("alice@example.com");

    /** What a progress message would be built from. */
    static final class RecordingListener implements TriageListener {
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<SourceStatus> finished = new CopyOnWriteArrayList<>();
        final List<String> downstreams = new CopyOnWriteArrayList<>();

        @Override
        public void sourceStarted(String source) {
            started.add(source);
        }

        @Override
        public void sourceFinished(SourceStatus status) {
            finished.add(status);
        }

        @Override
        public void followingDownstream(String service) {
            downstreams.add(service);
        }

        Map<String, List<SourceStatus>> finishedBySource() {
            return finished.stream()
                    .collect(Collectors.groupingBy(SourceStatus::name, ConcurrentHashMap::new, Collectors.toList()));
        }
    }

    private void anOomScenario() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42))
                .change(rollout("checkout")
                        .at("02:31")
                        .revision(42)
                        .field("resources.limits.memory", "512Mi", "128Mi")
                        .build())
                .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                        .at("02:33")
                        .build()));
        prometheus.answering(
                "checkout",
                e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build()));
    }

    private TriageReport investigate(List<EvidenceSource> sources, Duration perSource, TriageListener listener) {
        ToolContext context = ToolContext.of(alice, Duration.ofSeconds(30), Clock.systemUTC());
        return new TriageEngine(sources, perSource)
                .investigate(investigation("checkout", SymptomKind.HTTP_5XX), context, listener);
    }

    private static Map<String, SourceStatus> byName(TriageResult result) {
        return result.sources().stream().collect(Collectors.toMap(SourceStatus::name, Function.identity()));
    }

    @Test
    void aForbiddenSourceIsReportedWithWhatItLacksAndTheOthersStillAnswer() {
        anOomScenario();
        FakeEvidenceSource argocd = FakeEvidenceSource.named("argocd")
                .failingWith(SourceFailure.forbidden("argocd", "applications.argoproj.io/get"));

        TriageResult result = investigate(
                        List.of(kubernetes, prometheus, argocd), Duration.ofSeconds(2), TriageListener.NONE)
                .result();

        SourceStatus status = byName(result).get("argocd");
        assertThat(status.status()).isEqualTo(SourceStatus.FAILED);
        assertThat(status.detail()).isEqualTo("this identity lacks permission applications.argoproj.io/get");
        assertThat(result.failedSources()).extracting(SourceStatus::name).containsExactly("argocd");
        assertThat(byName(result).get("kubernetes").status()).isEqualTo(SourceStatus.OK);
        assertThat(result.top().cause()).isEqualTo(Cause.OOM);
    }

    @Test
    void aSourceThatThrowsSomethingUnexpectedIsUnavailableNotACrash() {
        anOomScenario();
        EvidenceSource broken = new EvidenceSource() {
            @Override
            public String name() {
                return "github";
            }

            @Override
            public SourceEvidence collect(Investigation investigation, ToolContext context) {
                throw new IllegalStateException("rate limit bookkeeping corrupted");
            }
        };

        TriageResult result = investigate(
                        List.of(kubernetes, prometheus, broken), Duration.ofSeconds(2), TriageListener.NONE)
                .result();

        assertThat(byName(result).get("github"))
                .extracting(SourceStatus::status, SourceStatus::detail)
                .containsExactly(SourceStatus.FAILED, "github is unavailable: rate limit bookkeeping corrupted");
        assertThat(result.top().cause()).isEqualTo(Cause.OOM);
    }

    @Test
    void aSourceThatHangsIsCutOffAtItsTimeoutAndTheInvestigationDoesNotWaitForIt() {
        anOomScenario();
        FakeEvidenceSource cloudwatch = FakeEvidenceSource.named("cloudwatch")
                .sleeping(Duration.ofSeconds(10))
                .ignoringInterrupts();

        long started = System.nanoTime();
        TriageResult result = investigate(
                        List.of(kubernetes, prometheus, cloudwatch), Duration.ofSeconds(1), TriageListener.NONE)
                .result();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(2500));
        assertThat(byName(result).get("cloudwatch"))
                .extracting(SourceStatus::status, SourceStatus::detail)
                .containsExactly(SourceStatus.FAILED, "cloudwatch did not answer in 1 s");
        assertThat(result.top().cause()).isEqualTo(Cause.OOM);
    }

    @Test
    void aSourceThatOverrunsIsInterrupted() {
        FakeEvidenceSource cloudwatch = FakeEvidenceSource.named("cloudwatch").sleeping(Duration.ofSeconds(10));

        investigate(List.of(kubernetes, cloudwatch), Duration.ofMillis(300), TriageListener.NONE);

        assertThat(cloudwatch.wasInterruptedWithin(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void eachSourceGetsAContextThatEndsAtItsOwnTimeout() {
        Instant before = Instant.now();

        investigate(List.of(kubernetes), Duration.ofSeconds(2), TriageListener.NONE);

        Instant deadline = kubernetes.contexts().getFirst().deadline();
        assertThat(deadline).isBetween(before.plusSeconds(2), Instant.now().plusSeconds(2));
    }

    @Test
    void aSourceNeverGetsMoreTimeThanTheInvestigationHasLeft() {
        ToolContext context = ToolContext.of(alice, Duration.ofMillis(500), Clock.systemUTC());
        FakeEvidenceSource slow = FakeEvidenceSource.named("cloudwatch").sleeping(Duration.ofSeconds(10));

        long started = System.nanoTime();
        TriageReport report = new TriageEngine(List.of(kubernetes, slow), Duration.ofSeconds(5))
                .investigate(investigation("checkout", SymptomKind.HTTP_5XX), context, TriageListener.NONE);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThat(slow.contexts().getFirst().deadline()).isEqualTo(context.deadline());
        assertThat(byName(report.result()).get("cloudwatch").status()).isEqualTo(SourceStatus.FAILED);
    }

    @Test
    void aSourceWithGapsIsPartialAndSaysWhatItCouldNotCheck() {
        anOomScenario();
        prometheus.answering("checkout", e -> e.signal(
                        series(SignalName.ERROR_RATIO).step(0.001, "02:33", 0.2).build())
                .gap("latency_p99: query timed out")
                .gap("cpu_throttling: no cAdvisor metrics"));

        TriageResult result = investigate(List.of(kubernetes, prometheus), Duration.ofSeconds(2), TriageListener.NONE)
                .result();

        assertThat(byName(result).get("prometheus"))
                .extracting(SourceStatus::status, SourceStatus::detail)
                .containsExactly(
                        SourceStatus.PARTIAL, "latency_p99: query timed out; cpu_throttling: no cAdvisor metrics");
        assertThat(result.symptom().onset()).isNotNull();
    }

    @Test
    void sourcesAreReportedInNameOrder() {
        List<EvidenceSource> sources = List.of(
                FakeEvidenceSource.named("prometheus"),
                FakeEvidenceSource.named("argocd"),
                FakeEvidenceSource.named("kubernetes"));

        TriageResult result =
                investigate(sources, Duration.ofSeconds(2), TriageListener.NONE).result();

        assertThat(result.sources())
                .extracting(SourceStatus::name)
                .containsExactly("argocd", "kubernetes", "prometheus");
    }

    @Test
    void sourcesAreAskedInParallel() {
        List<EvidenceSource> sources = List.of("kubernetes", "prometheus", "cloudwatch", "argocd", "github").stream()
                .<EvidenceSource>map(name -> FakeEvidenceSource.named(name).sleeping(Duration.ofMillis(300)))
                .toList();

        long started = System.nanoTime();
        TriageResult result =
                investigate(sources, Duration.ofSeconds(2), TriageListener.NONE).result();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // one after another would take 1.5 s
        assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
        assertThat(result.sources()).hasSize(5).allSatisfy(s -> assertThat(s.status())
                .isEqualTo(SourceStatus.OK));
    }

    @Test
    void theListenerSeesEverySourceStartAndFinishOnce() {
        anOomScenario();
        FakeEvidenceSource argocd = FakeEvidenceSource.named("argocd")
                .failingWith(SourceFailure.forbidden("argocd", "applications.argoproj.io/get"));
        RecordingListener listener = new RecordingListener();

        investigate(List.of(kubernetes, prometheus, argocd), Duration.ofSeconds(2), listener);

        assertThat(listener.started).containsExactlyInAnyOrder("kubernetes", "prometheus", "argocd");
        assertThat(listener.finished)
                .extracting(SourceStatus::name, SourceStatus::status)
                .containsExactlyInAnyOrder(
                        tuple("kubernetes", SourceStatus.OK),
                        tuple("prometheus", SourceStatus.OK),
                        tuple("argocd", SourceStatus.FAILED));
    }

    @Test
    void aSourceCutOffAtItsTimeoutIsReportedFinishedOnceEvenWhenItStopsLater() throws InterruptedException {
        FakeEvidenceSource cloudwatch = FakeEvidenceSource.named("cloudwatch").sleeping(Duration.ofSeconds(10));
        RecordingListener listener = new RecordingListener();

        investigate(List.of(kubernetes, cloudwatch), Duration.ofMillis(300), listener);
        assertThat(cloudwatch.wasInterruptedWithin(Duration.ofSeconds(1))).isTrue();
        Thread.sleep(200); // let the interrupted source run to its end

        assertThat(listener.finishedBySource().get("cloudwatch"))
                .singleElement()
                .satisfies(s -> assertThat(s.detail()).isEqualTo("cloudwatch did not answer in 300 ms"));
    }

    @Test
    void theListenerIsToldWhichDownstreamIsFollowed() {
        kubernetes.answering("checkout", e -> e.inventory(inventory("checkout", 42, "payments"))
                .logs(logs("checkout-1", "2026-03-10T02:33:00Z ERROR upstream payments returned 503")));
        RecordingListener listener = new RecordingListener();

        investigate(List.of(kubernetes), Duration.ofSeconds(2), listener);

        assertThat(listener.downstreams).containsExactly("payments");
        assertThat(listener.started).containsExactly("kubernetes");
    }
}
