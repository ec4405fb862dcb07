package dev.opsbot.core.testing;

import dev.opsbot.core.store.ScheduleLeases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Schedule leases in a map, for tests of our own code; the database store passes the same contract suite. One lock
 * stands for the database's insert-if-absent and conditional update; instants are cut to the microsecond, as the
 * tables keep them.
 */
public final class InMemoryScheduleLeases implements ScheduleLeases {
    private record Run(String job, Instant slot) {}

    private record Lease(String owner, Instant until, boolean finished) {}

    private final Map<Run, Lease> leases = new LinkedHashMap<>();

    @Override
    public synchronized boolean claim(String job, Instant slot, String owner, Instant now, Instant until) {
        Objects.requireNonNull(owner, "owner");
        Run run = run(job, slot);
        Instant from = micros(Objects.requireNonNull(now, "now"));
        Instant to = micros(Objects.requireNonNull(until, "until"));
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException(
                    "a lease on " + job + " at " + slot + " must end after now (" + now + "), not at " + until);
        }
        Lease lease = leases.get(run);
        // like the event ledger's leases: one ending exactly now still holds
        if (lease != null && (lease.finished() || !lease.until().isBefore(from))) {
            return false;
        }
        leases.put(run, new Lease(owner, to, false));
        return true;
    }

    @Override
    public synchronized void finish(String job, Instant slot, String owner, Instant at) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        Run run = run(job, slot);
        Lease lease = leases.get(run);
        if (lease != null && lease.owner().equals(owner) && !lease.finished()) {
            leases.put(run, new Lease(owner, lease.until(), true));
        }
    }

    @Override
    public synchronized Optional<Instant> lastFinished(String job) {
        Objects.requireNonNull(job, "job");
        return leases.entrySet().stream()
                .filter(e -> e.getKey().job().equals(job) && e.getValue().finished())
                .map(e -> e.getKey().slot())
                .max(Instant::compareTo);
    }

    private static Run run(String job, Instant slot) {
        Objects.requireNonNull(job, "job");
        return new Run(job, micros(Objects.requireNonNull(slot, "slot")));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
