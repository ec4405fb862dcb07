package dev.opsbot.bench.internal;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The demo's day, steadily, spread over the replicas' console APIs: alice asks about the incident in new threads,
 * people ask for help, status and the team's memories, someone remembers a fact now and then, the shift is handed
 * off every minute, and the newest open proposals are reacted to: alice (refused: her own production change), bob
 * (approved: it runs), and every third time mallory (refused: unmapped), each through another replica than the one
 * before. Every request is sent on schedule, whatever happened to earlier ones, and every answer is kept for the
 * checks afterwards.
 *
 * <p>Once the incident is fixed opsbot rightly proposes nothing more (the bad revision no longer runs), so when an
 * approval turn finds nothing to approve and no proposal has moved for {@link #SETTLED}, the incident is replayed
 * from its start: approvals go on for the whole run instead of stopping after the first fix.
 */
public final class SoakLoad {
    /** What was asked, and how many messages answer it (0: an investigation, see {@link ThreadTally#problems}). */
    public enum Kind {
        QUESTION(0),
        HELP(1),
        STATUS(1),
        MEMORIES(1),
        REMEMBER(1),
        HANDOFF(2);

        private final int replies;

        Kind(int replies) {
            this.replies = replies;
        }

        public int replies() {
            return replies;
        }
    }

    /** Requests per minute of each part of the mix. */
    public record Mix(int questions, int commands, int approvals, int handoffs, int remembers) {
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "per minute: %d questions, %d help/status/memories, %d approvals, %d handoffs, %d remembers",
                    questions,
                    commands,
                    approvals,
                    handoffs,
                    remembers);
        }
    }

    /** A message the console accepted (202), starting a thread of its own. */
    public record Posted(Kind kind, int replica, String user, String id, String thread) {}

    /** A reaction the console accepted (202) on a proposal's message. */
    public record Reaction(String proposal, String message, String thread, String user, int replica) {}

    static final String QUESTION = "@opsbot why is checkout 5xx?";
    private static final List<Kind> COMMANDS = List.of(Kind.HELP, Kind.STATUS, Kind.MEMORIES);
    private static final String APPROVE = "white_check_mark";
    /** Proposals older than this are left alone: they expire unanswered after 15 minutes (approval.expiry). */
    private static final Duration FRESH = Duration.ofMinutes(5);
    /** Long enough for an approved rollback to run and be verified before the cluster is put back under it. */
    private static final Duration SETTLED = Duration.ofSeconds(30);

    private final List<ConsoleClient> replicas;
    private final String channel;
    private final ProposalStore proposals;
    private final Mix mix;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("soak-load").factory());
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final List<Reaction> reactions = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final Map<Kind, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final AtomicInteger approvalsWithoutProposal = new AtomicInteger();
    private final AtomicLong remembered = new AtomicLong();
    private final Runnable incidentAgain;
    private final AtomicInteger replays = new AtomicInteger();

    /** @param incidentAgain puts the incident back as it started (the scenario replayed) */
    public SoakLoad(
            List<ConsoleClient> replicas, String channel, ProposalStore proposals, Mix mix, Runnable incidentAgain) {
        this.incidentAgain = incidentAgain;
        this.replicas = List.copyOf(replicas);
        this.channel = channel;
        this.proposals = proposals;
        this.mix = mix;
    }

    /** Starts every part of the mix at its rate, staggered so they do not all fall on the same instant. */
    public void start() {
        every(mix.questions(), Duration.ZERO, i -> post(Kind.QUESTION, i, "alice", QUESTION));
        every(mix.commands(), Duration.ofMillis(500), i -> {
            Kind kind = COMMANDS.get(i % COMMANDS.size());
            post(kind, i, i % 2 == 0 ? "bob" : "alice", "@opsbot " + kind.name().toLowerCase(Locale.ROOT));
        });
        every(
                mix.remembers(),
                Duration.ofSeconds(20),
                i -> post(
                        Kind.REMEMBER,
                        i,
                        "bob",
                        "@opsbot remember soak note " + remembered.incrementAndGet()
                                + ": checkout's memory limit stays at 512Mi"));
        every(mix.handoffs(), Duration.ofSeconds(30), i -> post(Kind.HANDOFF, i, "alice", "@opsbot handoff"));
        every(mix.approvals(), Duration.ofSeconds(5), this::approveNewest);
    }

    /** Stops scheduling, lets reactions already planned go out, then waits for every answer up to {@code drain}. */
    public void stop(Duration drain) throws InterruptedException {
        scheduler.shutdown(); // periodic parts stop; delayed reactions still run
        scheduler.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + drain.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!inFlight.isEmpty()) {
            errors.add(inFlight.size() + " requests still unanswered " + drain.toSeconds() + " s after the end");
        }
    }

    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    public List<Reaction> reactions() {
        return List.copyOf(reactions);
    }

    /** Requests not accepted: an HTTP status other than 202, or no answer at all. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Approval turns that found no open proposal younger than five minutes to react to. */
    public int approvalsWithoutProposal() {
        return approvalsWithoutProposal.get();
    }

    /** How often the incident was replayed because it was fixed and nothing was left to approve. */
    public int replays() {
        return replays.get();
    }

    /** "sent 61 (QUESTION 30, ...), 12 reactions, 0 errors". */
    public String progress() {
        int total = sent.values().stream().mapToInt(AtomicInteger::get).sum();
        return String.format(
                Locale.ROOT, "sent %d messages, %d reactions, %d errors", total, reactions.size(), errors.size());
    }

    private void every(int perMinute, Duration offset, Consumer<Integer> send) {
        if (perMinute == 0) {
            return;
        }
        long periodMicros = 60_000_000L / perMinute;
        AtomicInteger turn = new AtomicInteger();
        scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        send.accept(turn.getAndIncrement());
                    } catch (RuntimeException e) {
                        errors.add("the load itself failed: " + e);
                    }
                },
                offset.toNanos() / 1_000,
                periodMicros,
                TimeUnit.MICROSECONDS);
    }

    private void post(Kind kind, int turn, String user, String text) {
        sent.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        int replica = turn % replicas.size();
        track(
                replicas.get(replica).post(channel, user, text, null),
                "POST message (" + kind + ") to replica " + replica,
                response -> {
                    ConsoleClient.Posted p = ConsoleClient.posted(response);
                    posted.add(new Posted(kind, replica, user, p.id(), p.thread()));
                });
    }

    /** Reacts to the newest open proposal nobody reacted to yet: alice, bob a second later, maybe mallory. */
    private void approveNewest(int turn) {
        Instant now = Instant.now();
        Proposal proposal = proposals.changedSince(now.minus(FRESH), 1_000).stream()
                .filter(p -> p.state() == ProposalState.PROPOSED && p.messageId() != null)
                .filter(p -> p.createdAt().isAfter(now.minus(FRESH)) && !taken.contains(p.id()))
                .max(Comparator.comparing(Proposal::createdAt))
                .orElse(null);
        if (proposal == null) {
            approvalsWithoutProposal.incrementAndGet();
            if (proposals.changedSince(now.minus(SETTLED), 1).isEmpty()) {
                incidentAgain.run();
                replays.incrementAndGet();
            }
            return;
        }
        taken.add(proposal.id());
        int first = turn % replicas.size();
        react(proposal, "alice", first);
        scheduler.schedule(() -> react(proposal, "bob", (first + 1) % replicas.size()), 1, TimeUnit.SECONDS);
        if (turn % 3 == 2) {
            scheduler.schedule(() -> react(proposal, "mallory", first), 500, TimeUnit.MILLISECONDS);
        }
    }

    private void react(Proposal proposal, String user, int replica) {
        track(
                replicas.get(replica).react(proposal.messageId(), user, APPROVE),
                "POST reaction (" + user + ") to replica " + replica,
                response -> reactions.add(new Reaction(
                        proposal.id(), proposal.messageId(), proposal.thread().thread(), user, replica)));
    }

    private void track(
            CompletableFuture<HttpResponse<String>> request, String what, Consumer<HttpResponse<String>> accepted) {
        inFlight.add(request);
        request.whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    errors.add(what + ": no answer (" + failure + ")");
                } else if (response.statusCode() != 202) {
                    errors.add(what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
                } else {
                    accepted.accept(response);
                }
            } finally {
                inFlight.remove(request);
            }
        });
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
