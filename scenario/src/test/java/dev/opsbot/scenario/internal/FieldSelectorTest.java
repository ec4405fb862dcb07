package dev.opsbot.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void equalityInequalityAndDoubleEqualsCombineWithAnd() throws Exception {
        JsonNode event = JSON.readTree("""
                {"type": "Warning", "reason": "BackOff", "involvedObject": {"kind": "Pod", "name": "a"}}""");

        assertThat(FieldSelector.parse("type=Warning,involvedObject.name==a").matches(event))
                .isTrue();
        assertThat(FieldSelector.parse("type!=Normal").matches(event)).isTrue();
        assertThat(FieldSelector.parse("type=Warning,reason!=BackOff").matches(event))
                .isFalse();
        assertThat(FieldSelector.parse("involvedObject.namespace=shop").matches(event))
                .isFalse();
        assertThat(FieldSelector.parse("").matches(event)).isTrue();
    }

    @Test
    void eventSelectorsReadEitherEventApi() throws Exception {
        JsonNode modern = JSON.readTree("""
                {"regarding": {"kind": "Pod", "name": "a"}, "reportingController": "kubelet"}""");
        JsonNode core = JSON.readTree("""
                {"involvedObject": {"kind": "Pod", "name": "a"}, "source": {"component": "kubelet"}}""");

        for (JsonNode event : new JsonNode[] {modern, core}) {
            assertThat(FieldSelector.parse("involvedObject.name=a,source=kubelet")
                            .matches(event))
                    .isTrue();
            assertThat(FieldSelector.parse("regarding.kind=Pod").matches(event)).isTrue();
        }
    }

    @Test
    void aRequirementWithoutOperatorIsRefused() {
        assertThatThrownBy(() -> FieldSelector.parse("type")).hasMessageContaining("'type'");
    }
}
