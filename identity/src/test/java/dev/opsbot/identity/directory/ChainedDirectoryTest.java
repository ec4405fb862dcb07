package dev.opsbot.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.identity.DirectorySource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChainedDirectoryTest {
    private static final DirectoryPerson ALICE_IN_IDENTITY_CENTER =
            new DirectoryPerson(DirectorySource.IDENTITY_CENTER, "u-alice", "Alice", List.of("developers"));

    private final AtomicInteger asked = new AtomicInteger();
    private final Directory identityCenter = new Directory() {
        @Override
        public Optional<DirectoryPerson> find(String email) {
            asked.incrementAndGet();
            return email.equals("alice@example.com") ? Optional.of(ALICE_IN_IDENTITY_CENTER) : Optional.empty();
        }

        @Override
        public String description() {
            return "IAM Identity Center (d-1234567890)";
        }
    };
    private final StaticDirectory configured =
            new StaticDirectory(List.of(new StaticPerson("alice@example.com", "Alice", List.of("sre"))));

    @Test
    void theFirstDirectoryThatKnowsThePersonWins() {
        ChainedDirectory chain = ChainedDirectory.of(configured, identityCenter);

        assertThat(chain.find("alice@example.com").orElseThrow().source()).isEqualTo(DirectorySource.STATIC);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aMissIsPassedToTheNextDirectory() {
        ChainedDirectory chain = ChainedDirectory.of(new StaticDirectory(List.of()), identityCenter);

        assertThat(chain.find("alice@example.com")).contains(ALICE_IN_IDENTITY_CENTER);
    }

    @Test
    void anUnavailableDirectoryStopsTheChain() {
        Directory down = email -> {
            throw new DirectoryUnavailableException("IAM Identity Center did not answer (ThrottlingException)", null);
        };
        ChainedDirectory chain = ChainedDirectory.of(down, configured);

        assertThatThrownBy(() -> chain.find("alice@example.com")).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void itDescribesEveryDirectoryItAsks() {
        assertThat(ChainedDirectory.of(configured, identityCenter).description())
                .isEqualTo("opsbot's configuration (identity.people) or IAM Identity Center (d-1234567890)");
    }
}
