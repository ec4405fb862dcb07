package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.learning.Recollection;
import dev.opsbot.core.learning.TeamKnowledge;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What no rule understands: with a model configured, the model answers it (as the person, with READ tools only, and
 * a follow-up in the thread continues the conversation); without one, opsbot says what it can do.
 */
public final class AskHandler implements IntentHandler<Intent.Unrecognized> {
    private static final Logger LOG = LoggerFactory.getLogger(AskHandler.class);

    private final Acting acting;
    private final Optional<AgentAdvisor> advisor;
    private final Optional<TeamKnowledge> knowledge;
    private final UnrecognizedHandler withoutModel = new UnrecognizedHandler();

    public AskHandler(Acting acting, Optional<AgentAdvisor> advisor) {
        this(acting, advisor, Optional.empty());
    }

    /** @param knowledge team memory and runbooks: what they hold on the question is cited and given to the model */
    public AskHandler(Acting acting, Optional<AgentAdvisor> advisor, Optional<TeamKnowledge> knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.acting = Objects.requireNonNull(acting, "acting");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
    }

    /** Whether {@code text}, said in a thread without addressing opsbot, continues a conversation with the model. */
    public boolean continues(ChatEvent event, String text) {
        return advisor.isPresent()
                && text.strip().endsWith("?")
                && advisor.get().inConversation(event.thread());
    }

    @Override
    public void handle(ChatEvent event, Intent.Unrecognized intent, Responder responder) {
        if (advisor.isEmpty() || intent.text().isBlank()) {
            withoutModel.handle(event, intent, responder);
            return;
        }
        switch (acting.forRead(event)) {
            case Acting.Outcome.Refused refused ->
                responder.reply(
                        Reply.text(":no_entry: I can't investigate as you: " + refused.message()),
                        Responder.ANSWER,
                        "identity");
            case Acting.Outcome.As actor -> {
                try {
                    Recollection recollection = knowledge
                            .map(k -> k.recall(event.thread(), intent.text()))
                            .orElse(Recollection.NOTHING);
                    knowledge.ifPresent(k -> k.cite(recollection, responder));
                    advisor.get().advise(event, actor, intent.text(), null, null, responder, recollection.citations());
                } catch (RuntimeException e) {
                    // not the question itself: it may hold what redaction is there to keep out of logs
                    LOG.warn("the model could not answer a question in {}", event.thread(), e);
                    // nor its message in the thread: it was never redacted, and may quote evidence or a request
                    responder.reply(Reply.text(":warning: The model could not answer: something failed on opsbot's"
                            + " side (the details are in opsbot's log)."));
                }
            }
        }
    }
}
