package dev.opsbot.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.MessageReaction;
import com.microsoft.bot.schema.Serialization;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.TeamsThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Teams activity as opsbot's chat events:
 *
 * <ul>
 *   <li>a message that mentions opsbot, or any message in a personal chat with it: a {@link ChatEvent.Mention}, the
 *       mention and Teams' HTML stripped;
 *   <li>a reply in a channel thread, or a group chat message, without the mention: a {@link ChatEvent.Message} (the
 *       dispatcher knows whether opsbot takes part in that thread); a new channel post without it: nothing;
 *   <li>a {@code messageReaction}: one reaction event per reaction {@link TeamsSettings#reactions} maps;
 *   <li>a card's vote button ({@code value = {"opsbot":"vote","reaction":...}}): a {@link ChatEvent.ReactionAdded} on
 *       the card, so the approval flow checks it exactly like a reaction;
 *   <li>anything else (conversation and installation updates, typing, invokes): nothing.
 * </ul>
 *
 * The person is {@code from.id} and {@code from.name}; the e-mail is not in the activity, identity looks it up in
 * the team's roster later.
 */
public final class TeamsActivityTranslator {
    static final String VOTE = "vote";
    private static final Pattern REACTION_NAME = Pattern.compile("[a-z0-9_+-]{1,64}");

    private final String botId;
    private final Map<String, String> reactions;
    private final Clock clock;

    /**
     * @param appId this bot's app id: a mention of {@code 28:<appId>} is a mention of opsbot even where the activity's
     *     recipient says otherwise
     * @param reactions Teams reaction type to opsbot's reaction name; other types are ignored
     * @param clock the time of an activity without a timestamp
     */
    public TeamsActivityTranslator(String appId, Map<String, String> reactions, Clock clock) {
        this.botId = "28:" + Objects.requireNonNull(appId, "appId");
        this.reactions = Map.copyOf(reactions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TeamsActivityTranslator(TeamsSettings settings, Clock clock) {
        this(settings.appId(), settings.reactions(), clock);
    }

    /**
     * What an activity lacks that every activity opsbot reads must have ({@code type}, {@code id}, {@code
     * conversation.id}, {@code from.id}), or null when it has all of it.
     */
    public static String missingField(Activity activity) {
        if (isBlank(activity.getType())) {
            return "type";
        }
        if (isBlank(activity.getId())) {
            return "id";
        }
        if (activity.getConversation() == null
                || isBlank(activity.getConversation().getId())) {
            return "conversation.id";
        }
        if (activity.getFrom() == null || isBlank(activity.getFrom().getId())) {
            return "from.id";
        }
        return null;
    }

    /**
     * The events in {@code activity}, none for what opsbot does not act on.
     *
     * @throws IllegalArgumentException for an activity {@link #missingField} finds incomplete
     */
    public List<ChatEvent> translate(Activity activity) {
        String missing = missingField(activity);
        if (missing != null) {
            throw new IllegalArgumentException("a Teams activity without " + missing);
        }
        if (isFromBot(activity)) {
            return List.of();
        }
        return switch (activity.getType()) {
            case ActivityTypes.MESSAGE -> message(activity);
            case ActivityTypes.MESSAGE_REACTION -> reactions(activity);
            default -> List.of();
        };
    }

    private List<ChatEvent> message(Activity activity) {
        if (activity.getValue() != null) {
            return vote(activity);
        }
        List<String> botMentions = botMentions(activity);
        String text = TeamsText.withoutMentions(activity.getText(), botMentions);
        ThreadRef thread = TeamsThreads.of(conversationId(activity), activity.getId(), isChannel(activity));
        String eventId = TeamsEventIds.of(conversationId(activity), activity.getId(), null);
        if (!botMentions.isEmpty() || isPersonal(activity)) {
            return List.of(
                    new ChatEvent.Mention(eventId, thread, activity.getId(), user(activity), text, at(activity)));
        }
        if (isChannel(activity) && thread.thread().equals(activity.getId())) {
            return List.of(); // a new channel post that does not address opsbot
        }
        return List.of(new ChatEvent.Message(eventId, thread, activity.getId(), user(activity), text, at(activity)));
    }

    /** A card's Approve/Reject button: Action.Submit sends its data as the message's value, replying to the card. */
    private List<ChatEvent> vote(Activity activity) {
        JsonNode data = Serialization.objectToTree(activity.getValue());
        String reaction = data.path("reaction").asText("");
        if (!VOTE.equals(data.path("opsbot").asText())
                || !REACTION_NAME.matcher(reaction).matches()
                || isBlank(activity.getReplyToId())) {
            return List.of(); // some other card's submit
        }
        return List.of(new ChatEvent.ReactionAdded(
                TeamsEventIds.of(conversationId(activity), activity.getId(), null),
                target(activity),
                user(activity),
                reaction,
                at(activity)));
    }

    private List<ChatEvent> reactions(Activity activity) {
        if (isBlank(activity.getReplyToId())) {
            return List.of();
        }
        List<ChatEvent> events = new ArrayList<>();
        for (MessageReaction added : nonNull(activity.getReactionsAdded())) {
            String name = reactionName(added);
            if (name != null) {
                events.add(new ChatEvent.ReactionAdded(
                        reactionEventId(activity, "+", added), target(activity), user(activity), name, at(activity)));
            }
        }
        for (MessageReaction removed : nonNull(activity.getReactionsRemoved())) {
            String name = reactionName(removed);
            if (name != null) {
                events.add(new ChatEvent.ReactionRemoved(
                        reactionEventId(activity, "-", removed), target(activity), user(activity), name, at(activity)));
            }
        }
        return events;
    }

    private String reactionName(MessageReaction reaction) {
        return reaction == null || reaction.getType() == null ? null : reactions.get(reaction.getType());
    }

    private static String reactionEventId(Activity activity, String sign, MessageReaction reaction) {
        return TeamsEventIds.of(conversationId(activity), activity.getId(), sign + reaction.getType());
    }

    /**
     * The message replied or reacted to. Its thread is the one the conversation id names; where it names none (a
     * reaction on a new channel post), the message is its own thread's root.
     */
    private static MessageRef target(Activity activity) {
        String messageId = activity.getReplyToId();
        return new MessageRef(TeamsThreads.of(conversationId(activity), messageId, isChannel(activity)), messageId);
    }

    /** The texts Teams wrote for mentions of opsbot ({@code <at>opsbot</at>}), however often it is mentioned. */
    private List<String> botMentions(Activity activity) {
        List<String> texts = new ArrayList<>();
        for (Entity entity : nonNull(activity.getEntities())) {
            if (entity == null || !"mention".equalsIgnoreCase(entity.getType())) {
                continue;
            }
            Mention mention = entity.getAs(Mention.class);
            ChannelAccount mentioned = mention == null ? null : mention.getMentioned();
            if (mentioned != null && isBot(activity, mentioned.getId())) {
                texts.add(isBlank(mention.getText()) ? "<at>" + mentioned.getName() + "</at>" : mention.getText());
            }
        }
        return texts;
    }

    private boolean isBot(Activity activity, String id) {
        if (id == null) {
            return false;
        }
        ChannelAccount recipient = activity.getRecipient();
        return id.equals(botId) || (recipient != null && id.equals(recipient.getId()));
    }

    private boolean isFromBot(Activity activity) {
        return isBot(activity, activity.getFrom().getId());
    }

    private static ChatUser user(Activity activity) {
        return new ChatUser(activity.getFrom().getId(), activity.getFrom().getName(), null);
    }

    private Instant at(Activity activity) {
        return activity.getTimestamp() == null
                ? clock.instant()
                : activity.getTimestamp().toInstant();
    }

    private static String conversationId(Activity activity) {
        return activity.getConversation().getId();
    }

    static boolean isChannel(Activity activity) {
        return "channel".equals(activity.getConversation().getConversationType());
    }

    private static boolean isPersonal(Activity activity) {
        return "personal".equals(activity.getConversation().getConversationType());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
