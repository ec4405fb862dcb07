package dev.opsbot.scenario.internal;

import java.util.ArrayList;
import java.util.List;

/** Every rollout the simulated controller made, oldest first: the controller writes, the metrics read. */
public final class Rollouts {
    private final List<Rollout> rollouts = new ArrayList<>();
    private long version;

    synchronized void add(Rollout rollout) {
        rollouts.add(rollout);
        version++;
    }

    /** The scenario replayed from its start: what the controller did is undone with the objects it changed. */
    public synchronized void forget() {
        rollouts.clear();
        version++;
    }

    /** Changes on every add and every forget, so a reader can tell "the same rollouts" from "as many, but others". */
    synchronized long version() {
        return version;
    }

    public synchronized List<Rollout> all() {
        return List.copyOf(rollouts);
    }

    synchronized int count() {
        return rollouts.size();
    }
}
