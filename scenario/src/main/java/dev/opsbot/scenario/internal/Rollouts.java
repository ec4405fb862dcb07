package dev.opsbot.scenario.internal;

import java.util.ArrayList;
import java.util.List;

/** Every rollout the simulated controller made, oldest first: the controller writes, the metrics read. */
public final class Rollouts {
    private final List<Rollout> rollouts = new ArrayList<>();

    synchronized void add(Rollout rollout) {
        rollouts.add(rollout);
    }

    public synchronized List<Rollout> all() {
        return List.copyOf(rollouts);
    }

    synchronized int count() {
        return rollouts.size();
    }
}
