package io.kubezen.watcher.testing.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout rules every module keeps ({@link ArchitectureContract} runs them on a module's classes): one
 * place for wiring, and packages that depend on each other in one direction only.
 */
public final class ArchitectureRules {

    private static final String FACTORY = "io.micronaut.context.annotation.Factory";
    private static final String CONFIGURATION_PROPERTIES = "io.micronaut.context.annotation.ConfigurationProperties";

    private ArchitectureRules() {
    }

    /** The main classes of the packages below {@code root}, for example {@code io.kubezen.watcher.ingester}. */
    public static JavaClasses mainClasses(String root) {
        return imported(root, ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    }

    /** The test classes of the packages below {@code root}, for a module made of tests only. */
    public static JavaClasses testClasses(String root) {
        return imported(root, ImportOption.Predefined.ONLY_INCLUDE_TESTS);
    }

    private static JavaClasses imported(String root, ImportOption tier) {
        return new ClassFileImporter()
                .withImportOption(tier)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    /**
     * Micronaut factories and configuration bindings sit in a {@code wiring} package, named {@code *Factory} and
     * {@code *Properties}, so a newcomer finds how an app is put together in one place per app.
     */
    public static void wiringLivesInWiringPackages(JavaClasses classes) {
        classes().that().areAnnotatedWith(FACTORY)
                .should().resideInAPackage("..wiring..").andShould().haveSimpleNameEndingWith("Factory")
                .allowEmptyShould(true)
                .check(classes);
        classes().that().areAnnotatedWith(CONFIGURATION_PROPERTIES).and().areTopLevelClasses()
                .should().resideInAPackage("..wiring..").andShould().haveSimpleNameEndingWith("Properties")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Packages depend on each other in one direction only, so each can be read and tested from its leaves up. A
     * class reading its own {@code *Properties} (a Micronaut controller, say) is not counted: those are bound
     * values, not behaviour, and live in the wiring package, which depends on everything else.
     */
    public static void packagesAreFreeOfCycles(JavaClasses classes, String root) {
        slices().matching(root + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(alwaysTrue(), resideInAPackage("..wiring..").and(simpleNameEndingWith("Properties")))
                .check(classes);
    }
}
