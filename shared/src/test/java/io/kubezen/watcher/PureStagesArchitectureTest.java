package io.kubezen.watcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The pure stages run in both apps and in plain unit tests, so they may not reach for the frameworks and
 * clients of the apps: no Micronaut, no Lettuce, no Kubernetes client.
 */
class PureStagesArchitectureTest {

    private static final String[] PURE = {
            "io.kubezen.watcher.model..", "io.kubezen.watcher.source..", "io.kubezen.watcher.normalize..",
            "io.kubezen.watcher.filter..", "io.kubezen.watcher.fingerprint..", "io.kubezen.watcher.pipeline.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kubezen.watcher");

    @Test
    void pureStagesUseNoFrameworkOrClient() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PURE)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.lettuce..", "io.kubernetes..");

        rule.check(classes);
    }

    @Test
    void sourceTypesDoNotKnowEachOther() {
        String[] types = {"falco", "kubeaudit", "alertmanager", "cloudevents", "webhook"};
        for (String type : types) {
            String own = "io.kubezen.watcher.source." + type + "..";
            for (String other : types) {
                if (!other.equals(type)) {
                    noClasses().that().resideInAPackage(own)
                            .should().dependOnClassesThat().resideInAPackage("io.kubezen.watcher.source." + other + "..")
                            .check(classes);
                }
            }
        }
    }
}
