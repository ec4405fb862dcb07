package dev.opsbot.scenario.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated controller did to one Deployment's pods at one moment, as the scenario's metrics need it: which
 * pods stopped (their series end there) and which started, each behaving like an existing pod.
 *
 * @param podPrefixes the name prefixes of every pod the Deployment has had ({@code checkout-7cdb47467d-}), one per
 *     ReplicaSet: how its series are told from other workloads' in the metrics
 * @param removed pods deleted at {@code at}
 * @param added pods created at {@code at}
 */
public record Rollout(
        String namespace,
        String deployment,
        Instant at,
        List<String> podPrefixes,
        List<String> removed,
        List<NewPod> added) {
    public Rollout {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(at, "at");
        podPrefixes = List.copyOf(podPrefixes);
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /**
     * A pod the controller started.
     *
     * @param node the node it runs on
     * @param like the existing pod it behaves like (a sibling of the same template), or null for a healthy pod: one
     *     that behaves like the Deployment's pods did before the incident
     */
    public record NewPod(String name, String node, String like) {
        public NewPod {
            Objects.requireNonNull(name, "name");
        }
    }
}
