package dev.opsbot.bench.jmh;

import dev.opsbot.bench.internal.BenchIdentity;
import dev.opsbot.bench.internal.StsStubServer;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.identity.sts.StsCredentialBroker;
import dev.opsbot.identity.sts.StsSettings;
import dev.opsbot.tools.cloudwatch.CloudWatchConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A credential cache hit: {@link StsCredentialBroker#forRead} for a person, role and thread whose read session is
 * already cached. The broker is the production one over the production STS client ({@code StsClients.create})
 * pointed at a WireMock STS in this JVM; the set-up's first call fills the cache, and the tear-down fails the run if
 * any measured call reached STS. {@code toolCredentials} is what a CloudWatch tool does per call on top: the
 * request's {@code ToolContext.cloud()} (Acting's) through {@code CloudWatchConnection.personsSession()} to the SDK
 * credentials provider. {@code forReadTwoThreads}: two threads hitting the same entry at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime}) // the exact mean, and percentiles of timed single calls
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms256m", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CredentialCacheBenchmark {
    private StsStubServer sts;
    private StsClient client;
    private StsCredentialBroker broker;
    private Identity person;
    private RequestOrigin origin;
    private ToolContext context;
    private final Function<ToolContext, AwsCredentialsProvider> personsSession = CloudWatchConnection.personsSession();

    @Setup(Level.Trial)
    public void start() {
        Clock clock = Clock.systemUTC();
        sts = StsStubServer.start(0);
        // an hour: the run never comes near expiry - refresh margin, so every measured call is a hit
        sts.issue(
                "ASIABENCHEXAMPLE0001",
                "FwoGZXIvYXdzEBenchSessionToken0001==",
                clock.instant().plus(Duration.ofHours(1)));
        client = sts.client();
        broker = new StsCredentialBroker(client, new BenchIdentity.RecordingAuditLog(), clock, StsSettings.defaults());
        Acting acting = BenchIdentity.acting(broker, clock);
        ChatEvent question = BenchIdentity.question("1700000000.000100", "Ev0BENCH0001");
        if (!(acting.forRead(question) instanceof Acting.Outcome.As as)) {
            throw new IllegalStateException("alice was not resolved");
        }
        person = as.identity();
        // the origin Acting gives the request's CloudCredentials: the same cache entry
        origin = new RequestOrigin(question.thread(), question.user().id(), question.eventId());
        context = ToolContext.of(as.principal(), as.cloud(), Duration.ofHours(1), clock);
        SessionCredentials first = broker.forRead(person, BenchIdentity.ENVIRONMENT, origin);
        SessionCredentials viaTool = as.cloud().get();
        if (!first.equals(viaTool) || sts.assumeRoleCalls().size() != 1) {
            throw new IllegalStateException("set-up: expected one AssumeRole shared by both paths, saw "
                    + sts.assumeRoleCalls().size());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        int calls = sts.assumeRoleCalls().size();
        client.close();
        sts.close();
        if (calls != 1) {
            throw new IllegalStateException(
                    "the cache missed: " + (calls - 1) + " measured calls reached STS; the figures are not hits");
        }
    }

    @Benchmark
    public SessionCredentials forRead() {
        return broker.forRead(person, BenchIdentity.ENVIRONMENT, origin);
    }

    @Benchmark
    public AwsCredentialsProvider toolCredentials() {
        return personsSession.apply(context);
    }

    @Benchmark
    @Threads(2)
    public SessionCredentials forReadTwoThreads() {
        return broker.forRead(person, BenchIdentity.ENVIRONMENT, origin);
    }
}
