package dev.opsbot.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Slack payloads into bot-core {@link ChatEvent}s. Pure translation plus two look-ups (people, threads); empty
 * means "not for opsbot" (its own or another bot's message, a message outside a thread, a reaction on a file).
 */
public final class SlackEventTranslator {
    public static final String PLATFORM = "slack";

    /**
     * Slash commands are not posted in a thread and carry no message ts. Their thread id is this prefix plus the
     * command's trigger id: not a Slack ts, which tells the outbound port to post at the channel's top level.
     */
    public static final String COMMAND_THREAD_PREFIX = "command:";

    private static final Logger log = LoggerFactory.getLogger(SlackEventTranslator.class);

    private final UserDirectory users;
    private final ThreadLookup threads;
    private final String approveReaction;
    private final String rejectReaction;
    private final Clock clock;

    public SlackEventTranslator(
            UserDirectory users, ThreadLookup threads, String approveReaction, String rejectReaction, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.approveReaction = Objects.requireNonNull(approveReaction, "approveReaction");
        this.rejectReaction = Objects.requireNonNull(rejectReaction, "rejectReaction");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<ChatEvent> mention(String eventId, Integer eventTime, AppMentionEvent e, String botUserId) {
        if (fromBot(e.getBotId(), e.getUser(), botUserId)) {
            return Optional.empty();
        }
        ThreadRef thread = thread(e.getChannel(), e.getThreadTs(), e.getTs());
        return Optional.of(new ChatEvent.Mention(
                eventId, thread, e.getTs(), user(e.getUser()), stripMention(e.getText(), botUserId), at(eventTime)));
    }

    /** A reply in a thread; top-level messages and replies that mention opsbot (app_mention covers those) are not. */
    public Optional<ChatEvent> threadReply(String eventId, Integer eventTime, MessageEvent e, String botUserId) {
        if (fromBot(e.getBotId(), e.getUser(), botUserId) || isBlank(e.getThreadTs()) || isBlank(e.getUser())) {
            return Optional.empty();
        }
        if (botUserId != null && e.getText() != null && e.getText().contains("<@" + botUserId)) {
            return Optional.empty(); // Slack sends app_mention too: answering both would answer twice
        }
        ThreadRef thread = thread(e.getChannel(), e.getThreadTs(), e.getTs());
        return Optional.of(
                new ChatEvent.Message(eventId, thread, e.getTs(), user(e.getUser()), e.getText(), at(eventTime)));
    }

    /** A reaction on a message; {@code added} false for reaction_removed. */
    public Optional<ChatEvent> reaction(
            String eventId,
            Integer eventTime,
            String userId,
            String reaction,
            String itemType,
            String channel,
            String messageTs,
            boolean added) {
        if (!"message".equals(itemType) || isBlank(channel) || isBlank(messageTs) || isBlank(userId)) {
            return Optional.empty();
        }
        String root = threads.threadOf(channel, messageTs).orElse(messageTs);
        MessageRef target = new MessageRef(new ThreadRef(PLATFORM, channel, root), messageTs);
        ChatUser user = user(userId);
        return Optional.of(
                added
                        ? new ChatEvent.ReactionAdded(eventId, target, user, reaction, at(eventTime))
                        : new ChatEvent.ReactionRemoved(eventId, target, user, reaction, at(eventTime)));
    }

    public ChatEvent command(SlashCommandPayload p) {
        ThreadRef thread = new ThreadRef(PLATFORM, p.getChannelId(), COMMAND_THREAD_PREFIX + p.getTriggerId());
        ChatUser user = user(p.getUserId(), p.getUserName());
        return new ChatEvent.Command(
                "command:" + p.getTriggerId(), thread, user, p.getCommand(), p.getText(), clock.instant());
    }

    /** An Approve/Reject button: the reaction it stands for, on the message carrying the button. */
    public Optional<ChatEvent> buttonAsReaction(BlockActionPayload p, BlockActionPayload.Action action) {
        String reaction =
                switch (action.getActionId()) {
                    case SlackEvents.APPROVE_ACTION -> approveReaction;
                    case SlackEvents.REJECT_ACTION -> rejectReaction;
                    default -> null;
                };
        if (reaction == null || p.getMessage() == null || p.getChannel() == null || p.getUser() == null) {
            return Optional.empty();
        }
        String messageTs = p.getMessage().getTs();
        ThreadRef thread = thread(p.getChannel().getId(), p.getMessage().getThreadTs(), messageTs);
        // Each click has its own trigger id: two clicks are two votes, and the approval flow decides what counts.
        String eventId = "action:" + firstNonBlank(p.getTriggerId(), action.getActionTs());
        return Optional.of(new ChatEvent.ReactionAdded(
                eventId, new MessageRef(thread, messageTs), user(p.getUser().getId()), reaction, slackTs(action)));
    }

    private Instant slackTs(BlockActionPayload.Action action) {
        try {
            return Instant.ofEpochMilli((long) (Double.parseDouble(action.getActionTs()) * 1000));
        } catch (RuntimeException unparsable) {
            return clock.instant();
        }
    }

    private ChatUser user(String userId) {
        return user(userId, userId);
    }

    private ChatUser user(String userId, String fallbackName) {
        ChatUser withoutEmail = new ChatUser(userId, fallbackName, null);
        try {
            return users.user(userId).orElse(withoutEmail);
        } catch (RuntimeException e) {
            // Without an email identity mapping refuses what needs one: safe, so take the event rather than lose it.
            log.warn("user directory failed for {} ({}); continuing without an email", userId, e.toString());
            return withoutEmail;
        }
    }

    private Instant at(Integer eventTime) {
        return eventTime == null ? clock.instant() : Instant.ofEpochSecond(eventTime);
    }

    private static ThreadRef thread(String channel, String threadTs, String ts) {
        return new ThreadRef(PLATFORM, channel, isBlank(threadTs) ? ts : threadTs);
    }

    private static boolean fromBot(String botId, String userId, String botUserId) {
        return !isBlank(botId) || (userId != null && userId.equals(botUserId));
    }

    static String stripMention(String text, String botUserId) {
        if (text == null || botUserId == null) {
            return text;
        }
        return text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", "")
                .replaceAll(" {2,}", " ")
                .strip();
    }

    private static String firstNonBlank(String a, String b) {
        return isBlank(a) ? b : a;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
