package dev.opsbot.memory.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.memory.RunbookPassage;
import dev.opsbot.memory.embedding.MiniLmEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's runbooks (bundled by {@code app}, read here from its source folder) with the real MiniLM model: the
 * questions an on-call engineer asks during the checkout-oom incident find the right section above the citing
 * threshold, and questions the runbooks do not answer stay below it. Prints every similarity.
 */
class DemoRunbooksTest {
    /** {@code MemoryConfig.DEFAULT_CITE_SIMILARITY}, the cosine a passage needs to be cited. */
    private static final double CITE = 0.45;

    private static final Path DEMO = Path.of("../app/src/main/resources/demo/runbooks");
    private static RunbookLibrary library;

    @BeforeAll
    static void load() {
        assertThat(DEMO).as("run from the memory module's folder").isDirectory();
        library = RunbookLibrary.load(DEMO, MiniLmEmbedder.load());
    }

    @Test
    void theIncidentsQuestionsFindTheirSectionAboveTheThreshold() {
        String oom = "checkout.md › Checkout > Pods restarting: OOMKilled";
        expect("why is checkout 5xx?", "checkout.md › Checkout > 5xx errors: the usual causes");
        expect("why is checkout restarting?", oom);
        expect("checkout pods are in CrashLoopBackOff with exit code 137", oom);
        expect("what memory limit should checkout have?", "checkout.md › Checkout > Memory limits");
        expect("how do I undo the last checkout deploy?", "checkout.md › Checkout > Rolling back a release");
        expect(
                "requests fail because the service cannot get a database connection",
                "general.md › Incident response > Database connection pool exhausted");
    }

    @Test
    void questionsTheRunbooksDoNotAnswerStayBelowTheThreshold() {
        unrelated("how do I rotate the TLS certificate of payments?");
        unrelated("how do I add partitions to a Kafka topic?");
        unrelated("who approves expense reports for the search team?");
    }

    private static void expect(String question, String citation) {
        RunbookPassage best = best(question);
        assertThat(best.citation()).as(question).isEqualTo(citation);
        assertThat(best.similarity()).as(question).isGreaterThan(CITE);
    }

    private static void unrelated(String question) {
        assertThat(best(question).similarity()).as(question).isLessThan(CITE);
    }

    private static RunbookPassage best(String question) {
        List<RunbookPassage> passages = library.search(question, "checkout", 3);
        for (RunbookPassage passage : passages) {
            System.out.printf(
                    Locale.ROOT,
                    "%-70s cosine %.3f score %.3f  %s%n",
                    question,
                    passage.similarity(),
                    passage.score(),
                    passage.citation());
        }
        return passages.getFirst();
    }

    @Test
    void theDemoRunbooksHoldNoSecretsAndAreReadWhole() throws Exception {
        assertThat(library.skipped()).isEmpty();
        assertThat(library.files()).isEqualTo(2);
        try (var files = Files.list(DEMO)) {
            assertThat(files.count()).isEqualTo(2);
        }
        assertThat(library.search("password", null, library.size()))
                .allSatisfy(passage -> assertThat(passage.text()).doesNotContain("[[secret:"));
    }
}
