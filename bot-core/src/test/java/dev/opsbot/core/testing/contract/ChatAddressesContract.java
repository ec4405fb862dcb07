package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.store.ChatAddresses;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatAddresses} promises: the last address remembered for a platform's key is the one found, by
 * any replica, whoever remembered it.
 */
public abstract class ChatAddressesContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:30:00.123456Z");
    protected static final String CHANNEL = "conversation:19:4a95f3b0c1d2@thread.tacv2";

    protected ChatAddresses addresses;

    /** New addresses over empty storage. */
    protected abstract ChatAddresses newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected ChatAddresses anotherReplicaOf(ChatAddresses store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        addresses = newStore();
    }

    /** A Teams conversation reference as the adapter writes it; {@code serviceUrl} tells versions apart. */
    protected static String reference(String serviceUrl) {
        return "{\"serviceUrl\":\"" + serviceUrl + "\",\"conversationId\":\"19:4a95f3b0c1d2@thread.tacv2\","
                + "\"tenantId\":\"72f988bf-86f1-41af-91ab-2d7cd011db47\",\"botId\":\"28:0b7e5a3c\","
                + "\"conversationType\":\"channel\",\"teamsChannelId\":\"19:4a95f3b0c1d2@thread.tacv2\"}";
    }

    @Test
    void rememberedAddressIsFoundByPlatformAndKey() {
        String address = reference("https://smba.trafficmanager.net/emea/");

        addresses.remember("teams", CHANNEL, address, T0);

        assertThat(addresses.find("teams", CHANNEL)).contains(address);
    }

    @Test
    void unknownKeyIsAMiss() {
        addresses.remember("teams", CHANNEL, reference("https://smba.trafficmanager.net/emea/"), T0);

        assertThat(addresses.find("teams", "conversation:19:other@thread.tacv2"))
                .isEmpty();
        assertThat(addresses.find("teams", "user:29:1abc")).isEmpty();
    }

    @Test
    void sameKeyOnAnotherPlatformIsAnotherAddress() {
        addresses.remember("teams", "email:dana.lee@example.com", "{\"userId\":\"29:1dana\"}", T0);
        addresses.remember("slack", "email:dana.lee@example.com", "U024BE7LH", T0);

        assertThat(addresses.find("teams", "email:dana.lee@example.com")).contains("{\"userId\":\"29:1dana\"}");
        assertThat(addresses.find("slack", "email:dana.lee@example.com")).contains("U024BE7LH");
        assertThat(addresses.find("console", "email:dana.lee@example.com")).isEmpty();
    }

    @Test
    void keysDifferingOnlyInCaseAreDifferentKeys() {
        addresses.remember("teams", "user:29:1AbC", "{\"userId\":\"29:1AbC\"}", T0);

        assertThat(addresses.find("teams", "user:29:1abc")).isEmpty();
        assertThat(addresses.find("teams", "user:29:1AbC")).contains("{\"userId\":\"29:1AbC\"}");
    }

    @Test
    void rememberingAgainReplacesTheAddress() {
        addresses.remember("teams", CHANNEL, reference("https://smba.trafficmanager.net/emea/"), T0);
        String moved = reference("https://smba.trafficmanager.net/amer/");

        addresses.remember("teams", CHANNEL, moved, T0.plusSeconds(60));

        assertThat(addresses.find("teams", CHANNEL)).contains(moved);
    }

    @Test
    void addressOfSeveralKilobytesComesBackEqual() {
        // a reference with a long service URL and a display name in other scripts, quotes and escapes
        String address = reference("https://smba.trafficmanager.net/emea/" + "a1b2c3d4/".repeat(200))
                .replace("}", ",\"name\":\"Dana \\\"DL\\\" Lee, Zoë, 李达娜, Дана ✅\"}");
        assertThat(address.length()).isGreaterThan(2_000);

        addresses.remember("teams", "user:29:1dana", address, T0);

        assertThat(addresses.find("teams", "user:29:1dana")).contains(address);
    }

    @Test
    void anotherReplicaFindsWhatOneRemembered() {
        ChatAddresses other = anotherReplicaOf(addresses);
        String address = reference("https://smba.trafficmanager.net/emea/");

        addresses.remember("teams", CHANNEL, address, T0);

        assertThat(other.find("teams", CHANNEL)).contains(address);
    }

    @Test
    void racingRemembersOfOneKeyAllSucceedAndOneOfThemIsKept() {
        List<ChatAddresses> replicas = List.of(addresses, anotherReplicaOf(addresses));

        List<String> versions = Race.of(8, racer -> {
            String version = reference("https://smba.trafficmanager.net/region-" + racer + "/");
            replicas.get(racer % 2).remember("teams", CHANNEL, version, T0.plusMillis(racer));
            return version;
        });

        assertThat(addresses.find("teams", CHANNEL))
                .hasValueSatisfying(kept -> assertThat(versions).contains(kept));
    }

    @Test
    void rememberRefusesAMissingPart() {
        String address = reference("https://smba.trafficmanager.net/emea/");

        assertThatThrownBy(() -> addresses.remember(null, CHANNEL, address, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> addresses.remember("teams", null, address, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> addresses.remember("teams", CHANNEL, null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> addresses.remember("teams", CHANNEL, address, null))
                .isInstanceOf(NullPointerException.class);

        assertThat(addresses.find("teams", CHANNEL)).isEmpty();
    }
}
