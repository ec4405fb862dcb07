package dev.opsbot.tools.prometheus.promql;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The functions this evaluator implements, by name, and the names of Prometheus' others (for a clear error). */
final class Functions {
    private static final Map<String, FunctionSpec> SUPPORTED = new HashMap<>();

    /** Prometheus 2.x functions outside the subset. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "absent",
            "absent_over_time",
            "acos",
            "acosh",
            "asin",
            "asinh",
            "atan",
            "atanh",
            "ceil",
            "changes",
            "count_over_time",
            "cos",
            "cosh",
            "day_of_month",
            "day_of_week",
            "day_of_year",
            "days_in_month",
            "deg",
            "deriv",
            "exp",
            "floor",
            "histogram_count",
            "histogram_fraction",
            "histogram_stddev",
            "histogram_stdvar",
            "histogram_sum",
            "holt_winters",
            "hour",
            "idelta",
            "label_join",
            "label_replace",
            "ln",
            "log10",
            "log2",
            "minute",
            "month",
            "pi",
            "predict_linear",
            "present_over_time",
            "quantile_over_time",
            "rad",
            "resets",
            "round",
            "sgn",
            "sin",
            "sinh",
            "sort",
            "sort_desc",
            "sqrt",
            "stddev_over_time",
            "stdvar_over_time",
            "sum_over_time",
            "tan",
            "tanh",
            "timestamp",
            "year");

    static {
        RangeFunctions.register(SUPPORTED);
        InstantFunctions.register(SUPPORTED);
    }

    private Functions() {}

    /**
     * The function called {@code name}.
     *
     * @throws PromqlException when there is no such function, or it is outside the subset
     */
    static FunctionSpec named(String name) {
        FunctionSpec spec = SUPPORTED.get(name);
        if (spec != null) {
            return spec;
        }
        if (UNSUPPORTED.contains(name)) {
            throw PromqlException.unsupported("the function " + name + "()", "its functions: " + supportedNames());
        }
        throw PromqlException.invalid("unknown function with name \"" + name + "\"");
    }

    private static String supportedNames() {
        return String.join(", ", new TreeSet<>(SUPPORTED.keySet()));
    }
}
