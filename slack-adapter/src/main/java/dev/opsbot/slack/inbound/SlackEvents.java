package dev.opsbot.slack.inbound;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.opsbot.core.chat.ChatEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt {@link App} both transports share: its handlers translate Slack payloads into {@link ChatEvent}s and give
 * them to the sink (the dispatcher's {@code submit}), then acknowledge.
 *
 * <p>The sink runs on Bolt's calling thread, before the ack, and must be quick: the dispatcher's submit only records
 * the event and schedules the work on its own pool. Handing off before the ack instead would acknowledge events that
 * were never recorded. When the sink throws, the exception leaves Bolt: the HTTP endpoint answers 500 and Socket
 * Mode does not ack, so Slack delivers the event again.
 */
public final class SlackEvents {
    /** Action ids of the Approve/Reject buttons on a proposal message (the outbound renderer uses the same). */
    public static final String APPROVE_ACTION = "approve";

    public static final String REJECT_ACTION = "reject";

    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

    private final App app;
    private final SlackInboundConfig config;
    private final SlackEventTranslator translator;
    private final Consumer<ChatEvent> sink;

    public SlackEvents(
            SlackInboundConfig config,
            Consumer<ChatEvent> sink,
            UserDirectory users,
            ThreadLookup threads,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.translator =
                new SlackEventTranslator(users, threads, config.approveReaction(), config.rejectReaction(), clock);
        this.app = new App(appConfig(config));
        register();
    }

    public App app() {
        return app;
    }

    public SlackInboundConfig config() {
        return config;
    }

    private static AppConfig appConfig(SlackInboundConfig config) {
        SlackConfig slackConfig = new SlackConfig();
        if (config.methodsUrlPrefix() != null) {
            slackConfig.setMethodsEndpointUrlPrefix(config.methodsUrlPrefix());
        }
        return AppConfig.builder()
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .slack(Slack.getInstance(slackConfig))
                // Unknown event types and message subtypes (edits, joins) are acknowledged and dropped, not 404ed.
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true)
                .build();
    }

    private void register() {
        app.event(
                AppMentionEvent.class,
                (p, ctx) -> deliver(
                        translator.mention(p.getEventId(), p.getEventTime(), p.getEvent(), ctx.getBotUserId()), ctx));
        app.event(
                MessageEvent.class,
                (p, ctx) -> deliver(
                        translator.threadReply(p.getEventId(), p.getEventTime(), p.getEvent(), ctx.getBotUserId()),
                        ctx));
        app.event(ReactionAddedEvent.class, (p, ctx) -> deliver(reactionAdded(p), ctx));
        app.event(ReactionRemovedEvent.class, (p, ctx) -> deliver(reactionRemoved(p), ctx));
        app.command(config.command(), (req, ctx) -> {
            submit(translator.command(req.getPayload()));
            return ctx.ack(
                    "On it: `" + config.command() + " " + req.getPayload().getText() + "`");
        });
        app.blockAction(APPROVE_ACTION, (req, ctx) -> deliver(button(req.getPayload()), ctx));
        app.blockAction(REJECT_ACTION, (req, ctx) -> deliver(button(req.getPayload()), ctx));
    }

    private Optional<ChatEvent> reactionAdded(EventsApiPayload<ReactionAddedEvent> p) {
        ReactionAddedEvent e = p.getEvent();
        ReactionAddedEvent.Item item = e.getItem();
        return translator.reaction(
                p.getEventId(),
                p.getEventTime(),
                e.getUser(),
                e.getReaction(),
                item == null ? null : item.getType(),
                item == null ? null : item.getChannel(),
                item == null ? null : item.getTs(),
                true);
    }

    private Optional<ChatEvent> reactionRemoved(EventsApiPayload<ReactionRemovedEvent> p) {
        ReactionRemovedEvent e = p.getEvent();
        ReactionRemovedEvent.Item item = e.getItem();
        return translator.reaction(
                p.getEventId(),
                p.getEventTime(),
                e.getUser(),
                e.getReaction(),
                item == null ? null : item.getType(),
                item == null ? null : item.getChannel(),
                item == null ? null : item.getTs(),
                false);
    }

    private Optional<ChatEvent> button(BlockActionPayload p) {
        if (p.getActions() == null) {
            return Optional.empty();
        }
        return p.getActions().stream()
                .map(action -> translator.buttonAsReaction(p, action))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Response deliver(Optional<ChatEvent> event, Context ctx) {
        event.ifPresent(this::submit);
        return ctx.ack();
    }

    /**
     * Throws when the sink could not take the event. Bolt turns a non-200 answer from an event handler into its
     * auto-ack, so only an exception reaches the transport: 500 over HTTP, no ack in Socket Mode; Slack retries.
     */
    private void submit(ChatEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.error(
                    "could not submit slack event {}; Slack will deliver it again: {}", event.eventId(), e.toString());
            throw e;
        }
    }
}
