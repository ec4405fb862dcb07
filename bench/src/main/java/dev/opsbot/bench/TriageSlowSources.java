package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.DelayedProxy;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.Percentiles;
import dev.opsbot.bench.internal.PrometheusEndpoint;
import dev.opsbot.bench.internal.TriageRuns;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageEngine;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.SourceStatus;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioServer;
import dev.opsbot.scenario.Scenarios;
import dev.opsbot.tools.argocd.ArgoCdClient;
import dev.opsbot.tools.argocd.ArgoCdEvidence;
import dev.opsbot.tools.github.GitHubClient;
import dev.opsbot.tools.github.GitHubEvidence;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.kubernetes.KubernetesEvidence;
import dev.opsbot.tools.prometheus.PrometheusClient;
import dev.opsbot.tools.signals.MetricsEvidence;
import dev.opsbot.tools.signals.SignalQueries;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Triage when every live source is slow: the bundled scenario served in this JVM (fabric8's mock API server, the
 * Argo CD / GitHub endpoints, its metrics behind a minimal Prometheus HTTP API), and in front of each upstream a
 * WireMock proxy that holds every answer back by {@code --delay}. The production sources (fabric8, PrometheusClient,
 * ArgoCdClient, GitHubClient) talk to the proxies; the engine asks them in parallel. The same runs with no delay are
 * the baseline. Per investigation it counts each upstream's requests and how many of them had to happen one after
 * another (from the proxies' own arrival and answer times), which is what the delay multiplies.
 */
public final class TriageSlowSources {
    private static final String USAGE = """
            usage: TriageSlowSources [--delay 500ms] [--runs 10] [--warmup 2] [--target 1.5s] [--source-timeout 5s]
                                     [--budget 20s] [--no-baseline]
              In this JVM: the bundled scenario, one WireMock proxy per upstream (Kubernetes, Prometheus, Argo CD,
              GitHub) adding --delay to every answer, the production sources pointed at the proxies, TriageEngine
              with --source-timeout per source. --warmup runs, then --runs measured, first with no delay (baseline,
              unless --no-baseline), then with --delay. Target: p50 and max < --target with the delay.
              Exit 0 when every answer was right (met or MISSED is in the RESULT line), 1 when an answer was wrong,
              a source failed, or the run broke.""";
    private static final List<String> UPSTREAMS = List.of("kubernetes", "prometheus", "argocd", "github");

    private TriageSlowSources() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    /** One measured investigation: its time, each source's own millis, each upstream's requests. */
    record Run(double millis, Map<String, Long> sourceMillis, Map<String, List<DelayedProxy.Request>> requests) {}

    /** The figures of one delay setting. */
    record Phase(int delayMillis, List<Run> runs) {}

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv,
                Set.of("delay", "runs", "warmup", "target", "source-timeout", "budget"),
                Set.of("no-baseline"),
                USAGE);
        int delay = (int) args.duration("delay", Duration.ofMillis(500), Duration.ofSeconds(30))
                .toMillis();
        int runs = args.integer("runs", 10, 1, 1_000);
        int warmup = args.integer("warmup", 2, 0, 100);
        Duration target = args.duration("target", Duration.ofMillis(1500), Duration.ofMinutes(5));
        Duration sourceTimeout = args.duration("source-timeout", Duration.ofSeconds(5), Duration.ofMinutes(1));
        Duration budget = args.duration("budget", Duration.ofSeconds(20), Duration.ofMinutes(5));
        proxyWarning();

        System.out.println("TriageSlowSources: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        Scenario scenario = Scenarios.bundled();
        List<String> failures = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        try (ScenarioServer server = ScenarioServer.start(scenario);
                PrometheusEndpoint prometheus = PrometheusEndpoint.start(server.metrics())) {
            Map<String, String> upstreams = new LinkedHashMap<>();
            upstreams.put("kubernetes", server.kubernetesUrl());
            upstreams.put("prometheus", prometheus.url());
            upstreams.put("argocd", server.argocdUrl());
            upstreams.put("github", server.githubUrl());
            System.out.println("  scenario " + scenario.name() + ": \"" + scenario.question() + "\" in "
                    + scenario.namespace() + "; upstreams " + upstreams);
            List<Integer> delays = args.flag("no-baseline") || delay == 0 ? List.of(delay) : List.of(0, delay);
            for (int d : delays) {
                phases.add(phase(scenario, upstreams, d, warmup, runs, sourceTimeout, budget, failures));
                if (!failures.isEmpty()) {
                    break;
                }
            }
        }
        if (failures.isEmpty()) {
            Phase measured = phases.getLast();
            Percentiles total =
                    Percentiles.of(measured.runs().stream().map(Run::millis).toList());
            boolean met = total.p50() < target.toMillis() && total.max() < target.toMillis();
            String baseline = phases.size() > 1
                    ? String.format(
                            Locale.ROOT,
                            "; no delay: p50 %.0f ms",
                            Percentiles.of(phases.getFirst().runs().stream()
                                            .map(Run::millis)
                                            .toList())
                                    .p50())
                    : "";
            System.out.printf(
                    Locale.ROOT,
                    "RESULT TriageSlowSources: every source delayed %d ms: triage p50 %.0f ms, max %.0f ms (n=%d)%s;"
                            + " target p50 and max < %d ms: %s%n",
                    delay,
                    total.p50(),
                    total.max(),
                    total.n(),
                    baseline,
                    target.toMillis(),
                    met ? "met" : "MISSED");
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private static Phase phase(
            Scenario scenario,
            Map<String, String> upstreams,
            int delay,
            int warmup,
            int runs,
            Duration sourceTimeout,
            Duration budget,
            List<String> failures) {
        Map<String, DelayedProxy> proxies = new LinkedHashMap<>();
        KubernetesAccess kubernetes = null;
        try {
            upstreams.forEach((name, url) -> proxies.put(name, DelayedProxy.start(name, url, delay)));
            kubernetes = new KubernetesAccess(
                    new ConfigBuilder(Config.empty())
                            .withMasterUrl(proxies.get("kubernetes").url() + "/")
                            .withNamespace(scenario.namespace())
                            .withTrustCerts(true)
                            .withHttp2Disable(true)
                            .build(),
                    false);
            TriageEngine engine =
                    new TriageEngine(sources(scenario, proxies, kubernetes, sourceTimeout), sourceTimeout);
            Investigation investigation = new Investigation(
                    scenario.question(),
                    scenario.namespace(),
                    scenario.service(),
                    SymptomKind.HTTP_5XX,
                    scenario.now(),
                    Investigation.DEFAULT_WINDOW);
            System.out.printf(
                    Locale.ROOT,
                    "%n  delay %d ms on every upstream (WireMock proxies %s); %d warm-up + %d measured runs%n",
                    delay,
                    proxies.values().stream().map(DelayedProxy::url).toList(),
                    warmup,
                    runs);
            List<Run> measured = new ArrayList<>();
            CpuMeter cpu = null;
            for (int i = 0; i < warmup + runs; i++) {
                if (i == warmup) {
                    cpu = CpuMeter.start();
                }
                ToolContext context = ToolContext.of(Principal.of("bench"), budget, Clock.systemUTC());
                long start = System.nanoTime();
                TriageReport report = engine.investigate(investigation, context, TriageListener.NONE);
                double millis = (System.nanoTime() - start) / 1e6;
                Map<String, List<DelayedProxy.Request>> requests = new LinkedHashMap<>();
                proxies.forEach((name, proxy) -> requests.put(name, proxy.drain()));
                Map<String, Long> sourceMillis = new LinkedHashMap<>();
                report.result().sources().forEach(s -> sourceMillis.put(s.name(), s.millis()));
                String label = i < warmup ? "warm-up " + (i + 1) : "run " + (i - warmup + 1);
                System.out.printf(
                        Locale.ROOT,
                        "    %-9s %5.0f ms: %s; requests %s%n",
                        label,
                        millis,
                        TriageRuns.sources(report),
                        counts(requests));
                TriageRuns.wrongAnswer(scenario, report)
                        .ifPresent(w -> failures.add(label + ", delay " + delay + ": " + w));
                report.result().failedSources().stream()
                        .map(SourceStatus::name)
                        .forEach(s -> failures.add(label + ", delay " + delay + ": source " + s + " failed"));
                if (i >= warmup) {
                    measured.add(new Run(millis, sourceMillis, requests));
                }
                if (i == warmup + runs - 1) {
                    System.out.println("    answer: " + TriageRuns.answer(report));
                }
            }
            report(delay, measured);
            System.out.println("    " + cpu.report());
            return new Phase(delay, measured);
        } finally {
            if (kubernetes != null) {
                kubernetes.close();
            }
            proxies.values().forEach(DelayedProxy::close);
        }
    }

    private static List<EvidenceSource> sources(
            Scenario scenario, Map<String, DelayedProxy> proxies, KubernetesAccess kubernetes, Duration timeout) {
        List<EvidenceSource> sources = new ArrayList<>();
        sources.add(new KubernetesEvidence(kubernetes));
        sources.add(new MetricsEvidence(
                "prometheus",
                PrometheusClient.builder(URI.create(proxies.get("prometheus").url()))
                        .timeout(timeout)
                        .build(),
                SignalQueries.defaults(),
                MetricsEvidence.DEFAULT_STEP));
        sources.add(new ArgoCdEvidence(
                new ArgoCdClient(URI.create(proxies.get("argocd").url()), p -> "token")));
        List<String> owners = new ArrayList<>();
        scenario.githubRuns().keySet().forEach(repo -> owners.add(repo.substring(0, repo.indexOf('/'))));
        scenario.githubDeployments().keySet().forEach(repo -> owners.add(repo.substring(0, repo.indexOf('/'))));
        sources.add(new GitHubEvidence(
                new GitHubClient(URI.create(proxies.get("github").url()), p -> "token"),
                Map.of(),
                owners.stream().distinct().toList()));
        return sources;
    }

    private static String counts(Map<String, List<DelayedProxy.Request>> requests) {
        Map<String, String> counts = new LinkedHashMap<>();
        requests.forEach(
                (name, list) -> counts.put(name, list.size() + "/" + DelayedProxy.sequentialRoundTrips(list) + " seq"));
        return counts.toString();
    }

    private static void report(int delay, List<Run> runs) {
        Percentiles total = Percentiles.of(runs.stream().map(Run::millis).toList());
        System.out.println("    whole investigation:  " + total.format());
        Map<String, List<Double>> bySource = new TreeMap<>();
        runs.forEach(
                r -> r.sourceMillis().forEach((source, ms) -> bySource.computeIfAbsent(source, k -> new ArrayList<>())
                        .add((double) ms)));
        bySource.forEach((source, ms) -> System.out.printf(
                Locale.ROOT,
                "    source %-11s %s%n",
                source + ":",
                Percentiles.of(ms).format()));
        double serial = 0;
        int deepest = 0;
        for (String upstream : UPSTREAMS) {
            List<Double> count = new ArrayList<>();
            List<Double> sequential = new ArrayList<>();
            for (Run r : runs) {
                List<DelayedProxy.Request> requests = r.requests().getOrDefault(upstream, List.of());
                count.add((double) requests.size());
                sequential.add((double) DelayedProxy.sequentialRoundTrips(requests));
            }
            Percentiles c = Percentiles.of(count);
            Percentiles s = Percentiles.of(sequential);
            serial += c.p50() * delay;
            deepest = Math.max(deepest, (int) s.p50());
            System.out.printf(
                    Locale.ROOT,
                    "    upstream %-11s %.0f requests per investigation (min %.0f, max %.0f), %.0f of them one after"
                            + " another (min %.0f, max %.0f)%s%n",
                    upstream + ":",
                    c.p50(),
                    c.min(),
                    c.max(),
                    s.p50(),
                    s.min(),
                    s.max(),
                    delay == 0 ? " (with no delay, requests of one phase need not overlap: see the delayed runs)" : "");
        }
        if (delay > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "    serial lower bound (sum of requests x %d ms): %.0f ms; parallel lower bound (longest chain of"
                            + " sequential requests x %d ms): %d ms; measured p50 %.0f ms%n",
                    delay,
                    serial,
                    delay,
                    deepest * delay,
                    total.p50());
        }
        Run last = runs.getLast();
        long origin = last.requests().values().stream()
                .flatMap(List::stream)
                .mapToLong(DelayedProxy.Request::startNanos)
                .min()
                .orElse(0);
        System.out.println("    requests of the last run (ms after its first request: arrived - answered):");
        last.requests().forEach((upstream, requests) -> {
            for (DelayedProxy.Request r : requests) {
                String url = r.url().length() > 100 ? r.url().substring(0, 100) + "..." : r.url();
                System.out.printf(
                        Locale.ROOT,
                        "      %5.0f - %5.0f  %-10s %s %s%n",
                        (r.startNanos() - origin) / 1e6,
                        (r.endNanos() - origin) / 1e6,
                        upstream,
                        r.method(),
                        url);
            }
        });
    }

    /** The clients here must reach 127.0.0.1 directly; say so when the environment names a proxy. */
    private static void proxyWarning() {
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                System.out.println("  note: " + name + " is set; the clients here are configured without a proxy"
                        + " (fabric8 from Config.empty(), the JDK HttpClient from the default ProxySelector)");
            }
        }
        for (String property : List.of("http.proxyHost", "https.proxyHost")) {
            if (System.getProperty(property) != null) {
                throw new IllegalStateException("-D" + property + " is set: the JDK clients would send the loopback"
                        + " requests through it; run without it");
            }
        }
    }
}
