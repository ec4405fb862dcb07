package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;

/** Answers what opsbot does not understand yet by saying what it does understand, never with silence. */
public final class UnrecognizedHandler implements IntentHandler<Intent.Unrecognized> {

    @Override
    public void handle(ChatEvent event, Intent.Unrecognized intent, Responder responder) {
        String quoted = intent.text().length() > 200 ? intent.text().substring(0, 200) + "…" : intent.text();
        responder.reply(Reply.builder("I can't do \"" + quoted + "\" yet. I can: " + HelpHandler.commandsAsText())
                .paragraph("I can't do \"" + quoted + "\" yet. Here is what I can do:")
                .add(new Block.Fields(HelpHandler.COMMANDS))
                .build());
    }
}
