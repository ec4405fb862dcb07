package dev.opsbot.app.cli;

/** One line for a failure on stderr: the message a person can act on, the cause only when it adds something. */
final class Failures {
    private Failures() {}

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            return message + " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
