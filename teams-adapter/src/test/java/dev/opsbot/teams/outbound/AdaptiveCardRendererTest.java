package dev.opsbot.teams.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.TextFormatTypes;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges of rendering: when there is a card, Markdown, votes, pictures and Teams' size limits. */
class AdaptiveCardRendererTest {
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    @Test
    void repliesOfParagraphsOnlyAreMarkdownMessagesWithoutACard() {
        Activity single = renderer.render(Reply.text(":mag: Investigating *checkout*"));
        Activity several = renderer.render(
                new Reply("ignored", List.of(new Block.Paragraph("first"), new Block.Paragraph("second"))));
        Activity none = renderer.render(new Reply("just text", List.of()));

        assertThat(single.getText()).isEqualTo("🔍 Investigating **checkout**");
        assertThat(several.getText()).isEqualTo("first\n\nsecond");
        assertThat(none.getText()).isEqualTo("just text");
        assertThat(List.of(single, several, none)).allSatisfy(activity -> {
            assertThat(activity.getAttachments()).isNullOrEmpty();
            assertThat(activity.getTextFormat()).isEqualTo(TextFormatTypes.MARKDOWN);
        });
    }

    @Test
    void opsbotsSlackStyleMarkdownBecomesTeamsMarkdown() {
        assertThat(TeamsMarkdown.of("*bold* and _italic_ and `code`")).isEqualTo("**bold** and _italic_ and `code`");
        assertThat(TeamsMarkdown.of(":white_check_mark: done :x: :unknown_name:"))
                .isEqualTo("✅ done ❌ :unknown_name:");
        assertThat(TeamsMarkdown.of("at 02:31:00, 2 * 3 * 4, a*b*c")).isEqualTo("at 02:31:00, 2 * 3 * 4, a*b*c");
        assertThat(TeamsMarkdown.plain(":raising_hand: *rollback* <https://x.example|x>"))
                .isEqualTo("🙋 rollback x (https://x.example)");
    }

    @Test
    void eachLineOfAParagraphIsItsOwnTextBlockSittingUnderThePreviousOne() {
        JsonNode body = body(
                new Reply("t", List.of(new Block.Paragraph("Less likely:\n\n• *a*\n• b"), new Block.Heading("H"))));

        assertThat(body).hasSize(4);
        assertThat(body.get(0).path("text").asText()).isEqualTo("Less likely:");
        assertThat(body.get(0).has("spacing")).isFalse();
        assertThat(body.get(1).path("text").asText()).isEqualTo("• **a**");
        assertThat(body.get(1).path("spacing").asText()).isEqualTo("None");
        assertThat(body.get(3).path("size").asText()).isEqualTo("Large");
    }

    @Test
    void votesCarryTheProposalsOwnReactionNamesAndAMissingOneHasNoButton() {
        Block.Proposal onlyApprove = new Block.Proposal(
                "p-1", "scale Deployment shop/checkout to 3", "staging", "write", "Bob", Instant.EPOCH, "+1", null);

        JsonNode actions = body(new Reply("t", List.of(onlyApprove))).at("/0/items/3/actions");

        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).path("title").asText()).isEqualTo("Approve");
        assertThat(actions.get(0).path("data").toString())
                .isEqualTo("{\"opsbot\":\"vote\",\"reaction\":\"+1\",\"proposal\":\"p-1\"}");
    }

    @Test
    void anEvidenceLineWithoutATimeHasNoTime() {
        JsonNode body = body(new Reply(
                "t",
                List.of(new Block.EvidenceList(
                        "Evidence", List.of(new Block.Evidence("github", null, "PR #12 merged"))))));

        assertThat(body.get(1).path("text").asText()).isEqualTo("• github: PR #12 merged");
    }

    @Test
    void picturesTeamsCannotShowAreNamedInsteadOfSent() {
        Block.Image svg = new Block.Image("latency", "image/svg+xml", new byte[] {1}, null);
        Block.Image huge =
                new Block.Image("errors", "image/png", new byte[AdaptiveCardRenderer.MAX_IMAGE_BYTES + 1], null);

        JsonNode body = body(new Reply("t", List.of(svg, huge)));

        assertThat(body.findValues("url")).isEmpty();
        assertThat(body.get(0).path("text").asText()).contains("\"latency\" left out", "PNG, JPEG and GIF");
        assertThat(body.get(1).path("text").asText()).contains("\"errors\" left out", "1 MB");
    }

    @Test
    void aLargeChartDoesNotCountAgainstTheTextLimit() {
        Block.Image chart = new Block.Image("errors", "image/png", new byte[600_000], null);

        JsonNode body = body(new Reply("t", List.of(chart, new Block.Paragraph("after the chart"))));

        assertThat(body).hasSize(2);
        assertThat(body.get(0).path("url").asText()).startsWith("data:image/png;base64,AAAA");
    }

    @Test
    void aTooLongTextIsCutAndTheCardSaysItWasShortened() {
        JsonNode body = body(new Reply("t", List.of(new Block.Context("x".repeat(CardBudget.MAX_TEXT + 10)))));

        assertThat(body.get(0).path("text").asText())
                .hasSize(CardBudget.MAX_TEXT)
                .endsWith("…");
        assertThat(body.get(1).path("text").asText()).isEqualTo(AdaptiveCardRenderer.SHORTENED);
    }

    @Test
    void blocksPastTheMessageLimitAreLeftOutAndTheCardSaysSo() {
        List<Block> blocks = new ArrayList<>(List.of(new Block.Heading("a long answer")));
        for (int i = 0; i < 20; i++) {
            blocks.add(new Block.Paragraph(i + " " + "y".repeat(1_500)));
        }

        JsonNode body = body(new Reply("t", blocks));

        assertThat(body.size()).isLessThan(blocks.size());
        assertThat(body.get(body.size() - 1).path("text").asText()).isEqualTo(AdaptiveCardRenderer.SHORTENED);
        assertThat(body.toString().length()).isLessThan(CardBudget.MAX_CARD + 500);
        assertThat(body.get(body.size() - 2).path("text").asText()).startsWith(body.size() - 3 + " ");
    }

    @Test
    void aLongFallbackIsCutForTheSummary() {
        Activity activity = renderer.render(new Reply("z".repeat(5_000), List.of(new Block.Heading("H"))));

        assertThat(activity.getSummary()).hasSize(AdaptiveCardRenderer.MAX_SUMMARY);
    }

    private JsonNode body(Reply reply) {
        Activity activity = renderer.render(reply);
        assertThat(activity.getAttachments()).hasSize(1);
        assertThat(activity.getAttachments().getFirst().getContentType())
                .isEqualTo(AdaptiveCardRenderer.CARD_CONTENT_TYPE);
        return ((JsonNode) activity.getAttachments().getFirst().getContent()).path("body");
    }
}
