package io.kubezen.watcher.testing.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of every module ({@link ArchitectureRules}); each module's {@code ArchitectureTest} subclasses
 * it, naming the root package of its classes.
 */
public abstract class ArchitectureContract {

    /** The root package of the module's classes, for example {@code io.kubezen.watcher.ingester}. */
    protected abstract String root();

    /** The classes held to the rules: the module's main classes, unless it is made of tests only. */
    protected JavaClasses classes() {
        return ArchitectureRules.mainClasses(root());
    }

    @Test
    void wiringLivesInTheWiringPackage() {
        ArchitectureRules.wiringLivesInWiringPackages(classes());
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.packagesAreFreeOfCycles(classes(), root());
    }
}
