package dev.opsbot.app.cli;

import dev.opsbot.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code opsbot}: the root command. */
@Command(
        name = "opsbot",
        mixinStandardHelpOptions = true,
        versionProvider = OpsbotCommand.VersionProvider.class,
        description = "ChatOps for on-call engineers: evidence-first incident answers, approved actions.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            TriageCommand.class,
            DbCommand.class,
            RedactCommand.class,
            AuditCommand.class,
            VersionCommand.class
        })
public final class OpsbotCommand implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams (tests read what a person would see). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new OpsbotCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("opsbot: " + Failures.describe(e));
            return FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required: serve, demo, triage, db, redact, audit, version");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"opsbot " + Version.current()};
        }
    }
}
