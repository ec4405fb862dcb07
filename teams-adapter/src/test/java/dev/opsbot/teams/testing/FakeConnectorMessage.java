package dev.opsbot.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One message opsbot posted through the {@link FakeConnector}, as it reads now (its latest update).
 *
 * @param conversationId the conversation it was posted in ({@code 19:…;messageid=…} for a channel thread)
 * @param id the activity id the fake gave it
 * @param activity the activity JSON as last sent (posted or updated)
 * @param updates how many times it was updated after being posted
 */
public record FakeConnectorMessage(String conversationId, String id, JsonNode activity, int updates) {
    private static final String CARD = "application/vnd.microsoft.card.adaptive";

    /**
     * Everything a person reads in it, one piece per line: the message text or summary, then every text of its cards
     * (text blocks, facts as {@code title: value}, button titles), with Teams' {@code **bold**} markers removed.
     */
    public String text() {
        List<String> pieces = new ArrayList<>();
        addIfPresent(pieces, activity.path("text"));
        addIfPresent(pieces, activity.path("summary"));
        cards().forEach(card -> collect(card, pieces));
        return String.join("\n", pieces).replace("**", "");
    }

    /** The Adaptive Cards it carries (their {@code content}), usually none or one. */
    public List<JsonNode> cards() {
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode attachment : activity.path("attachments")) {
            if (CARD.equals(attachment.path("contentType").asText())) {
                cards.add(attachment.path("content"));
            }
        }
        return cards;
    }

    public boolean hasCard() {
        return !cards().isEmpty();
    }

    /** Whether a picture came with it: an {@code Image} in a card or an image attachment. */
    public boolean hasImage() {
        for (JsonNode attachment : activity.path("attachments")) {
            if (attachment.path("contentType").asText().startsWith("image/")) {
                return true;
            }
        }
        return cards().stream()
                .flatMap(card -> card.findParents("type").stream())
                .anyMatch(element -> "Image".equals(element.path("type").asText()));
    }

    /** The proposal its Approve/Reject buttons vote on ({@code data.proposal} of a vote), or null. */
    public String proposalId() {
        return votes().stream()
                .map(data -> data.path("proposal").asText())
                .findFirst()
                .orElse(null);
    }

    /** The {@code data} of each {@code Action.Submit} vote button, in card order: what a click sends back. */
    public List<JsonNode> votes() {
        List<JsonNode> votes = new ArrayList<>();
        for (JsonNode card : cards()) {
            for (JsonNode action : card.findParents("type")) {
                JsonNode data = action.path("data");
                if ("Action.Submit".equals(action.path("type").asText())
                        && "vote".equals(data.path("opsbot").asText())) {
                    votes.add(data);
                }
            }
        }
        return votes;
    }

    private static void collect(JsonNode node, List<String> pieces) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, pieces));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("type").asText();
        if ("TextBlock".equals(type)) {
            addIfPresent(pieces, node.path("text"));
        } else if (type.startsWith("Action.")) {
            addIfPresent(pieces, node.path("title"));
        }
        for (JsonNode fact : node.path("facts")) {
            pieces.add(fact.path("title").asText() + ": " + fact.path("value").asText());
        }
        node.path("body").forEach(child -> collect(child, pieces));
        node.path("items").forEach(child -> collect(child, pieces));
        node.path("actions").forEach(child -> collect(child, pieces));
        node.path("columns").forEach(child -> collect(child, pieces));
    }

    private static void addIfPresent(List<String> pieces, JsonNode text) {
        if (text.isTextual() && !text.asText().isBlank()) {
            pieces.add(text.asText());
        }
    }
}
