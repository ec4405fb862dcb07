package dev.opsbot.tools.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;

/** What an AWS tool answers, checked on the way: a success's data, or an error that holds none of alice's keys. */
public final class ToolAnswers {
    private ToolAnswers() {}

    /** The data of {@code tool}'s answer to {@code arguments} (JSON text), which must be a success. */
    public static JsonNode data(Tool tool, ToolContext context, String arguments) {
        ToolResult result = tool.call(context, AwsJsonStubs.json(arguments));
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    /** {@code tool}'s answer to no arguments, which must be an error that gives away no credentials. */
    public static ToolResult.Error error(Tool tool, ToolContext context) {
        ToolResult result = tool.call(context, AwsJsonStubs.json("{}"));
        assertThat(result).isInstanceOf(ToolResult.Error.class);
        ToolResult.Error error = (ToolResult.Error) result;
        assertThat(error.reason())
                .doesNotContain(AliceSession.KEY)
                .doesNotContain(AliceSession.SECRET)
                .doesNotContain(AliceSession.TOKEN);
        return error;
    }
}
