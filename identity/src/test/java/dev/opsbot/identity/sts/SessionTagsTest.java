package dev.opsbot.identity.sts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTagsTest {
    static final String STS_ALLOWS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    @Test
    void allowedCharactersIncludingLettersOfAnyScriptAreKept() {
        assertThat(SessionTags.value("Zoë Ünal: 19:abc@thread.tacv2/=+-_."))
                .isEqualTo("Zoë Ünal: 19:abc@thread.tacv2/=+-_.");
    }

    @Test
    void refusedCharactersBecomeUnderscores() {
        assertThat(SessionTags.value("19:abc@thread.tacv2;messageid=17\"<x>&'#"))
                .isEqualTo("19:abc@thread.tacv2_messageid=17__x____")
                .matches(STS_ALLOWS);
    }

    @Test
    void longValuesAreCutTo256Characters() {
        String value = SessionTags.value("t".repeat(300));

        assertThat(value).hasSize(256);
    }

    @Test
    void cuttingNeverSplitsACharacterOutsideTheBasicPlane() {
        String value = SessionTags.value("𝒳".repeat(300));

        assertThat(value.codePointCount(0, value.length())).isEqualTo(256);
        assertThat(value).matches(STS_ALLOWS);
    }
}
