package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private static final Map<String, String> ENV = Map.of("HOST", "db", "EMPTY", "", "NESTED", "${HOST}");

    @Test
    void referencesAreReplacedInsideLongerText() {
        assertThat(Substitution.expand("k", "jdbc:postgresql://${HOST}:${PORT:-5432}/x", ENV))
                .isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void theDefaultCoversUnsetAndEmptyVariablesAsInTheShell() {
        assertThat(Substitution.expand("k", "${MISSING:-fallback}", ENV)).isEqualTo("fallback");
        assertThat(Substitution.expand("k", "${EMPTY:-fallback}", ENV)).isEqualTo("fallback");
        assertThat(Substitution.expand("k", "${MISSING:-}", ENV)).isEmpty();
        assertThat(Substitution.expand("k", "${EMPTY}", ENV)).isEmpty();
    }

    @Test
    void aDoubledDollarIsALiteralAndALoneDollarIsLeftAlone() {
        assertThat(Substitution.expand("k", "$${HOST} costs $5", ENV)).isEqualTo("${HOST} costs $5");
    }

    @Test
    void aVariablesValueIsNotExpandedAgain() {
        assertThat(Substitution.expand("k", "${NESTED}", ENV)).isEqualTo("${HOST}");
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesTheKeyAndTheVariable() {
        assertThatThrownBy(() -> Substitution.expand("database.url", "jdbc:postgresql://${DB_HOST}/x", ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage("database.url: \"${DB_HOST}\" names environment variable DB_HOST, which is not set;"
                        + " set DB_HOST, or give a default as ${DB_HOST:-value}");
    }
}
