package dev.opsbot.core.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What a tool call produced. Failures are data, not exceptions, so the caller can report them and carry on. */
public sealed interface ToolResult {

    /** The call worked; {@code summary} is one line for people, {@code data} is the compact answer for the model. */
    record Success(String summary, JsonNode data) implements ToolResult {
        public Success {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(data, "data");
        }
    }

    /** The call failed; {@code reason} says what could not be checked and why, in words for the on-call engineer. */
    record Error(SourceFailure.Kind kind, String reason) implements ToolResult {
        public Error {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        public static Error of(SourceFailure failure) {
            return new Error(failure.kind(), failure.getMessage());
        }
    }

    /** The source answered but had nothing for these arguments. */
    record NoData(String reason) implements ToolResult {
        public NoData {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The call would change something: it becomes a proposal that a human must approve first. */
    record ApprovalRequired(String operation, JsonNode arguments, String reason) implements ToolResult {
        public ApprovalRequired {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(arguments, "arguments");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
