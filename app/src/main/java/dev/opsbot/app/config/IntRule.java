package dev.opsbot.app.config;

/**
 * The allowed range of a whole-number key. One rule serves both the file reader (text that is not a number) and
 * the record constructor (a number out of range), so both failures read the same way.
 */
record IntRule(int min, int max, String noun) {
    int check(String key, int value) {
        if (value < min || value > max) {
            throw failure(key, Integer.toString(value));
        }
        return value;
    }

    int parse(String key, String text) {
        try {
            return check(key, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw failure(key, text);
        }
    }

    private ConfigException failure(String key, String text) {
        return new ConfigException(key, text, "is not " + noun, "use a number from " + min + " to " + max);
    }
}
