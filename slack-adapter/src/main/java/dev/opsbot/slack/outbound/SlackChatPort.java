package dev.opsbot.slack.outbound;

import static com.slack.api.methods.RequestFormBuilder.toForm;

import com.slack.api.methods.Methods;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.reactions.ReactionsAddRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.reactions.ReactionsAddResponse;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import java.util.Locale;
import java.util.Objects;

/**
 * opsbot's voice on Slack: replies become {@code chat.postMessage} in the thread, progress edits {@code chat.update}
 * (coalesced, see {@link UpdateCoalescer}), reactions {@code reactions.add}, and a reply's charts are uploaded into
 * the same thread with {@code files.uploadV2} after the message, so they appear right under it.
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
        String blocks = renderer.render(reply).toString();
        ChatPostMessageResponse posted = api.post(
                Methods.CHAT_POST_MESSAGE,
                toForm(ChatPostMessageRequest.builder()
                        .channel(thread.channel())
                        .threadTs(thread.thread())
                        .text(renderer.fallbackText(reply))
                        .blocksAsString(blocks)
                        .build()),
                ChatPostMessageResponse.class);
        MessageRef message = new MessageRef(thread, posted.getTs());
        reply.images().forEach(image -> upload(thread, image));
        return message;
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

    private void upload(ThreadRef thread, Block.Image image) {
        // requestFileInfo(false): opsbot needs no files.info round trip, and it is one more call to rate-limit
        api.call(
                "files.uploadV2",
                methods -> methods.filesUploadV2(r -> r.channel(thread.channel())
                        .threadTs(thread.thread())
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
