package dev.opsbot.tools.kubernetes;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;

/** A YAML fixture loaded as objects, to change one thing in before seeding a {@link MockCluster}. */
final class Fixture {
    private final List<HasMetadata> objects;
    private int events;

    private Fixture(List<HasMetadata> objects) {
        this.objects = new ArrayList<>(objects);
    }

    static Fixture healthy() {
        return new Fixture(MockCluster.load("checkout-healthy.yaml"));
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " " + name));
    }

    Pod pod(String suffix) {
        return get(Pod.class, "checkout-6f7d8c9b5a-" + suffix);
    }

    Node node(String name) {
        return get(Node.class, name);
    }

    HorizontalPodAutoscaler hpa() {
        return get(HorizontalPodAutoscaler.class, "checkout");
    }

    Fixture add(HasMetadata object) {
        objects.add(object);
        return this;
    }

    Fixture remove(Class<? extends HasMetadata> type, String name) {
        objects.remove(get(type, name));
        return this;
    }

    /** A core/v1 Event about an object of the namespace, last seen at {@code at} (an RFC 3339 time). */
    Fixture event(String kind, String name, String type, String reason, String message, String at, int count) {
        events++;
        return add(new EventBuilder()
                .withNewMetadata()
                .withName(name + ".test" + events)
                .withNamespace("shop")
                .withUid("test-" + events)
                .endMetadata()
                .withNewInvolvedObject()
                .withKind(kind)
                .withName(name)
                .withNamespace("shop")
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(at)
                .withLastTimestamp(at)
                .withCount(count)
                .build());
    }

    MockCluster seed(MockCluster cluster) {
        return cluster.seed(objects.toArray(HasMetadata[]::new));
    }
}
