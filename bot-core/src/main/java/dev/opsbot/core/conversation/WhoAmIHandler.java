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

/**
 * "whoami": the person as opsbot will act for them in this thread: who the directory says they are, their groups,
 * and the identity reads in this channel's environment go out as. Someone opsbot cannot map learns why and whom to
 * ask.
 */
public final class WhoAmIHandler implements IntentHandler<Intent.WhoAmI> {
    private final Acting acting;

    public WhoAmIHandler(Acting acting) {
        this.acting = acting;
    }

    @Override
    public void handle(ChatEvent event, Intent.WhoAmI intent, Responder responder) {
        if (intent.refresh()) {
            acting.forget(event);
        }
        String environment = acting.environmentOf(event);
        switch (acting.resolve(event)) {
            case Resolution.Refused refused -> responder.reply(Reply.text(":no_entry: " + refused.message()));
            case Resolution.Mapped mapped -> responder.reply(describe(mapped.identity(), environment));
        }
    }

    static Reply describe(Identity identity, String environment) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("You are", IdentityText.who(identity)));
        fields.add(new Block.Field("Groups", IdentityText.groups(identity)));
        String here = identity.access(environment)
                .filter(EnvironmentAccess::canRead)
                .map(access -> String.join("; ", IdentityText.capabilities(identity, access)))
                .orElse("no access here; ask for it with `access`");
        fields.add(new Block.Field("Here (" + environment + ")", here));
        String text =
                "You are " + identity.displayName() + " (" + identity.email() + "); in " + environment + ": " + here;
        return Reply.builder(text)
                .heading("Who opsbot acts as for you")
                .add(new Block.Fields(fields))
                .context("Every AWS call opsbot makes for you carries your e-mail as its STS source identity, so"
                        + " CloudTrail shows it as yours; Kubernetes sees you by impersonation. Resolved "
                        + identity.resolvedAt() + "; say `whoami refresh` after your groups change.")
                .build();
    }
}
