package io.kubezen.watcher.testing.generators;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

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

    public static Gen<String> any() {
        return Generate.frequency(
                Pair.of(20, words(0, 60)),
                Pair.of(10, Generate.pick(LONG_NAMES)),
                Pair.of(10, words(64, 300)),
                Pair.of(3, words(4_000, 20_000)),
                Pair.of(15, unicode()),
                Pair.of(5, strings().allPossible().ofLengthBetween(0, 40)),
                Pair.of(5, Generate.pick(List.of("", " ", "\t", "<NA>", "null", "-", "_", ".", "0", "\u00A0"))));
    }

    /** Any text but blank, for the fields a source requires: a blank draw gets Falco's {@code <NA>} appended. */
    public static Gen<String> nonBlank() {
        return any().map(text -> text.isBlank() ? text + "<NA>" : text);
    }

    /** Letters, digits, blanks and separators, as rule names, camel-case alert names and CloudEvents types use. */
    public static Gen<String> words(int minLength, int maxLength) {
        return ofChars(WORD_CHARS, minLength, maxLength);
    }

    /** Text of {@code characters} only. */
    public static Gen<String> ofChars(String characters, int minLength, int maxLength) {
        return Generate.intArrays(lengths(minLength, maxLength), Generate.range(0, characters.length() - 1))
                .map(indexes -> {
                    StringBuilder text = new StringBuilder(indexes.length);
                    for (int index : indexes) {
                        text.append(characters.charAt(index));
                    }
                    return text.toString();
                });
    }

    /** One of {@code words} usually, else any text: a field's known values and the rest of the world. */
    public static Gen<String> usually(String... words) {
        return Generate.frequency(Pair.of(4, Generate.pick(List.of(words))), Pair.of(1, any()));
    }

    /** Usually a valid object or namespace name, sometimes anything at all. */
    public static Gen<String> kubernetesName() {
        return Generate.frequency(
                Pair.of(6, ofChars("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 63)),
                Pair.of(2, Generate.pick(List.of("prod", "kube-system", "default", "web-7d4b9c-x2x9z", "worker-1"))),
                Pair.of(2, any()));
    }

    /** Text mixing scripts, astral characters, marks, controls and lone surrogates. */
    public static Gen<String> unicode() {
        return lists().of(Generate.pick(PIECES)).ofSizes(lengths(0, 80)).map(pieces -> String.join("", pieces));
    }

    /**
     * Short lengths more often than long ones: a bound is drawn first, then the length up to it. With lengths drawn
     * uniformly nearly every {@link #unicode()} text would hold a lone surrogate, which makes a JSON key unreadable,
     * and too few payloads would be accepted to check anything.
     */
    private static Gen<Integer> lengths(int min, int max) {
        return integers().between(min, max).flatMap(bound -> integers().between(min, bound));
    }
}
