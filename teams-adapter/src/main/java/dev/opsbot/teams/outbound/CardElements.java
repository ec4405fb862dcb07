package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.chat.Block;
import java.util.Base64;
import java.util.List;

/** The Adaptive Card 1.4 elements opsbot uses, as JSON. Texts arrive already in Teams Markdown. */
final class CardElements {
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.4";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardElements() {}

    static ObjectNode card(String fallbackText, List<ObjectNode> body) {
        ObjectNode card = JSON.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", SCHEMA)
                .put("version", VERSION)
                .put("fallbackText", fallbackText);
        // full width: charts and evidence lines are unreadable in Teams' default narrow card
        card.putObject("msteams").put("width", "Full");
        card.putArray("body").addAll(body);
        return card;
    }

    static ObjectNode text(String text) {
        return JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    static ObjectNode heading(String text) {
        return text(text).put("size", "Large").put("weight", "Bolder");
    }

    static ObjectNode bold(String text) {
        return text(text).put("weight", "Bolder");
    }

    static ObjectNode small(String text) {
        return text(text).put("size", "Small").put("isSubtle", true);
    }

    static ObjectNode monospace(String text) {
        return text(text).put("fontType", "Monospace");
    }

    /** {@code element} sitting right under the one before it, as the next line of the same paragraph. */
    static ObjectNode tight(ObjectNode element) {
        return element.put("spacing", "None");
    }

    static ObjectNode facts(List<Block.Field> fields) {
        ObjectNode factSet = JSON.objectNode().put("type", "FactSet");
        ArrayNode facts = factSet.putArray("facts");
        fields.forEach(field ->
                facts.add(JSON.objectNode().put("title", field.label()).put("value", TeamsMarkdown.of(field.value()))));
        return factSet;
    }

    static ObjectNode image(Block.Image image) {
        String url =
                "data:" + image.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image.data());
        return JSON.objectNode()
                .put("type", "Image")
                .put("url", url)
                .put("altText", image.altText())
                .put("size", "Stretch");
    }

    static ObjectNode container(String style, List<ObjectNode> items) {
        ObjectNode container = JSON.objectNode().put("type", "Container").put("style", style);
        container.putArray("items").addAll(items);
        return container;
    }

    static ObjectNode actions(List<ObjectNode> actions) {
        ObjectNode set = JSON.objectNode().put("type", "ActionSet");
        set.putArray("actions").addAll(actions);
        return set;
    }

    /** A button that posts {@code data} back to opsbot as the {@code value} of a message activity. */
    static ObjectNode submit(String title, String style, ObjectNode data) {
        ObjectNode action = JSON.objectNode()
                .put("type", "Action.Submit")
                .put("title", title)
                .put("style", style);
        action.set("data", data);
        return action;
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }
}
