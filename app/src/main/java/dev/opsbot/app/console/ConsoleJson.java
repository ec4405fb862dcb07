package dev.opsbot.app.console;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.console.ConsoleMessage;
import java.util.List;

/**
 * The console's JSON: messages as the console API shows them, and reply blocks as stored. Image bytes never go
 * into the blocks; they are served from the attachment URL beside them.
 */
public final class ConsoleJson {
    static final String ATTACHMENT_PATH = "/api/console/attachments/";

    private final ObjectMapper json;

    public ConsoleJson(ObjectMapper json) {
        this.json = json.copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A message of the console API: {@code {"id","user","text","ts","blocks","attachments","reactions"}}. */
    public record MessageView(
            String id,
            String channel,
            String thread,
            String user,
            String text,
            String ts,
            JsonNode blocks,
            List<AttachmentView> attachments,
            List<ReactionView> reactions) {}

    public record AttachmentView(String type, String url, String title) {}

    public record ReactionView(String name, List<String> users) {}

    public MessageView view(ConsoleMessage m) {
        return new MessageView(
                m.id(),
                m.channel(),
                m.thread(),
                m.user(),
                m.text(),
                m.ts().toString(),
                m.blocks() == null ? null : parse(m.blocks()),
                m.attachments().stream()
                        .map(a -> new AttachmentView(a.type(), ATTACHMENT_PATH + a.id(), a.title()))
                        .toList(),
                m.reactions().stream()
                        .map(r -> new ReactionView(r.name(), r.users()))
                        .toList());
    }

    /** Blocks as stored with a bot message: the JSON array the page renders. */
    String blocks(List<Block> blocks) {
        ArrayNode array = json.createArrayNode();
        for (Block block : blocks) {
            ObjectNode node = json.valueToTree(block);
            if (block instanceof Block.Image) {
                node.remove("data");
            }
            array.add(node);
        }
        return array.toString();
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Stored by us, so this is a bug, not bad input: show the text rather than fail the whole thread.
            return json.createArrayNode();
        }
    }
}
