package dev.opsbot.bench.jmh;

import dev.opsbot.core.conversation.Intent;
import dev.opsbot.core.conversation.IntentParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link IntentParser#parse}: runs for every message opsbot is addressed with, on the dispatcher's worker. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IntentParserBenchmark {
    @Param({"help", "@opsbot status?", "<@U024BE7LH> why is checkout returning 5xx since 02:30 on prod-eu-1?"})
    public String text;

    private final IntentParser parser = new IntentParser();

    @Benchmark
    public Intent parse() {
        return parser.parse(text);
    }
}
