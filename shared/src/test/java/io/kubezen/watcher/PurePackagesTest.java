package io.kubezen.watcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The pure stages are reused by both apps and by the controller's informer sources, and they must stay
 * testable without a framework: no Micronaut, Redis client, Kubernetes client or Netty in them. The seams'
 * interfaces and their in-memory implementations likewise stay free of the technology of the real one.
 */
class PurePackagesTest {

    private static final String[] FRAMEWORKS = {
        "io.micronaut..", "io.lettuce..", "io.kubernetes..", "io.netty..", "reactor.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kubezen.watcher");
    }

    @Test
    void pipelineStagesImportNoFramework() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage(
                        "io.kubezen.watcher.model..",
                        "io.kubezen.watcher.config..",
                        "io.kubezen.watcher.install..",
                        "io.kubezen.watcher.metrics..",
                        "io.kubezen.watcher.source..",
                        "io.kubezen.watcher.normalize..",
                        "io.kubezen.watcher.filter..",
                        "io.kubezen.watcher.fingerprint..",
                        "io.kubezen.watcher.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the pure stages are shared by the ingester and the controller and tested without I/O");
        rule.check(classes);
    }

    @Test
    void sourceTypesDoNotKnowEachOther() {
        String[] types = {"falco", "kubeaudit", "alertmanager", "cloudevents", "webhook", "informer.trivy",
            "informer.policyreport", "informer.kubeevent", "informer.certmanager"};
        for (String type : types) {
            for (String other : types) {
                if (!other.equals(type)) {
                    noClasses().that().resideInAPackage("io.kubezen.watcher.source." + type + "..")
                            .should().dependOnClassesThat().resideInAPackage("io.kubezen.watcher.source." + other + "..")
                            .because("adding a source type must touch its own package only")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void seamInterfacesAndInMemoryImplementationsImportNoRedisClient() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage(
                        "io.kubezen.watcher.dedup", "io.kubezen.watcher.dedup.memory..",
                        "io.kubezen.watcher.queue", "io.kubezen.watcher.queue.memory..",
                        "io.kubezen.watcher.admission", "io.kubezen.watcher.admission.memory..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .because("only the redis subpackages may know the Redis client");
        rule.check(classes);
    }
}
