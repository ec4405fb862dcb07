package dev.opsbot.core.testing.triage;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.Inventory;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.LogAnalyzer;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.LogLine;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.SymptomKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data for triage on one incident day: the investigation clock is {@link #NOW} (2026-03-10 03:00 UTC), the
 * window the hour before it, the namespace {@code shop}. Times are written as on-call engineers say them
 * ({@code at("02:31")}). Builders start from sensible defaults (source {@code kubernetes} for changes, findings and
 * logs, {@code prometheus} for series) so a test states only what its scenario is about.
 */
public final class Evidence {
    public static final String NAMESPACE = "shop";
    public static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    public static final Duration WINDOW = Investigation.DEFAULT_WINDOW;
    public static final Instant FROM = NOW.minus(WINDOW);
    private static final String DAY = "2026-03-10T";

    private Evidence() {}

    /** {@code "02:31"} or {@code "02:31:04"} on the incident day, UTC. */
    public static Instant at(String clock) {
        return Instant.parse(DAY + (clock.length() == 5 ? clock + ":00" : clock) + "Z");
    }

    public static Investigation investigation(String service, SymptomKind symptom) {
        return new Investigation(
                "why is " + service + " " + words(symptom) + "?", NAMESPACE, service, symptom, NOW, WINDOW);
    }

    private static String words(SymptomKind symptom) {
        return switch (symptom) {
            case HTTP_5XX -> "5xx";
            case LATENCY -> "slow";
            case RESTARTS -> "restarting";
            case DOWN -> "down";
        };
    }

    public static ObjectRef ref(String kind, String name) {
        return ObjectRef.of(kind, NAMESPACE, name);
    }

    public static ObjectRef deployment(String name) {
        return ref("Deployment", name);
    }

    public static ObjectRef pod(String name) {
        return ref("Pod", name);
    }

    public static ObjectRef node(String name) {
        return ObjectRef.of("Node", "", name);
    }

    /** What a Kubernetes source knows: {@code workload} is served by a Deployment of that name, among the others. */
    public static Inventory inventory(String workload, Integer currentRevision, String... otherNames) {
        return inventory(deployment(workload), currentRevision, otherNames);
    }

    public static Inventory inventory(ObjectRef workload, Integer currentRevision, String... otherNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add(workload.name());
        names.addAll(Arrays.asList(otherNames));
        return new Inventory(true, names, workload, currentRevision);
    }

    /** A source that lists the namespace but finds no workload for the investigated service. */
    public static Inventory inventoryWithout(String... names) {
        return new Inventory(true, Set.of(names), null, null);
    }

    // ---- changes

    /** A rollout of Deployment shop/{@code deployment}; set its time, revisions and fields. */
    public static ChangeBuilder rollout(String deployment) {
        return new ChangeBuilder(ChangeKind.ROLLOUT, deployment(deployment));
    }

    public static ChangeBuilder change(ChangeKind kind, ObjectRef target) {
        return new ChangeBuilder(kind, target);
    }

    public static final class ChangeBuilder {
        private final ChangeKind kind;
        private final ObjectRef target;
        private Instant at = Evidence.at("02:30");
        private String source = "kubernetes";
        private Integer revision;
        private Integer previousRevision;
        private String author = "";
        private String detail;
        private final List<FieldChange> fields = new ArrayList<>();

        private ChangeBuilder(ChangeKind kind, ObjectRef target) {
            this.kind = kind;
            this.target = target;
        }

        public ChangeBuilder at(String clock) {
            this.at = Evidence.at(clock);
            return this;
        }

        public ChangeBuilder source(String value) {
            this.source = value;
            return this;
        }

        /** The revision this change produced; the previous one (what a rollback returns to) is one less. */
        public ChangeBuilder revision(int value) {
            return revisions(value, value - 1);
        }

        public ChangeBuilder revisions(Integer value, Integer previous) {
            this.revision = value;
            this.previousRevision = previous;
            return this;
        }

        public ChangeBuilder author(String value) {
            this.author = value;
            return this;
        }

        public ChangeBuilder detail(String value) {
            this.detail = value;
            return this;
        }

        /** A field of the main container ({@code app}) changed. */
        public ChangeBuilder field(String field, String before, String after) {
            return field("app", field, before, after);
        }

        public ChangeBuilder field(String container, String field, String before, String after) {
            fields.add(new FieldChange(container, field, before, after));
            return this;
        }

        public ChangeBuilder image(String before, String after) {
            return field("image", before, after);
        }

        public ChangeEvent build() {
            String text = detail != null
                    ? detail
                    : kind == ChangeKind.ROLLOUT
                            ? "rollout of " + target.name() + " to revision " + revision
                            : kind.name().toLowerCase().replace('_', ' ') + " of " + target.display();
            return new ChangeEvent(at, source, kind, target, revision, previousRevision, author, text, fields);
        }
    }

    // ---- findings

    public static FindingBuilder finding(FindingKind kind, ObjectRef subject) {
        return new FindingBuilder(kind, subject);
    }

    public static final class FindingBuilder {
        private final FindingKind kind;
        private final ObjectRef subject;
        private Instant at = Evidence.at("02:33");
        private String source = "kubernetes";
        private String detail;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private FindingBuilder(FindingKind kind, ObjectRef subject) {
            this.kind = kind;
            this.subject = subject;
        }

        public FindingBuilder at(String clock) {
            this.at = Evidence.at(clock);
            return this;
        }

        public FindingBuilder source(String value) {
            this.source = value;
            return this;
        }

        public FindingBuilder detail(String value) {
            this.detail = value;
            return this;
        }

        public FindingBuilder attr(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public Finding build() {
            String text = detail != null ? detail : subject.display() + ": " + kind + " " + attributes;
            return new Finding(at, source, kind, subject, text, attributes);
        }
    }

    // ---- series

    /** A series of {@code signal} sampled every minute over the window, from the prometheus source. */
    public static SeriesBuilder series(SignalName signal) {
        return new SeriesBuilder(signal);
    }

    public static final class SeriesBuilder {
        private final SignalName signal;
        private String source = "prometheus";
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Instant start = FROM;
        private Duration step = Duration.ofMinutes(1);
        private final List<Sample> samples = new ArrayList<>();

        private SeriesBuilder(SignalName signal) {
            this.signal = signal;
        }

        public SeriesBuilder source(String value) {
            this.source = value;
            return this;
        }

        public SeriesBuilder label(String name, String value) {
            labels.put(name, value);
            return this;
        }

        public SeriesBuilder startingAt(String clock) {
            this.start = at(clock);
            return this;
        }

        public SeriesBuilder every(Duration value) {
            this.step = value;
            return this;
        }

        /** Samples one step apart from the start, in order. */
        public SeriesBuilder values(double... values) {
            for (double value : values) {
                samples.add(new Sample(start.plus(step.multipliedBy(samples.size())), value));
            }
            return this;
        }

        /** {@code before} until {@code change}, {@code after} from then on, over the whole window. */
        public SeriesBuilder step(double before, String change, double after) {
            Instant switchAt = at(change);
            for (Instant t = start; !t.isAfter(NOW); t = t.plus(step)) {
                samples.add(new Sample(t, t.isBefore(switchAt) ? before : after));
            }
            return this;
        }

        /** {@code value} over the whole window. */
        public SeriesBuilder flat(double value) {
            for (Instant t = start; !t.isAfter(NOW); t = t.plus(step)) {
                samples.add(new Sample(t, value));
            }
            return this;
        }

        /** Replaces the sample at {@code clock} (which must exist) with {@code value}. */
        public SeriesBuilder with(String clock, double value) {
            Instant t = at(clock);
            for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).at().equals(t)) {
                    samples.set(i, new Sample(t, value));
                    return this;
                }
            }
            throw new IllegalArgumentException("no sample at " + clock);
        }

        public List<Sample> samples() {
            return List.copyOf(samples);
        }

        public SignalSeries build() {
            return new SignalSeries(signal, source, labels, samples);
        }
    }

    // ---- logs

    /** A log signature as a source would report it; count 1 and no time unless told. */
    public static LogBuilder log(LogCategory category, String signature) {
        return new LogBuilder(category, signature);
    }

    public static final class LogBuilder {
        private final LogCategory category;
        private final String signature;
        private String source = "kubernetes";
        private String downstream = "";
        private int count = 1;
        private Instant first;
        private Instant last;
        private String sample;
        private final Set<String> pods = new LinkedHashSet<>();

        private LogBuilder(LogCategory category, String signature) {
            this.category = category;
            this.signature = signature;
        }

        public LogBuilder source(String value) {
            this.source = value;
            return this;
        }

        public LogBuilder downstream(String value) {
            this.downstream = value;
            return this;
        }

        public LogBuilder count(int value) {
            this.count = value;
            return this;
        }

        /** First seen at {@code clock}; last seen too unless {@link #until} says otherwise. */
        public LogBuilder since(String clock) {
            this.first = at(clock);
            if (last == null) {
                last = first;
            }
            return this;
        }

        public LogBuilder until(String clock) {
            this.last = at(clock);
            return this;
        }

        public LogBuilder sample(String value) {
            this.sample = value;
            return this;
        }

        public LogBuilder pod(String value) {
            pods.add(value);
            return this;
        }

        public LogSignature build() {
            return new LogSignature(
                    source,
                    category,
                    signature,
                    downstream,
                    count,
                    first,
                    last,
                    sample == null ? signature : sample,
                    pods.isEmpty() ? Set.of("pod-0") : pods);
        }
    }

    /**
     * Log signatures exactly as {@link LogAnalyzer} makes them from raw lines of one pod over the window: the way to
     * put realistic application output into a scenario.
     */
    public static List<LogSignature> logs(String pod, String... rawLines) {
        List<LogLine> lines = new ArrayList<>();
        for (String raw : rawLines) {
            lines.add(LogAnalyzer.parse(pod, "app", raw));
        }
        return LogAnalyzer.signatures("kubernetes", lines, FROM, NOW, 20);
    }
}
