package dev.opsbot.app.config;

import java.util.regex.Pattern;

/** An AWS region code as the config writes it, checked at start so a typo does not surface as a failed call. */
final class AwsRegion {
    // us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1
    private static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z]+)+-[0-9]+");

    private AwsRegion() {}

    /** The region, or {@code null} when not set. */
    static String check(String key, String region) {
        String value = Checks.blankToNull(region);
        if (value != null && !CODE.matcher(value).matches()) {
            throw new ConfigException(key, value, "is not an AWS region", "use a region code such as eu-west-1");
        }
        return value;
    }
}
