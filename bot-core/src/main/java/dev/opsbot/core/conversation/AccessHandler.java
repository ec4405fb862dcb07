package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.Resolution;
import java.util.ArrayList;
import java.util.List;

/** "access": what the person can do where, one environment at a time, and how to get what they lack here. */
public final class AccessHandler implements IntentHandler<Intent.Access> {
    private final Acting acting;

    public AccessHandler(Acting acting) {
        this.acting = acting;
    }

    @Override
    public void handle(ChatEvent event, Intent.Access intent, Responder responder) {
        String environment = acting.environmentOf(event);
        switch (acting.resolve(event)) {
            case Resolution.Refused refused -> responder.reply(Reply.text(":no_entry: " + refused.message()));
            case Resolution.Mapped mapped ->
                responder.reply(describe(mapped.identity(), environment, acting.howToGetAccess(environment)));
        }
    }

    static Reply describe(Identity identity, String here, String howToGetAccess) {
        List<Block.Field> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder("What " + identity.email() + " can do:");
        for (EnvironmentAccess access : identity.environments()) {
            String label = access.environment() + (access.environment().equals(here) ? " (this channel)" : "");
            List<String> lines = new ArrayList<>(IdentityText.capabilities(identity, access));
            lines.add("granted by " + String.join(", ", access.grantedBy()));
            fields.add(new Block.Field(label, String.join("\n", lines)));
            text.append(" ")
                    .append(label)
                    .append(": ")
                    .append(String.join("; ", lines))
                    .append('.');
        }
        Reply.Builder reply = Reply.builder(text.toString()).heading("What you can do where");
        if (!fields.isEmpty()) {
            reply.add(new Block.Fields(fields));
        }
        if (identity.access(here).filter(EnvironmentAccess::canRead).isEmpty()) {
            reply.paragraph(
                    "You have no access in " + here + ", where this channel's questions run. " + howToGetAccess);
        }
        return reply.context("Writes always need an approved proposal; the session opsbot then opens allows only"
                        + " that one action and ends with it.")
                .build();
    }
}
