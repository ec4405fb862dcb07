package dev.opsbot.core.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rule set triage runs. docs/triage.md lists, per cause, the evidence each rule looks for. */
public final class Rules {
    private Rules() {}

    /** Rules that look at one service's evidence alone. */
    public static List<Rule> local() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new OomRule());
        rules.add(new RolloutRule());
        rules.add(new ConfigMapChangeRule());
        rules.addAll(PodFailureRules.all());
        rules.addAll(ScalingRules.all());
        rules.addAll(ResourceRules.all());
        rules.addAll(NetworkRules.all());
        return List.copyOf(rules);
    }

    /** The local rules plus causal direction towards the given downstreams. */
    public static List<Rule> withDownstreams(Map<String, Downstream> downstreams) {
        List<Rule> rules = new ArrayList<>(local());
        rules.add(new DependencyRule(downstreams));
        return List.copyOf(rules);
    }
}
