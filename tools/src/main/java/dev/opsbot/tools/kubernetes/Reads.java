package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads for one evidence collection: started on the {@link Fanout}, awaited under its deadline, and either essential
 * (a failure fails the source) or optional (a failure becomes one gap, said once however many reads failed alike).
 */
final class Reads {
    private final KubernetesAccess access;
    private final ToolContext context;
    private final Fanout fanout;
    private final Set<String> gaps = new LinkedHashSet<>();

    Reads(KubernetesAccess access, ToolContext context, Fanout fanout) {
        this.access = access;
        this.context = context;
        this.fanout = fanout;
    }

    <T> Future<T> start(ApiCall call, Function<KubernetesClient, T> read) {
        return fanout.submit(() -> access.read(context, call, read));
    }

    /** The read's result; its failure is the whole source's failure. */
    <T> T essential(Future<T> read) {
        return fanout.await(read);
    }

    /** The read's result, or {@code fallback} and a gap ("nodes: this identity lacks permission get nodes"). */
    <T> T optional(String what, Future<T> read, T fallback) {
        try {
            return fanout.await(read);
        } catch (SourceFailure failure) {
            gaps.add(what + ": " + failure.getMessage());
            return fallback;
        }
    }

    /**
     * For an API a server may not serve at all (events.k8s.io on old clusters, EndpointSlices in a captured scenario):
     * NOT_FOUND means "not served" and is no gap; other failures are.
     */
    <T> T ifServed(String what, Future<T> read, T fallback) {
        try {
            return fanout.await(read);
        } catch (SourceFailure failure) {
            if (failure.kind() != SourceFailure.Kind.NOT_FOUND) {
                gaps.add(what + ": " + failure.getMessage());
            }
            return fallback;
        }
    }

    Set<String> gaps() {
        return gaps;
    }
}
