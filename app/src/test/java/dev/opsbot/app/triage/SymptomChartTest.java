package dev.opsbot.app.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SymptomReading;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.Symptom;
import dev.opsbot.core.triage.result.TriageResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SymptomChartTest {
    private static final Instant ONSET = Instant.parse("2026-03-10T02:33:00Z");

    @Test
    void drawsTheSymptomWithTheOnsetAndChangeMarkersAsAPng() throws IOException {
        Block.Image image = new SymptomChart().render(report(series(60))).orElseThrow();

        assertThat(image.mediaType()).isEqualTo("image/png");
        var png = ImageIO.read(new ByteArrayInputStream(image.data()));
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(png.getHeight()).isEqualTo(360);
        assertThat(image.altText()).contains("rising at 02:33");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "symptom-chart.png"), image.data());
    }

    @Test
    void withoutMetricsThereIsNoChart() {
        assertThat(new SymptomChart().render(report(List.of()))).isEmpty();
    }

    private static List<Sample> series(int minutes) {
        List<Sample> samples = new ArrayList<>();
        Instant start = ONSET.minusSeconds(45 * 60);
        for (int i = 0; i < minutes; i++) {
            Instant at = start.plusSeconds(60L * i);
            samples.add(new Sample(at, at.isBefore(ONSET) ? 0.002 : 0.21));
        }
        return samples;
    }

    private static TriageReport report(List<Sample> series) {
        ObjectRef deployment = ObjectRef.of("Deployment", "shop", "checkout");
        TriageResult result = new TriageResult(
                "why is checkout 5xx?",
                "checkout",
                "shop",
                new Symptom("http_5xx", ONSET, 0.21),
                List.of(new Hypothesis(
                        1, dev.opsbot.core.triage.Cause.OOM, 0.9, Culprit.of(deployment, 42), "oom", List.of(), null)),
                List.of(),
                List.of(),
                List.of());
        ChangeEvent rollout = new ChangeEvent(
                ONSET.minusSeconds(120),
                "kubernetes",
                ChangeKind.ROLLOUT,
                deployment,
                42,
                41,
                "",
                "rollout",
                List.of());
        return new TriageReport(result, new SymptomReading(ONSET, 0.21, true, series), List.of(rollout));
    }
}
