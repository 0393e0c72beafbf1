package io.kubezen.watcher.testing.arch;

import org.junit.jupiter.api.Test;

/**
 * The layout rules of every module ({@link ArchitectureRules}); each module's {@code ArchitectureTest} subclasses
 * it, naming the root package of its classes.
 */
public abstract class ArchitectureContract {

    /** The root package of the module's classes, for example {@code io.kubezen.watcher.ingester}. */
    protected abstract String root();

    @Test
    void wiringLivesInTheWiringPackage() {
        ArchitectureRules.wiringLivesInWiringPackages(ArchitectureRules.mainClasses(root()));
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.packagesAreFreeOfCycles(ArchitectureRules.mainClasses(root()), root());
    }
}
