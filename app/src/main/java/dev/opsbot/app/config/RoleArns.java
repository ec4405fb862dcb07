package dev.opsbot.app.config;

import java.util.regex.Pattern;

/** IAM role ARNs as the config writes them: checked at start, so a typo fails there and not at 3 am. */
final class RoleArns {
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    private RoleArns() {}

    /** @return the ARN, or null when not given */
    static String check(String key, String arn) {
        String value = Checks.blankToNull(arn);
        if (value != null && !ROLE_ARN.matcher(value).matches()) {
            throw new ConfigException(
                    key,
                    value,
                    "is not an IAM role ARN",
                    "write arn:aws:iam::<12-digit account>:role/<name>, such as"
                            + " arn:aws:iam::123456789012:role/opsbot-read");
        }
        return value;
    }
}
