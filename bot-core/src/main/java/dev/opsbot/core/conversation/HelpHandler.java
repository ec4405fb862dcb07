package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import java.util.List;

/** Says what opsbot can do, in the words people can type. */
public final class HelpHandler implements IntentHandler<Intent.Help> {

    /** The commands opsbot understands today, shown by help and by the answer to anything unrecognised. */
    static final List<Block.Field> COMMANDS = List.of(
            new Block.Field(
                    "why is <service> 5xx?",
                    "investigate as you: what changed, when it began, the likely cause with evidence, and a fix"
                            + " (also: slow, restarting, down; shop/checkout names the namespace)"),
            new Block.Field("whoami", "who opsbot acts as when you ask: your directory identity, roles and groups"),
            new Block.Field("access", "what you can do in each environment: read, write after approval, approve"),
            new Block.Field(
                    "remember [fix:] [for <service>:] <text>",
                    "keep what the team learned; later answers in this channel draw on it (kinds: fact, fix,"
                            + " runbook, preference)"),
            new Block.Field("memories [service]", "what this channel's team memory holds"),
            new Block.Field("forget <id>", "take a memory back"),
            new Block.Field(
                    "resolved",
                    "in an incident thread: it is over; opsbot proposes what to remember from it (:x: refuses)"),
            new Block.Field(
                    "handoff [8h | since 18:00]",
                    "the shift's summary for this channel: threads, actions, new memories, open questions, what to"
                            + " watch"),
            new Block.Field("help", "what opsbot can do (this message)"),
            new Block.Field("status", "version, uptime, and which chat platforms, tools and model are configured"));

    @Override
    public void handle(ChatEvent event, Intent.Help intent, Responder responder) {
        responder.reply(reply());
    }

    static Reply reply() {
        return Reply.builder("opsbot can: " + commandsAsText())
                .heading("What opsbot can do")
                .paragraph("Mention me in a channel or a thread with one of these:")
                .add(new Block.Fields(COMMANDS))
                .context("A fix opsbot proposes runs only after an approver reacts :white_check_mark: to it.")
                .build();
    }

    static String commandsAsText() {
        return String.join(
                "; ",
                COMMANDS.stream().map(f -> f.label() + " (" + f.value() + ")").toList());
    }
}
