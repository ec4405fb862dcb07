package dev.opsbot.slack.outbound;

import static com.slack.api.methods.RequestFormBuilder.toForm;

import com.slack.api.methods.Methods;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.request.reactions.ReactionsAddRequest;
import com.slack.api.methods.request.users.UsersLookupByEmailRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.reactions.ReactionsAddResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * opsbot's voice on Slack: replies become {@code chat.postMessage} in the thread, progress edits {@code chat.update}
 * (coalesced, see {@link UpdateCoalescer}), reactions {@code reactions.add}, and a reply's charts are uploaded into
 * the same thread with {@code files.uploadV2} after the message, so they appear right under it. A message that starts
 * a thread (a scheduled handoff) is {@code chat.postMessage} without {@code thread_ts}; a direct message finds the
 * person with {@code users.lookupByEmail} (scope {@code users:read.email}) and opens the conversation with
 * {@code conversations.open} (scope {@code im:write}).
 *
 * <p>A {@link ThreadRef} here is (channel id, root message {@code ts}); a {@link MessageRef}'s id is the message's
 * {@code ts}.
 */
public final class SlackChatPort implements ChatPort {
    public static final String PLATFORM = "slack";

    private final SlackWebApi api;
    private final BlockKitRenderer renderer;
    private final UpdateCoalescer updates;

    public SlackChatPort(SlackWebApi api, BlockKitRenderer renderer) {
        this.api = Objects.requireNonNull(api, "api");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.updates = new UpdateCoalescer(this::send);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, Reply reply) {
        requireSlack(thread);
        String ts = postMessage(thread.channel(), thread.thread(), reply);
        return new MessageRef(thread, ts);
    }

    @Override
    public MessageRef postToChannel(String channel, Reply reply) {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a new thread needs a Slack channel id, such as C0INCIDENT");
        }
        String ts = postMessage(channel, null, reply);
        return new MessageRef(new ThreadRef(PLATFORM, channel, ts), ts);
    }

    @Override
    public MessageRef postDirect(String email, Reply reply) {
        String user = userByEmail(email);
        ConversationsOpenResponse opened = api.post(
                Methods.CONVERSATIONS_OPEN,
                toForm(ConversationsOpenRequest.builder().users(List.of(user)).build()),
                ConversationsOpenResponse.class);
        if (opened.getChannel() == null || opened.getChannel().getId() == null) {
            throw new ChatDeliveryException("Slack conversations.open returned no channel for " + user, true, null);
        }
        return postToChannel(opened.getChannel().getId(), reply);
    }

    /** Posts {@code reply} in {@code channel}, in the thread {@code threadTs} or as a new thread when null. */
    private String postMessage(String channel, String threadTs, Reply reply) {
        String blocks = renderer.render(reply).toString();
        ChatPostMessageResponse posted = api.post(
                Methods.CHAT_POST_MESSAGE,
                toForm(ChatPostMessageRequest.builder()
                        .channel(channel)
                        .threadTs(threadTs)
                        .text(renderer.fallbackText(reply))
                        .blocksAsString(blocks)
                        .build()),
                ChatPostMessageResponse.class);
        // a new thread's root is the message itself, so its charts go under it
        String thread = threadTs == null ? posted.getTs() : threadTs;
        reply.images().forEach(image -> upload(channel, thread, image));
        return posted.getTs();
    }

    private String userByEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a direct message needs the person's e-mail");
        }
        UsersLookupByEmailResponse found;
        try {
            found = api.post(
                    Methods.USERS_LOOKUP_BY_EMAIL,
                    toForm(UsersLookupByEmailRequest.builder().email(email).build()),
                    UsersLookupByEmailResponse.class);
        } catch (ChatDeliveryException e) {
            // SlackWebApi names Slack's error code last: "Slack users.lookupByEmail refused: users_not_found"
            if (e.getMessage().endsWith(": users_not_found")) {
                throw new ChatDeliveryException(
                        "Slack has no user with e-mail " + email
                                + " (users.lookupByEmail: users_not_found); check the address",
                        false,
                        e);
            }
            throw e;
        }
        if (found.getUser() == null || found.getUser().getId() == null) {
            throw new ChatDeliveryException("Slack users.lookupByEmail returned no user for " + email, false, null);
        }
        return found.getUser().getId();
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        requireSlack(message.thread());
        updates.update(message, reply);
    }

    @Override
    public void react(MessageRef message, String reaction) {
        requireSlack(message.thread());
        String name = stripColons(reaction);
        api.post(
                Methods.REACTIONS_ADD,
                toForm(ReactionsAddRequest.builder()
                        .channel(message.thread().channel())
                        .timestamp(message.messageId())
                        .name(name)
                        .build()),
                ReactionsAddResponse.class);
    }

    private void send(MessageRef message, Reply reply) {
        String blocks = renderer.render(reply).toString();
        api.post(
                Methods.CHAT_UPDATE,
                toForm(ChatUpdateRequest.builder()
                        .channel(message.thread().channel())
                        .ts(message.messageId())
                        .text(renderer.fallbackText(reply))
                        .blocksAsString(blocks)
                        .build()),
                ChatUpdateResponse.class);
    }

    private void upload(String channel, String threadTs, Block.Image image) {
        // requestFileInfo(false): opsbot needs no files.info round trip, and it is one more call to rate-limit
        api.call(
                "files.uploadV2",
                methods -> methods.filesUploadV2(r -> r.channel(channel)
                        .threadTs(threadTs)
                        .fileData(image.data())
                        .filename(filename(image))
                        .title(image.title())
                        .altTxt(image.altText())
                        .requestFileInfo(false)));
    }

    static String filename(Block.Image image) {
        String base = image.title()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        String extension =
                switch (image.mediaType()) {
                    case "image/png" -> ".png";
                    case "image/jpeg" -> ".jpg";
                    case "image/svg+xml" -> ".svg";
                    default -> "";
                };
        return (base.isEmpty() ? "chart" : base) + extension;
    }

    private static String stripColons(String reaction) {
        String name = reaction.strip();
        return name.startsWith(":") && name.endsWith(":") && name.length() > 2
                ? name.substring(1, name.length() - 1)
                : name;
    }

    private static void requireSlack(ThreadRef thread) {
        if (!PLATFORM.equals(thread.platform())) {
            throw new IllegalArgumentException(
                    "SlackChatPort posts only to platform 'slack', not '" + thread.platform() + "'");
        }
    }
}
