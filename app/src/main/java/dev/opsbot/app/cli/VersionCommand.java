package dev.opsbot.app.cli;

import dev.opsbot.app.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code opsbot version}. */
@Command(name = "version", description = "Print opsbot's version.")
final class VersionCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("opsbot " + Version.current());
        return OpsbotCommand.OK;
    }
}
