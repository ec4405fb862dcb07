package dev.opsbot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void aPlainPatternMatchesOnlyItselfIgnoringCase() {
        Glob glob = Glob.of("DeleteBucket");

        assertThat(glob.matches("DeleteBucket")).isTrue();
        assertThat(glob.matches("deletebucket")).isTrue();
        assertThat(glob.matches("DeleteBuckets")).isFalse();
        assertThat(glob.matches("Delete")).isFalse();
    }

    @Test
    void aStarMatchesAnyRunIncludingNoneAndSlashes() {
        assertThat(Glob.of("*/proxy").matches("services/proxy")).isTrue();
        assertThat(Glob.of("*/proxy").matches("pods/proxy")).isTrue();
        assertThat(Glob.of("*/proxy").matches("pods/exec")).isFalse();
        assertThat(Glob.of("Delete*").matches("Delete")).isTrue();
        assertThat(Glob.of("*").matches("pods/log")).isTrue();
        assertThat(Glob.of("a*b*c").matches("aXXbYYbc")).isTrue();
        assertThat(Glob.of("a*b*c").matches("aXXbYYbcd")).isFalse();
    }

    @Test
    void aQuestionMarkMatchesExactlyOneCharacter() {
        assertThat(Glob.of("prod-?").matches("prod-1")).isTrue();
        assertThat(Glob.of("prod-?").matches("prod-")).isFalse();
        assertThat(Glob.of("prod-?").matches("prod-12")).isFalse();
    }

    @Test
    void aMissingValueIsEmptyTextWhichOnlyAStarMatches() {
        assertThat(Glob.of("*").matches(null)).isTrue();
        assertThat(Glob.of("shop").matches(null)).isFalse();
        assertThat(Glob.of("?").matches(null)).isFalse();
    }

    @Test
    void regexCharactersAreJustCharacters() {
        assertThat(Glob.of("a.b").matches("a.b")).isTrue();
        assertThat(Glob.of("a.b").matches("axb")).isFalse();
        assertThat(Glob.of("[x]").matches("[x]")).isTrue();
    }

    @Test
    void anEmptyPatternIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Glob.of("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write * to match anything");
    }

    @Test
    void matchesAnyTellsWhetherAKnownValueIsReached() {
        assertThat(Glob.of("wri*").matchesAny(List.of("read", "write"))).isTrue();
        assertThat(Glob.of("wirte").matchesAny(List.of("read", "write"))).isFalse();
    }
}
