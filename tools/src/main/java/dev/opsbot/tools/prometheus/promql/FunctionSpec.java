package dev.opsbot.tools.prometheus.promql;

import java.util.List;

/** A PromQL function: its name, the types of its parameters and result, and its body. */
record FunctionSpec(String name, List<ValueType> parameters, ValueType returns, Body body) {
    FunctionSpec {
        parameters = List.copyOf(parameters);
    }

    /** Computes the function's value from its evaluated arguments (in the order of {@link #parameters()}). */
    @FunctionalInterface
    interface Body {
        Value apply(List<Value> args, long evaluationMillis, PromqlDialect dialect);
    }
}
