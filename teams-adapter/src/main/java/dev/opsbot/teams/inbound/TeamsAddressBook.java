package dev.opsbot.teams.inbound;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.teams.TeamsThreads;
import dev.opsbot.teams.outbound.ConversationAddress;
import dev.opsbot.teams.outbound.TeamsAddresses;
import dev.opsbot.teams.outbound.UserAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, from each activity, how to reach its conversation and its sender later (a handoff summary posted to the
 * channel, a direct message, the roster lookup of the sender's e-mail): a {@link ConversationAddress} and a {@link
 * UserAddress}, written through {@link TeamsAddresses} so that outbound reads exactly what was written. It runs on the
 * ack path, so it writes only what changed since this process last wrote it, and reads nothing.
 *
 * <p>A person's address keeps the first conversation this process saw them in: someone active in two channels would
 * otherwise rewrite it with every message. Any conversation they are a member of serves the roster lookup.
 */
public final class TeamsAddressBook {
    /** More keys than this and the memory of what was written starts over: at worst one write per key again. */
    static final int MAX_REMEMBERED = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAddressBook.class);

    private final TeamsAddresses addresses;
    private final Map<String, ConversationAddress> conversations = new ConcurrentHashMap<>();
    private final Map<String, UserAddress> users = new ConcurrentHashMap<>();

    public TeamsAddressBook(ChatAddresses addresses, Clock clock) {
        this.addresses = new TeamsAddresses(
                Objects.requireNonNull(addresses, "addresses"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Remembers where {@code activity} came from (an activity with a conversation and a sender). A failing store
     * throws, and what failed is written again next time. An address outbound could not use (no http(s) service URL)
     * is logged and not written: the activity itself is still good.
     */
    public void remember(Activity activity) {
        String channel = TeamsThreads.channelOf(activity.getConversation().getId());
        String tenantId = tenantId(activity);
        ChannelAccount bot = activity.getRecipient();
        Optional<ConversationAddress> conversation = usable(() -> new ConversationAddress(
                activity.getServiceUrl(),
                channel,
                tenantId,
                bot == null ? null : bot.getId(),
                activity.getConversation().getConversationType(),
                teamsChannelId(activity)));
        if (conversation.isPresent() && !conversation.get().equals(conversations.get(channel))) {
            addresses.rememberConversation(channel, conversation.get());
            written(conversations, channel, conversation.get());
        }
        ChannelAccount from = activity.getFrom();
        Optional<UserAddress> user = usable(() -> new UserAddress(
                activity.getServiceUrl(), channel, tenantId, from.getId(), from.getAadObjectId(), from.getName()));
        if (user.isPresent() && !sameExceptConversation(user.get(), users.get(from.getId()))) {
            addresses.rememberUser(from.getId(), user.get());
            written(users, from.getId(), user.get());
        }
    }

    private static <T> Optional<T> usable(Supplier<T> address) {
        try {
            return Optional.of(address.get());
        } catch (IllegalArgumentException e) {
            LOG.warn("not remembering a Teams address opsbot could not answer at: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static <T> void written(Map<String, T> written, String key, T address) {
        if (written.size() >= MAX_REMEMBERED) {
            written.clear();
        }
        written.put(key, address);
    }

    /** Whether {@code seen} says nothing new about the person beyond the conversation they wrote in. */
    private static boolean sameExceptConversation(UserAddress seen, UserAddress written) {
        return written != null
                && new UserAddress(
                                seen.serviceUrl(),
                                written.conversationId(),
                                seen.tenantId(),
                                seen.userId(),
                                seen.aadObjectId(),
                                seen.name())
                        .equals(written);
    }

    private static String tenantId(Activity activity) {
        String tenant = activity.getConversation().getTenantId();
        if (tenant != null) {
            return tenant;
        }
        TeamsChannelData data = activity.teamsGetChannelData();
        return data == null || data.getTenant() == null
                ? null
                : data.getTenant().getId();
    }

    private static String teamsChannelId(Activity activity) {
        return activity.getChannelData() == null ? null : activity.teamsGetChannelId();
    }
}
