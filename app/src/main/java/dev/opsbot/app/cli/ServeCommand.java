package dev.opsbot.app.cli;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.ops.LoggingSetup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code opsbot serve [--config FILE]}: run the bot with the adapters its configuration enables. */
@Command(name = "serve", description = "Run opsbot with the chat adapters the configuration enables.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        OpsbotConfig loaded = config.load();
        // before anything starts: a serve with no platform would run and never hear a message
        loaded.requireChatPlatform();
        LoggingSetup.apply(loaded.logging().format(), loaded.logging().level());
        return Running.untilStopped(() -> OpsbotApplication.start(loaded), app -> {});
    }
}
