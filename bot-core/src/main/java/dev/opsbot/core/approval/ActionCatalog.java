package dev.opsbot.core.approval;

import dev.opsbot.core.tool.Risk;
import java.util.Optional;

/** The actions opsbot can run, by name, with their risk: a remediation names one, or it is not proposed. */
@FunctionalInterface
public interface ActionCatalog {
    Optional<Risk> riskOf(String action);
}
