package dev.opsbot.app.config;

import static dev.opsbot.app.config.ConfigFixtures.loadYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sources.cost} and {@code sources.compliance}: the model's read-only AWS sources, off unless asked for. */
class ModelReadSourcesConfigTest {
    @TempDir
    Path dir;

    @Test
    void bothAreOffByDefaultCostInUsEast1AndConfigInTheSdksRegion() {
        SourcesConfig sources = OpsbotConfig.defaults().sources();

        assertThat(sources.cost()).isEqualTo(new CostSourceConfig(false, "us-east-1"));
        assertThat(sources.compliance()).isEqualTo(new ComplianceSourceConfig(false, null));
        assertThat(loadYaml(dir, "sources: {cost: {}, compliance: {}}\n").sources())
                .isEqualTo(SourcesConfig.defaults());
    }

    @Test
    void theFileTurnsThemOnInTheRegionsItNames() {
        SourcesConfig sources = loadYaml(dir, """
                        sources:
                          cost:
                            enabled: true
                            region: cn-northwest-1
                          compliance:
                            enabled: true
                            region: " eu-west-1 "
                        """).sources();

        assertThat(sources.cost()).isEqualTo(new CostSourceConfig(true, "cn-northwest-1"));
        assertThat(sources.compliance()).isEqualTo(new ComplianceSourceConfig(true, "eu-west-1"));
    }

    @Test
    void costLeftWithoutARegionIsCalledInUsEast1() {
        assertThat(loadYaml(dir, "sources:\n  cost:\n    enabled: true\n    region:\n")
                        .sources()
                        .cost()
                        .region())
                .isEqualTo("us-east-1");
        assertThat(new CostSourceConfig(true, " ").region()).isEqualTo("us-east-1");
    }

    @Test
    void aRegionThatIsNoAwsRegionIsRefusedAtStartWithTheKey() {
        assertThatThrownBy(() -> loadYaml(dir, "sources:\n  compliance:\n    region: Europe (Ireland)\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sources.compliance.region: \"Europe (Ireland)\" is not an AWS region; use a region code"
                        + " such as eu-west-1");
        assertThatThrownBy(() -> new CostSourceConfig(true, "us_east_1"))
                .hasMessage("sources.cost.region: \"us_east_1\" is not an AWS region; use a region code such as"
                        + " eu-west-1");
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheNearestOne() {
        assertThatThrownBy(() -> loadYaml(dir, "sources:\n  cost:\n    enable: true\n"))
                .hasMessage("sources.cost.enable: is not a known key; did you mean sources.cost.enabled?");
        assertThatThrownBy(() -> loadYaml(dir, "sources:\n  complience:\n    enabled: true\n"))
                .hasMessage("sources.complience: is not a known key; did you mean sources.compliance?");
        assertThatThrownBy(() -> loadYaml(dir, "sources:\n  compliance:\n    enabled: yes please\n"))
                .hasMessage("sources.compliance.enabled: \"yes please\" is not a boolean; use true or false");
    }

    @Test
    void theEvidenceSourcesAloneLeaveTheModelsSourcesOff() {
        SourcesConfig sources = new SourcesConfig(
                KubernetesSourceConfig.defaults(),
                PrometheusSourceConfig.defaults(),
                CloudWatchSourceConfig.defaults(),
                ArgoCdSourceConfig.defaults(),
                GitHubSourceConfig.defaults());

        assertThat(sources).isEqualTo(SourcesConfig.defaults());
    }
}
