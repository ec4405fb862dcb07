package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.CHAT_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.core.testing.contract.ChatAddressesContract;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.Test;

/**
 * The {@link ChatAddresses} contract, plus what only the table shows. Each database's test class supplies its
 * {@link DatabaseExtension}; {@link #anotherReplicaOf} is a second connection pool on the same database, so the
 * contract's race is between two replicas as well as between threads.
 */
abstract class JooqChatAddressesSuite extends ChatAddressesContract {
    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected ChatAddresses newStore() {
        return new JooqChatAddresses(db().emptied().dsl());
    }

    @Override
    protected ChatAddresses anotherReplicaOf(ChatAddresses store) {
        return new JooqChatAddresses(db().anotherReplica().dsl());
    }

    @Test
    void rowSaysWhenTheAddressWasLastSeen() {
        addresses.remember("teams", CHANNEL, reference("https://smba.trafficmanager.net/emea/"), T0);
        addresses.remember("teams", CHANNEL, reference("https://smba.trafficmanager.net/amer/"), T0.plusNanos(1_500));

        var row = db().database().dsl().fetchSingle(CHAT_ADDRESS);

        assertThat(row.getPlatform()).isEqualTo("teams");
        assertThat(row.getAddressKey()).isEqualTo(CHANNEL);
        assertThat(row.getUpdatedAt()).as("cut to the microsecond").isEqualTo(T0.plusNanos(1_000));
    }

    @Test
    void addressLongerThanItsColumnIsRefusedNamingTheKeyAndKeepsTheOldOne() {
        String kept = reference("https://smba.trafficmanager.net/emea/");
        addresses.remember("teams", CHANNEL, kept, T0);

        assertThatThrownBy(() -> addresses.remember("teams", CHANNEL, "x".repeat(16_385), T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot remember the teams address of " + CHANNEL
                        + ": its address has 16385 characters, at most 16384 fit");
        assertThatThrownBy(() -> addresses.remember("teams", "email:" + "a".repeat(600), kept, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("...: its address_key has 606 characters, at most 600 fit");

        assertThat(addresses.find("teams", CHANNEL)).contains(kept);
    }

    @Test
    void dbStoresWiresThisStore() {
        String address = reference("https://smba.trafficmanager.net/emea/");
        addresses.remember("teams", CHANNEL, address, T0);

        assertThat(DbStores.of(db().database()).chatAddresses().find("teams", CHANNEL))
                .contains(address);
    }
}
