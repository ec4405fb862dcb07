package dev.opsbot.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.identity.DirectorySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticDirectoryTest {
    private final StaticDirectory directory = new StaticDirectory(List.of(
            new StaticPerson("Alice@Example.com", "Alice Liddell", List.of("sre")),
            new StaticPerson("bob@example.com", null, null)));

    @Test
    void peopleAreFoundByEmailWhateverItsCase() {
        assertThat(directory.find("alice@example.COM"))
                .contains(new DirectoryPerson(DirectorySource.STATIC, null, "Alice Liddell", List.of("sre")));
    }

    @Test
    void aPersonWithoutNameOrGroupsIsStillFound() {
        assertThat(directory.find("bob@example.com"))
                .contains(new DirectoryPerson(DirectorySource.STATIC, null, null, List.of()));
    }

    @Test
    void someoneNotListedIsAMiss() {
        assertThat(directory.find("mallory@example.com")).isEmpty();
    }

    @Test
    void aPersonListedTwiceIsRefusedAtStart() {
        assertThatThrownBy(() -> new StaticDirectory(List.of(
                        new StaticPerson("alice@example.com", null, List.of()),
                        new StaticPerson("ALICE@example.com", null, List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identity.people lists ALICE@example.com twice (also as alice@example.com); "
                        + "list each person once");
    }

    @Test
    void somethingThatIsNotAnEmailIsRefused() {
        assertThatThrownBy(() -> new StaticPerson("alice", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identity.people: 'alice' is not an e-mail address; list people by e-mail");
    }
}
