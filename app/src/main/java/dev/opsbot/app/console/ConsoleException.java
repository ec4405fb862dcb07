package dev.opsbot.app.console;

import dev.opsbot.core.OpsbotException;

/** A console request that cannot be served; {@link #status()} is the HTTP status the API answers with. */
public final class ConsoleException extends OpsbotException {
    private final int status;

    ConsoleException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ConsoleException badRequest(String message) {
        return new ConsoleException(400, message);
    }

    static ConsoleException notFound(String message) {
        return new ConsoleException(404, message);
    }

    static ConsoleException tooLarge(String message) {
        return new ConsoleException(413, message);
    }
}
