package io.kubezen.watcher.ingester;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.kubezen.watcher.testing.arch.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout rules of every module ({@link ArchitectureRules}), held to this module's classes. */
class ArchitectureTest {

    private static final String ROOT = "io.kubezen.watcher.ingester";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.mainClasses(ROOT);
    }

    @Test
    void wiringLivesInTheWiringPackage() {
        ArchitectureRules.wiringLivesInWiringPackages(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.packagesAreFreeOfCycles(classes, ROOT);
    }
}
