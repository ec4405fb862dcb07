package dev.opsbot.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A process's memory as the kernel counts it, from {@code /proc/<pid>/status}. Values in KiB. */
public record ProcStatus(String name, long vmRssKib, long vmHwmKib, long rssAnonKib, long rssFileKib, long threads) {

    public static ProcStatus read(long pid) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(
                            line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read /proc/" + pid + "/status (not Linux, or the process is gone)", e);
        }
        return new ProcStatus(
                fields.getOrDefault("Name", "?"),
                kib(fields, "VmRSS"),
                kib(fields, "VmHWM"),
                kib(fields, "RssAnon"),
                kib(fields, "RssFile"),
                kib(fields, "Threads"));
    }

    private static long kib(Map<String, String> fields, String key) {
        String value = fields.get(key);
        return value == null ? -1 : Long.parseLong(value.replaceAll("\\D+", ""));
    }

    public double rssMib() {
        return vmRssKib / 1024.0;
    }

    public String format() {
        return String.format(
                Locale.ROOT,
                "VmRSS %.1f MiB (anon %.1f, file %.1f), peak VmHWM %.1f MiB, %d threads",
                vmRssKib / 1024.0,
                rssAnonKib / 1024.0,
                rssFileKib / 1024.0,
                vmHwmKib / 1024.0,
                threads);
    }
}
