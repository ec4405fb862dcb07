package dev.opsbot.app.llm;

import dev.langchain4j.exception.RetriableException;

/**
 * The model server could not be reached, or dropped the connection: refused, reset, closed mid-answer. Retriable,
 * because a restarting server or a dropped connection is over in seconds; a host name that does not resolve is not
 * this but LangChain4j's non-retriable {@code UnresolvedModelServerException}.
 */
public class ModelUnreachableException extends RetriableException {
    public ModelUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
