package dev.opsbot.scenario;

import dev.opsbot.core.OpsbotException;

/**
 * A scenario directory that cannot be loaded or served. The message names the file, the 1-based line when the
 * problem is at a place in a file, and what is wrong: {@code kubernetes/pods.yaml:12: document has no kind}.
 */
public final class ScenarioException extends OpsbotException {
    private final String file;
    private final int line;
    private final String problem;

    public ScenarioException(String file, int line, String problem, Throwable cause) {
        super(format(file, line, problem), false, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public ScenarioException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    /** A problem with a whole file or directory, not with a line in it. */
    public ScenarioException(String file, String problem) {
        this(file, 0, problem, null);
    }

    /** The file or directory, as the scenario was given (a path on disk or inside a jar). */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is with the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
