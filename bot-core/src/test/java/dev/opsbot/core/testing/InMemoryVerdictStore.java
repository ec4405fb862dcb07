package dev.opsbot.core.testing;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verdicts in a list, in the order they were recorded, for tests of our own code; the database store passes the
 * same contract suite. Instants are cut to the microsecond, as the tables keep them.
 */
public final class InMemoryVerdictStore implements VerdictStore {
    private final List<Verdict> verdicts = new ArrayList<>();

    @Override
    public synchronized void record(Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        verdicts.add(new Verdict(
                verdict.thread(),
                verdict.service(),
                verdict.namespace(),
                verdict.question(),
                verdict.asker(),
                verdict.cause(),
                verdict.confidence(),
                verdict.summary(),
                verdict.culprit(),
                verdict.fix(),
                micros(verdict.at()),
                verdict.resolved() ? micros(verdict.resolvedAt()) : null,
                verdict.resolvedBy()));
    }

    @Override
    public synchronized Optional<Verdict> latest(ThreadRef thread) {
        int latest = latestIndex(thread);
        return latest < 0 ? Optional.empty() : Optional.of(verdicts.get(latest));
    }

    /** Ties in the last change go to the verdict recorded later, as the database's sequence orders them. */
    @Override
    public synchronized List<Verdict> since(String platform, String channel, Instant since, int limit) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(since, "since");
        Map<ThreadRef, Integer> latestPerThread = new LinkedHashMap<>();
        for (int i = 0; i < verdicts.size(); i++) {
            latestPerThread.put(verdicts.get(i).thread(), i);
        }
        return latestPerThread.values().stream()
                .sorted(Comparator.reverseOrder())
                .map(verdicts::get)
                .filter(v -> v.thread().platform().equals(platform)
                        && v.thread().channel().equals(channel))
                .filter(v -> !lastChange(v).isBefore(since))
                .sorted(Comparator.comparing(InMemoryVerdictStore::lastChange).reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized boolean resolve(ThreadRef thread, String by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        int latest = latestIndex(thread);
        if (latest < 0 || verdicts.get(latest).resolved()) {
            return false;
        }
        verdicts.set(latest, verdicts.get(latest).resolve(micros(at), by));
        return true;
    }

    private int latestIndex(ThreadRef thread) {
        Objects.requireNonNull(thread, "thread");
        for (int i = verdicts.size() - 1; i >= 0; i--) {
            if (verdicts.get(i).thread().equals(thread)) {
                return i;
            }
        }
        return -1;
    }

    private static Instant lastChange(Verdict verdict) {
        return verdict.resolved() && verdict.resolvedAt().isAfter(verdict.at()) ? verdict.resolvedAt() : verdict.at();
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
