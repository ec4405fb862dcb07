package dev.opsbot.teams.outbound;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.GoldenReplies;
import org.junit.jupiter.api.Test;

/**
 * The replies opsbot really sends, as Teams activities with Adaptive Cards, compared with reviewed golden files. The
 * replies are bot-core's {@link GoldenReplies}, the same ones Slack's golden test renders as Block Kit.
 */
class AdaptiveCardGoldenTest {
    private static final ThreadRef THREAD = new ThreadRef("teams", "19:incident@thread.tacv2", "1773111000000");

    @Test
    void anAnswerIsACardWithVerdictFactsTimedEvidenceTheFixTheChartInlineAndSources() {
        GoldenCards.assertMatches("answer", GoldenReplies.answer());
    }

    @Test
    void progressWhileSourcesRunIsOneMarkdownLineWithoutACard() {
        GoldenCards.assertMatches("progress", GoldenReplies.progress());
    }

    @Test
    void progressWhenDoneSaysHowLongAndWhatFailed() {
        GoldenCards.assertMatches("progress-done", GoldenReplies.progressDone());
    }

    @Test
    void aProposalIsAContainerWithTheOperationItsTermsAndVoteButtons() {
        GoldenCards.assertMatches("proposal", GoldenReplies.proposal());
    }

    @Test
    void statusIsAHeadingAndAFactSet() {
        GoldenCards.assertMatches(
                "status", GoldenReplies.status(THREAD, "29:alice", "19:incident@thread.tacv2/1773111000000"));
    }

    @Test
    void aPlainTextReplyIsTextOnly() {
        GoldenCards.assertMatches("text", GoldenReplies.text());
    }
}
