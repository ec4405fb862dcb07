package dev.opsbot.core.triage;

import dev.opsbot.core.OpsbotException;
import java.util.List;

/** The question names a service no source knows; {@link #closeNames()} are the nearest names that do exist. */
public class UnknownServiceException extends OpsbotException {
    private final String service;
    private final String namespace;
    private final List<String> closeNames;

    public UnknownServiceException(String service, String namespace, List<String> closeNames) {
        super(message(service, namespace, closeNames));
        this.service = service;
        this.namespace = namespace;
        this.closeNames = List.copyOf(closeNames);
    }

    private static String message(String service, String namespace, List<String> closeNames) {
        return "there is no service '" + service + "' in namespace " + namespace
                + (closeNames.isEmpty() ? "" : "; did you mean " + String.join(", ", closeNames) + "?");
    }

    public String service() {
        return service;
    }

    public String namespace() {
        return namespace;
    }

    public List<String> closeNames() {
        return closeNames;
    }
}
