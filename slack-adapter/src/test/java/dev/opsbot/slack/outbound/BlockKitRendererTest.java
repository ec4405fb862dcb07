package dev.opsbot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Slack refuses a whole message that breaks one limit: the renderer stays inside them and says when it cut. */
class BlockKitRendererTest {
    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Test
    void aParagraphLongerThanSlacksSectionLimitIsCutWithAnEllipsisAndTheMessageSaysSo() {
        ArrayNode blocks = renderer.render(Reply.text("x".repeat(5_000)));

        String text = blocks.get(0).at("/text/text").asText();
        assertThat(text).hasSize(3_000).endsWith("…");
        assertThat(blocks.get(blocks.size() - 1).at("/elements/0/text").asText())
                .isEqualTo(BlockKitRenderer.SHORTENED);
    }

    @Test
    void cuttingNeverSplitsAnEmojiInHalf() {
        String text = "x".repeat(2_998) + "😀😀";

        String cut = renderer.render(Reply.text(text)).get(0).at("/text/text").asText();

        assertThat(cut).isEqualTo("x".repeat(2_998) + "…");
    }

    @Test
    void aLongHeadingIsCutToSlacksHeaderLimit() {
        ArrayNode blocks =
                renderer.render(Reply.builder("t").heading("h".repeat(200)).build());

        assertThat(blocks.get(0).at("/text/text").asText()).hasSize(150).endsWith("…");
    }

    @Test
    void moreThanTenFieldsAreSplitIntoSectionsOfTenAndEachFieldIsCutAt2000() {
        List<Block.Field> fields = IntStream.range(0, 23)
                .mapToObj(i -> new Block.Field("f" + i, i == 0 ? "v".repeat(2_500) : "v" + i))
                .toList();

        ArrayNode blocks = renderer.render(new Reply("t", List.of(new Block.Fields(fields))));

        assertThat(blocks.get(0).get("fields")).hasSize(10);
        assertThat(blocks.get(1).get("fields")).hasSize(10);
        assertThat(blocks.get(2).get("fields")).hasSize(3);
        assertThat(blocks.get(0).at("/fields/0/text").asText()).hasSize(2_000).endsWith("…");
    }

    @Test
    void aReplyOfMoreThanFiftyBlocksKeepsFortyNineAndANoteThatItWasShortened() {
        List<Block> many = new ArrayList<>();
        IntStream.range(0, 70).forEach(i -> many.add(new Block.Paragraph("p" + i)));

        ArrayNode blocks = renderer.render(new Reply("t", many));

        assertThat(blocks).hasSize(50);
        assertThat(blocks.get(48).at("/text/text").asText()).isEqualTo("p48");
        assertThat(blocks.get(49).at("/elements/0/text").asText()).isEqualTo(BlockKitRenderer.SHORTENED);
    }

    @Test
    void exactlyFiftyBlocksThatFitAreSentUntouched() {
        List<Block> fifty = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> fifty.add(new Block.Paragraph("p" + i)));

        ArrayNode blocks = renderer.render(new Reply("t", fifty));

        assertThat(blocks).hasSize(50);
        assertThat(blocks.get(49).at("/text/text").asText()).isEqualTo("p49");
    }

    @Test
    void evidenceTimesAreUtcHoursAndMinutesAndAnUntimedItemHasNone() {
        Block.EvidenceList evidence = new Block.EvidenceList(
                "Evidence",
                List.of(
                        new Block.Evidence("kubernetes", Instant.parse("2026-03-10T02:31:59Z"), "rollout"),
                        new Block.Evidence("github", null, "PR merged")));

        JsonNode block = renderer.render(new Reply("t", List.of(evidence))).get(0);

        assertThat(block.at("/text/text").asText())
                .isEqualTo("*Evidence*\n• *02:31* kubernetes: rollout\n• github: PR merged");
    }

    @Test
    void imagesAndEmptyTextsRenderNoBlocks() {
        Reply reply = new Reply(
                "t",
                List.of(
                        new Block.Image("chart", "image/png", new byte[] {1}, null),
                        new Block.Paragraph(" "),
                        new Block.Context(""),
                        new Block.Fields(List.of())));

        assertThat(renderer.render(reply)).isEmpty();
    }

    @Test
    void aProposalWithoutOptionalTermsStillHasBothButtonsCarryingItsId() {
        Block.Proposal bare = new Block.Proposal("p-1", "scale `x` to 3", null, null, null, null, null, null);

        ArrayNode blocks = renderer.render(new Reply("t", List.of(bare)));

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("*Proposed:* `scale 'x' to 3`");
        assertThat(blocks.get(1).get("elements"))
                .extracting(
                        b -> b.get("action_id").asText() + "=" + b.get("value").asText())
                .containsExactly("approve=p-1", "reject=p-1");
    }

    @Test
    void theFallbackTextIsCutAtSlacksMessageLimit() {
        assertThat(renderer.fallbackText(new Reply("y".repeat(50_000), List.of())))
                .hasSize(40_000)
                .endsWith("…");
    }
}
