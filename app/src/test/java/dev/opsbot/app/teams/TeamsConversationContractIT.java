package dev.opsbot.app.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.contract.ConversationContract;
import dev.opsbot.teams.TeamsThreads;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.TestBotConnector;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared conversation on Teams: questions arrive as Bot Framework activities mentioning opsbot at
 * {@code POST /api/messages}, each with a Bot Connector token signed by the test key; reactions as
 * {@code messageReaction} activities ({@code like} approves); what opsbot says is read from the Bot Connector it
 * posted to (cards included).
 */
class TeamsConversationContractIT extends ConversationContract {
    private static final Map<String, String> REACTIONS = Map.of("white_check_mark", "like");
    private static final AtomicLong ids = new AtomicLong(1_700_000_000_000L);
    private static FakeTeams teams;

    @BeforeAll
    static void start() {
        teams = new FakeTeams();
    }

    @BeforeEach
    void incidentAsItStarted() {
        teams.replayIncident();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Override
    protected Platform platform() {
        return new Platform() {
            @Override
            public String ask(String user, String text) {
                String id = String.valueOf(ids.incrementAndGet());
                accepted(teams.send(teams.as(user, Activities.message(id, text.replace("@opsbot ", "")))
                        .mentioningBot()
                        .at(Instant.now())
                        .json()));
                return id;
            }

            @Override
            public void react(String thread, String messageId, String user, String reaction) {
                accepted(teams.send(teams.as(
                                user,
                                Activities.reaction(String.valueOf(ids.incrementAndGet()), messageId)
                                        .inThread(thread)
                                        .added(REACTIONS.get(reaction)))
                        .at(Instant.now())
                        .json()));
            }

            @Override
            public List<Said> said(String thread) {
                return teams.connector.said(thread(thread));
            }
        };
    }

    @Test
    void theProposalCardsApproveButtonIsVerifiedLikeAReaction() {
        String root = platform().ask("alice", "@opsbot why is checkout 5xx?");
        Said proposal = awaitSaid(root, s -> s.proposalId() != null);

        vote(root, proposal, "alice");
        awaitSaid(root, s -> s.text().contains("alice can't approve"));
        vote(root, proposal, "mallory");
        awaitSaid(root, s -> s.text().contains("mallory@example.com is not mapped"));
        vote(root, proposal, "bob");
        awaitSaid(root, s -> s.text().contains("bob approved"));
        awaitSaid(root, s -> s.text().contains("Verified"));
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedAndNothingIsAnswered() {
        String id = String.valueOf(ids.incrementAndGet());
        String activity = teams.as("alice", Activities.message(id, "why is checkout 5xx?"))
                .mentioningBot()
                .json();

        assertThat(teams.send(
                                activity,
                                "Bearer "
                                        + teams.keys.token(
                                                teams.connector.serviceUrl(), TestBotConnector.Flaw.WRONG_KEY))
                        .statusCode())
                .isEqualTo(401);
        assertThat(teams.send(activity, "").statusCode()).isEqualTo(401);
        assertThat(teams.send("{not json", "Bearer " + teams.keys.token(teams.connector.serviceUrl()))
                        .statusCode())
                .isIn(400, 401);
        assertThat(teams.connector.said(thread(id))).isEmpty();
    }

    private static void vote(String root, Said proposal, String user) {
        accepted(teams.send(teams.as(
                        user,
                        Activities.cardVote(
                                        String.valueOf(ids.incrementAndGet()),
                                        proposal.messageId(),
                                        "white_check_mark",
                                        proposal.proposalId())
                                .inThread(root))
                .at(Instant.now())
                .json()));
    }

    private static Said awaitSaid(String root, java.util.function.Predicate<Said> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<Said> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = teams.connector.said(thread(root));
            for (Said said : last) {
                if (wanted.test(said)) {
                    return said;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not said within 60 s; the thread: " + last);
    }

    private static ThreadRef thread(String root) {
        return TeamsThreads.of(Activities.CHANNEL_ID + ";messageid=" + root, root, true);
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
