package dev.opsbot.tools.prometheus;

import dev.opsbot.core.OpsbotException;

/** An OpenMetrics file that cannot be read: names the file, the 1-based line and what is wrong there. */
public final class OpenMetricsFormatException extends OpsbotException {
    private final String fileName;
    private final int line;

    public OpenMetricsFormatException(String fileName, int line, String problem) {
        super(fileName + " line " + line + ": " + problem, false, null);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }
}
