package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.learning.ThreadLearning;
import dev.opsbot.core.store.Verdict;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "resolved" in a thread: the incident is over. opsbot marks the thread's verdict resolved and proposes what the team
 * should remember ({@link ThreadLearning}). Only people opsbot can act for may resolve: the memory it proposes is
 * kept in their name.
 */
public final class ResolvedHandler implements IntentHandler<Intent.Resolved> {
    private static final Logger LOG = LoggerFactory.getLogger(ResolvedHandler.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Acting acting;
    private final ThreadLearning learning;

    public ResolvedHandler(Acting acting, ThreadLearning learning) {
        this.acting = Objects.requireNonNull(acting, "acting");
        this.learning = Objects.requireNonNull(learning, "learning");
    }

    @Override
    public void handle(ChatEvent event, Intent.Resolved intent, Responder responder) {
        String email;
        switch (acting.forRead(event)) {
            case Acting.Outcome.Refused refused -> {
                responder.reply(Reply.text(":no_entry: I can't take a resolution from you: " + refused.message()));
                return;
            }
            case Acting.Outcome.As as -> email = as.identity().email();
        }
        ThreadLearning.Outcome outcome;
        try {
            outcome = learning.resolve(event.thread(), email, responder);
        } catch (RuntimeException e) {
            LOG.warn("resolving {} failed", event.thread(), e);
            responder.reply(Reply.text(":warning: I could not mark this thread resolved: " + e.getMessage()
                    + ". Nothing was remembered; say `resolved` again in a moment."));
            return;
        }
        switch (outcome) {
            case NO_VERDICT ->
                responder.reply(Reply.text(":information_source: There is no investigation in this"
                        + " thread for me to resolve or learn from. To teach me something, say `@opsbot remember <what"
                        + " you learned>`."));
            case ALREADY_RESOLVED ->
                responder.reply(Reply.text(":information_source: This thread was resolved"
                        + learning.verdict(event.thread())
                                .filter(Verdict::resolved)
                                .map(v -> " by " + v.resolvedBy() + " at " + TIME.format(v.resolvedAt()))
                                .orElse("")
                        + " already."));
            case NOTHING_TO_LEARN ->
                responder.reply(Reply.text(":white_check_mark: Resolved. Triage found nothing"
                        + " wrong here and nothing was done, so there is nothing for me to remember."));
            case MEMORY_OFF -> responder.reply(Reply.text(":white_check_mark: Resolved."));
            case PROPOSED, ALREADY_KNOWN, NOT_KEPT -> {
                // ThreadLearning said it in the thread
            }
        }
    }
}
