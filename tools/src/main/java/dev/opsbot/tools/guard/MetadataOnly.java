package dev.opsbot.tools.guard;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.internal.OperationContext;
import io.fabric8.kubernetes.client.dsl.internal.OperationSupport;
import io.fabric8.kubernetes.client.impl.BaseClient;
import io.fabric8.kubernetes.client.utils.URLUtils;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads of an object's metadata only, which the API server answers as {@code PartialObjectMetadata}: name, labels,
 * annotations, times, managedFields, but no {@code data}, {@code spec} or {@code status}. This is how opsbot looks at
 * Secrets: whether they exist, which keys they have (from managedFields) and when they changed, never their values.
 *
 * <p>The {@code Accept} header offers metadata and nothing else, unlike fabric8's own
 * {@code getAsPartialObjectMetadata()}, which falls back to {@code application/json} (the whole object) for servers
 * that cannot answer metadata. Without a fallback a server answers metadata or 406, so the guard can tell from the
 * request alone that no value can come back, and {@link KubernetesRequests} calls such a read of Secrets
 * {@value #SECRETS}.
 */
public final class MetadataOnly {
    /** The resource a metadata-only read of Secrets is checked as. */
    public static final String SECRETS = "secrets/metadata";

    /** What a metadata-only GET of one object accepts. */
    public static final String ACCEPT_OBJECT = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

    /** What a metadata-only list or watch accepts. */
    public static final String ACCEPT_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

    private static final Set<String> METADATA_KINDS = Set.of("partialobjectmetadata", "partialobjectmetadatalist");
    private static final List<String> DATA_SECTIONS = List.of("data", "stringData", "binaryData");

    private MetadataOnly() {}

    /**
     * Whether an {@code Accept} header (all its values) admits only metadata: every media range asks for
     * {@code as=PartialObjectMetadata} or {@code as=PartialObjectMetadataList} of group {@code meta.k8s.io}. No header
     * at all admits anything.
     */
    public static boolean accepts(List<String> acceptValues) {
        if (acceptValues == null || acceptValues.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (String value : acceptValues) {
            for (String range : value.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                if (!isMetadataRange(range)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean isMetadataRange(String range) {
        String as = null;
        String group = null;
        String[] parts = range.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = parts[i].substring(eq + 1).trim().replace("\"", "");
            if (key.equals("as")) {
                as = value.toLowerCase(Locale.ROOT);
            } else if (key.equals("g")) {
                group = value;
            }
        }
        return as != null && METADATA_KINDS.contains(as) && "meta.k8s.io".equals(group);
    }

    /**
     * An object's metadata and the keys of its {@code data}, without a single value.
     *
     * @param dataKeys the {@code f:data}, {@code f:stringData} and {@code f:binaryData} entries of its managedFields,
     *     which every write since Kubernetes 1.18 records; and, from a server that ignored the Accept header and sent
     *     the whole object (fabric8's mock, a captured scenario), the keys of what it sent, whose values are dropped
     *     here, unread
     */
    public record Found(ObjectMeta metadata, Set<String> dataKeys) {
        public Found {
            dataKeys = Collections.unmodifiableSortedSet(new TreeSet<>(dataKeys));
        }

        static Found of(GenericKubernetesResource object) {
            ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
            Set<String> keys = new TreeSet<>();
            if (meta.getManagedFields() != null) {
                for (ManagedFieldsEntry entry : meta.getManagedFields()) {
                    if (entry.getFieldsV1() != null) {
                        Map<String, Object> fields = entry.getFieldsV1().getAdditionalProperties();
                        DATA_SECTIONS.forEach(section -> keys.addAll(fieldNames(fields.get("f:" + section))));
                    }
                }
            }
            for (String section : DATA_SECTIONS) {
                if (object.getAdditionalProperties().get(section) instanceof Map<?, ?> sent) {
                    sent.keySet().forEach(key -> keys.add(String.valueOf(key)));
                }
            }
            return new Found(meta, keys);
        }

        private static List<String> fieldNames(Object fields) {
            if (!(fields instanceof Map<?, ?> map)) {
                return List.of();
            }
            return map.keySet().stream()
                    .map(String::valueOf)
                    .filter(key -> key.startsWith("f:"))
                    .map(key -> key.substring(2))
                    .toList();
        }
    }

    /**
     * GETs {@code apiPath} ({@code api/v1/namespaces/shop/secrets/db}) accepting only its metadata, through
     * {@code client}: its impersonation, request timeout and interceptors apply as to any other request.
     *
     * @return empty when the object does not exist
     * @throws KubernetesClientException for any other failure, as fabric8's own reads do
     */
    public static Optional<Found> get(KubernetesClient client, String apiPath) {
        return Optional.ofNullable(new Get(client).get(apiPath)).map(Found::of);
    }

    /** fabric8's request machinery (timeouts, status translation, deserialization) with our own Accept header. */
    private static final class Get extends OperationSupport {
        Get(KubernetesClient client) {
            super(contextOf(client));
        }

        GenericKubernetesResource get(String apiPath) {
            try {
                URL url = new URL(URLUtils.join(config.getMasterUrl(), apiPath));
                return handleResponse(
                        httpClient.newHttpRequestBuilder().url(url).setHeader("Accept", ACCEPT_OBJECT),
                        GenericKubernetesResource.class);
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                    return null;
                }
                throw e;
            } catch (IOException e) {
                throw KubernetesClientException.launderThrowable(e);
            }
        }

        private static OperationContext contextOf(KubernetesClient client) {
            // a per-person view carries its impersonation and timeout in its context; a plain client has none
            OperationContext context = client.adapt(BaseClient.class).getOperationContext();
            return context != null ? context.withClient(client) : new OperationContext().withClient(client);
        }
    }
}
