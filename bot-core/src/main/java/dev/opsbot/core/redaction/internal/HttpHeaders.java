package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials in HTTP headers, as logs, curl commands and request dumps print them: {@code Authorization: Bearer
 * ...}, {@code Basic ...}, {@code Token ...}, {@code Bot ...}, a bare {@code Bearer ...}, and the API-key headers
 * vendors use ({@code X-Api-Key}, {@code Private-Token}, {@code X-Vault-Token}, ...). AWS SigV4 and Digest
 * authorization values are signatures, not credentials, and stay.
 */
public final class HttpHeaders implements Detector {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "authorization[\"']?\\s{0,8}+[:=]\\s{0,8}+[\"']?"
                    + "(?:([A-Za-z][A-Za-z0-9_-]{1,24}+)\\s++)?(?:token=)?([A-Za-z0-9._~+/:=-]{8,8192}+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER =
            Pattern.compile("bearer\\s++([A-Za-z0-9._~+/-]{16,8192}+=*+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> SIGNATURES = Set.of("aws4-hmac-sha256", "digest", "hmac", "signature");
    private static final List<String> KEY_HEADERS = List.of(
            "x-api-key",
            "api-key",
            "x-auth-token",
            "x-access-token",
            "private-token",
            "x-gitlab-token",
            "x-vault-token",
            "x-honeycomb-team",
            "dd-api-key",
            "dd-application-key",
            "x-postmark-server-token",
            "x-figma-token",
            "ocp-apim-subscription-key",
            "x-functions-key",
            "x-goog-api-key",
            "x-rapidapi-key",
            "x-shopify-access-token",
            "x-hub-signature-secret");
    private static final Pattern KEY_HEADER = Pattern.compile(
            "(?:" + String.join("|", KEY_HEADERS) + ")[\"']?\\s{0,8}+[:=]\\s{0,8}+[\"']?([A-Za-z0-9._~+/=-]{8,1024}+)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public List<String> types() {
        return List.of("authorization-header", "bearer-token", "api-key-header");
    }

    @Override
    public List<String> keywords() {
        List<String> all = new java.util.ArrayList<>(KEY_HEADERS);
        all.add("authorization");
        all.add("bearer");
        return all;
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (keyword.equals("authorization")) {
            Matcher m = at(AUTHORIZATION, text, hit);
            if (m.lookingAt() && !isSignature(m.group(1)) && accept(m.group(2))) {
                found.secret("authorization-header", m.start(2), m.end(2), CONTEXT);
            }
        } else if (keyword.equals("bearer")) {
            Matcher m = at(BEARER, text, hit);
            if (m.lookingAt() && accept(m.group(1))) {
                found.secret("bearer-token", m.start(1), m.end(1), CONTEXT);
            }
        } else if (hit == 0 || !Chars.isKeyChar(text.charAt(hit - 1))) {
            Matcher m = at(KEY_HEADER, text, hit);
            if (m.lookingAt() && accept(m.group(1))) {
                found.secret("api-key-header", m.start(1), m.end(1), CONTEXT);
            }
        }
    }

    private static boolean isSignature(String scheme) {
        return scheme != null && SIGNATURES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    private static boolean accept(String credential) {
        return !Values.isReference(credential) && Entropy.bits(credential) >= 2.5;
    }

    static Matcher at(Pattern pattern, String text, int from) {
        Matcher m = pattern.matcher(text);
        m.region(from, text.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }
}
