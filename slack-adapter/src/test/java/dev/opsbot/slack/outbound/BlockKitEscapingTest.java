package dev.opsbot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text opsbot did not write (log lines, event messages, the model's answer, names from the directory) cannot mention
 * anyone or hide a link in Slack: {@code &}, {@code <} and {@code >} arrive as entities, while opsbot's own
 * {@code *bold*}, {@code `code`}, {@code :emoji:}, quotes and buttons still work.
 */
class BlockKitEscapingTest {
    /** Everything a hostile log line can try in Slack's mrkdwn. */
    private static final String HOSTILE =
            "<!channel> <!here> <@U999> <https://evil.example|runbook> R&D &lt;!everyone&gt;";

    private static final String HOSTILE_ESCAPED = "&lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt;"
            + " &lt;https://evil.example|runbook&gt; R&amp;D &amp;lt;!everyone&amp;gt;";

    private static final Pattern ENTITY_OR_AMPERSAND = Pattern.compile("&(amp;|lt;|gt;)?");

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void aLogLineHoldingAChannelMentionIsShownAsText() {
        Block.EvidenceList evidence = new Block.EvidenceList(
                "Evidence",
                List.of(new Block.Evidence("kubernetes", Instant.parse("2026-03-10T02:33:00Z"), "log: " + HOSTILE)));

        ArrayNode blocks = renderer.render(new Reply("t", List.of(evidence)));

        assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).at("/text/text").asText())
                .isEqualTo("*Evidence*\n• *02:33* kubernetes: log: " + HOSTILE_ESCAPED);
        assertNoControlSequence(blocks);
    }

    @Test
    void theModelsAnswerCannotMentionOrLinkInTheMessageOrItsNotification() {
        String answer =
                "Page everyone: <!channel>. Details in <https://evil.example/x?a=1&b=2|the runbook>, ask <@U999>.";
        Reply reply = Reply.builder(":brain: " + answer)
                .heading("Analysis")
                .paragraph(answer)
                .context("Model answer from tool results <!here>")
                .build();

        ArrayNode blocks = renderer.render(reply);

        assertThat(blocks.get(1).at("/text/text").asText())
                .isEqualTo("Page everyone: &lt;!channel&gt;. Details in"
                        + " &lt;https://evil.example/x?a=1&amp;b=2|the runbook&gt;, ask &lt;@U999&gt;.");
        assertThat(blocks.get(2).at("/elements/0/text").asText())
                .isEqualTo("Model answer from tool results &lt;!here&gt;");
        assertThat(renderer.fallbackText(reply))
                .doesNotContain("<")
                .startsWith(":brain: Page everyone: &lt;!channel&gt;");
        assertNoControlSequence(blocks);
    }

    @Test
    void aMentionInsideACodeFenceIsEscapedTooBecauseSlackStillParsesIt() {
        ArrayNode blocks = renderer.render(Reply.text("Last lines:\n```\n<!channel> & <@U999>\n```"));

        assertThat(blocks.get(0).at("/text/text").asText())
                .isEqualTo("Last lines:\n```\n&lt;!channel&gt; &amp; &lt;@U999&gt;\n```");
    }

    @Test
    void fieldsAndProposalTermsFromOutsideAreEscapedAndTheButtonsStillCarryTheProposal() {
        Block.Fields fields = new Block.Fields(List.of(new Block.Field("You are", "Eve <!channel> & co")));
        Block.Proposal proposal = new Block.Proposal(
                "p-1",
                "restart Deployment shop/<https://evil.example|checkout>",
                "production",
                "write",
                "<@U999>",
                null,
                "white_check_mark",
                "x");

        ArrayNode blocks = renderer.render(new Reply("t", List.of(fields, proposal)));

        assertThat(blocks.get(0).at("/fields/0/text").asText()).isEqualTo("*You are*\nEve &lt;!channel&gt; &amp; co");
        assertThat(blocks.get(1).at("/text/text").asText())
                .isEqualTo("*Proposed:* `restart Deployment shop/&lt;https://evil.example|checkout&gt;`");
        assertThat(blocks.get(2).at("/elements/0/text").asText())
                .contains("Requested by &lt;@U999&gt;", "React :white_check_mark: to approve or :x: to reject");
        assertThat(blocks.get(3).get("elements"))
                .extracting(
                        b -> b.get("action_id").asText() + "=" + b.get("value").asText())
                .containsExactly("approve=p-1", "reject=p-1");
        assertNoControlSequence(blocks);
    }

    @Test
    void opsbotsOwnBoldCodeEmojiAndQuoteStillRenderAroundEscapedText() {
        String text = ":brain: Resolved. I'll remember this for the team (`m-3f9a`, *fix* for checkout):\n"
                + "> roll back when <!channel> sees OOMKilled\nReact :x: to object.";

        String rendered =
                renderer.render(Reply.text(text)).get(0).at("/text/text").asText();

        assertThat(rendered)
                .isEqualTo(":brain: Resolved. I'll remember this for the team (`m-3f9a`, *fix* for checkout):\n"
                        + "> roll back when &lt;!channel&gt; sees OOMKilled\nReact :x: to object.");
    }

    @Test
    void onlyAGreaterThanThatStartsALineStaysAQuote() {
        Block.EvidenceList evidence =
                new Block.EvidenceList("Evidence", List.of(new Block.Evidence("app", null, "> not a quote -> here")));

        ArrayNode blocks =
                renderer.render(new Reply("t", List.of(evidence, new Block.Paragraph("> a quote\nnot -> one"))));

        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("*Evidence*\n• app: &gt; not a quote -&gt; here");
        assertThat(blocks.get(1).at("/text/text").asText()).isEqualTo("> a quote\nnot -&gt; one");
    }

    @Test
    void aHeadingIsPlainTextWhichSlackDoesNotParseForMentions() {
        JsonNode header = renderer.render(
                        Reply.builder("t").heading("checkout <!channel>").build())
                .get(0);

        assertThat(header.at("/text/type").asText()).isEqualTo("plain_text");
        assertThat(header.at("/text/text").asText()).isEqualTo("checkout <!channel>");
    }

    @Test
    void cuttingAnEscapedTextNeverSplitsAnEntity() {
        for (int pad = 2_990; pad <= 3_000; pad++) {
            String text = "x".repeat(pad) + "<&>".repeat(10);

            String cut =
                    renderer.render(Reply.text(text)).get(0).at("/text/text").asText();

            assertThat(cut).as("padding %d", pad).endsWith("…").hasSizeLessThanOrEqualTo(SlackText.SECTION);
            assertWholeEntities(cut);
        }
    }

    @Test
    void aCutRightBeforeAnEntityKeepsAllTheTextThatFits() {
        String text = "x".repeat(2_995) + "&" + "y".repeat(10);

        String cut = renderer.render(Reply.text(text)).get(0).at("/text/text").asText();

        assertThat(cut).isEqualTo("x".repeat(2_995) + "…");
    }

    @Test
    void theEscapedFallbackTextIsCutWithoutSplittingAnEntity() {
        String fallback = renderer.fallbackText(new Reply("z".repeat(39_997) + "<!channel>", List.of()));

        assertThat(fallback).isEqualTo("z".repeat(39_997) + "…");
    }

    /** Every {@code &} in {@code text} starts a whole entity: nothing was cut in half. */
    private static void assertWholeEntities(String text) {
        Matcher matcher = ENTITY_OR_AMPERSAND.matcher(text);
        while (matcher.find()) {
            assertThat(matcher.group(1))
                    .as("entity at %d in ...%s", matcher.start(), tail(text))
                    .isNotNull();
        }
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 20));
    }

    /** No mrkdwn text in {@code blocks} opens a Slack control sequence. */
    private static void assertNoControlSequence(ArrayNode blocks) {
        List<String> texts = new ArrayList<>();
        collectMrkdwn(blocks, texts);
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("<"));
    }

    private static void collectMrkdwn(JsonNode node, List<String> texts) {
        if ("mrkdwn".equals(node.path("type").asText())) {
            texts.add(node.path("text").asText());
        }
        node.forEach(child -> collectMrkdwn(child, texts));
    }
}
