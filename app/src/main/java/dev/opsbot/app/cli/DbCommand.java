package dev.opsbot.app.cli;

import dev.opsbot.app.Databases;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code opsbot db migrate}: bring the configured database's schema up to date, then exit. */
@Command(name = "db", description = "Database maintenance.", subcommands = DbCommand.Migrate.class)
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: migrate");
    }

    @Command(name = "migrate", description = "Apply pending schema migrations to the configured database.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            OpsbotConfig loaded = config.load();
            try (Database database = Databases.create(loaded.database(), 2)) {
                database.migrate();
                spec.commandLine().getOut().println("database migrated: " + database.url());
            }
            return OpsbotCommand.OK;
        }
    }
}
