package dev.opsbot.app.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class FailureAssertions {
    private FailureAssertions() {}

    static Throwable failureOf(ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).as("the call should have failed").isNotNull();
        return failure;
    }

    /** Not in any message, cause or suppressed exception: what a log line with the stack trace would print. */
    static void assertNoTraceOf(Throwable failure, String secret) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(secret);
    }
}
