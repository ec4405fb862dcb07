package dev.opsbot.teams.outbound;

import com.microsoft.bot.schema.ErrorResponse;
import java.net.http.HttpResponse;

/** What the Bot Connector said when it refused a call: the HTTP status and its {@code error.code} and message. */
record ConnectorError(int status, String code, String message) {
    private static final int MAX_TEXT = 300;

    static ConnectorError of(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        try {
            ErrorResponse parsed = ConnectorJson.mapper().readValue(body, ErrorResponse.class);
            if (parsed != null && parsed.getError() != null) {
                return new ConnectorError(
                        response.statusCode(),
                        parsed.getError().getCode(),
                        parsed.getError().getMessage());
            }
        } catch (Exception notJson) {
            // an HTML page from a proxy, or nothing: keep its start
        }
        return new ConnectorError(response.statusCode(), null, body.isEmpty() ? null : body);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null && !code.isBlank()) {
            text.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            String shown = message.length() > MAX_TEXT ? message.substring(0, MAX_TEXT) + "…" : message;
            text.append(": ").append(shown.replaceAll("\\s+", " "));
        }
        return text.toString();
    }
}
