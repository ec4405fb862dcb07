package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import java.util.Objects;

/** Sends each intent to its handler. A switch over the sealed {@link Intent}: adding an intent fails to compile here. */
public final class IntentRouter {
    private final IntentParser parser;
    private final IntentHandler<Intent.Help> help;
    private final IntentHandler<Intent.Status> status;
    private final IntentHandler<Intent.Unrecognized> unrecognized;
    private final IntentHandler<Intent.Investigate> investigate;
    private final IntentHandler<Intent.WhoAmI> whoAmI;
    private final IntentHandler<Intent.Access> access;
    private final IntentHandler<Intent.Memory> memory;
    private final IntentHandler<Intent.Resolved> resolved;
    private final IntentHandler<Intent.Handoff> handoff;

    public IntentRouter(
            IntentParser parser,
            IntentHandler<Intent.Help> help,
            IntentHandler<Intent.Status> status,
            IntentHandler<Intent.Unrecognized> unrecognized,
            IntentHandler<Intent.Investigate> investigate,
            IntentHandler<Intent.WhoAmI> whoAmI,
            IntentHandler<Intent.Access> access) {
        this(
                parser,
                help,
                status,
                unrecognized,
                investigate,
                whoAmI,
                access,
                (event, intent, responder) ->
                        responder.reply(Reply.text(":information_source: Team memory is not enabled here.")));
    }

    public IntentRouter(
            IntentParser parser,
            IntentHandler<Intent.Help> help,
            IntentHandler<Intent.Status> status,
            IntentHandler<Intent.Unrecognized> unrecognized,
            IntentHandler<Intent.Investigate> investigate,
            IntentHandler<Intent.WhoAmI> whoAmI,
            IntentHandler<Intent.Access> access,
            IntentHandler<Intent.Memory> memory) {
        this(
                parser,
                help,
                status,
                unrecognized,
                investigate,
                whoAmI,
                access,
                memory,
                (event, intent, responder) -> responder.reply(Reply.text(
                        ":information_source: Noted. (Learning from resolved threads is not enabled here.)")),
                (event, intent, responder) ->
                        responder.reply(Reply.text(":information_source: Shift handoffs are not enabled here.")));
    }

    public IntentRouter(
            IntentParser parser,
            IntentHandler<Intent.Help> help,
            IntentHandler<Intent.Status> status,
            IntentHandler<Intent.Unrecognized> unrecognized,
            IntentHandler<Intent.Investigate> investigate,
            IntentHandler<Intent.WhoAmI> whoAmI,
            IntentHandler<Intent.Access> access,
            IntentHandler<Intent.Memory> memory,
            IntentHandler<Intent.Resolved> resolved,
            IntentHandler<Intent.Handoff> handoff) {
        this.resolved = Objects.requireNonNull(resolved);
        this.handoff = Objects.requireNonNull(handoff);
        this.memory = Objects.requireNonNull(memory);
        this.parser = Objects.requireNonNull(parser);
        this.help = Objects.requireNonNull(help);
        this.status = Objects.requireNonNull(status);
        this.unrecognized = Objects.requireNonNull(unrecognized);
        this.investigate = Objects.requireNonNull(investigate);
        this.whoAmI = Objects.requireNonNull(whoAmI);
        this.access = Objects.requireNonNull(access);
    }

    /**
     * A follow-up in a thread, not addressed to opsbot: people mostly talk among themselves there, so only a
     * command opsbot knows is answered, or a question in a thread where the model is already in conversation;
     * anything else passes in silence.
     */
    public Intent routeFollowUp(ChatEvent event, String text, Responder responder) {
        Intent intent = parser.parse(text);
        if (intent instanceof Intent.Unrecognized u) {
            if (unrecognized instanceof AskHandler ask && ask.continues(event, text)) {
                ask.handle(event, u, responder);
            }
            return intent;
        }
        return route(event, text, responder);
    }

    public Intent route(ChatEvent event, String text, Responder responder) {
        Intent intent = parser.parse(text);
        switch (intent) {
            case Intent.Help h -> help.handle(event, h, responder);
            case Intent.Status s -> status.handle(event, s, responder);
            case Intent.Unrecognized u -> unrecognized.handle(event, u, responder);
            case Intent.Investigate i -> investigate.handle(event, i, responder);
            case Intent.WhoAmI w -> whoAmI.handle(event, w, responder);
            case Intent.Access a -> access.handle(event, a, responder);
            case Intent.Memory m -> memory.handle(event, m, responder);
            case Intent.Resolved r -> resolved.handle(event, r, responder);
            case Intent.Handoff h -> handoff.handle(event, h, responder);
        }
        return intent;
    }
}
