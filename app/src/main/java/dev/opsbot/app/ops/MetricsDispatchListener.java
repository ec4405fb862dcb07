package dev.opsbot.app.ops;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.conversation.DispatchListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Counts what the dispatcher sees: accepted, duplicate, handled (with time taken) and failed events. */
public final class MetricsDispatchListener implements DispatchListener {
    private final MeterRegistry registry;

    public MetricsDispatchListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accepted(ChatEvent event) {
        counter("opsbot.events.accepted", event).increment();
    }

    @Override
    public void duplicate(ChatEvent event) {
        counter("opsbot.events.duplicate", event).increment();
    }

    @Override
    public void handled(ChatEvent event, Duration took) {
        Timer.builder("opsbot.events.handled")
                .description("chat events handled, by platform and kind")
                .tag("platform", event.platform())
                .tag("kind", kind(event))
                .register(registry)
                .record(took);
    }

    @Override
    public void failed(ChatEvent event, Throwable error) {
        counter("opsbot.events.failed", event).increment();
    }

    private Counter counter(String name, ChatEvent event) {
        return Counter.builder(name)
                .tag("platform", event.platform())
                .tag("kind", kind(event))
                .register(registry);
    }

    private static String kind(ChatEvent event) {
        return switch (event) {
            case ChatEvent.Mention m -> "mention";
            case ChatEvent.Message m -> "message";
            case ChatEvent.ReactionAdded r -> "reaction_added";
            case ChatEvent.ReactionRemoved r -> "reaction_removed";
            case ChatEvent.Command c -> "command";
        };
    }
}
