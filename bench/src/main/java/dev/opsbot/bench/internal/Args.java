package dev.opsbot.bench.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and {@code --flag}; an unknown name is a usage error (exit 2). */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    private Args() {}

    /**
     * @param options the names that take a value, without dashes
     * @param flags the names that take none
     */
    public static Args parse(String[] argv, Set<String> options, Set<String> flags, String usage) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                throw usageError("unexpected argument '" + arg + "'", usage);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && value == null) {
                args.values.put(name, "true");
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw usageError("--" + name + " needs a value", usage);
                    }
                    value = argv[++i];
                }
                args.values.put(name, value);
            } else {
                throw usageError("unknown option --" + name, usage);
            }
        }
        return args;
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + name + " " + value + ": use " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + value + ": not a whole number");
        }
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, or plain seconds. */
    public Duration duration(String name, Duration fallback, Duration max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        Duration parsed = parseDuration(name, value.trim());
        if (parsed.isNegative() || parsed.compareTo(max) > 0) {
            throw new UsageException("--" + name + " " + value + ": use 0 to " + max.toSeconds() + "s");
        }
        return parsed;
    }

    private static Duration parseDuration(String name, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + value + ": not a duration such as 30s, 500ms or 2m");
        }
    }

    private static UsageException usageError(String problem, String usage) {
        return new UsageException(problem + "\n" + usage);
    }

    /** Bad command line: the driver prints it and exits 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
