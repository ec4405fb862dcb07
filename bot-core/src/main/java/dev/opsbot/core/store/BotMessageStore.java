package dev.opsbot.core.store;

import java.util.Optional;

/** Every message opsbot posted, so that later reactions and replies can be matched to it. */
public interface BotMessageStore {

    /** Records a posted message; recording the same platform message again is a no-op. */
    void record(BotMessage message);

    Optional<BotMessage> find(String platform, String messageId);
}
