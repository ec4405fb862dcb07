package dev.opsbot.tools.compliance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.compliance.PodFinding.Level;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import dev.opsbot.tools.kubernetes.ApiCall;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code compliance.pod_security}: the pods of a namespace checked against the Pod Security Standards
 * ({@link PodSecurityChecks}), as the person asking (Kubernetes impersonation), with the namespace's Pod Security
 * Admission labels when the person may read the namespace.
 */
public final class PodSecurityTool extends ReadTool {
    /** Pods read (one page); a namespace with more is reported as truncated. */
    static final long MAX_PODS = 500;

    static final int MAX_WORKLOADS = 30;
    static final int MAX_FINDINGS_PER_WORKLOAD = 25;
    static final int MAX_CLEAN = 20;
    static final String LABEL_PREFIX = "pod-security.kubernetes.io/";

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_./=!,() -]{1,500}");

    private final KubernetesAccess access;

    public PodSecurityTool(KubernetesAccess access) {
        super(new ToolSpec(
                "compliance.pod_security",
                ComplianceConnection.SOURCE,
                "Checks the pods of a Kubernetes namespace (optionally by label selector) against the Pod Security"
                        + " Standards and names the level each finding violates: baseline (privileged, hostNetwork/"
                        + "hostPID/hostIPC, hostPath volumes, host ports, capabilities beyond the default set,"
                        + " seccomp Unconfined) or restricted (allowPrivilegeEscalation not false, runAsNonRoot not"
                        + " true, runAsUser 0, no seccompProfile, not dropping ALL capabilities, other volume types);"
                        + " best-practice for missing CPU/memory limits and :latest or untagged images. Findings are"
                        + " grouped per owner (Deployment, StatefulSet, ...), worst first. Also the namespace's"
                        + " pod-security.kubernetes.io enforce/warn/audit labels.",
                "Check a namespace's pods against the Pod Security Standards",
                JsonSchema.object()
                        .string("namespace", "Kubernetes namespace, e.g. shop")
                        .string("labelSelector", "only pods matching this label selector, e.g. app=checkout")
                        .require("namespace")
                        .build(),
                Risk.READ));
        this.access = access;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        String namespace = arguments.text("namespace");
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw bad("argument 'namespace' is not a valid Kubernetes namespace: '" + namespace + "'");
        }
        String selector = arguments.optionalText("labelSelector", "");
        if (!selector.isEmpty() && !SELECTOR.matcher(selector).matches()) {
            throw bad("argument 'labelSelector' is not a label selector: '" + selector + "'");
        }
        ObjectNode admission = admissionLabels(context, namespace);
        PodList pods = access.read(context, ApiCall.list("pods", namespace), client -> {
            var query = client.pods().inNamespace(namespace);
            var options = new ListOptionsBuilder().withLimit(MAX_PODS).build();
            return selector.isEmpty()
                    ? query.list(options)
                    : query.withLabelSelector(selector).list(options);
        });
        if (pods.getItems().isEmpty()) {
            return new ToolResult.NoData(
                    "no pods in namespace " + namespace + (selector.isEmpty() ? "" : " match " + selector));
        }
        PodSecurityReport report = PodSecurityReport.of(pods.getItems());
        ObjectNode data = Json.object().put("namespace", namespace);
        if (!selector.isEmpty()) {
            data.put("labelSelector", selector);
        }
        data.set("admission", admission);
        Level enforced = Level.fromLabel(admission.path("enforce").asText());
        report.counts(data, enforced);
        boolean more = pods.getMetadata() != null
                && pods.getMetadata().getContinue() != null
                && !pods.getMetadata().getContinue().isEmpty();
        if (more) {
            data.put("podsTruncated", true);
        }
        ArrayNode workloads = data.putArray("workloads");
        List<WorkloadFindings> failing = report.withFindings();
        failing.stream().limit(MAX_WORKLOADS).forEach(w -> workloads.add(w.json(MAX_FINDINGS_PER_WORKLOAD)));
        data.put("workloadsWithFindings", failing.size()).put("truncated", failing.size() > MAX_WORKLOADS);
        ArrayNode clean = data.putArray("clean");
        report.clean().stream().limit(MAX_CLEAN).forEach(w -> clean.add(w.owner()));
        return new ToolResult.Success(report.summary(namespace, admission, enforced), data);
    }

    /**
     * The namespace's {@code pod-security.kubernetes.io/*} labels ({@code enforce: baseline}), or why they could not
     * be read: a person may list pods in a namespace they may not get.
     */
    private ObjectNode admissionLabels(ToolContext context, String namespace) {
        ObjectNode node = Json.object();
        Namespace read;
        try {
            read = access.read(context, ApiCall.get("namespaces", "", namespace), client -> client.namespaces()
                    .withName(namespace)
                    .get());
        } catch (SourceFailure failure) {
            if (failure.kind() == SourceFailure.Kind.TIMEOUT) {
                throw failure;
            }
            return node.put("unreadable", failure.getMessage());
        }
        if (read == null) {
            return node.put("unreadable", "namespace " + namespace + " not found");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (read.getMetadata().getLabels() != null) {
            read.getMetadata().getLabels().forEach((key, value) -> {
                if (key.startsWith(LABEL_PREFIX)) {
                    labels.put(key.substring(LABEL_PREFIX.length()), value);
                }
            });
        }
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> node.put(e.getKey(), e.getValue()));
        return node;
    }

    private static SourceFailure bad(String why) {
        return new SourceFailure(ComplianceConnection.SOURCE, SourceFailure.Kind.BAD_REQUEST, why, null);
    }
}
