package io.kubezen.watcher.bench.bare;

import io.micronaut.runtime.Micronaut;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

class ExtraClassesEndpointTest {

    @Test
    void definesTheNamedClassesInALoaderOfTheirOwnAndSkipsTheJdks() throws Exception {
        Path jar = jarOf(Micronaut.class);
        List<String> names;
        try (JarFile file = new JarFile(jar.toFile())) {
            names = file.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.contains("-info"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .limit(300).toList();
        }
        try (URLClassLoader loader = ExtraClassesEndpoint.loaderOf(jar)) {
            List<String> withJdk = new ArrayList<>(List.of("java.lang.String", "no.such.Type"));
            withJdk.addAll(names);

            List<Class<?>> defined = ExtraClassesEndpoint.define(loader, withJdk, 20);

            assertThat(defined).hasSize(20).allSatisfy(type -> {
                assertThat(type.getClassLoader()).isSameAs(loader);
                assertThat(type).isNotSameAs(Class.forName(type.getName(), false, Micronaut.class.getClassLoader()));
            });
        }
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
