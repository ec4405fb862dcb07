package dev.opsbot.memory.runbooks.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Markdown to passages: a section per ATX heading of levels 1 to 4 (5 and 6 stay in their section's text), named by
 * its heading path ({@code Checkout > OOMKilled}). Text before the first heading is named by the file's first H1, or
 * else its name. Fenced code blocks are kept whole, and a {@code #} line inside one is not a heading. A section longer
 * than {@link #MAX_CHARS} is cut at blank lines into parts ({@code OOMKilled (2)}); empty sections are dropped.
 * Setext headings (a line underlined with {@code ===}) are not recognised: runbooks written today use #.
 */
public final class RunbookChunker {
    /**
     * About 300 word pieces: the model embeds a passage by its first 128 (~500 characters), so a longer part would
     * be found by its beginning only; shorter parts would cut most procedures apart from their explanation.
     */
    public static final int MAX_CHARS = 1_200;

    private static final int DEEPEST_SPLIT = 4;

    private RunbookChunker() {}

    /** The passages of {@code markdown} (already redacted), in file order. */
    public static List<RunbookChunk> chunk(String file, String markdown) {
        List<String> lines = lines(markdown);
        FrontMatter front = FrontMatter.of(lines);
        Walk walk = new Walk(file, front.service());
        walk.read(lines.subList(front.bodyStart(), lines.size()));
        return walk.chunks();
    }

    private static List<String> lines(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        return Arrays.asList(text.split("\r\n|\r|\n", -1));
    }

    /** One pass over a file's lines, keeping the heading path and whether a code fence is open. */
    private static final class Walk {
        private final String file;
        private final String service;
        private final List<Heading> path = new ArrayList<>();
        private final List<RunbookChunk> chunks = new ArrayList<>();
        private final SectionText preamble = new SectionText();
        private SectionText section = preamble;
        private String firstTitle;

        Walk(String file, String service) {
            this.file = file;
            this.service = service;
        }

        void read(List<String> lines) {
            Fence fence = null;
            for (String line : lines) {
                if (fence != null) {
                    section.add(line, true);
                    fence = fence.closedBy(line) ? null : fence;
                    continue;
                }
                fence = Fence.opening(line);
                Heading heading = fence == null ? Heading.parse(line) : null;
                if (heading != null && heading.level() <= DEEPEST_SPLIT) {
                    startSection(heading);
                } else {
                    section.add(line, fence != null);
                }
            }
            endSection();
        }

        List<RunbookChunk> chunks() {
            String title = firstTitle != null ? firstTitle : fileTitle(file);
            List<RunbookChunk> all = new ArrayList<>(toChunks(title, preamble));
            all.addAll(chunks);
            return all;
        }

        private void startSection(Heading heading) {
            endSection();
            if (heading.level() == 1 && firstTitle == null && !heading.text().isEmpty()) {
                firstTitle = heading.text();
            }
            path.removeIf(h -> h.level() >= heading.level());
            path.add(heading);
            section = new SectionText();
        }

        private void endSection() {
            if (section != preamble) {
                chunks.addAll(toChunks(pathText(), section));
            }
        }

        private String pathText() {
            String joined = path.stream()
                    .map(Heading::text)
                    .filter(text -> !text.isEmpty())
                    .collect(Collectors.joining(" > "));
            return joined.isEmpty() ? fileTitle(file) : joined;
        }

        private List<RunbookChunk> toChunks(String heading, SectionText text) {
            List<String> parts = text.parts(MAX_CHARS);
            List<RunbookChunk> out = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                out.add(new RunbookChunk(file, heading, i + 1, parts.get(i), service));
            }
            return out;
        }
    }

    /** {@code db/postgres.md} is titled {@code postgres}. */
    static String fileTitle(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
