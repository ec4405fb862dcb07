package dev.opsbot.bench.internal;

import java.util.List;
import java.util.OptionalLong;

/** What the delivery check can see of opsbot's storage: over HTTP always, the stores themselves when in-process. */
public interface StoreView {

    /** The thread's messages, oldest first; empty when there is no such thread. */
    List<ConsoleClient.Message> thread(String threadId) throws Exception;

    /** How many console messages are stored, when this view can count them. */
    OptionalLong storedMessages();

    /** Inbound events recorded but not yet handled, when this view can see the ledger. */
    OptionalLong pendingEvents();
}
