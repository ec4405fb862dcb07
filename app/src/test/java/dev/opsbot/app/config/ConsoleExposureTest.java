package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web console has no login, so it may be reachable beyond this machine only behind a token. */
class ConsoleExposureTest {
    @TempDir
    Path dir;

    @Test
    void aNonLoopbackHostWithoutATokenIsRefused() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "server:\n  host: 0.0.0.0\nconsole:\n  enabled: true\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.host: \"0.0.0.0\" is not a loopback address, and the web console has no"
                        + " authentication of its own; binding to 0.0.0.0 needs server.consoleToken (env"
                        + " OPSBOT_CONSOLE_TOKEN); otherwise use 127.0.0.1, or set console.enabled: false");
    }

    @Test
    void theRefusalSaysWhenTheHostCameFromTheEnvironment() {
        Path file = ConfigFixtures.write(dir, "console:\n  enabled: true\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("OPSBOT_HOST", "10.1.2.3")))
                .hasMessageStartingWith("server.host (set by OPSBOT_HOST): \"10.1.2.3\" is not a loopback address");
    }

    @Test
    void theDemoOnANonLoopbackHostWithoutATokenIsRefused() {
        OpsbotConfig serve = ConfigLoader.load(null, Map.of("OPSBOT_HOST", "0.0.0.0"));

        assertThat(serve.console().enabled()).isFalse();
        assertThatThrownBy(serve::withConsoleEnabled)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("server.host: \"0.0.0.0\" is not a loopback address");
    }

    @Test
    void aTokenAllowsAnyHost() {
        OpsbotConfig config =
                ConfigLoader.load(null, Map.of("OPSBOT_HOST", "0.0.0.0", "OPSBOT_CONSOLE_TOKEN", "t0ken"));

        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.server().consoleToken().value()).isEqualTo("t0ken");
    }

    @Test
    void withTheConsoleOffByDefaultAnyHostNeedsNoToken() {
        OpsbotConfig config = ConfigLoader.load(null, Map.of("OPSBOT_HOST", "0.0.0.0"));

        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.server().consoleToken()).isNull();
    }

    @Test
    void withoutTheConsoleNoTokenIsNeeded() {
        OpsbotConfig config = ConfigFixtures.loadYaml(dir, "server: {host: 0.0.0.0}\nconsole: {enabled: false}\n");

        assertThat(config.server().host()).isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "::1", "[::1]", "0:0:0:0:0:0:0:1"})
    void loopbackHostsNeedNoToken(String host) {
        OpsbotConfig config = ConfigLoader.load(null, Map.of("OPSBOT_HOST", host));

        assertThat(config.server().loopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.10", "opsbot.internal", "128.0.0.1", "127.0.0.1.nip.io"})
    void otherHostsAreNotLoopback(String host) {
        assertThat(new ServerConfig(host, 8080, new Secret("t"), 100, java.time.Duration.ZERO).loopback())
                .isFalse();
    }
}
