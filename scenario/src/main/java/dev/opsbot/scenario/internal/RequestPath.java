package dev.opsbot.scenario.internal;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request target split into path and raw query, rewritten before the CRUD store sees it. */
record RequestPath(String path, String query) {
    /**
     * A field selector requirement the CRUD store's attribute matcher reads as "has no {@code api} attribute": only
     * objects of the core group are stored without one.
     */
    private static final String CORE_GROUP_ONLY = "!api";

    static RequestPath of(String target) {
        int question = target.indexOf('?');
        return question < 0
                ? new RequestPath(target, "")
                : new RequestPath(target.substring(0, question), target.substring(question + 1));
    }

    String parameter(String name) {
        return QueryString.parse(query).get(name);
    }

    RequestPath without(String name) {
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.equals(name) && !pair.startsWith(name + "=")) {
                kept.add(pair);
            }
        }
        return new RequestPath(path, String.join("&", kept));
    }

    RequestPath withCoreGroupOnly() {
        Map<String, String> parameters = QueryString.parse(query);
        String selector = parameters.get("fieldSelector");
        String merged = selector == null || selector.isEmpty() ? CORE_GROUP_ONLY : selector + "," + CORE_GROUP_ONLY;
        RequestPath rest = without("fieldSelector");
        String pair = "fieldSelector=" + URLEncoder.encode(merged, StandardCharsets.UTF_8);
        return new RequestPath(path, rest.query().isEmpty() ? pair : rest.query() + "&" + pair);
    }

    RecordedRequest request(RecordedRequest original) {
        String target = query.isEmpty() ? path : path + "?" + query;
        if (target.equals(original.getPath())) {
            return original;
        }
        return new RecordedRequest(
                original.getHttpVersion(), original.method(), target, original.getHeaders(), original.getBody());
    }
}
