package dev.opsbot.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import java.util.Objects;

/** A read-only tool whose source failures become {@link ToolResult.Error}s instead of exceptions. */
public abstract class ReadTool implements Tool {
    private final ToolSpec spec;

    protected ReadTool(ToolSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }

    @Override
    public final ToolResult call(ToolContext context, JsonNode arguments) {
        try {
            return read(context, new Arguments(spec.domain(), arguments));
        } catch (SourceFailure failure) {
            return ToolResult.Error.of(failure);
        }
    }

    protected abstract ToolResult read(ToolContext context, Arguments arguments);
}
