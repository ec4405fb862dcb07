package dev.opsbot.bench.internal;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.opsbot.teams.testing.FakeConnector;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What opsbot asked of the teams-adapter's {@link FakeConnector}, read from its WireMock journal: the replies it
 * posted per conversation (a channel thread is the conversation {@code <channel>;messageid=<root>}) and its other
 * calls. The fake keeps every activity itself, but offers them per conversation only; a load check also needs the
 * replies in conversations nobody started.
 */
public final class FakeConnectorJournal {
    private static final String CONVERSATIONS = "/v3/conversations";
    /** The thread key of {@code POST /v3/conversations}: a new conversation, never one of a load's threads. */
    public static final String NEW_CONVERSATION = "(new conversation)";

    private final FakeConnector connector;

    public FakeConnectorJournal(FakeConnector connector) {
        this.connector = connector;
    }

    /**
     * {@code POST /v3/conversations/{id}/activities} so far, counted by conversation id; updates ({@code PUT}) are
     * not replies. {@code POST /v3/conversations} counts under {@link #NEW_CONVERSATION}.
     */
    public Map<String, Integer> repliesByThread() {
        Map<String, Integer> byThread = new HashMap<>();
        for (ServeEvent event : events()) {
            String[] parts = conversationPath(event);
            if (parts == null || !"POST".equals(method(event))) {
                continue;
            }
            if (parts.length == 0) {
                byThread.merge(NEW_CONVERSATION, 1, Integer::sum);
            } else if (parts.length == 2 && parts[1].equals("activities")) {
                byThread.merge(decode(parts[0]), 1, Integer::sum);
            }
        }
        return byThread;
    }

    /** "members 1, updates 0, new conversations 0, token requests 1; answered with an error 0". */
    public String calls() {
        int members = 0;
        int updates = 0;
        int created = 0;
        int tokens = 0;
        int errors = 0;
        for (ServeEvent event : events()) {
            String[] parts = conversationPath(event);
            String method = method(event);
            if (parts == null) {
                tokens += "POST".equals(method) ? 1 : 0;
            } else if (parts.length == 0) {
                created++;
            } else if (parts.length == 3 && parts[1].equals("members")) {
                members++;
            } else if ("PUT".equals(method)) {
                updates++;
            }
            errors += event.getResponse() != null && event.getResponse().getStatus() >= 400 ? 1 : 0;
        }
        return String.format(
                Locale.ROOT,
                "members %d, updates %d, new conversations %d, token requests %d; answered with an error %d",
                members,
                updates,
                created,
                tokens,
                errors);
    }

    private List<ServeEvent> events() {
        return connector.wireMock().getAllServeEvents();
    }

    private static String method(ServeEvent event) {
        return event.getRequest().getMethod().getName();
    }

    /** The path's segments after {@code /v3/conversations} (none for the collection), or null for another path. */
    private static String[] conversationPath(ServeEvent event) {
        String path = event.getRequest().getUrl().split("\\?", 2)[0];
        if (!path.startsWith(CONVERSATIONS)) {
            return null;
        }
        String rest = path.substring(CONVERSATIONS.length());
        return rest.isEmpty() || rest.equals("/")
                ? new String[0]
                : rest.substring(1).split("/");
    }

    /** A path segment as the fake reads it: percent escapes undone, {@code +} kept. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
