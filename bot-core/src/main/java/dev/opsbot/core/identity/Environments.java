package dev.opsbot.core.identity;

import dev.opsbot.core.chat.ThreadRef;
import java.util.Map;
import java.util.Objects;

/**
 * Which environment a conversation is about: the channel's, when configured ({@code #inc-staging} is staging),
 * otherwise the default. An incident channel is about one environment; a person never picks it per question, so a
 * question asked in a staging channel can never run with production credentials.
 */
public record Environments(String defaultEnvironment, Map<String, String> byChannel) {
    public Environments {
        Objects.requireNonNull(defaultEnvironment, "defaultEnvironment");
        byChannel = Map.copyOf(byChannel);
    }

    public static Environments only(String environment) {
        return new Environments(environment, Map.of());
    }

    public String of(ThreadRef thread) {
        return byChannel.getOrDefault(thread.channel(), defaultEnvironment);
    }
}
