package io.kubezen.watcher.ingester.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes a receiver loads on its way to its first answer, in the order it loads them, on a thread of its
 * own while the main thread builds the application context. Without a class-data archive (a plain {@code java -jar})
 * each class is looked up in the jar, inflated, parsed and defined on the thread that first needs it, the main
 * thread for most of them; here the main thread finds most of them defined already, and the start uses the second
 * core (docs/benchmarks.md, "Seventh pass"). The classes are loaded, not initialized: no static initializer runs
 * earlier or on another thread than it would without this.
 *
 * <p>The list is {@value #LIST} beside this class, written by {@code bench/start-classes.sh}. A name the class path
 * no longer has is skipped, and a class missing from the list loads when first used, as without the list: a stale
 * list costs time, never correctness. {@code -D}{@value #SWITCH}{@code =false} turns it off.
 */
public final class ClassPreloader {

    static final String LIST = "start-classes.txt";
    static final String SWITCH = "zen-watcher.preload-classes";

    private ClassPreloader() {
    }

    /** Starts loading the listed classes on a daemon thread, unless switched off. */
    public static void start() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            return;
        }
        Thread thread = new Thread(() -> preload(ClassPreloader.class.getResourceAsStream(LIST),
                ClassPreloader.class.getClassLoader()), "class-preloader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads every class the list names that the loader can find, and answers how many it loaded. */
    static int preload(InputStream list, ClassLoader loader) {
        if (list == null) {
            return 0;
        }
        int loaded = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                if (load(name, loader)) {
                    loaded++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the start class list " + LIST, e);
        }
        return loaded;
    }

    private static boolean load(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            // A list written against other libraries or another JDK: whoever needs the class meets the same error.
            return false;
        }
    }
}
