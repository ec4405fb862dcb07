package dev.opsbot.tools.guard;

import dev.opsbot.core.policy.DefaultRules;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a Kubernetes API request is, as RBAC would see it, from its method, path and query alone: the same reading the
 * API server does (its {@code RequestInfoFactory}), so that what is checked is what is sent, whichever client call
 * produced it.
 *
 * <ul>
 *   <li>verb: GET is {@code get} (with a name), {@code list}, or {@code watch} ({@code ?watch=true}, or the legacy
 *       {@code /watch/} prefix); POST {@code create}; PUT {@code update}; PATCH {@code patch}; DELETE {@code delete},
 *       or {@code deletecollection} without a name. The subresources {@code exec}, {@code attach}, {@code portforward}
 *       and {@code proxy} are their own action, whatever the method.
 *   <li>resource: the plural, or {@code plural/subresource} ({@code pods/log}, {@code deployments/scale}). A read of
 *       Secrets that accepts only metadata (see {@link MetadataOnly}) is {@code secrets/metadata}: it cannot return a
 *       value.
 *   <li>risk: reads are READ; writes WRITE; deleting a namespace, volume, claim or CRD, and any deletecollection,
 *       DESTRUCTIVE; a server-side dry run ({@code ?dryRun=All}) persists nothing and is READ.
 * </ul>
 *
 * A path outside {@code /api} and {@code /apis} ({@code /version}, {@code /healthz}) is a non-resource request: its
 * resource is the path, GET is a READ, anything else a WRITE.
 */
public final class KubernetesRequests {
    public static final String SYSTEM = "kubernetes";

    private static final Set<String> CONNECT_SUBRESOURCES = Set.of("exec", "attach", "portforward", "proxy");
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    private KubernetesRequests() {}

    /**
     * @param method the HTTP method
     * @param uri the full request URI
     * @param basePath the path of the API server's URL ({@code /k8s/clusters/c-1} behind a proxy), or "" when it is
     *     the root
     * @param accept the {@code Accept} header's values
     * @param principal who the request impersonates, or null
     * @param environment the environment the client is configured for
     */
    public static PolicyRequest classify(
            String method, URI uri, String basePath, List<String> accept, String principal, String environment) {
        String verbMethod = method.toUpperCase(Locale.ROOT);
        List<String> parts = segments(stripBase(uri.getRawPath(), basePath));
        Query query = Query.parse(uri.getRawQuery());
        boolean api = !parts.isEmpty() && parts.getFirst().equals("api") && parts.size() >= 3;
        boolean apis = !parts.isEmpty() && parts.getFirst().equals("apis") && parts.size() >= 4;
        if (!api && !apis) {
            return nonResource(verbMethod, "/" + String.join("/", parts), principal, environment);
        }
        List<String> rest = new ArrayList<>(parts.subList(api ? 2 : 3, parts.size()));
        boolean legacyWatch = take(rest, "watch");
        boolean legacyProxy = take(rest, "proxy");
        String namespace = null;
        if (rest.getFirst().equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            }
        }
        String plural = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? rest.get(2) : legacyProxy ? "proxy" : null;
        String verb = verb(verbMethod, name, subresource, legacyWatch || query.watch());
        String resource = subresource == null ? plural : plural + "/" + subresource;
        if (resource.equals("secrets") && isRead(verb) && MetadataOnly.accepts(accept)) {
            resource = MetadataOnly.SECRETS;
        }
        Risk risk = query.dryRun() && !CONNECT_SUBRESOURCES.contains(verb) ? Risk.READ : risk(verb, resource);
        return new PolicyRequest(SYSTEM, verb, risk, resource, namespace, name, environment, principal);
    }

    private static String verb(String method, String name, String subresource, boolean watch) {
        if (subresource != null && CONNECT_SUBRESOURCES.contains(subresource)) {
            return subresource;
        }
        return switch (method) {
            case "GET", "HEAD" -> watch ? "watch" : name == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private static Risk risk(String verb, String resource) {
        if (isRead(verb)) {
            return Risk.READ;
        }
        if (verb.equals("deletecollection")
                || (verb.equals("delete") && DefaultRules.KUBERNETES_DESTRUCTIVE_DELETES.contains(resource))) {
            return Risk.DESTRUCTIVE;
        }
        return Risk.WRITE;
    }

    private static boolean isRead(String verb) {
        return verb.equals("get") || verb.equals("list") || verb.equals("watch");
    }

    private static PolicyRequest nonResource(String method, String path, String principal, String environment) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return new PolicyRequest(
                SYSTEM,
                read ? "get" : method.toLowerCase(Locale.ROOT),
                read ? Risk.READ : Risk.WRITE,
                path,
                null,
                null,
                environment,
                principal);
    }

    private static String stripBase(String path, String basePath) {
        String raw = path == null ? "" : path;
        String base = basePath == null ? "" : basePath.replaceAll("/+$", "");
        if (!base.isEmpty() && raw.startsWith(base + "/")) {
            return raw.substring(base.length());
        }
        return raw;
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static boolean take(List<String> parts, String prefix) {
        if (parts.size() > 1 && parts.getFirst().equals(prefix)) {
            parts.removeFirst();
            return true;
        }
        return false;
    }

    private record Query(boolean watch, boolean dryRun) {
        static Query parse(String rawQuery) {
            boolean watch = false;
            boolean dryRun = false;
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    if (key.equals("watch")) {
                        watch = value.equals("true") || value.equals("1");
                    } else if (key.equals("dryRun")) {
                        dryRun = value.equals("All");
                    }
                }
            }
            return new Query(watch, dryRun);
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }
}
