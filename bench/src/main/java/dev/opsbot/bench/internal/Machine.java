package dev.opsbot.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line saying where a figure was measured: cores, memory, JDK. */
public final class Machine {
    private Machine() {}

    public static String describe() {
        return String.format(
                Locale.ROOT,
                "%d cores, %s memory, %s %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.home"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    /**
     * The load averages and what other processes use right now: a figure taken while something else keeps the
     * cores busy is not the figure of opsbot alone, so every driver prints this before it starts.
     */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + parts[0] + " " + parts[1] + " " + parts[2] + "; " + CpuMeter.background(3);
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D+", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or unreadable: say so rather than guess
        }
        return "unknown";
    }
}
