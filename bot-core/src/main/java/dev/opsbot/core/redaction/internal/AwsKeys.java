package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS access key ids ({@code AKIA...} long-term, {@code ASIA...} temporary) and, when one is found, the secret key
 * beside it: a 40-character base64 word on the same or the next line (a credentials CSV, an {@code aws configure}
 * dump). A secret key has no prefix of its own, so on its own it is found only by name
 * ({@code aws_secret_access_key = ...}, see the catalogue). The documentation's example pair
 * ({@code AKIAIOSFODNN7EXAMPLE}) is left alone.
 */
public final class AwsKeys implements Detector {
    private static final Pattern KEY_ID = Pattern.compile("(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])");
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final int NEARBY = 512;

    @Override
    public List<String> types() {
        return List.of("aws-access-key-id", "aws-secret-access-key");
    }

    @Override
    public List<String> keywords() {
        return List.of("akia", "asia", "abia", "acca");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (Chars.alnumAt(text, hit - 1) || !Character.isUpperCase(text.charAt(hit))) {
            return;
        }
        Matcher id = HttpHeaders.at(KEY_ID, text, hit);
        if (!id.lookingAt() || isExample(id.group())) {
            return;
        }
        found.secret("aws-access-key-id", hit, id.end(), SPECIFIC);
        found.examined(id.end());
        pairedSecret(text, hit, id.end(), found);
    }

    /** A secret key on the line of the id or the next: random base64, so mixed case, unlike a hex SHA. */
    private static void pairedSecret(String text, int idStart, int idEnd, Found found) {
        int from = Chars.lineStart(text, idStart, NEARBY);
        int lineEnd = Chars.lineEnd(text, idEnd, NEARBY);
        int to = lineEnd < text.length() ? Chars.lineEnd(text, lineEnd + 1, NEARBY) : lineEnd;
        Matcher m = SECRET.matcher(text);
        m.region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            String candidate = m.group();
            if (mixed(candidate) && !isExample(candidate)) {
                found.secret("aws-secret-access-key", m.start(), m.end(), SPECIFIC);
            }
        }
    }

    static boolean isExample(String value) {
        return value.contains("EXAMPLE");
    }

    private static boolean mixed(String value) {
        boolean upper = false;
        boolean lower = false;
        boolean digitOrSymbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digitOrSymbol |= Character.isDigit(c) || c == '/' || c == '+';
        }
        return upper && lower && digitOrSymbol && Entropy.bits(value) >= 4.0;
    }
}
