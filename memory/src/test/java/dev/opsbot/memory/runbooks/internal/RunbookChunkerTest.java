package dev.opsbot.memory.runbooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookChunkerTest {
    @Test
    void eachHeadingStartsASectionNamedByItsPath() {
        List<RunbookChunk> chunks = RunbookChunker.chunk("checkout.md", """
                # Checkout
                Checkout runs in shop.

                ## OOMKilled
                Exit code 137.

                ### Confirm
                kubectl describe pod

                ## Rollback
                argocd app rollback checkout
                #### Verify
                rollout status
                """);

        assertThat(chunks)
                .extracting(RunbookChunk::heading, RunbookChunk::text)
                .containsExactly(
                        tuple("Checkout", "Checkout runs in shop."),
                        tuple("Checkout > OOMKilled", "Exit code 137."),
                        tuple("Checkout > OOMKilled > Confirm", "kubectl describe pod"),
                        tuple("Checkout > Rollback", "argocd app rollback checkout"),
                        tuple("Checkout > Rollback > Verify", "rollout status"));
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.file()).isEqualTo("checkout.md"));
    }

    @Test
    void headingsFollowCommonMark() {
        List<RunbookChunk> chunks = RunbookChunker.chunk("x.md", """
                ## OOMKilled ##
                one
                #5xx is a word, not a heading
                ##### Level five stays in the text
                ## C#
                two
                    # indented four spaces: code, not a heading
                """);

        assertThat(chunks).extracting(RunbookChunk::heading).containsExactly("OOMKilled", "C#");
        assertThat(chunks.get(0).text())
                .isEqualTo("one\n#5xx is a word, not a heading\n##### Level five stays in the text");
        assertThat(chunks.get(1).text()).contains("# indented four spaces");
    }

    @Test
    void aHashInsideACodeFenceIsNotAHeadingAndTheFenceStaysWhole() {
        List<RunbookChunk> chunks = RunbookChunker.chunk("x.md", """
                ## Restart

                ```bash
                # drain first

                kubectl drain node-1
                ## still code
                ```
                ~~~~
                # tilde fence
                ~~~
                # still code: a shorter run does not close it
                ~~~~
                ## After
                done
                """);

        assertThat(chunks).extracting(RunbookChunk::heading).containsExactly("Restart", "After");
        assertThat(chunks.getFirst().text())
                .startsWith("```bash\n# drain first\n\nkubectl drain node-1\n## still code\n```")
                .endsWith("# still code: a shorter run does not close it\n~~~~");
    }

    @Test
    void anUnclosedFenceRunsToTheEndOfTheFile() {
        List<RunbookChunk> chunks = RunbookChunker.chunk("x.md", "## A\n```\n# not a heading\n## nor this\n");

        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().text()).isEqualTo("```\n# not a heading\n## nor this");
    }

    @Test
    void aLongSectionIsCutAtBlankLinesIntoNumberedParts() {
        String paragraph = "Check the pool. ".repeat(30).strip(); // 479 characters
        String markdown = "# DB\n## Pool\n" + paragraph + "\n\n" + paragraph + "\n\n" + paragraph + "\n\n" + paragraph;

        List<RunbookChunk> chunks = RunbookChunker.chunk("db.md", markdown);

        assertThat(chunks).extracting(RunbookChunk::heading).containsExactly("DB > Pool", "DB > Pool (2)");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.text()).hasSizeLessThanOrEqualTo(RunbookChunker.MAX_CHARS);
            assertThat(chunk.text()).isEqualTo(paragraph + "\n\n" + paragraph);
            assertThat(chunk.section()).isEqualTo("DB > Pool");
        });
        assertThat(chunks.get(1).searchText())
                .as("searched under its section's name")
                .startsWith("DB > Pool\n\n");
    }

    @Test
    void aLongListIsCutBetweenItsLinesButALongCodeBlockIsNot() {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            list.append(i).append(". run step number ").append(i).append(" of the procedure\n");
        }
        String code = "```\n" + "echo step\n".repeat(200) + "```";

        List<RunbookChunk> chunks = RunbookChunker.chunk("x.md", "## Steps\n" + list + "\n## Script\n" + code);

        List<RunbookChunk> steps =
                chunks.stream().filter(c -> c.section().equals("Steps")).toList();
        assertThat(steps).hasSizeGreaterThan(1);
        assertThat(steps).allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(RunbookChunker.MAX_CHARS));
        assertThat(String.join("\n", steps.stream().map(RunbookChunk::text).toList()))
                .isEqualTo(list.toString().strip());
        assertThat(chunks.stream().filter(c -> c.section().equals("Script")))
                .singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo(code));
    }

    @Test
    void textBeforeTheFirstHeadingIsNamedByTheFirstH1OrElseTheFileName() {
        assertThat(RunbookChunker.chunk("ops/checkout.md", "Read this first.\n\n## Details\nmore\n# Checkout\n"))
                .extracting(RunbookChunk::heading)
                .containsExactly("Checkout", "Details");
        assertThat(RunbookChunker.chunk("ops/checkout.md", "No headings at all.\nJust text."))
                .singleElement()
                .satisfies(chunk -> {
                    assertThat(chunk.heading()).isEqualTo("checkout");
                    assertThat(chunk.text()).isEqualTo("No headings at all.\nJust text.");
                });
    }

    @Test
    void windowsAndOldMacLineEndingsReadAsLines() {
        List<RunbookChunk> chunks =
                RunbookChunker.chunk("x.md", "\uFEFF# T\r\n## A\r\none\r\n\r\ntwo\r## B\rthree\r\n");

        assertThat(chunks)
                .extracting(RunbookChunk::heading, RunbookChunk::text)
                .containsExactly(tuple("T > A", "one\n\ntwo"), tuple("T > B", "three"));
    }

    @Test
    void emptyFilesAndEmptySectionsGiveNoPassages() {
        assertThat(RunbookChunker.chunk("x.md", "")).isEmpty();
        assertThat(RunbookChunker.chunk("x.md", "  \n\n\t\n")).isEmpty();
        assertThat(RunbookChunker.chunk("x.md", "# Title\n\n## Empty\n\n## Full\ntext\n## Also empty\n"))
                .extracting(RunbookChunk::heading)
                .containsExactly("Title > Full");
    }

    @Test
    void frontMatterGivesTheServiceAndIsNotText() {
        List<RunbookChunk> chunks = RunbookChunker.chunk(
                "c.md", "---\ntitle: Checkout\nservice: \"checkout\" # the Deployment\n---\n## A\ntext");

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.service()).isEqualTo("checkout");
            assertThat(chunk.text()).isEqualTo("text");
        });
        assertThat(RunbookChunker.chunk("c.md", "---\ntitle: x\n---\ntext")
                        .getFirst()
                        .service())
                .isNull();
        assertThat(RunbookChunker.chunk("c.md", "---\nservice: checkout\nnever closed\n"))
                .as("no closing line: a thematic break and text")
                .singleElement()
                .satisfies(chunk -> {
                    assertThat(chunk.service()).isNull();
                    assertThat(chunk.text()).contains("service: checkout");
                });
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
