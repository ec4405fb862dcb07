package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Reports version, uptime and what is configured, so a person can tell which opsbot they are talking to. */
public final class StatusHandler implements IntentHandler<Intent.Status> {
    private final Supplier<BotStatus> status;
    private final Clock clock;

    public StatusHandler(Supplier<BotStatus> status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    @Override
    public void handle(ChatEvent event, Intent.Status intent, Responder responder) {
        responder.reply(render(status.get()));
    }

    Reply render(BotStatus s) {
        String uptime = formatUptime(Duration.between(s.startedAt(), clock.instant()));
        List<Block.Field> fields = List.of(
                new Block.Field("version", s.version()),
                new Block.Field("uptime", uptime),
                new Block.Field("replica", s.replica()),
                new Block.Field("chat platforms", listOrNone(s.adapters())),
                new Block.Field("tools", listOrNone(s.tools())),
                new Block.Field("model", s.llm()));
        String text = "opsbot " + s.version() + ", up " + uptime + "; platforms: " + listOrNone(s.adapters())
                + "; tools: " + listOrNone(s.tools()) + "; model: " + s.llm();
        return Reply.builder(text)
                .heading("opsbot status")
                .add(new Block.Fields(fields))
                .build();
    }

    static String formatUptime(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds % 60 + "s";
        }
        return seconds + "s";
    }

    private static String listOrNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
