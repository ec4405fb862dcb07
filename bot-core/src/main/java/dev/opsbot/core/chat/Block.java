package dev.opsbot.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One piece of a {@link Reply}. The set is closed so every adapter renders every kind, and a golden-file test per
 * adapter can cover them all. Text uses light Markdown ({@code *bold*}, {@code `code`}) that every platform knows.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
    @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
    @JsonSubTypes.Type(value = Block.Fields.class, name = "fields"),
    @JsonSubTypes.Type(value = Block.EvidenceList.class, name = "evidence"),
    @JsonSubTypes.Type(value = Block.Proposal.class, name = "proposal"),
    @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
    @JsonSubTypes.Type(value = Block.Context.class, name = "context"),
})
public sealed interface Block {

    record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Label/value pairs, shown as a compact grid (status, a proposal's details). */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Evidence with its time and source, oldest first: the "why we think so" of an answer. */
    record EvidenceList(String title, List<Evidence> items) implements Block {
        public EvidenceList {
            Objects.requireNonNull(title, "title");
            items = List.copyOf(items);
        }
    }

    record Evidence(String source, Instant at, String detail) {
        public Evidence {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * An operation waiting for a human decision. {@code operation} is the exact action, rendered the same way
     * everywhere ({@code rollback Deployment shop/checkout to revision 41}).
     */
    record Proposal(
            String proposalId,
            String operation,
            String environment,
            String risk,
            String requester,
            Instant expiresAt,
            String approveReaction,
            String rejectReaction)
            implements Block {
        public Proposal {
            Objects.requireNonNull(proposalId, "proposalId");
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** An image (a chart) carried with the reply; {@code data} is the encoded file, e.g. PNG. */
    record Image(String title, String mediaType, byte[] data, String altText) implements Block {
        public Image {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(data, "data");
            altText = altText == null ? title : altText;
        }
    }

    /** Small print under a reply: sources checked, timings, model used. */
    record Context(String text) implements Block {
        public Context {
            Objects.requireNonNull(text, "text");
        }
    }
}
