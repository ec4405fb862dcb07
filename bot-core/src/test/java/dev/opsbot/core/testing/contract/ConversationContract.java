package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One conversation every chat platform must carry the same way, whatever its transport: ask, see progress, get the
 * answer with its chart, see the fix proposed, have it refused for the requester and approved by a reaction from an
 * approver, see it run and verified. The web console, Slack and Teams each run it through their own edge (the
 * console's HTTP API, signed Slack events, Bot Framework activities) against the bundled incident, where alice is on
 * call, bob may approve in production, and the answer is checkout's OOM with a rollback to revision 41.
 */
public abstract class ConversationContract {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A platform as a person uses it: post in a channel, react to a message, read a thread. */
    public interface Platform {
        /** Posts {@code text} as {@code user} in the incident channel; returns the new thread's id. */
        String ask(String user, String text);

        /** Reacts to a message of the thread as {@code user} (the platform's reaction, or its button). */
        void react(String thread, String messageId, String user, String reaction);

        /** What opsbot has said in the thread so far, oldest first, as the platform shows it. */
        List<Said> said(String thread);
    }

    /**
     * One message opsbot posted, as the platform shows it.
     *
     * @param text everything a person reads in it (fallback text and rendered blocks)
     * @param hasImage whether a chart came with it
     * @param proposalId the proposal it shows, or null
     */
    public record Said(String messageId, String text, boolean hasImage, String proposalId) {}

    protected abstract Platform platform();

    @Test
    void aQuestionIsAnsweredWithProgressEvidenceAChartAndAFixThatAnApproverRunsAndVerifies() {
        Platform platform = platform();
        String thread = platform.ask("alice", "@opsbot why is checkout 5xx?");

        Said progress = await(platform, thread, s -> s.text().contains("Investigat"), "a progress line");
        assertThat(progress.text()).contains("checkout");
        Said answer = await(platform, thread, s -> s.text().contains("oom"), "the answer");
        assertThat(answer.text()).contains("512Mi").contains("128Mi");
        await(platform, thread, Said::hasImage, "the answer's chart");
        Said proposal = await(platform, thread, s -> s.proposalId() != null, "the proposal");
        assertThat(proposal.text()).contains("rollback Deployment shop/checkout to revision 41");

        platform.react(thread, proposal.messageId(), "alice", "white_check_mark");
        await(platform, thread, s -> s.text().contains("alice can't approve"), "the requester refused");

        platform.react(thread, proposal.messageId(), "bob", "white_check_mark");
        await(platform, thread, s -> s.text().contains("bob approved"), "the approval");
        await(platform, thread, s -> s.text().contains("rolled back to revision 41"), "the execution");
        Said verified = await(platform, thread, s -> s.text().contains("Verified"), "the verification");
        assertThat(verified.text()).contains("rollout complete");
    }

    private static Said await(Platform platform, String thread, Predicate<Said> wanted, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        List<Said> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = platform.said(thread);
            Optional<Said> found = last.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("opsbot did not say " + what + " within " + PATIENCE + "; it said: "
                + last.stream().map(Said::text).toList());
    }
}
