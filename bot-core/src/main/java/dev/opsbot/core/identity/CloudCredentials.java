package dev.opsbot.core.identity;

/**
 * The acting person's AWS credentials for one request, fetched when a tool first needs them (a question that
 * touches no AWS API costs no STS call) and shared by every tool of the request.
 */
@FunctionalInterface
public interface CloudCredentials {
    /**
     * @throws ElevationException when the person has no read role here, or STS refuses
     */
    SessionCredentials get();

    /** For requests that must not reach AWS at all (scenarios, tests): every call is refused with {@code why}. */
    static CloudCredentials none(String why) {
        return () -> {
            throw new ElevationException(ElevationException.Kind.NO_ROLE, why);
        };
    }
}
