package dev.opsbot.teams.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text opsbot did not write (log lines, event messages, the model's answer, memory) cannot put a link, a picture or
 * HTML into a Teams card or message, while opsbot's own bold, emoji and code still render.
 */
class AdaptiveCardEscapingTest {
    private static final Instant AT = Instant.parse("2026-03-10T02:33:00Z");

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    @Test
    void aSampleHoldingAMarkdownLinkIsShownAsText() {
        JsonNode body = body(evidence("msg=\"see [click](https://evil.example) now\""));

        assertThat(body.get(1).path("text").asText())
                .isEqualTo("• **02:33** kubernetes: msg=\"see \\[click\\]\\(https://evil.example) now\"");
    }

    @Test
    void aSampleHoldingAnImageTagOrAMarkdownImageIsShownAsText() {
        JsonNode body = body(evidence("<img src=x onerror=alert(1)> ![pixel](https://tracker.example/p.png)"));

        assertThat(body.get(1).path("text").asText())
                .isEqualTo("• **02:33** kubernetes: \\<img src=x onerror=alert(1)>"
                        + " !\\[pixel\\]\\(https://tracker.example/p.png)");
    }

    @Test
    void aSlackStyleLinkInALogLineDoesNotBecomeATeamsLink() {
        JsonNode body = body(evidence("<https://evil.example|runbook>"));

        assertThat(body.get(1).path("text").asText())
                .isEqualTo("• **02:33** kubernetes: \\<https://evil.example|runbook>")
                .doesNotContain("](");
    }

    @Test
    void aBackslashInTheSampleCannotUndoTheEscape() {
        assertThat(TeamsMarkdown.of("\\[click\\](https://evil.example) C:\\temp"))
                .isEqualTo("\\\\\\[click\\\\\\]\\(https://evil.example) C:\\temp");
    }

    @Test
    void aLinkInsideACodeSpanStillHasNoOpeningParenthesisForParsersThatIgnoreCodeSpans() {
        assertThat(TeamsMarkdown.of("ran `curl [x](https://evil.example)`"))
                .isEqualTo("ran `curl [x]\\(https://evil.example)`");
    }

    @Test
    void aMultiLineTextIsEscapedInsideBackticksTooBecauseClientsMayPairThemAcrossLines() {
        JsonNode body = body(evidence("a `\n- <img src=x> [y](https://evil.example) `"));

        assertThat(body.get(1).path("text").asText())
                .isEqualTo("• **02:33** kubernetes: a `\n- \\<img src=x> \\[y\\]\\(https://evil.example) `");
    }

    @Test
    void theModelsAnswerInAPlainMessageCannotLinkOrInjectHtml() {
        String answer = ":brain: The cause is *oom*. See [the runbook](https://evil.example) <img src=x>\n"
                + "Say `@opsbot remember <what you learned>` to keep it.";

        Activity message = renderer.render(Reply.text(answer));

        assertThat(message.getAttachments()).isNullOrEmpty();
        assertThat(message.getText())
                .isEqualTo("🧠 The cause is **oom**. See \\[the runbook\\]\\(https://evil.example) &lt;img src=x>\n\n"
                        + "Say `@opsbot remember <what you learned>` to keep it.");
    }

    @Test
    void opsbotsOwnHeadingBoldEmojiAndCodeStillRenderAroundEscapedText() {
        Reply reply = Reply.builder("t")
                .heading("checkout 5xx")
                .paragraph(":warning: Most likely *oom* in `shop/checkout`: [a](https://evil.example)")
                .build();

        JsonNode body = body(reply);

        assertThat(body.get(0).path("text").asText()).isEqualTo("checkout 5xx");
        assertThat(body.get(0).path("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(1).path("text").asText())
                .isEqualTo("⚠️ Most likely **oom** in `shop/checkout`: \\[a\\]\\(https://evil.example)");
    }

    @Test
    void aProposalsOperationAndTermsFromTheModelAreShownAsText() {
        Block.Proposal proposal = new Block.Proposal(
                "p-1",
                "restart Deployment shop/[checkout](https://evil.example)",
                "production",
                "write",
                "[Alice](https://evil.example)",
                null,
                "white_check_mark",
                "x");

        JsonNode container = body(new Reply("t", List.of(proposal))).get(0);

        assertThat(container.at("/items/1/text").asText())
                .isEqualTo("restart Deployment shop/\\[checkout\\]\\(https://evil.example)");
        assertThat(container.at("/items/2/facts").findValuesAsText("value"))
                .contains("\\[Alice\\]\\(https://evil.example)");
        assertThat(container.at("/items/3/actions").findValuesAsText("proposal"))
                .containsExactly("p-1", "p-1");
    }

    @Test
    void cuttingALongMessageNeverLeavesHalfAnEscapedLessThan() {
        String text = "x".repeat(CardBudget.MAX_CARD - 3) + "<<";

        String cut = renderer.render(Reply.text(text)).getText();

        assertThat(cut).isEqualTo("x".repeat(CardBudget.MAX_CARD - 3) + "…");
    }

    private static Reply evidence(String detail) {
        return new Reply(
                "t",
                List.of(new Block.EvidenceList("Evidence", List.of(new Block.Evidence("kubernetes", AT, detail)))));
    }

    private JsonNode body(Reply reply) {
        Activity activity = renderer.render(reply);
        assertThat(activity.getAttachments()).hasSize(1);
        return ((JsonNode) activity.getAttachments().getFirst().getContent()).path("body");
    }
}
