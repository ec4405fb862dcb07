package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** Resource quantities as people write them ({@code 512Mi}, {@code 250m}), compared by value, not by spelling. */
public final class Quantities {
    private Quantities() {}

    /** The quantity as the API spelled it, or empty. */
    public static String render(Quantity quantity) {
        return quantity == null ? "" : quantity.toString();
    }

    /** {@code limits} or {@code requests} of {@code resource} ({@code memory}, {@code cpu}) of a container, or empty. */
    public static String of(Container container, String kind, String resource) {
        ResourceRequirements resources = container == null ? null : container.getResources();
        if (resources == null) {
            return "";
        }
        Map<String, Quantity> values = kind.equals("limits") ? resources.getLimits() : resources.getRequests();
        return values == null ? "" : render(values.get(resource));
    }

    /** Whether two rendered quantities mean the same amount: {@code 0.5Gi} equals {@code 512Mi}. */
    public static boolean same(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        try {
            BigDecimal left = Quantity.getAmountInBytes(new Quantity(a));
            BigDecimal right = Quantity.getAmountInBytes(new Quantity(b));
            return left.compareTo(right) == 0;
        } catch (RuntimeException notAQuantity) {
            return false;
        }
    }
}
