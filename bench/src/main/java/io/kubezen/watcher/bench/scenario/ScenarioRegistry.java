package io.kubezen.watcher.bench.scenario;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/** The registered scenarios, in the order of their service file. */
public final class ScenarioRegistry {

    private final List<Scenario> scenarios;

    public ScenarioRegistry(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    public static ScenarioRegistry load() {
        return new ScenarioRegistry(ServiceLoader.load(Scenario.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The named scenarios in registry order, or all of them for an empty set; an unknown name is an error. */
    public List<Scenario> select(Set<String> names) {
        Set<String> known = scenarios.stream().map(Scenario::name).collect(Collectors.toSet());
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenarios " + unknown + "; known: "
                    + scenarios.stream().map(Scenario::name).toList());
        }
        return scenarios.stream().filter(scenario -> names.isEmpty() || names.contains(scenario.name())).toList();
    }
}
