package dev.opsbot.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.tool.SourceFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments of(String json) throws Exception {
        JsonNode values = Json.mapper().readTree(json);
        return new Arguments("argocd", values);
    }

    @Test
    void missingRequiredTextIsABadRequestNamingTheArgument() throws Exception {
        assertThatThrownBy(() -> of("{}").text("name"))
                .isInstanceOfSatisfying(
                        SourceFailure.class, f -> assertThat(f.kind()).isEqualTo(SourceFailure.Kind.BAD_REQUEST))
                .hasMessage("argument 'name' is required");
    }

    @Test
    void numbersAboveTheirMaximumAreCappedAndBelowTheMinimumRefused() throws Exception {
        assertThat(of("{\"limit\": 5000}").integer("limit", 10, 1, 50)).isEqualTo(50);
        assertThat(of("{\"limit\": \"7\"}").integer("limit", 10, 1, 50)).isEqualTo(7);
        assertThat(of("{}").integer("limit", 10, 1, 50)).isEqualTo(10);
        assertThatThrownBy(() -> of("{\"limit\": 0}").integer("limit", 10, 1, 50))
                .hasMessage("argument 'limit' must be at least 1");
        assertThatThrownBy(() -> of("{\"limit\": 1.5}").integer("limit", 10, 1, 50))
                .hasMessage("argument 'limit' must be an integer");
    }

    @Test
    void oneOfRefusesValuesOutsideTheList() throws Exception {
        assertThatThrownBy(() -> of("{\"signal\": \"cpu\"}").oneOf("signal", List.of("error_ratio", "restarts")))
                .hasMessage("argument 'signal' must be one of error_ratio, restarts, not 'cpu'");
    }

    @Test
    void schemaIsAnObjectWithTypedPropertiesAndRequiredNames() {
        JsonNode schema = JsonSchema.object()
                .string("name", "the name")
                .integer("limit", "how many", 1, 20)
                .require("name")
                .build();

        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").path("limit").path("maximum").asInt())
                .isEqualTo(20);
        assertThat(schema.path("required").get(0).asText()).isEqualTo("name");
    }
}
