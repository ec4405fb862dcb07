package dev.opsbot.slack.outbound;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.slack.outbound.SlackText.Truncations;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Reply} as Slack Block Kit, one mapping per {@link Block} kind. Images render to nothing here: the chat
 * port uploads them into the thread with {@code files.uploadV2}, because Block Kit image blocks need a public URL.
 *
 * <p>Every text from a {@link Reply} is escaped ({@link SlackMrkdwn}) where it enters a {@code mrkdwn} field, before
 * it is fitted to a limit: a log line or a model's answer holding {@code <!channel>} or {@code <https://a|b>} shows
 * as those characters, not as a mention or a disguised link. Headers are {@code plain_text}, which Slack does not
 * parse for mentions or links, so they are sent as they are.
 *
 * <p>Slack refuses a whole message when one limit is broken, so the renderer stays inside them instead: text is cut
 * with "…", fields are split into sections of ten, and a message is at most 50 blocks. When anything was shortened
 * the last block says so, so a reader knows the thread is not the whole story.
 */
public final class BlockKitRenderer {
    public static final String APPROVE_ACTION = "approve";
    public static final String REJECT_ACTION = "reject";
    static final int MAX_BLOCKS = 50;
    static final int MAX_FIELDS = 10;
    static final String SHORTENED = "_Part of this reply was shortened to fit Slack's message limits._";

