package dev.opsbot.tools.argocd;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the application that deploys a service, best match first: named like the service (preferring the one that
 * deploys into the investigated namespace), labelled {@code app.kubernetes.io/instance=<service>}, or deploying into
 * the namespace with the service in its name ({@code shop-checkout}).
 */
final class ApplicationMatcher {
    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

    private ApplicationMatcher() {}

    static Optional<Application> find(List<Application> applications, String service, String namespace) {
        return applications.stream()
                .filter(app -> score(app, service, namespace) > 0)
                .max(Comparator.comparingInt((Application app) -> score(app, service, namespace))
                        .thenComparing(Application::name, Comparator.reverseOrder()));
    }

    private static int score(Application app, String service, String namespace) {
        boolean inNamespace = app.destinationNamespace().equals(namespace);
        int bonus = inNamespace ? 1 : 0;
        if (app.name().equals(service)) {
            return 6 + bonus;
        }
        if (app.label(INSTANCE_LABEL).equals(service)) {
            return 4 + bonus;
        }
        if (inNamespace && app.name().contains(service)) {
            return 2;
        }
        return 0;
    }
}
