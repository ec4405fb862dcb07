package dev.opsbot.teams.outbound;

import static dev.opsbot.teams.outbound.CardElements.bold;
import static dev.opsbot.teams.outbound.CardElements.small;
import static dev.opsbot.teams.outbound.CardElements.text;
import static dev.opsbot.teams.outbound.CardElements.tight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Reply} as a Teams message. A reply of paragraphs only is a Markdown message with no card (progress lines,
 * short answers). Anything else is one Adaptive Card 1.4: heading, paragraphs, fields as a {@code FactSet}, evidence
 * lines, charts as {@code Image}s with a {@code data:} URL (Teams shows them inline; no public URL needed), context in
 * small subtle text, and each proposal as a container with the exact operation, its terms and Approve/Reject
 * buttons. A button's data is {@code {"opsbot":"vote","reaction":<the proposal's approve or reject
 * reaction>,"proposal":<id>}}; inbound turns the click into that reaction on the card's message, so the approval
 * flow checks it exactly like an emoji.
 *
 * <p>Every text that Teams reads as Markdown goes through {@link TeamsMarkdown} or {@link MarkdownEscape}, so a link,
 * picture or HTML in a log line or the model's answer shows as the characters it is made of.
 *
 * <p>The reply's {@code text}, as plain text, is the card's {@code fallbackText} and the message's {@code summary},
 * not its {@code text}: Teams shows a message's text above its card, which would say everything twice.
 */
public final class AdaptiveCardRenderer {
    public static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The {@code opsbot} field of a button's data that makes its click a vote. */
    public static final String VOTE = "vote";
    /** Teams shows pictures up to 1 MB, in these formats. */
    static final int MAX_IMAGE_BYTES = 1024 * 1024;

    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    static final int MAX_SUMMARY = 1_000;
    static final String SHORTENED = "_Part of this reply was shortened to fit Teams' message limits._";

    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveCardRenderer.class);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** The message activity for {@code reply}; the chat port adds where it goes. */
    public Activity render(Reply reply) {
        Activity activity = Activity.createMessageActivity();
        activity.setTimestamp(null); // the connector stamps it
        activity.setTextFormat(TextFormatTypes.MARKDOWN);
        CardBudget budget = new CardBudget();
        if (isPlain(reply)) {
            activity.setText(budget.fit(TeamsMarkdown.message(plainText(reply)), CardBudget.MAX_CARD));
            return activity;
        }
        String fallback = budget.fit(TeamsMarkdown.plain(reply.text()), MAX_SUMMARY);
        activity.setSummary(fallback);
        Attachment card = new Attachment();
        card.setContentType(CARD_CONTENT_TYPE);
        card.setContent(CardElements.card(fallback, body(reply, budget)));
        activity.setAttachments(List.of(card));
        return activity;
    }

    /** A reply of paragraphs only (or none) needs no card. */
    public static boolean isPlain(Reply reply) {
        return reply.blocks().stream().allMatch(Block.Paragraph.class::isInstance);
    }

    private static String plainText(Reply reply) {
        if (reply.blocks().isEmpty()) {
            return reply.text();
        }
        return String.join(
                "\n\n",
                reply.blocks().stream()
                        .map(block -> ((Block.Paragraph) block).text())
                        .toList());
    }

    private static List<ObjectNode> body(Reply reply, CardBudget budget) {
        List<ObjectNode> body = new ArrayList<>();
        int left = 0;
        for (Block block : reply.blocks()) {
            List<ObjectNode> elements = render(block, budget);
            if (left > 0 || !budget.take(elements)) {
                left++;
                continue;
            }
            body.addAll(elements);
        }
        if (budget.shortened()) {
            body.add(small(SHORTENED));
            LOG.warn("Reply shortened for Teams: {} cuts, {} blocks left out", budget.cuts(), left);
        }
        return body;
    }

    private static List<ObjectNode> render(Block block, CardBudget budget) {
        return switch (block) {
            case Block.Heading heading -> lines(heading.text(), budget, CardElements::heading);
            case Block.Paragraph paragraph -> lines(paragraph.text(), budget, CardElements::text);
            case Block.Fields fields -> fields.fields().isEmpty() ? List.of() : List.of(facts(fields, budget));
            case Block.EvidenceList evidence -> evidence(evidence, budget);
            case Block.Proposal proposal -> List.of(ProposalCard.render(proposal, budget));
            case Block.Image image -> List.of(image(image));
            case Block.Context context -> lines(context.text(), budget, CardElements::small);
        };
    }

    /** One text element per line: Teams' card Markdown does not reliably break lines inside one. */
    private static List<ObjectNode> lines(String text, CardBudget budget, Function<String, ObjectNode> element) {
        List<ObjectNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                ObjectNode next = element.apply(budget.fit(TeamsMarkdown.of(line)));
                lines.add(lines.isEmpty() ? next : tight(next));
            }
        }
        return lines;
    }

    private static ObjectNode facts(Block.Fields fields, CardBudget budget) {
        return CardElements.facts(fields.fields().stream()
                .map(field -> new Block.Field(budget.fit(field.label()), budget.fit(field.value())))
                .toList());
    }

    private static List<ObjectNode> evidence(Block.EvidenceList list, CardBudget budget) {
        List<ObjectNode> lines = new ArrayList<>();
        lines.add(bold(budget.fit(TeamsMarkdown.of(list.title()))));
        for (Block.Evidence item : list.items()) {
            String at = item.at() == null ? "" : "**" + CLOCK.format(item.at()) + "** ";
            lines.add(tight(text(budget.fit("• " + at + TeamsMarkdown.of(item.source() + ": " + item.detail())))));
        }
        return lines;
    }

    private static ObjectNode image(Block.Image image) {
        if (!IMAGE_TYPES.contains(image.mediaType())) {
            return small("Chart \"" + MarkdownEscape.card(image.title())
                    + "\" left out: Teams shows only PNG, JPEG and GIF pictures.");
        }
        if (image.data().length > MAX_IMAGE_BYTES) {
            return small("Chart \"" + MarkdownEscape.card(image.title())
                    + "\" left out: it is larger than the 1 MB Teams allows.");
        }
        return CardElements.image(image);
    }
}
