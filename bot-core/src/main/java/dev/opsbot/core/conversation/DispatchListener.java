package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import java.time.Duration;

/** Observes the dispatcher (metrics, logs) without the dispatcher knowing a metrics library. */
public interface DispatchListener {
    DispatchListener NONE = new DispatchListener() {};

    default void accepted(ChatEvent event) {}

    default void duplicate(ChatEvent event) {}

    default void handled(ChatEvent event, Duration took) {}

    default void failed(ChatEvent event, Throwable error) {}
}
