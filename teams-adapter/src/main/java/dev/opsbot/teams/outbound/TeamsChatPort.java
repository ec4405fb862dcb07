package dev.opsbot.teams.outbound;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.TeamsThreads;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * opsbot's voice on Teams, over the Bot Connector REST API v3. Where to send comes from the conversation's address
 * ({@code conversation:<channel>}, kept by inbound): its service URL, tenant and opsbot's bot id there.
 *
 * <ul>
 *   <li>{@link #post}: {@code POST v3/conversations/{channel};messageid={root}/activities}, a reply in the channel
 *       thread (in a chat, the chat itself);
 *   <li>{@link #update}: {@code PUT …/activities/{id}};
 *   <li>{@link #react}: nothing. A Teams bot cannot react to messages; progress shows in the messages instead;
 *   <li>{@link #postToChannel}: {@code POST v3/conversations} with the channel in {@code channelData}: a new thread,
 *       whose root is the posted message;
 *   <li>{@link #postDirect}: the person's address ({@code email:<e-mail>}, kept by {@link TeamsRoster}) opens a
 *       one-to-one chat ({@code POST v3/conversations} with them as the member), then the reply is posted into it.
 * </ul>
 */
public final class TeamsChatPort implements ChatPort {
    static final String CHANNEL_ID = "msteams";

    private static final Logger LOG = LoggerFactory.getLogger(TeamsChatPort.class);

    private final BotConnector connector;
    private final AdaptiveCardRenderer renderer;
    private final TeamsAddresses addresses;
    private final String botId;

    public TeamsChatPort(
            BotConnector connector, AdaptiveCardRenderer renderer, TeamsAddresses addresses, TeamsSettings settings) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.botId = "28:" + settings.appId();
    }

    @Override
    public String platform() {
        return TeamsSettings.PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, Reply reply) {
        requireTeams(thread);
        return send(conversation(thread.channel()), thread, reply);
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        requireTeams(message.thread());
        ConversationAddress address = conversation(message.thread().channel());
        String conversationId = TeamsThreads.conversationId(message.thread());
        Activity activity = addressed(renderer.render(reply), address, conversationId);
        activity.setId(message.messageId());
        connector.put(
                address.serviceUrl(),
                activities(conversationId) + "/" + BotConnector.segment(message.messageId()),
                activity,
                ResourceResponse.class);
    }

    /** Teams has no API for a bot to react to a message; opsbot's progress shows in its messages instead. */
    @Override
    public void react(MessageRef message, String reaction) {
        LOG.debug("Teams bots cannot react; not adding {} to {}", reaction, message);
    }

    @Override
    public MessageRef postToChannel(String channel, Reply reply) {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a new thread needs a Teams channel id, such as 19:…@thread.tacv2");
        }
        ConversationAddress address = conversation(channel);
        if (!address.isChannel()) {
            // a group or personal chat has no threads: the chat itself is the one thread
            return send(address, new ThreadRef(TeamsSettings.PLATFORM, channel, channel), reply);
        }
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(true);
        parameters.setBot(new ChannelAccount(botOf(address)));
        parameters.setTenantId(address.tenantId());
        parameters.setChannelData(
                channelData(address.teamsChannelId() == null ? channel : address.teamsChannelId(), address.tenantId()));
        parameters.setActivity(renderer.render(reply));
        ConversationResourceResponse created = connector.post(
                address.serviceUrl(), "v3/conversations", parameters, ConversationResourceResponse.class);
        String root = rootOf(created, channel);
        return new MessageRef(new ThreadRef(TeamsSettings.PLATFORM, channel, root), root);
    }

    @Override
    public MessageRef postDirect(String email, Reply reply) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a direct message needs the person's e-mail");
        }
        UserAddress person = addresses
                .byEmail(email)
                .orElseThrow(() -> new ChatDeliveryException(
                        "opsbot has not seen " + email + " in Teams yet: Teams tells a bot who someone is only after"
                                + " they write where opsbot is; ask them to mention opsbot once in a channel it is in",
                        false,
                        null));
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(new ChannelAccount(botId));
        parameters.setMembers(List.of(new ChannelAccount(person.userId())));
        parameters.setTenantId(person.tenantId());
        parameters.setChannelData(channelData(null, person.tenantId()));
        ConversationResourceResponse created =
                connector.post(person.serviceUrl(), "v3/conversations", parameters, ConversationResourceResponse.class);
        if (created == null || created.getId() == null || created.getId().isBlank()) {
            throw new ChatDeliveryException(
                    "the Bot Connector opened no chat with " + email + " (no conversation id)", false, null);
        }
        String chat = created.getId();
        String serviceUrl = created.getServiceUrl() == null ? person.serviceUrl() : created.getServiceUrl();
        ConversationAddress address =
                new ConversationAddress(serviceUrl, chat, person.tenantId(), botId, ConversationAddress.PERSONAL, null);
        addresses.rememberConversation(chat, address); // so that later posts in this chat find it
        return send(address, new ThreadRef(TeamsSettings.PLATFORM, chat, chat), reply);
    }

    private MessageRef send(ConversationAddress address, ThreadRef thread, Reply reply) {
        String conversationId = TeamsThreads.conversationId(thread);
        Activity activity = addressed(renderer.render(reply), address, conversationId);
        ResourceResponse posted =
                connector.post(address.serviceUrl(), activities(conversationId), activity, ResourceResponse.class);
        if (posted == null || posted.getId() == null || posted.getId().isBlank()) {
            throw new ChatDeliveryException(
                    "the Bot Connector took the message for " + conversationId + " but returned no id", false, null);
        }
        return new MessageRef(thread, posted.getId());
    }

    private ConversationAddress conversation(String channel) {
        return addresses
                .conversation(channel)
                .orElseThrow(() -> new ChatDeliveryException(
                        "opsbot has not seen Teams channel " + channel + " yet: mention opsbot there once so it"
                                + " learns where the channel is",
                        false,
                        null));
    }

    private Activity addressed(Activity activity, ConversationAddress address, String conversationId) {
        activity.setChannelId(CHANNEL_ID);
        activity.setFrom(new ChannelAccount(botOf(address)));
        activity.setConversation(new ConversationAccount(conversationId));
        return activity;
    }

    private String botOf(ConversationAddress address) {
        return address.botId() == null || address.botId().isBlank() ? botId : address.botId();
    }

    private static TeamsChannelData channelData(String teamsChannelId, String tenantId) {
        TeamsChannelData data = new TeamsChannelData();
        if (teamsChannelId != null) {
            data.setChannel(new ChannelInfo(teamsChannelId));
        }
        if (tenantId != null) {
            data.setTenant(new TenantInfo(tenantId));
        }
        return data;
    }

    /** The new thread's root message: the created activity, or the id after {@code ;messageid=}. */
    private static String rootOf(ConversationResourceResponse created, String channel) {
        if (created != null
                && created.getActivityId() != null
                && !created.getActivityId().isBlank()) {
            return created.getActivityId();
        }
        if (created != null && created.getId() != null) {
            String root = TeamsThreads.of(created.getId(), null, true).thread();
            if (!root.equals(created.getId())) {
                return root;
            }
        }
        throw new ChatDeliveryException(
                "the Bot Connector started a thread in " + channel + " but returned no message id", false, null);
    }

    private static String activities(String conversationId) {
        return "v3/conversations/" + BotConnector.segment(conversationId) + "/activities";
    }

    private static void requireTeams(ThreadRef thread) {
        if (!TeamsSettings.PLATFORM.equals(thread.platform())) {
            throw new IllegalArgumentException(
                    "TeamsChatPort posts only to platform 'teams', not '" + thread.platform() + "'");
        }
    }
}
