package dev.opsbot.bench.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * This JVM's log, while a driver runs opsbot in it: written to a file instead of the terminal (a long run's INFO
 * lines would bury the driver's own), and every WARN and ERROR kept for the driver to judge and print.
 */
public final class LogCapture implements AutoCloseable {
    /** One WARN or ERROR line, with the exception it carried (class and message), if any. */
    public record Problem(String level, String logger, String thread, String message, String exception) {
        /** An ERROR, or a WARN with an exception: something failed, as opposed to a notice. */
        public boolean failure() {
            return level.equals("ERROR") || exception != null;
        }

        @Override
        public String toString() {
            return level + " [" + thread + "] " + logger + " - " + message
                    + (exception == null ? "" : ": " + exception);
        }
    }

    private final Path file;
    private final FileAppender<ILoggingEvent> fileAppender;
    private final List<Problem> problems = new ArrayList<>();
    private final AtomicLong events = new AtomicLong();

    private LogCapture(Path file, FileAppender<ILoggingEvent> fileAppender) {
        this.file = file;
        this.fileAppender = fileAppender;
    }

    /** From now on the root logger (INFO) writes to {@code file} only, and WARN and up are also kept here. */
    public static LogCapture toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the log is not logback's: cannot capture it");
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("soak-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        LogCapture capture = new LogCapture(file, appender);
        Collector collector = new Collector(capture);
        collector.setContext(context);
        collector.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        root.addAppender(collector);
        return capture;
    }

    public Path file() {
        return file;
    }

    /** Lines written to the file so far. */
    public long events() {
        return events.get();
    }

    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    private synchronized void keep(Problem problem) {
        problems.add(problem);
    }

    @Override
    public void close() {
        fileAppender.stop();
    }

    private static final class Collector extends AppenderBase<ILoggingEvent> {
        private final LogCapture capture;

        Collector(LogCapture capture) {
            this.capture = capture;
        }

        @Override
        protected void append(ILoggingEvent event) {
            capture.events.incrementAndGet();
            if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            capture.keep(new Problem(
                    event.getLevel().toString(),
                    event.getLoggerName(),
                    event.getThreadName(),
                    event.getFormattedMessage(),
                    thrown == null ? null : thrown.getClassName() + ": " + thrown.getMessage()));
        }
    }
}
