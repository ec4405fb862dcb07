package dev.opsbot.app.server;

/**
 * Which requests are the web console's: its page (with its script and style) and its API. Platform webhooks verify
 * their own signatures, and health and metrics carry no chat content, so the console's guards leave them alone.
 */
final class ConsolePaths {
    private ConsolePaths() {}

    /** The page, its files, or the API. */
    static boolean console(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/console") || api(path);
    }

    /** The API: everything that reads or changes chat content. */
    static boolean api(String path) {
        return path.startsWith("/api/console");
    }
}
