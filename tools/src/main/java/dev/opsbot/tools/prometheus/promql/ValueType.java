package dev.opsbot.tools.prometheus.promql;

/** The static type of a PromQL expression, named as Prometheus' error messages name it. */
enum ValueType {
    SCALAR("scalar"),
    VECTOR("instant vector"),
    MATRIX("range vector"),
    STRING("string");

    private final String documentedName;

    ValueType(String documentedName) {
        this.documentedName = documentedName;
    }

    @Override
    public String toString() {
        return documentedName;
    }
}
