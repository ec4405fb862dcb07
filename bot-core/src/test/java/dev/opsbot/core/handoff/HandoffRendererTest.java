package dev.opsbot.core.handoff;

import static dev.opsbot.core.handoff.HandoffFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.triage.Cause;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handoff as the channel reads it. */
class HandoffRendererTest {
    static final String AWS_KEY = "AKIA2E0A8F3B244C9986";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final HandoffFixture shift = new HandoffFixture();
    private final HandoffRenderer renderer = new HandoffRenderer(BERLIN);

    private Reply render() {
        return renderer.render(shift.report(), Optional.empty(), Optional.empty());
    }

    @Test
    void aShiftWithNothingInItSaysQuietShiftAndNoSections() {
        Reply reply = render();

        assertThat(reply.text())
                .contains("Shift handoff #C0INC")
                .contains("*Mon 9 Mar 19:00 → Tue 10 Mar 07:00 CET*")
                .contains("Quiet shift")
                .doesNotContain("Threads")
                .doesNotContain("Things to watch")
                .doesNotContain("New memories");
        assertThat(reply.blocks().getFirst()).isEqualTo(new Block.Heading("Shift handoff #C0INC"));
    }

    @Test
    void sectionsWithNothingInThemAreLeftOutAndTimesAreInTheZone() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "why is checkout 5xx?", at(134)); // 20:14 UTC
        shift.verdict(thread, "why is checkout 5xx?", Cause.OOM, 0.92, "memory limit lowered 512Mi -> 128Mi", at(135));

        String text = render().text();

        assertThat(text)
                .contains(":thread: *Threads* (1)")
                .contains(":red_circle: *open* · “why is checkout 5xx?” (alice@example.com) → oom 92 %:"
                        + " memory limit lowered 512Mi -> 128Mi _(last active Mon 21:15)_")
                .doesNotContain("Quiet shift")
                .doesNotContain("Actions executed")
                .doesNotContain("Rejected")
                .doesNotContain("Waiting for a decision")
                .doesNotContain("New memories");
    }

    @Test
    void whatNeedsTheNextShiftComesBeforeTheRecord() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "checkout 5xx?", at(10));
        shift.propose(thread, "p-failed", "restart payments", at(11), Duration.ofMinutes(30));
        shift.run("p-failed", ProposalState.FAILED, "forbidden", at(20));
        shift.propose(thread, "p-waiting", "scale checkout to 6", at(700), Duration.ofMinutes(40));
        shift.learn("rollback stops the OOM kills", at(30));

        String text = render().text();

        assertThat(text.indexOf("Things to watch")).isLessThan(text.indexOf("Open questions"));
        assertThat(text.indexOf("Open questions")).isLessThan(text.indexOf("Waiting for a decision"));
        assertThat(text.indexOf("Waiting for a decision")).isLessThan(text.indexOf("*Threads*"));
        assertThat(text.indexOf("*Threads*")).isLessThan(text.indexOf("Actions executed"));
        assertThat(text.indexOf("Actions executed")).isLessThan(text.indexOf("New memories"));
        assertThat(text).contains("`restart payments` :x: failed: forbidden · requested by alice@example.com");
    }

    @Test
    void pendingActionsShowApprovalsSoFarAndFlagThoseAboutToExpire() {
        ThreadRef thread = HandoffFixture.thread("t1");
        shift.propose(thread, "p-soon", "rollback checkout to 41", at(700), Duration.ofMinutes(40), 2);
        shift.vote("p-soon", "bob@example.com", Vote.Kind.APPROVE, at(705));
        shift.propose(thread, "p-later", "scale cart to 6", at(710), Duration.ofHours(3));

        String text = render().text();

        assertThat(text)
                .contains("2 waiting for a decision · 1 expiring within the hour")
                .contains("`rollback checkout to 41` in production · requested by alice@example.com · approvals"
                        + " 1/2 (bob@example.com) · :alarm_clock: *expires in 20 min*")
                .contains("`scale cart to 6` in production · requested by alice@example.com · approvals 0/1 ·"
                        + " expires in 2 h 50 min");
    }

    @Test
    void executedAndRejectedActionsNameThePeople() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "checkout 5xx?", at(10));
        shift.propose(thread, "p1", "rollback checkout to 41", at(11), Duration.ofMinutes(30));
        shift.vote("p1", "bob@example.com", Vote.Kind.APPROVE, at(12));
        shift.run("p1", ProposalState.DONE, "rolled back to 41", at(14));
        shift.propose(thread, "p2", "delete pod checkout-1", at(20), Duration.ofMinutes(30));
        shift.vote("p2", "carol@example.com", Vote.Kind.REJECT, at(21));
        shift.decide("p2", ProposalState.REJECTED, at(21));

        String text = render().text();

        assertThat(text)
                .contains("Mon 19:14 `rollback checkout to 41` :white_check_mark: done: rolled back to 41 · requested"
                        + " by alice@example.com, approved by bob@example.com")
                .contains("Mon 19:21 `delete pod checkout-1` rejected by carol@example.com · requested by"
                        + " alice@example.com");
    }

    @Test
    void aBusyShiftListsFiftyThreadsInParagraphsThatFitASlackSection() {
        for (int i = 0; i < 60; i++) {
            ThreadRef thread = shift.ask(
                    "t-%02d".formatted(i),
                    "alice@example.com",
                    "why is service-" + i + " returning errors for some of its users since the last deploy?",
                    at(i));
            shift.verdict(
                    thread,
                    "why is service-" + i + " returning errors?",
                    Cause.BAD_DEPLOY,
                    0.8,
                    "revision 42 of service-" + i + " fails its readiness probe after the config change",
                    at(i));
        }

        Reply reply = render();

        assertThat(reply.text()).contains(":thread: *Threads* (60)").contains("_…and 10 more_");
        assertThat(reply.blocks())
                .filteredOn(Block.Paragraph.class::isInstance)
                .allSatisfy(block ->
                        assertThat(((Block.Paragraph) block).text().length()).isLessThanOrEqualTo(3_000))
                .hasSizeGreaterThan(3);
        assertThat(reply.text().split("• :red_circle:", -1)).hasSize(51);
    }

    @Test
    void theNarrativeAndWhoTakesOverAreShownAndTheNarrativeIsMarkedAsTheModels() {
        shift.ask("t1", "alice@example.com", "checkout 5xx?", at(10));

        String text = renderer.render(
                        shift.report(), Optional.of("Checkout is still unexplained."), Optional.of("dana@example.com"))
                .text();

        assertThat(text)
                .contains("Next on call: *dana@example.com*")
                .contains("*In short* _(written by the model from the report below)_\nCheckout is still unexplained.");
    }

    @Test
    void aSecretThatReachedAStoreNeverReachesTheChannel() {
        ThreadRef thread = shift.ask("t1", "alice@example.com", "why 403 with key " + AWS_KEY + "?", at(10));
        shift.verdict(
                thread, "why 403 with key " + AWS_KEY + "?", Cause.UNKNOWN, 0.1, "key " + AWS_KEY + " denied", at(11));

        Reply reply = render();

        assertThat(reply.text()).doesNotContain(AWS_KEY).contains("[[secret:");
        assertThat(reply.blocks()).noneMatch(block -> block.toString().contains(AWS_KEY));
    }
}
