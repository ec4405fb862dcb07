package dev.opsbot.tools.prometheus;

import dev.opsbot.tools.prometheus.promql.GoFloat;
import java.util.List;
import java.util.Map;

/**
 * The family that {@code # TYPE} declared, and the sample names OpenMetrics allows for it. promtool does not check
 * these; we do, because a counter sample without {@code _total} is the usual mistake in a hand-written scenario and
 * queries for {@code ..._total} would then find nothing.
 */
record MetricFamily(String name, String type) {
    static final List<String> TYPES =
            List.of("counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset", "unknown");

    /** A sample name that starts no declared family. */
    static MetricFamily untyped(String name) {
        return new MetricFamily(name, "unknown");
    }

    /** What is wrong with a declaration of this family, or null. */
    String declarationProblem() {
        if (type.equals("counter") && name.endsWith("_total")) {
            return "a counter's family name leaves out _total: write # TYPE "
                    + name.substring(0, name.length() - "_total".length()) + " counter and name its samples "
                    + name;
        }
        return null;
    }

    /** Whether a sample called {@code sampleName} belongs to this family (its name, or its name plus a suffix). */
    boolean owns(String sampleName) {
        return sampleName.equals(name) || sampleName.startsWith(name + "_");
    }

    /** What is wrong with a sample of this family, or null. */
    String sampleProblem(String sampleName, Map<String, String> labels) {
        switch (type) {
            case "counter" -> {
                if (sampleName.equals(name)) {
                    return "counter " + name + ": OpenMetrics names its samples " + name + "_total, not " + name;
                }
            }
            case "histogram", "gaugehistogram" -> {
                if (sampleName.equals(name)) {
                    return type + " " + name + ": its samples are " + name + "_bucket{le=\"...\"}, " + name
                            + (type.equals("histogram")
                                    ? "_count and " + name + "_sum"
                                    : "_gcount and " + name + "_gsum")
                            + ", not " + name;
                }
                if (sampleName.equals(name + "_bucket")) {
                    return bucketProblem(labels.get("le"));
                }
            }
            case "info" -> {
                if (sampleName.equals(name)) {
                    return "info " + name + ": OpenMetrics names its samples " + name + "_info";
                }
            }
            default -> {}
        }
        return null;
    }

    private String bucketProblem(String upperBound) {
        if (upperBound == null) {
            return "histogram bucket " + name + "_bucket needs an le label (its upper bound, e.g. le=\"0.5\" or"
                    + " le=\"+Inf\")";
        }
        try {
            GoFloat.parse(upperBound);
            return null;
        } catch (NumberFormatException e) {
            return "histogram bucket " + name + "_bucket has le=\"" + upperBound + "\", which is not a number";
        }
    }
}
