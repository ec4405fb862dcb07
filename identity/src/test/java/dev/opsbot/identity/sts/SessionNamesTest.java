package dev.opsbot.identity.sts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionNamesTest {
    static final String STS_ALLOWS = "[\\w+=,.@-]{2,64}";

    @Test
    void aReadSessionNamesThePersonAndTheStartOfTheRequestId() {
        assertThat(SessionNames.forRead("alice@example.com", "Ev01ABCDEF23456789XYZ"))
                .isEqualTo("opsbot-alice-Ev01ABCDEF234567");
    }

    @Test
    void aWriteSessionNamesTheRequesterAndTheProposal() {
        assertThat(SessionNames.forWrite("alice@example.com", "prop-7f3a")).isEqualTo("opsbot-w-alice-prop-7f3a");
    }

    @Test
    void charactersStsRefusesAreReplacedAndLongNamesCutTo64() {
        String name = SessionNames.forWrite(
                "zoë.o'brien+oncall@example.com", "3f2a9c1e-7b4d-4e8f-a1b2-c3d4e5f60718/with spaces:and;more");

        assertThat(name).matches(STS_ALLOWS).hasSize(64).startsWith("opsbot-w-zo_.o_brien+onca-3f2a9c1e-7b4d");
        assertThat(SessionNames.forRead("x@y", "a b")).isEqualTo("opsbot-x-a_b").matches(STS_ALLOWS);
    }

    @Test
    void anEmailWithoutAnAtSignIsUsedWhole() {
        assertThat(SessionNames.forRead("svc-deployer", "r1")).isEqualTo("opsbot-svc-deployer-r1");
    }
}
