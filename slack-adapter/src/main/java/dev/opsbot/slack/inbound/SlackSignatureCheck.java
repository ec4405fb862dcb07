package dev.opsbot.slack.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing ({@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}), checked before a body is parsed.
 * Stricter than Bolt's own check, which runs afterwards too: the timestamp must be within five minutes either side
 * (Bolt accepts any future one) and the comparison takes constant time.
 */
public final class SlackSignatureCheck {
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Why a request was refused; {@code null} from {@link #check} means it is genuine. */
    public enum Refusal {
        MISSING_HEADERS,
        STALE_TIMESTAMP,
        BAD_SIGNATURE
    }

    private final byte[] secret;
    private final Clock clock;

    public SlackSignatureCheck(String signingSecret, Clock clock) {
        this.secret = Objects.requireNonNull(signingSecret, "signingSecret").getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Refusal check(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return Refusal.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Refusal.STALE_TIMESTAMP;
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
            return Refusal.STALE_TIMESTAMP; // a replayed request, or a clock far off
        }
        byte[] expected = sign(timestamp.strip(), body == null ? "" : body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : Refusal.BAD_SIGNATURE;
    }

    /** The {@code X-Slack-Signature} value Slack would send. */
    public String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
