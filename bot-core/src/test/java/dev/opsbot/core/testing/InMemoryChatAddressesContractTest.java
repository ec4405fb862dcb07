package dev.opsbot.core.testing;

import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.core.testing.contract.ChatAddressesContract;

/** The fake that the adapters' tests use keeps the same promises as the database. */
class InMemoryChatAddressesContractTest extends ChatAddressesContract {
    @Override
    protected ChatAddresses newStore() {
        return new InMemoryChatAddresses();
    }
}
