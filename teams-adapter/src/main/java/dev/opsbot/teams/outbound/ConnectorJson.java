package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * The Bot Framework SDK's own Jackson setup (what its {@code RestConnectorClient} sends with), so the schema classes
 * ({@code Activity}, {@code ConversationParameters}, ...) go out exactly as the SDK would write them.
 */
public final class ConnectorJson {
    private static final ObjectMapper MAPPER = new JacksonAdapter().serializer();

    private ConnectorJson() {}

    /** The shared mapper; configured once, safe to use from any thread. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
