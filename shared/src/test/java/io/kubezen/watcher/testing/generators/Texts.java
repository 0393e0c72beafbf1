package io.kubezen.watcher.testing.generators;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Strings as senders really send them and as a hostile or broken sender might: rule and alert names longer than
 * any Kubernetes field, empty and blank text, astral characters (emoji, mathematical letters), right-to-left
 * scripts and marks, control characters, lone surrogates, and Falco's {@code <NA>}.
 */
public final class Texts {

    /** Names tools ship by default that are longer than 63 characters once sanitized. */
    public static final List<String> LONG_NAMES = List.of(
            "Potential Local Privilege Escalation via Environment Variables Misuse",
            "Detect release_agent File Container Escapes via cgroups v1 notify_on_release",
            "KubePersistentVolumeFillingUpWithinFourDaysOnThisNodeAndNamespace",
            "com.github.pull_request_review_comment.created.by.dependabot.for.security.updates",
            "Create Privileged Pod In Namespace Without Pod Security Admission Enforced Label");

    private static final String WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./:";
    private static final List<String> PIECES = List.of("\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\uD835\uDD18\uD835\uDD2B", "\u0645\u0631\u062D\u0628\u0627", "\u05E9\u05DC\u05D5\u05DD", "\u202E", "\u200F",
            "\u0000", "\u001F", "\u007F", "\t\n\r", "\uD800", "\uDFFF", "\u00E9", "\u00DF", "\u0130", "\u01C5", "\u216B",
            "\u0663", "\uFEFF", "\uFFFD", "a", "Z", "9", " ", "-", "_", ".", "/", "\"", "\\", "{{", "$");

    private Texts() {
    }

    public static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, words(0, 60)),
                Tuple.of(10, Arbitraries.of(LONG_NAMES)),
                Tuple.of(10, words(64, 300)),
                Tuple.of(3, words(4_000, 20_000)),
                Tuple.of(15, unicode()),
                Tuple.of(5, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(5, Arbitraries.of("", " ", "\t", "<NA>", "null", "-", "_", ".", "0", "\u00A0")));
    }

    /** Any text but blank, for the fields a source requires. */
    public static Arbitrary<String> nonBlank() {
        return any().filter(text -> !text.isBlank());
    }

    /** Letters, digits, blanks and separators, as rule names, camel-case alert names and CloudEvents types use. */
    public static Arbitrary<String> words(int minLength, int maxLength) {
        return Arbitraries.strings().withChars(WORD_CHARS).ofMinLength(minLength).ofMaxLength(maxLength);
    }

    /** One of {@code words} usually, else any text: a field's known values and the rest of the world. */
    public static Arbitrary<String> usually(String... words) {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(words)), Tuple.of(1, any()));
    }

    /** Usually a valid object or namespace name, sometimes anything at all. */
    public static Arbitrary<String> kubernetesName() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1)
                        .ofMaxLength(63)),
                Tuple.of(2, Arbitraries.of("prod", "kube-system", "default", "web-7d4b9c-x2x9z", "worker-1")),
                Tuple.of(2, any()));
    }

    /** Text mixing scripts, astral characters, marks, controls and lone surrogates. */
    public static Arbitrary<String> unicode() {
        return Arbitraries.of(PIECES).list().ofMaxSize(80).map(pieces -> String.join("", pieces));
    }
}
