package dev.opsbot.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * What opsbot says: a plain-text fallback (notifications, screen readers, platforms without rich layout) and the
 * structured blocks each adapter renders natively (Block Kit, Adaptive Cards, the console's HTML).
 */
public record Reply(String text, List<Block> blocks) {
    public Reply {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(new Block.Paragraph(text)));
    }

    public static Builder builder(String fallbackText) {
        return new Builder(fallbackText);
    }

    /** The images this reply carries, in order: adapters upload them beside the message. */
    public List<Block.Image> images() {
        return blocks.stream()
                .filter(Block.Image.class::isInstance)
                .map(Block.Image.class::cast)
                .toList();
    }

    public static final class Builder {
        private final String text;
        private final java.util.ArrayList<Block> blocks = new java.util.ArrayList<>();

        private Builder(String text) {
            this.text = text;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder heading(String heading) {
            return add(new Block.Heading(heading));
        }

        public Builder paragraph(String paragraph) {
            return add(new Block.Paragraph(paragraph));
        }

        public Builder context(String context) {
            return add(new Block.Context(context));
        }

        public Reply build() {
            return new Reply(text, blocks);
        }
    }
}
