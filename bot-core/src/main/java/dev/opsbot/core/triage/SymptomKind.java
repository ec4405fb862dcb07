package dev.opsbot.core.triage;

/** What the person is asking about; decides which signal is the symptom and how its onset is found. */
public enum SymptomKind {
    /** "why is checkout 5xx / failing / erroring?" — the error ratio. */
    HTTP_5XX("http_5xx", SignalName.ERROR_RATIO),
    /** "why is checkout slow?" — latency p99. */
    LATENCY("latency", SignalName.LATENCY_P99),
    /** "why is checkout restarting / crashing?" — container restarts. */
    RESTARTS("restarts", SignalName.RESTARTS),
    /** "why is checkout down?" — no healthy endpoints or every request failing. */
    DOWN("down", SignalName.ERROR_RATIO);

    private final String jsonName;
    private final SignalName signal;

    SymptomKind(String jsonName, SignalName signal) {
        this.jsonName = jsonName;
        this.signal = signal;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The signal whose onset is the symptom's onset. */
    public SignalName signal() {
        return signal;
    }
}
