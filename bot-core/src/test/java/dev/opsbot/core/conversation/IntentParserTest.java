package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentParserTest {
    private final IntentParser parser = new IntentParser();

    @ParameterizedTest
    @ValueSource(
            strings = {"help", "@opsbot help", "<@U0BOT> help?", "  HELP!  ", "?", "", "@opsbot", "what can you do?"})
    void helpIsRecognisedHoweverItIsTyped(String text) {
        assertThat(parser.parse(text)).isInstanceOf(Intent.Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "@opsbot status", "<@U0BOT>: Status.", "version"})
    void statusIsRecognisedHoweverItIsTyped(String text) {
        assertThat(parser.parse(text)).isInstanceOf(Intent.Status.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"why is checkout 5xx?", "help me with checkout", "statuspage is down"})
    void questionsThatOnlyContainAKeywordAreNotCommands(String text) {
        assertThat(parser.parse(text)).isInstanceOf(Intent.Unrecognized.class);
    }

    @org.junit.jupiter.api.Test
    void unrecognisedTextKeepsWhatWasSaidWithoutTheMention() {
        assertThat(parser.parse("<@U0BOT> why is checkout 5xx?"))
                .isEqualTo(new Intent.Unrecognized("why is checkout 5xx?"));
    }
}
