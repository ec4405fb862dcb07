package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
    @ValueSource(strings = {"whoami", "@opsbot who am I?", "<@U0BOT> WHOAMI"})
    void whoamiIsRecognisedHoweverItIsTyped(String text) {
        assertThat(parser.parse(text)).isEqualTo(new Intent.WhoAmI(false));
    }

    @org.junit.jupiter.api.Test
    void whoamiRefreshAsksTheDirectoryAgain() {
        assertThat(parser.parse("@opsbot whoami refresh")).isEqualTo(new Intent.WhoAmI(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access", "@opsbot my access?", "what can I do?", "permissions"})
    void accessIsRecognisedHoweverItIsTyped(String text) {
        assertThat(parser.parse(text)).isInstanceOf(Intent.Access.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tell me about checkout", "help me with checkout", "statuspage is down"})
    void questionsThatOnlyContainAKeywordAreNotCommands(String text) {
        assertThat(parser.parse(text)).isInstanceOf(Intent.Unrecognized.class);
    }

    @org.junit.jupiter.api.Test
    void unrecognisedTextKeepsWhatWasSaidWithoutTheMention() {
        assertThat(parser.parse("<@U0BOT> tell me about checkout"))
                .isEqualTo(new Intent.Unrecognized("tell me about checkout"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "<@U0BOT> why is checkout 5xx?|checkout||HTTP_5XX",
                "@opsbot why is shop/checkout slow|checkout|shop|LATENCY",
                "why is checkout in payments-prod restarting?|checkout|payments-prod|RESTARTS",
                "Why is the catalog service down?!|catalog||DOWN",
                "why are orders throwing 503s|orders||HTTP_5XX",
                "what's wrong with ratings?|ratings||HTTP_5XX",
                "investigate search|search||HTTP_5XX",
                "why is worker crashlooping|worker||RESTARTS",
            })
    void questionsAboutAServiceBecomeInvestigations(String text, String service, String namespace, String symptom) {
        Intent intent = parser.parse(text);
        assertThat(intent).isInstanceOf(Intent.Investigate.class);
        Intent.Investigate investigate = (Intent.Investigate) intent;
        assertThat(investigate.service()).isEqualTo(service);
        assertThat(investigate.namespace()).isEqualTo(namespace);
        assertThat(investigate.symptom()).isEqualTo(dev.opsbot.core.triage.SymptomKind.valueOf(symptom));
        assertThat(investigate.question()).doesNotStartWith("<@").doesNotStartWith("@opsbot");
    }

    @org.junit.jupiter.api.Test
    void rememberKeepsTheTextAsWrittenWithItsKindAndService() {
        assertThat(parser.parse("@opsbot remember fix: for checkout: Rolling back to rev 41 stops the OOM kills."))
                .isEqualTo(new Intent.Remember("Rolling back to rev 41 stops the OOM kills.", "fix", "checkout"));
        assertThat(parser.parse("<@U0BOT> remember that payments needs 3 replicas at peak"))
                .isEqualTo(new Intent.Remember("payments needs 3 replicas at peak", null, null));
        assertThat(parser.parse("@opsbot Remember: Runbook: warm the cache first"))
                .isEqualTo(new Intent.Remember("warm the cache first", "runbook", null));
        assertThat(parser.parse("@opsbot remember")).isEqualTo(new Intent.Remember("", null, null));
    }

    @org.junit.jupiter.api.Test
    void forgetAndMemoriesAreCommands() {
        assertThat(parser.parse("@opsbot forget m-3f9a2c")).isEqualTo(new Intent.Forget("m-3f9a2c"));
        assertThat(parser.parse("@opsbot memories")).isEqualTo(new Intent.Memories(null));
        assertThat(parser.parse("@opsbot memories checkout")).isEqualTo(new Intent.Memories("checkout"));
        assertThat(parser.parse("what do you remember about payments?")).isEqualTo(new Intent.Memories("payments"));
        assertThat(parser.parse("why do we forget deploys?")).isNotInstanceOf(Intent.Forget.class);
        assertThat(parser.parse("rememberance of checkout")).isNotInstanceOf(Intent.Remember.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resolved", "@opsbot resolved.", "<@U0BOT> Fixed!", "all good now", "mark as resolved"})
    void resolved(String text) {
        assertThat(parser.parse(text)).isEqualTo(new Intent.Resolved());
    }

    @ParameterizedTest
    @ValueSource(strings = {"is it resolved", "resolved by whom", "why is checkout not fixed?"})
    void sentencesAboutResolvingAreNotAResolution(String text) {
        assertThat(parser.parse(text)).isNotInstanceOf(Intent.Resolved.class);
    }

    @Test
    void handoffWithAndWithoutSince() {
        assertThat(parser.parse("@opsbot handoff")).isEqualTo(new Intent.Handoff(null));
        assertThat(parser.parse("@opsbot handoff 8h")).isEqualTo(new Intent.Handoff("8h"));
        assertThat(parser.parse("<@U0BOT> Handover since 18:00")).isEqualTo(new Intent.Handoff("since 18:00"));
        assertThat(parser.parse("shift summary")).isEqualTo(new Intent.Handoff(null));
        assertThat(parser.parse("handoffs are great")).isNotInstanceOf(Intent.Handoff.class);
    }
}
