package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An {@code &} ends a bare value only where another parameter ({@code name=}) follows, as in a query string or a
 * form; elsewhere it is part of the value, so a password or token holding one is redacted whole (security gap G1).
 * Parameters that hold no secret are in {@link LookAlikesTest}.
 */
class AssignmentAmpersandTest {
    private static final String TOKEN = "aB3dE5fG7hJ9kL1mN3pQ";
    private final Redactor redactor = Redactor.standard();

    /** The redacted text with each placeholder shown as {@code [[type]]}: ids differ per vault. */
    private String redacted(String text) {
        return redactor.redact(text, Vault.create()).replaceAll("\\[\\[secret:([a-z-]+):[0-9a-f]{8}]]", "[[$1]]");
    }

    @Test
    void anEnvPasswordHoldingAnAmpersandIsRedactedWhole() {
        assertThat(redacted("DB_PASSWORD=Xk9&mQ2!vT7zQ")).isEqualTo("DB_PASSWORD=[[password]]");
    }

    @Test
    void aTokenWhosePiecesAreTooShortAloneIsJudgedWholeAndRedacted() {
        assertThat(redacted("API_TOKEN=aB3dE5&fG7hJ9kL1mN3")).isEqualTo("API_TOKEN=[[token]]");
    }

    @Test
    void inYamlLogLinesAndFlagsTheValueRunsThroughTheAmpersand() {
        assertThat(redacted("db:\n  password: Xk9&mQ2!vT7zQ\n  user: app"))
                .isEqualTo("db:\n  password: [[password]]\n  user: app");
        assertThat(redacted("2026-03-10 INFO config: secret=Kp2&vX9$wQ4mZ7 pool=20"))
                .isEqualTo("2026-03-10 INFO config: secret=[[secret]] pool=20");
        assertThat(redacted("psql --password Xk9&mQ2!vT7zQ --user app"))
                .isEqualTo("psql --password [[password]] --user app");
        assertThat(redacted("export DB_PASSWORD=Xk9&&mQ2!vT7zQ && ./run"))
                .isEqualTo("export DB_PASSWORD=[[password]] && ./run");
    }

    @Test
    void inAQueryStringOrFormTheNextNameAfterAnAmpersandIsANewParameter() {
        assertThat(redacted("jdbc:postgresql://db/shop?user=app&password=changeme&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/shop?user=app&password=[[connection-string-password]]&ssl=true");
        assertThat(redacted("a=1&token=" + TOKEN + "&b=2")).isEqualTo("a=1&token=[[token]]&b=2");
        assertThat(redacted("grant_type=client_credentials&client_secret=" + TOKEN + "&scope=read"))
                .isEqualTo("grant_type=client_credentials&client_secret=[[secret]]&scope=read");
        assertThat(redacted("form ids[]=1&api_key=" + TOKEN + "&ids[]=2"))
                .isEqualTo("form ids[]=1&api_key=[[api-key]]&ids[]=2");
        assertThat(redacted("<a href=\"/search?api_key=" + TOKEN + "&amp;q=shoes\">"))
                .isEqualTo("<a href=\"/search?api_key=[[api-key]]&amp;q=shoes\">");
    }

    @Test
    void aShortOrWordyValueWithAnAmpersandPassesLikePasswordChangemeUnlessAParameterFollows() {
        assertThat(redacted("password=x&y")).isEqualTo("password=x&y");
        assertThat(redacted("password=a&b&c&d")).isEqualTo("password=a&b&c&d");
        assertThat(redacted("password=changeme&")).isEqualTo("password=changeme&");
        assertThat(redacted("password=hunter2&user=app")).isEqualTo("password=[[connection-string-password]]&user=app");
    }

    @Test
    void aConnectionStringPasswordHoldingAnAmpersandIsRedactedToItsSemicolon() {
        assertThat(redacted("Server=db;User Id=app;Password=Xk9&mQ2!;Database=shop"))
                .isEqualTo("Server=db;User Id=app;Password=[[connection-string-password]];Database=shop");
    }

    @Test
    void aValuelessParameterAfterASecretIsTakenIntoTheValue() {
        assertThat(redacted("GET /feed?access_token=" + TOKEN + "&debug HTTP/1.1"))
                .isEqualTo("GET /feed?access_token=[[token]] HTTP/1.1");
    }
}
