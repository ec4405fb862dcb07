package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.Events;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.KubeEvent;
import dev.opsbot.tools.kubernetes.internal.PodStatuses;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code kubernetes.list_events}: core/v1 and events.k8s.io/v1 Events merged, newest first. Filtering by object is
 * done here rather than with a field selector, because not every server (nor a captured scenario) supports those.
 */
final class ListEventsTool extends KubernetesReadTool {
    static final int MAX_EVENTS = 100;
    private static final int MAX_MESSAGE = 300;

    ListEventsTool(KubernetesAccess access) {
        super(
                access,
                "list_events",
                "List Kubernetes events in a namespace, newest first, optionally only Warnings and only about one"
                        + " object (kind and/or name, e.g. kind=Pod name=checkout-7d9f-abc12). Each: time, type,"
                        + " reason (OOMKilling, BackOff, Unhealthy, FailedScheduling, FailedMount, ...), object,"
                        + " message, count. At most " + MAX_EVENTS + ".",
                "List recent Kubernetes events",
                KubernetesReadTool.namespacedSchema()
                        .string("kind", "only events about objects of this kind, e.g. Pod")
                        .string("name", "only events about the object of this name")
                        .bool("warningsOnly", "only events of type Warning")
                        .integer("limit", "how many events, newest first", 1, MAX_EVENTS)
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String kind = args.text("kind");
        String name = args.optionalName("name");
        boolean warningsOnly = args.bool("warningsOnly");
        int limit = args.integer("limit", MAX_EVENTS, 1, MAX_EVENTS);
        List<KubeEvent> events;
        boolean partial = false;
        try (Fanout fanout = new Fanout(access.budget(context))) {
            var core = fanout.submit(() -> access.read(
                    context,
                    ApiCall.list("events", namespace),
                    client -> client.v1().events().inNamespace(namespace).list().getItems()));
            var modern = fanout.submit(() ->
                    access.read(context, ApiCall.list("events.events.k8s.io", namespace), client -> client.events()
                            .v1()
                            .events()
                            .inNamespace(namespace)
                            .list()
                            .getItems()));
            List<Event> coreEvents = fanout.await(core);
            List<io.fabric8.kubernetes.api.model.events.v1.Event> modernEvents;
            try {
                modernEvents = fanout.await(modern);
            } catch (SourceFailure notServed) {
                // core/v1 carries the same events; the newer API only adds what a scenario recorded there
                modernEvents = List.of();
                partial = true;
            }
            events = Events.merge(coreEvents, modernEvents, filter(kind, name, warningsOnly));
        }
        if (events.isEmpty()) {
            return new ToolResult.NoData("no matching events in namespace " + namespace);
        }
        ObjectNode data = JsonOut.capped(JsonOut.object(), "events", events, limit, ListEventsTool::event);
        if (partial) {
            data.put("partial", "events.k8s.io/v1 could not be read; core/v1 events only");
        }
        long warnings = events.stream().filter(KubeEvent::warning).count();
        return new ToolResult.Success(events.size() + " events in " + namespace + ", " + warnings + " warnings", data);
    }

    private static Predicate<KubeEvent> filter(String kind, String name, boolean warningsOnly) {
        return event -> (kind.isEmpty() || kind.equalsIgnoreCase(event.objectKind()))
                && (name.isEmpty() || name.equals(event.objectName()))
                && (!warningsOnly || event.warning());
    }

    private static ObjectNode event(KubeEvent event) {
        ObjectNode node = JsonOut.object().put("at", event.at().toString());
        JsonOut.put(node, "type", event.type());
        JsonOut.put(node, "reason", event.reason());
        node.put("object", event.objectKind() + "/" + event.objectName());
        JsonOut.put(node, "message", PodStatuses.shorten(event.message(), MAX_MESSAGE));
        node.put("count", event.count());
        JsonOut.put(node, "source", event.reporter());
        return node;
    }
}
