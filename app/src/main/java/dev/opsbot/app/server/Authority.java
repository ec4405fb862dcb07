package dev.opsbot.app.server;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host and port as a request names them: its {@code Host} header, or the authority of its {@code Origin}. The host
 * is lower case, an IPv6 address keeps its brackets; the port is -1 when none is written.
 */
record Authority(String host, int port) {
    private static final Pattern HOST = Pattern.compile("[a-z0-9._-]+|\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    /** A {@code Host} header's value ({@code localhost:8080}, {@code [::1]:8080}); empty when it is not one. */
    static Optional<Authority> ofHostHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon > text.lastIndexOf(']');
        String host = hasPort ? text.substring(0, colon) : text;
        String port = hasPort ? text.substring(colon + 1) : null;
        if (!HOST.matcher(host).matches()
                || (port != null && !PORT.matcher(port).matches())) {
            return Optional.empty();
        }
        return Optional.of(new Authority(host, port == null ? -1 : Integer.parseInt(port)));
    }

    /**
     * An {@code Origin} header's value ({@code http://localhost:8080}), its port filled in from the scheme; empty
     * for {@code null} (what sandboxed frames and local files send) or anything else that is not an http origin.
     */
    static Optional<Authority> ofOrigin(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new Authority(uri.getHost().toLowerCase(Locale.ROOT), port));
    }

    /**
     * Whether a page at {@code origin} is this host. The scheme is not compared: TLS often ends at a proxy, so the
     * request opsbot sees is plain HTTP even when the page was HTTPS; a Host without a port matches 80 and 443.
     */
    boolean sameAs(Authority origin) {
        if (!host.equals(origin.host)) {
            return false;
        }
        return port == origin.port || (port == -1 && (origin.port == 80 || origin.port == 443));
    }

    /** A name only this machine answers to, so no other site can point its own DNS name at it. */
    boolean loopback() {
        return host.equals("localhost")
                || host.equals("[::1]")
                || LOOPBACK_V4.matcher(host).matches();
    }

    @Override
    public String toString() {
        return port == -1 ? host : host + ":" + port;
    }
}
