package dev.opsbot.memory.runbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.core.memory.RunbookPassage;
import dev.opsbot.memory.testing.WordEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library with the word-hashing stand-in for MiniLM: sections sharing the question's words are the close ones. */
class RunbookLibraryTest {
    private static final String CHECKOUT = """
            ---
            service: checkout
            ---
            # Checkout
            ## OOMKilled
            Pods restart with exit code 137 when the memory limit is below 512Mi.
            ## Rollback
            Roll back with argocd app rollback checkout and watch the rollout status.
            """;
    private static final String GENERAL = """
            # Incidents
            ## Database pool
            Connection is not available: the pool is exhausted, look at pg_stat_activity.
            """;

    @TempDir
    Path folder;

    private final WordEmbedder embedder = new WordEmbedder();

    @Test
    void findsTheSectionThatAnswersAndCitesItByFileAndHeading() {
        RunbookLibrary library = RunbookLibrary.of(
                List.of(new RunbookFile("checkout.md", CHECKOUT), new RunbookFile("general.md", GENERAL)), embedder);

        List<RunbookPassage> passages = library.search("pods restart with exit code 137", null, 2);

        assertThat(library.size()).isEqualTo(3);
        assertThat(passages).hasSize(2);
        RunbookPassage best = passages.getFirst();
        assertThat(best.citation()).isEqualTo("checkout.md › Checkout > OOMKilled");
        assertThat(best.text()).isEqualTo("Pods restart with exit code 137 when the memory limit is below 512Mi.");
        assertThat(best.similarity())
                .isGreaterThan(passages.get(1).similarity())
                .isLessThanOrEqualTo(1.0);
        assertThat(best.score()).isGreaterThan(passages.get(1).score());
        assertThat(library.search("pool exhausted: connection is not available", null, 1))
                .singleElement()
                .extracting(RunbookPassage::citation)
                .isEqualTo("general.md › Incidents > Database pool");
    }

    @Test
    void secretsInARunbookReachNeitherTheModelNorThePassages() {
        String leaky = """
                # Payments
                ## Database login
                Log in with password=hunter2hunter2 as the payments user.
                aws_access_key_id = AKIAQX4J7ZL2M5N8P3RT
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9vLmN3kT
                """;
        RunbookLibrary library = RunbookLibrary.of(List.of(new RunbookFile("payments.md", leaky)), embedder);

        List<RunbookPassage> passages = library.search("how do I log in to the payments database", null, 5);

        assertThat(passages).singleElement().satisfies(passage -> {
            assertThat(passage.text()).contains("Log in with", "[[secret:");
            assertThat(passage.text()).doesNotContain("hunter2hunter2", "AKIAQX4J7ZL2M5N8P3RT", "wJalrXUtnFEMI");
        });
        assertThat(String.join("\n", embedder.texts()))
                .doesNotContain("hunter2hunter2", "AKIAQX4J7ZL2M5N8P3RT", "wJalrXUtnFEMI");
    }

    @Test
    void theAskedServicesSectionRanksFirstAndTheOthersStay() {
        String text = "## Restarts\nPods restart after the deploy: roll back.\n";
        RunbookLibrary library = RunbookLibrary.of(
                List.of(
                        new RunbookFile("checkout.md", "---\nservice: checkout\n---\n" + text),
                        new RunbookFile("payments.md", "---\nservice: payments\n---\n" + text),
                        new RunbookFile("general.md", text)),
                embedder);

        assertThat(files(library.search("pods restart", "checkout", 3)))
                .containsExactly("checkout.md", "general.md", "payments.md");
        assertThat(files(library.search("pods restart", "payments", 3)))
                .containsExactly("payments.md", "general.md", "checkout.md");
        assertThat(files(library.search("pods restart", "search", 3)))
                .as("a service no runbook is about: the team-wide section first")
                .startsWith("general.md")
                .hasSize(3);
        assertThat(library.search("pods restart", "checkout", 3))
                .extracting(RunbookPassage::similarity)
                .as("the preference moves the score, not the cosine")
                .allSatisfy(similarity -> assertThat(similarity)
                        .isCloseTo(
                                library.search("pods restart", null, 1)
                                        .getFirst()
                                        .similarity(),
                                within(1e-6)));
    }

    @Test
    void loadsAFolderAndSaysWhatItSkipped() throws IOException {
        Files.writeString(folder.resolve("checkout.md"), CHECKOUT);
        Files.createDirectories(folder.resolve("shared"));
        Files.writeString(folder.resolve("shared/general.md"), GENERAL);
        Files.writeString(folder.resolve("huge.md"), "x".repeat(2 << 20));

        RunbookLibrary library = RunbookLibrary.load(folder, embedder);

        assertThat(library.files()).isEqualTo(2);
        assertThat(library.size()).isEqualTo(3);
        assertThat(library.skipped()).singleElement().asString().contains("huge.md");
        assertThat(library.search("pg_stat_activity", null, 1))
                .singleElement()
                .extracting(RunbookPassage::file)
                .isEqualTo("shared/general.md");
        assertThatThrownBy(() -> RunbookLibrary.load(folder.resolve("nope"), embedder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("does not exist");
    }

    @Test
    void reloadReadsTheFolderAgainAndKeepsTheLibraryWhenItCannot() throws IOException {
        Path sub = Files.createDirectories(folder.resolve("runbooks"));
        Files.writeString(sub.resolve("checkout.md"), CHECKOUT);
        RunbookLibrary library = RunbookLibrary.load(sub, embedder);
        Files.writeString(sub.resolve("general.md"), GENERAL);

        library.reload();
        assertThat(library.size()).isEqualTo(3);

        Files.delete(sub.resolve("checkout.md"));
        Files.delete(sub.resolve("general.md"));
        Files.delete(sub);
        assertThatThrownBy(library::reload).isInstanceOf(IllegalArgumentException.class);
        assertThat(library.size()).isEqualTo(3);
    }

    @Test
    void emptyLibrariesAndBlankQuestionsFindNothingAndBadArgumentsAreRefused() {
        RunbookLibrary empty = RunbookLibrary.of(List.of(new RunbookFile("blank.md", "\n\n")), embedder);
        RunbookLibrary library = RunbookLibrary.of(List.of(new RunbookFile("checkout.md", CHECKOUT)), embedder);

        assertThat(empty.size()).isZero();
        assertThat(empty.search("anything", null, 5)).isEmpty();
        assertThat(library.search("  ", "checkout", 5)).isEmpty();
        assertThat(library.search("rollback", "  ", 500))
                .as("k beyond the passages: all of them")
                .hasSize(2);
        assertThatThrownBy(() -> library.search("rollback", null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> library.search(null, null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RunbookFile(" ", "text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchesRunWhileTheLibraryReloads() throws Exception {
        Files.writeString(folder.resolve("checkout.md"), CHECKOUT);
        RunbookLibrary library = RunbookLibrary.load(folder, embedder);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> searches = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                searches.add(pool.submit(() -> {
                    int found = 0;
                    for (int i = 0; i < 300; i++) {
                        found += library.search("memory limit", "checkout", 5).size();
                    }
                    return found;
                }));
            }
            for (int i = 0; i < 20; i++) {
                library.reload();
            }
            for (Future<Integer> search : searches) {
                assertThat(search.get()).isEqualTo(300 * 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> files(List<RunbookPassage> passages) {
        return passages.stream().map(RunbookPassage::file).toList();
    }
}
