package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

    @Test
    void aBigNamespaceIsTheIncidentPlusUnrelatedPodsAndEvents() {
        Scenario base = TestScenarios.mini();

        Scenario big = ScenarioGenerator.bigNamespace(base, 500, 5_000);

        assertThat(count(big, Pod.class) - count(base, Pod.class)).isEqualTo(500);
        assertThat(count(big, Deployment.class) - count(base, Deployment.class))
                .isEqualTo(ScenarioGenerator.DEPLOYMENTS);
        List<Event> events = big.kubernetesObjects().stream()
                .filter(Event.class::isInstance)
                .map(Event.class::cast)
                .toList();
        assertThat(events).hasSize(5_000 + (int) count(base, Event.class));
        long warnings =
                events.stream().filter(e -> "Warning".equals(e.getType())).count();
        assertThat(warnings).isBetween(300L, 800L);
        assertThat(events).allSatisfy(e -> assertThat(e.getLastTimestamp())
                .isLessThanOrEqualTo(big.now().toString()));
        assertThat(big.expectation()).isEqualTo(base.expectation());
        assertThat(big.logs()).isEqualTo(base.logs());
    }

    @Test
    void theDefaultBaseIsTheBundledDemo() {
        Scenario bundled = Scenarios.bundled();

        Scenario big = ScenarioGenerator.bigNamespace(500, 5_000);

        assertThat(big.name()).isEqualTo(bundled.name());
        assertThat(count(big, Pod.class)).isEqualTo(count(bundled, Pod.class) + 500);
        assertThat(big.kubernetesObjects())
                .extracting(o -> o.getApiVersion() + " " + o.getKind() + " "
                        + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
                .doesNotHaveDuplicates();
    }

    @Test
    void theSameArgumentsGiveTheSameScenario() {
        Scenario base = TestScenarios.mini();
        List<String> first = names(ScenarioGenerator.bigNamespace(base, 50, 100));
        List<String> second = names(ScenarioGenerator.bigNamespace(base, 50, 100));
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    }

    @Test
    void aBigNamespaceIsServedAndTheIncidentIsStillFound() {
        Scenario big = ScenarioGenerator.bigNamespace(TestScenarios.mini(), 500, 5_000);
        long started = System.nanoTime();
        try (ScenarioServer server = ScenarioServer.start(big)) {
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            KubernetesClient client = server.kubernetesClient();

            assertThat(client.pods().inNamespace("shop").list().getItems()).hasSize(503);
            assertThat(client.v1().events().inNamespace("shop").list().getItems())
                    .hasSize(5_002);
            assertThat(client.v1()
                            .events()
                            .inNamespace("shop")
                            .withField("involvedObject.name", "checkout-5f7b8c9d6-abcde")
                            .list()
                            .getItems())
                    .extracting(Event::getReason)
                    .containsExactly("BackOff");
            System.out.println("started a 500-pod, 5000-event scenario in " + startMillis + " ms");
        }
    }

    private static long count(Scenario scenario, Class<? extends HasMetadata> type) {
        return scenario.kubernetesObjects().stream().filter(type::isInstance).count();
    }

    private static List<String> names(Scenario scenario) {
        return scenario.kubernetesObjects().stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .toList();
    }
}
