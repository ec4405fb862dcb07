package dev.opsbot.bench;

import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.handoff.HandoffFixture;
import dev.opsbot.core.handoff.HandoffNarrator;
import dev.opsbot.core.handoff.HandoffRenderer;
import dev.opsbot.core.handoff.Handoffs;
import dev.opsbot.core.handoff.Shift;
import dev.opsbot.core.triage.Cause;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 8's handoff figure: {@link Handoffs#compose} (build the report, render it; no model) over a 12-hour shift of
 * {@code threads} threads in one channel, in bot-core's in-memory stores. Each thread has its question, a verdict
 * and tool runs in the audit log; a third ran an action (approved by two people), some failed, wait, were rejected
 * or were resolved by a rollback; the team learned 20 things. Around it, 10 other channels are as busy, so the
 * builder filters as it must in production. Target: under 1 s; the figure is
 * the warm average (the setup composes one handoff first, to check the shift is what it should be).
 *
 * <p>Run: {@code bench/run org.openjdk.jmh.Main HandoffBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HandoffBench {
    private static final int OTHER_CHANNELS = 10;
    private static final int TOOL_RUNS_PER_QUESTION = 8;

    @Param({"50"})
    public int threads;

    private HandoffFixture fixture;
    private Handoffs handoffs;
    private Shift shift;

    @Setup
    public void aBusyShift() {
        fixture = new HandoffFixture();
        for (int i = 0; i < threads; i++) {
            incident(HandoffFixture.CHANNEL, i);
        }
        for (int c = 0; c < OTHER_CHANNELS; c++) {
            for (int i = 0; i < threads; i++) {
                question(new ThreadRef(HandoffFixture.PLATFORM, "C0OTHER" + c, "t-" + i), i);
            }
        }
        for (int m = 0; m < 20; m++) {
            fixture.learn("checkout-" + m + " is OOMKilled below 512Mi; rolling back fixes it", minute(m * 30));
        }
        handoffs = new Handoffs(
                fixture.builder(),
                HandoffNarrator.NONE,
                new HandoffRenderer(ZoneId.of("Europe/Berlin")),
                (platform, channel, at) -> Optional.of("dana@example.com"));
        shift = fixture.shift();
        Reply check = handoffs.compose(shift);
        if (!check.text().contains("*Threads* (" + threads + ")")) {
            throw new IllegalStateException("the bench's shift is not what it should be:\n" + check.text());
        }
    }

    @Benchmark
    public Reply handoff() {
        return handoffs.compose(shift);
    }

    private void incident(String channel, int i) {
        ThreadRef thread = question(new ThreadRef(HandoffFixture.PLATFORM, channel, "t-" + i), i);
        Instant at = minute(i * 14 + 1);
        boolean weak = i % 5 == 4;
        fixture.verdict(
                thread,
                question(i),
                weak ? Cause.UNKNOWN : Cause.OOM,
                weak ? 0.3 : 0.9,
                "memory limit of service-" + i + " lowered 512Mi -> 128Mi in revision 42; 14 OOMKilled restarts",
                "rollback Deployment shop/service-" + i + " to revision 41",
                at);
        String proposal = "p-" + i;
        switch (i % 6) {
            case 0, 1 -> {
                fixture.propose(
                        thread,
                        proposal,
                        "rollback Deployment shop/service-" + i + " to revision 41",
                        at,
                        Duration.ofMinutes(30),
                        2);
                fixture.vote(proposal, "bob@example.com", Vote.Kind.APPROVE, at.plusSeconds(60));
                fixture.vote(proposal, "carol@example.com", Vote.Kind.APPROVE, at.plusSeconds(90));
                fixture.run(
                        proposal,
                        ProposalState.DONE,
                        "Deployment shop/service-" + i + " rolled back to 41",
                        at.plusSeconds(120));
                fixture.verified(proposal, i % 12 != 0, "5xx back to 0 %", at.plusSeconds(300));
                fixture.resolve(thread, "bob@example.com", at.plusSeconds(400));
            }
            case 2 -> {
                fixture.propose(thread, proposal, "restart Deployment shop/service-" + i, at, Duration.ofMinutes(30));
                fixture.run(proposal, ProposalState.FAILED, "forbidden: cannot patch deployments", at.plusSeconds(60));
            }
            case 3 -> {
                fixture.propose(
                        thread, proposal, "scale Deployment shop/service-" + i + " to 6", at, Duration.ofMinutes(30));
                fixture.vote(proposal, "carol@example.com", Vote.Kind.REJECT, at.plusSeconds(60));
                fixture.decide(proposal, ProposalState.REJECTED, at.plusSeconds(60));
            }
            case 4 ->
                fixture.propose(
                        thread, proposal, "set memory limit of service-" + i + " to 1Gi", at, Duration.ofHours(14));
            default -> {} // a verdict nobody acted on yet
        }
    }

    /** Someone asks, and triage's sources each leave a tool run in the audit log. */
    private ThreadRef question(ThreadRef thread, int i) {
        Instant at = minute(i * 14);
        fixture.ask(thread, "alice@example.com", question(i), at);
        String where = thread.platform() + "/" + thread.channel() + "/" + thread.thread();
        for (int s = 0; s < TOOL_RUNS_PER_QUESTION; s++) {
            fixture.audit.record(new AuditEvent.ToolRun(
                    at.plusSeconds(s),
                    "alice@example.com",
                    "triage.source-" + s,
                    "kubernetes user alice",
                    "{\"service\":\"service-" + i + "\"}",
                    12,
                    140,
                    "ok",
                    where));
        }
        return thread;
    }

    private static String question(int i) {
        return "why is service-" + i + " returning 5xx since 02:14 on prod-eu-1?";
    }

    private static Instant minute(int minutes) {
        return HandoffFixture.at(Math.min(minutes, 12 * 60 - 1));
    }
}
