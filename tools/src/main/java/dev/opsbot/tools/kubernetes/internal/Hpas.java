package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import java.util.ArrayList;
import java.util.List;

/** Reading autoscaling/v2 HorizontalPodAutoscalers: replica numbers, conditions, metrics as {@code cpu 85%/70%}. */
public final class Hpas {
    private Hpas() {}

    public static int min(HorizontalPodAutoscaler hpa) {
        return hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
    }

    public static int max(HorizontalPodAutoscaler hpa) {
        return hpa.getSpec().getMaxReplicas() == null ? 0 : hpa.getSpec().getMaxReplicas();
    }

    public static int current(HorizontalPodAutoscaler hpa) {
        return hpa.getStatus() == null || hpa.getStatus().getCurrentReplicas() == null
                ? 0
                : hpa.getStatus().getCurrentReplicas();
    }

    public static int desired(HorizontalPodAutoscaler hpa) {
        return hpa.getStatus() == null || hpa.getStatus().getDesiredReplicas() == null
                ? current(hpa)
                : hpa.getStatus().getDesiredReplicas();
    }

    /** {@code Deployment/checkout}. */
    public static String target(HorizontalPodAutoscaler hpa) {
        var ref = hpa.getSpec().getScaleTargetRef();
        return ref == null ? "" : ref.getKind() + "/" + ref.getName();
    }

    public static boolean targets(HorizontalPodAutoscaler hpa, String kind, String name) {
        var ref = hpa.getSpec().getScaleTargetRef();
        return ref != null && kind.equals(ref.getKind()) && name.equals(ref.getName());
    }

    public static HorizontalPodAutoscalerCondition condition(HorizontalPodAutoscaler hpa, String type) {
        if (hpa.getStatus() == null || hpa.getStatus().getConditions() == null) {
            return null;
        }
        return hpa.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    public static boolean is(HorizontalPodAutoscalerCondition condition, String status) {
        return condition != null && status.equals(condition.getStatus());
    }

    /** One entry per resource metric, current over target: {@code cpu 85%/70%}; other metrics by type and name. */
    public static List<String> metrics(HorizontalPodAutoscaler hpa) {
        List<String> rendered = new ArrayList<>();
        if (hpa.getSpec().getMetrics() == null) {
            return rendered;
        }
        for (MetricSpec metric : hpa.getSpec().getMetrics()) {
            if (metric.getResource() == null) {
                rendered.add(metric.getType());
                continue;
            }
            String name = metric.getResource().getName();
            var target = metric.getResource().getTarget();
            String wanted = target == null
                    ? "?"
                    : target.getAverageUtilization() != null
                            ? target.getAverageUtilization() + "%"
                            : Quantities.render(
                                    target.getAverageValue() != null ? target.getAverageValue() : target.getValue());
            rendered.add(name + " " + current(hpa, name) + "/" + wanted);
        }
        return rendered;
    }

    private static String current(HorizontalPodAutoscaler hpa, String resource) {
        if (hpa.getStatus() == null || hpa.getStatus().getCurrentMetrics() == null) {
            return "<unknown>";
        }
        for (MetricStatus status : hpa.getStatus().getCurrentMetrics()) {
            if (status.getResource() != null
                    && resource.equals(status.getResource().getName())
                    && status.getResource().getCurrent() != null) {
                var current = status.getResource().getCurrent();
                return current.getAverageUtilization() != null
                        ? current.getAverageUtilization() + "%"
                        : Quantities.render(current.getAverageValue());
            }
        }
        return "<unknown>";
    }
}
