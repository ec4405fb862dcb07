package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade's promises: idempotent, same string back when clean, entropy for generic keys, cut tokens. */
class RedactorTest {
    private static final String TOKEN = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
    private final Redactor redactor = Redactor.standard();

    @Test
    void redactingTwiceChangesNothingMore() {
        Vault vault = Vault.create();
        for (SecretSamples.Sample sample : SecretSamples.all()) {
            String once = redactor.redact(sample.text(), vault);

            assertThat(redactor.redact(once, vault)).as(sample.type()).isEqualTo(once);
            assertThat(redactor.redact(once, Vault.create()))
                    .as(sample.type() + ", other vault")
                    .isEqualTo(once);
        }
    }

    @Test
    void cleanTextComesBackAsTheSameString() {
        String text = "GET /api/v1/orders/42 200 12ms";

        assertThat(redactor.redact(text, Vault.create())).isSameAs(text);
    }

    @Test
    void genericAssignmentsNeedAMachineMadeValue() {
        Vault vault = Vault.create();

        assertThat(redactor.redact("password=changeme secret: my-app-secret token=abc", vault))
                .isEqualTo("password=changeme secret: my-app-secret token=abc");
        assertThat(redactor.redact("db_password: \"Summer2024!x\"", vault))
                .startsWith("db_password: \"[[secret:password:");
        assertThat(redactor.redact("--password 'Xk9#mQ2!vT7z'", vault)).startsWith("--password '[[secret:password:");
    }

    @Test
    void aConnectionStringsPasswordIsRedactedWhateverItLooksLike() {
        Vault vault = Vault.create();

        assertThat(redactor.redact("jdbc:postgresql://db:5432/shop?user=app&password=changeme&ssl=true", vault))
                .matches("jdbc:postgresql://db:5432/shop\\?user=app&password=\\[\\[secret:connection-string-password:"
                        + "[0-9a-f]{8}]]&ssl=true");
        assertThat(redactor.redact("mongodb+srv://app:hunter2@cluster0.mongodb.net/shop", vault))
                .startsWith("mongodb+srv://app:[[secret:url-password:")
                .endsWith("]]@cluster0.mongodb.net/shop");
    }

    @Test
    void anAccessKeyIdBringsItsSecretKeyOnTheNextLine() {
        Vault vault = Vault.create();
        String text =
                "Access key ID,Secret access key\nAKIA2E0A8F3B244C9986,k7Zq9vLw2Xb8Rn4Tm1Yp6Hs3Jd5Fg0Qc9Wa7Ue2O\n";

        String redacted = redactor.redact(text, vault);

        assertThat(redacted)
                .contains("[[secret:aws-access-key-id:")
                .contains("[[secret:aws-secret-access-key:")
                .doesNotContain("k7Zq9vLw2Xb8Rn4Tm1Yp6Hs3Jd5Fg0Qc9Wa7Ue2O");
    }

    @Test
    void findReportsTypesAndPlacesWithoutChangingAnything() {
        String text = "a " + TOKEN + " b";

        assertThat(redactor.find(text)).containsExactly(new Redactor.Found("github-token", 2, 2 + TOKEN.length()));
    }

    @Test
    void aTokenCutShortAtTheEndOfASampleIsReplacedToo() {
        String cut = "calling api with " + TOKEN.substring(0, 30) + "…";

        String redacted = redactor.redactCut(cut, Vault.create());

        assertThat(redacted)
                .startsWith("calling api with [[secret:truncated-secret:")
                .endsWith("]]…");
        assertThat(redactor.redactCut("a sentence that was cut short…", Vault.create()))
                .isEqualTo("a sentence that was cut short…");
    }

    @Test
    void aCustomDetectorJoinsTheChain() {
        Detector internalTicket = new Detector() {
            @Override
            public List<String> types() {
                return List.of("ticket-secret");
            }

            @Override
            public List<String> keywords() {
                return List.of("tkt-");
            }

            @Override
            public void detect(String text, int hit, String keyword, Found found) {
                found.secret("ticket-secret", hit, Math.min(text.length(), hit + 12), CONTEXT);
            }
        };

        String redacted = redactor.with(internalTicket).redact("see TKT-12345678 and " + TOKEN, Vault.create());

        assertThat(redacted).contains("[[secret:ticket-secret:").contains("[[secret:github-token:");
    }
}
