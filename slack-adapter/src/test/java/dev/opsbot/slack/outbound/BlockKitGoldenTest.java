package dev.opsbot.slack.outbound;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.GoldenReplies;
import org.junit.jupiter.api.Test;

/**
 * The replies opsbot really sends, as Block Kit, compared with reviewed golden files. The replies are bot-core's
 * {@link GoldenReplies}, the same ones Teams' golden test renders as Adaptive Cards.
 */
class BlockKitGoldenTest {
    private static final ThreadRef THREAD = new ThreadRef("slack", "C0INCIDENT", "1773111000.000100");

    @Test
    void anAnswerShowsVerdictFieldsTimedEvidenceTheFixAndSourcesButNotTheChart() {
        GoldenFiles.assertMatches("answer", GoldenReplies.answer());
    }

    @Test
    void progressWhileSourcesRunIsOneLine() {
        GoldenFiles.assertMatches("progress", GoldenReplies.progress());
    }

    @Test
    void progressWhenDoneSaysHowLongAndWhatFailed() {
        GoldenFiles.assertMatches("progress-done", GoldenReplies.progressDone());
    }

    @Test
    void aProposalShowsTheOperationItsTermsAndApproveAndRejectButtons() {
        GoldenFiles.assertMatches("proposal", GoldenReplies.proposal());
    }

    @Test
    void statusIsAHeadingAndAGridOfFields() {
        GoldenFiles.assertMatches("status", GoldenReplies.status(THREAD, "U0ALICE", "Ev1"));
    }

    @Test
    void aPlainTextReplyIsOneSection() {
        GoldenFiles.assertMatches("text", GoldenReplies.text());
    }
}
