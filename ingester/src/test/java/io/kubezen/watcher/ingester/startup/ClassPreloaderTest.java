package io.kubezen.watcher.ingester.startup;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloaderTest {

    static final AtomicBoolean WITNESS_INITIALIZED = new AtomicBoolean();

    @Test
    void loadsTheListedClassesWithoutInitializingThem() {
        int loaded = ClassPreloader.preload(list(InitializationWitness.class.getName()), loader());

        assertThat(loaded).isEqualTo(1);
        assertThat(WITNESS_INITIALIZED).isFalse();
    }

    @Test
    void skipsNamesTheClassPathDoesNotHave() {
        int loaded = ClassPreloader.preload(list("io.kubezen.watcher.ingester.startup.NoSuchClass", "java.lang.String",
                "org.example.Gone"), loader());

        assertThat(loaded).isEqualTo(1);
    }

    @Test
    void withoutAListLoadsNothing() {
        assertThat(ClassPreloader.preload(null, loader())).isZero();
    }

    /**
     * The shipped list is written from a real start by {@code bench/start-classes.sh}. A dependency upgrade that
     * renames classes makes it stale, which costs start time silently; this makes it loud. The JDK's own classes
     * differ from one JDK to the next and are not checked.
     */
    @Test
    void theShippedListNamesClassesOfTheClassPath() throws IOException {
        List<String> names;
        try (InputStream shipped = ClassPreloader.class.getResourceAsStream(ClassPreloader.LIST)) {
            assertThat(shipped).as("the list beside ClassPreloader").isNotNull();
            names = new BufferedReader(new InputStreamReader(shipped, StandardCharsets.UTF_8)).lines()
                    .collect(Collectors.toList());
        }
        List<String> missing = names.stream()
                .filter(name -> !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")
                        && !name.startsWith("com.sun."))
                .filter(name -> ClassPreloader.preload(list(name), loader()) == 0)
                .collect(Collectors.toList());

        assertThat(names).hasSizeGreaterThan(3_000).contains("io.kubezen.watcher.ingester.receive.Receiver");
        assertThat(missing).as("classes the list names that the class path lacks: run bench/start-classes.sh")
                .isEmpty();
    }

    private static InputStream list(String... names) {
        return new ByteArrayInputStream(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
    }

    private static ClassLoader loader() {
        return ClassPreloaderTest.class.getClassLoader();
    }

    static final class InitializationWitness {

        static {
            WITNESS_INITIALIZED.set(true);
        }

        private InitializationWitness() {
        }
    }
}