    private static final Logger LOG = LoggerFactory.getLogger(BlockKitRenderer.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    public ArrayNode render(Reply reply) {
        Truncations truncations = new Truncations();
        List<ObjectNode> blocks = new ArrayList<>();
        for (Block block : reply.blocks()) {
            blocks.addAll(render(block, truncations));
        }
        int dropped = 0;
        boolean shortened = truncations.count() > 0 || blocks.size() > MAX_BLOCKS;
        int room = shortened ? MAX_BLOCKS - 1 : MAX_BLOCKS;
        while (blocks.size() > room) {
            blocks.removeLast();
            dropped++;
        }
        if (shortened) {
            blocks.add(context(SHORTENED, truncations));
            LOG.warn("Reply shortened for Slack: {} texts cut, {} blocks left out", truncations.count(), dropped);
        }
        ArrayNode array = JSON.arrayNode();
        blocks.forEach(array::add);
        return array;
    }

    /** The message's top-level text: the notification and screen-reader fallback. */
    public String fallbackText(Reply reply) {
        // the top-level text is mrkdwn too, and it is what notifications show
        return SlackText.fit(SlackMrkdwn.escape(reply.text()), SlackText.MESSAGE, new Truncations());
    }

    private List<ObjectNode> render(Block block, Truncations truncations) {
        return switch (block) {
            case Block.Heading heading -> nonBlank(heading.text(), () -> header(heading.text(), truncations));
            case Block.Paragraph paragraph ->
                nonBlank(paragraph.text(), () -> section(SlackMrkdwn.escape(paragraph.text()), truncations));
            case Block.Fields fields -> fields(fields.fields(), truncations);
            case Block.EvidenceList evidence -> List.of(section(evidence(evidence), truncations));
            case Block.Proposal proposal -> proposal(proposal, truncations);
            case Block.Image ignored -> List.of();
            case Block.Context context ->
                nonBlank(context.text(), () -> context(SlackMrkdwn.escape(context.text()), truncations));
        };
    }

    // Slack refuses empty text objects, so an empty block is left out rather than sent.
    private static List<ObjectNode> nonBlank(String text, java.util.function.Supplier<ObjectNode> block) {
        return text.isBlank() ? List.of() : List.of(block.get());
    }

    private static ObjectNode header(String text, Truncations truncations) {
        ObjectNode header = JSON.objectNode().put("type", "header");
        header.set("text", plain(SlackText.fit(text, SlackText.HEADER, truncations)));
        return header;
    }

    /** A section of {@code mrkdwn}: text already escaped, opsbot's formatting around it. */
    private static ObjectNode section(String mrkdwn, Truncations truncations) {
        ObjectNode section = JSON.objectNode().put("type", "section");
        section.set("text", mrkdwn(SlackText.fit(mrkdwn, SlackText.SECTION, truncations)));
        return section;
    }

    /** Small print of {@code mrkdwn}: text already escaped. */
    private static ObjectNode context(String mrkdwn, Truncations truncations) {
        ObjectNode context = JSON.objectNode().put("type", "context");
        context.putArray("elements").add(mrkdwn(SlackText.fit(mrkdwn, SlackText.SECTION, truncations)));
        return context;
    }

    private static List<ObjectNode> fields(List<Block.Field> fields, Truncations truncations) {
        List<ObjectNode> sections = new ArrayList<>();
        for (int from = 0; from < fields.size(); from += MAX_FIELDS) {
            ObjectNode section = JSON.objectNode().put("type", "section");
            ArrayNode items = section.putArray("fields");
            for (Block.Field field : fields.subList(from, Math.min(fields.size(), from + MAX_FIELDS))) {
                String text = "*" + SlackMrkdwn.escapeInline(field.label()) + "*\n" + SlackMrkdwn.escape(field.value());
                items.add(mrkdwn(SlackText.fit(text, SlackText.FIELD, truncations)));
            }
            sections.add(section);
        }
        return sections;
    }

    private static String evidence(Block.EvidenceList list) {
        StringBuilder text = new StringBuilder("*")
                .append(SlackMrkdwn.escapeInline(list.title()))
                .append('*');
        for (Block.Evidence item : list.items()) {
            text.append("\n• ");
            if (item.at() != null) {
                text.append('*').append(CLOCK.format(item.at())).append("* ");
            }
            text.append(SlackMrkdwn.escapeInline(item.source()))
                    .append(": ")
                    .append(SlackMrkdwn.escapeInline(item.detail()));
        }
        return text.toString();
    }

    private static List<ObjectNode> proposal(Block.Proposal proposal, Truncations truncations) {
        // a backtick inside the operation would end the code span early and garble what people approve
        String operation = SlackMrkdwn.escapeInline(proposal.operation().replace('`', '\''));
        ObjectNode section = section("*Proposed:* `" + operation + "`", truncations);
        List<String> details = new ArrayList<>();
        addIfPresent(details, "Environment: *", proposal.environment(), "*");
        addIfPresent(details, "Risk: *", proposal.risk(), "*");
        addIfPresent(details, "Requested by ", proposal.requester(), "");
        if (proposal.expiresAt() != null) {
            details.add("Expires " + expiry(proposal.expiresAt()));
        }
        if (present(proposal.approveReaction()) && present(proposal.rejectReaction())) {
            details.add("React :" + proposal.approveReaction() + ": to approve or :" + proposal.rejectReaction()
                    + ": to reject");
        }
        List<ObjectNode> blocks = new ArrayList<>(List.of(section));
        if (!details.isEmpty()) {
            blocks.add(context(String.join("  |  ", details), truncations));
        }
        blocks.add(buttons(proposal.proposalId(), truncations));
        return blocks;
    }

    private static ObjectNode buttons(String proposalId, Truncations truncations) {
        String value = SlackText.fit(proposalId, SlackText.BUTTON_VALUE, truncations);
        ObjectNode actions = JSON.objectNode().put("type", "actions");
        ArrayNode elements = actions.putArray("elements");
        elements.add(button(APPROVE_ACTION, "Approve", "primary", value));
        elements.add(button(REJECT_ACTION, "Reject", "danger", value));
        return actions;
    }

    private static ObjectNode button(String actionId, String label, String style, String value) {
        ObjectNode button = JSON.objectNode().put("type", "button").put("action_id", actionId);
        button.set("text", plain(label));
        return button.put("style", style).put("value", value);
    }

    private static void addIfPresent(List<String> details, String prefix, String value, String suffix) {
        if (present(value)) {
            details.add(prefix + SlackMrkdwn.escapeInline(value) + suffix);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String expiry(Instant at) {
        return CLOCK.format(at) + " UTC";
    }

    private static ObjectNode plain(String text) {
        return JSON.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static ObjectNode mrkdwn(String text) {
        return JSON.objectNode().put("type", "mrkdwn").put("text", text);
    }
}
