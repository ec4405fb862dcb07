package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The one Jackson mapper for fabric8 model objects here: the mock server's own (its CRUD dispatcher reads and writes
 * the store with {@link Serialization}), so that what we store is what it reads, and fabric8's type registry is
 * built once per JVM rather than once more for us.
 */
final class FabricJson {
    private FabricJson() {}

    @SuppressWarnings("deprecation") // deprecated for clients, which should use their own; the mock server has none
    static ObjectMapper mapper() {
        return Serialization.jsonMapper();
    }
}
