package dev.opsbot.core.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.testing.triage.Evidence;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A secret pasted into a question never travels on: the investigation holds the question redacted. */
class QuestionRedactionTest {
    @Test
    void aSecretInTheQuestionIsReplacedByAPlaceholder() {
        TriageService triage = new TriageService(
                List.of(),
                Duration.ofSeconds(1),
                "shop",
                () -> Evidence.NOW,
                Duration.ofHours(1),
                Duration.ofSeconds(2),
                Clock.systemUTC());

        Investigation investigation = triage.investigation(
                "why is checkout 5xx since I set DB_URL=postgres://app:S3cr3t-Passw0rd@db:5432/shop",
                "checkout",
                null,
                SymptomKind.HTTP_5XX);

        assertThat(investigation.question())
                .startsWith("why is checkout 5xx since I set")
                .doesNotContain("S3cr3t-Passw0rd")
                .contains("[[secret:");
    }
}
