package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.Selectors;
import dev.opsbot.tools.kubernetes.internal.ServiceEndpoints;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import java.util.concurrent.Future;

/** {@code kubernetes.describe_service}: selector, ports and endpoints ready / not ready. */
final class DescribeServiceTool extends KubernetesReadTool {
    static final int MAX_ADDRESSES = 20;

    DescribeServiceTool(KubernetesAccess access) {
        super(
                access,
                "describe_service",
                "Describe a Service: type, selector, ports, and its endpoints split into ready and not ready (from"
                        + " EndpointSlices, else Endpoints). Zero ready endpoints means every request to it fails.",
                "Describe a Service and its endpoints",
                KubernetesReadTool.namespacedSchema()
                        .string("name", "Service name")
                        .require("name")
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String name = args.name("name");
        Service service;
        ServiceEndpoints endpoints;
        try (Fanout fanout = new Fanout(access.budget(context))) {
            var serviceRead = fanout.submit(
                    () -> access.read(context, ApiCall.get("services", namespace, name), client -> client.services()
                            .inNamespace(namespace)
                            .withName(name)
                            .get()));
            var endpointsRead = fanout.submit(
                    () -> access.read(context, ApiCall.get("endpoints", namespace, name), client -> client.endpoints()
                            .inNamespace(namespace)
                            .withName(name)
                            .get()));
            var slicesRead = fanout.submit(() -> access.read(
                    context, ApiCall.list("endpointslices.discovery.k8s.io", namespace), client -> client.discovery()
                            .v1()
                            .endpointSlices()
                            .inNamespace(namespace)
                            .withLabel("kubernetes.io/service-name", name)
                            .list()
                            .getItems()));
            service = fanout.await(serviceRead);
            if (service == null) {
                throw new SourceFailure(
                        KubernetesAccess.SOURCE,
                        SourceFailure.Kind.NOT_FOUND,
                        "service " + namespace + "/" + name + " not found",
                        null);
            }
            Endpoints legacy = fanout.await(endpointsRead);
            endpoints = ServiceEndpoints.of(legacy, slices(fanout, slicesRead));
        }
        ObjectNode data = JsonOut.object().put("service", namespace + "/" + name);
        JsonOut.put(data, "type", service.getSpec().getType());
        JsonOut.put(data, "clusterIP", service.getSpec().getClusterIP());
        data.put("selector", Selectors.render(service.getSpec().getSelector()));
        ArrayNode ports = data.putArray("ports");
        if (service.getSpec().getPorts() != null) {
            service.getSpec().getPorts().forEach(port -> ports.add(port(port)));
        }
        ObjectNode addresses = data.putObject("endpoints").put("source", endpoints.source());
        addresses.put("readyCount", endpoints.ready().size());
        addresses.put("notReadyCount", endpoints.notReady().size());
        JsonOut.put(
                addresses,
                "ready",
                endpoints.ready().stream().limit(MAX_ADDRESSES).toList());
        JsonOut.put(
                addresses,
                "notReady",
                endpoints.notReady().stream().limit(MAX_ADDRESSES).toList());
        addresses.put(
                "truncated",
                endpoints.ready().size() > MAX_ADDRESSES || endpoints.notReady().size() > MAX_ADDRESSES);
        JsonOut.put(data, "endpointsChangedAt", endpoints.lastChange());
        return new ToolResult.Success(
                "Service " + namespace + "/" + name + ": " + endpoints.ready().size() + " ready, "
                        + endpoints.notReady().size() + " not ready endpoints",
                data);
    }

    private static List<EndpointSlice> slices(Fanout fanout, Future<List<EndpointSlice>> read) {
        try {
            return fanout.await(read);
        } catch (SourceFailure notServed) {
            // older clusters and captured scenarios may have only Endpoints
            return List.of();
        }
    }

    private static String port(ServicePort port) {
        String name = port.getName() == null ? "" : port.getName() + " ";
        String target = port.getTargetPort() == null ? "" : "->" + portOf(port);
        return name + port.getPort() + target + "/" + (port.getProtocol() == null ? "TCP" : port.getProtocol());
    }

    private static String portOf(ServicePort port) {
        var target = port.getTargetPort();
        return target.getIntVal() != null ? String.valueOf(target.getIntVal()) : target.getStrVal();
    }
}
