package dev.opsbot.tools.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;

/** A response as received: status, headers and body bytes. Status checking is the caller's. */
public record HttpReply(URI uri, int status, HttpHeaders headers, byte[] body) {
    public HttpReply {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, or empty. */
    public String header(String name) {
        return headers.firstValue(name).orElse("");
    }
}
