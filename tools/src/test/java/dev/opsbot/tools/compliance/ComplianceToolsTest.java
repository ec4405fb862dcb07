package dev.opsbot.tools.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.guard.AwsOperations;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The compliance tools as the agent sees them: read-only, in the compliance domain, with object schemas. */
class ComplianceToolsTest {

    private static List<ToolSpec> specs(ComplianceConnection config, KubernetesAccess kubernetes) {
        return ComplianceTools.all(config, kubernetes).stream().map(Tool::spec).toList();
    }

    @Test
    void everyToolIsAReadOnlyComplianceToolWithAnObjectSchema() {
        try (ComplianceConnection config = new ComplianceConnection(
                        Region.EU_WEST_1, URI.create("http://127.0.0.1:1"), ComplianceConnection.personsSession());
                KubernetesAccess kubernetes = new KubernetesAccess(
                        new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build(), true)) {
            List<ToolSpec> specs = specs(config, kubernetes);

            assertThat(specs)
                    .extracting(ToolSpec::name)
                    .containsExactly("compliance.config_rules", "compliance.pod_security");
            assertThat(specs).allSatisfy(spec -> {
                assertThat(spec.risk()).isEqualTo(Risk.READ);
                assertThat(spec.domain()).isEqualTo("compliance");
                assertThat(spec.name()).matches("compliance\\.[a-z]+_[a-z_]+");
                assertThat(spec.parameters().path("type").asText()).isEqualTo("object");
                assertThat(spec.parameters().path("additionalProperties").asBoolean(true))
                        .isFalse();
            });
            assertThat(specs.get(0).parameters().has("required")).isFalse();
            assertThat(specs.get(1).parameters().path("required").toString()).isEqualTo("[\"namespace\"]");

            assertThat(specs(config, null)).extracting(ToolSpec::name).containsExactly("compliance.config_rules");
            assertThat(specs(null, kubernetes)).extracting(ToolSpec::name).containsExactly("compliance.pod_security");
        }
    }

    @Test
    void theGuardClassifiesConfigsOperationsAsReads() {
        assertThat(List.of("DescribeComplianceByConfigRule", "GetComplianceDetailsByConfigRule"))
                .allSatisfy(
                        operation -> assertThat(AwsOperations.risk(operation)).isEqualTo(Risk.READ));
    }
}
