package dev.opsbot.core.agent;

/**
 * One tool call the model asked for, as the audit log and the thread see it.
 *
 * @param tool the tool's name ({@code kubernetes.pod_logs})
 * @param arguments the arguments, redacted
 * @param outcome {@code ok}, {@code no_data}, {@code error: ...}, {@code refused: ...}
 * @param millis how long it took
 * @param resultSize characters of the (redacted) result the model got
 */
public record ToolCall(String tool, String arguments, String outcome, long millis, int resultSize) {}
