package dev.opsbot.bench.internal;

import java.util.List;
import java.util.OptionalLong;

/** The console API's view: threads only; counts and the ledger are not visible from outside. */
public record HttpStoreView(ConsoleClient client) implements StoreView {
    @Override
    public List<ConsoleClient.Message> thread(String threadId) throws Exception {
        return client.thread(threadId).orElse(List.of());
    }

    @Override
    public OptionalLong storedMessages() {
        return OptionalLong.empty();
    }

    @Override
    public OptionalLong pendingEvents() {
        return OptionalLong.empty();
    }
}
