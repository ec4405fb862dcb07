package dev.opsbot.core.testing;

import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.store.BotMessageStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryBotMessageStore implements BotMessageStore {
    private final Map<String, BotMessage> messages = new ConcurrentHashMap<>();

    @Override
    public void record(BotMessage message) {
        messages.putIfAbsent(message.ref().platform() + "\u0000" + message.ref().messageId(), message);
    }

    @Override
    public Optional<BotMessage> find(String platform, String messageId) {
        return Optional.ofNullable(messages.get(platform + "\u0000" + messageId));
    }

    public List<BotMessage> all() {
        return List.copyOf(messages.values());
    }
}
