package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Service's endpoints, ready and not, from its EndpointSlices when it has any (what kube-proxy uses), else from
 * its Endpoints object. Each address is shown as {@code 10.0.1.7 (checkout-7d9f-abc12)}.
 *
 * @param lastChange when the endpoints last changed (the {@code last-change-trigger-time} annotation, else the
 *     object's change time), or null
 */
public record ServiceEndpoints(List<String> ready, List<String> notReady, String source, Instant lastChange) {
    private static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";

    public ServiceEndpoints {
        ready = List.copyOf(ready);
        notReady = List.copyOf(notReady);
    }

    public static ServiceEndpoints of(Endpoints endpoints, List<EndpointSlice> slices) {
        if (slices != null && !slices.isEmpty()) {
            return fromSlices(slices);
        }
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        if (endpoints == null) {
            return new ServiceEndpoints(ready, notReady, "none", null);
        }
        if (endpoints.getSubsets() != null) {
            for (var subset : endpoints.getSubsets()) {
                addAll(subset.getAddresses(), ready);
                addAll(subset.getNotReadyAddresses(), notReady);
            }
        }
        return new ServiceEndpoints(ready, notReady, "Endpoints", changed(endpoints));
    }

    private static ServiceEndpoints fromSlices(List<EndpointSlice> slices) {
        // dual-stack Services have one slice per address family: the same pod appears twice, count it once
        Map<String, String> ready = new LinkedHashMap<>();
        Map<String, String> notReady = new LinkedHashMap<>();
        Instant lastChange = null;
        for (EndpointSlice slice : slices) {
            lastChange = Times.latest(lastChange, changed(slice));
            if (slice.getEndpoints() == null) {
                continue;
            }
            for (var endpoint : slice.getEndpoints()) {
                String pod = endpoint.getTargetRef() == null
                        ? null
                        : endpoint.getTargetRef().getName();
                String address = endpoint.getAddresses() == null
                                || endpoint.getAddresses().isEmpty()
                        ? "?"
                        : endpoint.getAddresses().getFirst();
                // the API says a missing ready condition means unknown, which consumers treat as ready
                boolean isReady = endpoint.getConditions() == null
                        || endpoint.getConditions().getReady() == null
                        || endpoint.getConditions().getReady();
                String key = pod != null ? pod : address;
                (isReady ? ready : notReady).putIfAbsent(key, render(address, pod));
            }
        }
        return new ServiceEndpoints(
                new ArrayList<>(ready.values()), new ArrayList<>(notReady.values()), "EndpointSlices", lastChange);
    }

    private static void addAll(List<EndpointAddress> addresses, List<String> into) {
        if (addresses != null) {
            for (EndpointAddress address : addresses) {
                String pod = address.getTargetRef() == null
                        ? null
                        : address.getTargetRef().getName();
                into.add(render(address.getIp(), pod));
            }
        }
    }

    private static String render(String address, String pod) {
        return pod == null ? address : address + " (" + pod + ")";
    }

    private static Instant changed(HasMetadata object) {
        var annotations =
                object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
        Instant trigger = annotations == null ? null : Times.parse(annotations.get(TRIGGER_TIME));
        return trigger != null ? trigger : Times.changed(object.getMetadata());
    }
}
