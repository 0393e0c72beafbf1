package io.kubezen.watcher.source.logs;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses patterns whose counted repetitions multiply out too far. RE2 matches in time linear in the line, but its
 * program grows with every repetition it unrolls: {@code ((a{1000}){1000}){1000}} would take more memory than the
 * controller has before compiling could fail. This estimate walks the pattern's syntax (escapes, classes, groups,
 * {@code {n,m}}) and counts unrolled atoms, without compiling anything.
 */
final class RegexBudget {

    /** Unrolled atoms a pattern may have; {@code (\w{100}){100}} is this many, and compiles in milliseconds. */
    static final long MAX_ATOMS = 10_000;
    static final int MAX_LENGTH = 1024;

    private RegexBudget() {
    }

    /** Null when the pattern is within budget, else why not. */
    static String problem(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        return atoms(regex) > MAX_ATOMS ? "repeats more than " + MAX_ATOMS + " atoms once its counted repetitions "
                + "are unrolled; nest fewer {n} counts" : null;
    }

    static long atoms(String regex) {
        Deque<long[]> outer = new ArrayDeque<>();
        long total = 0;
        long last = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '(') {
                int flagsEnd = flagGroupEnd(regex, i);
                if (flagsEnd > 0) {
                    i = flagsEnd + 1;
                    continue;
                }
                outer.push(new long[]{total});
                total = 0;
                last = 0;
                i = groupBodyStart(regex, i);
            } else if (c == ')' && !outer.isEmpty()) {
                last = total;
                total = outer.pop()[0] + last;
                i++;
            } else if (c == '{' && repeatEnd(regex, i) > 0) {
                int end = repeatEnd(regex, i);
                long times = repeatMax(regex.substring(i + 1, end));
                total += last * (times - 1);
                last *= times;
                i = end + 1;
            } else if (c == '|' || c == '*' || c == '+' || c == '?' || c == '^' || c == '$') {
                i++;
            } else {
                i = c == '\\' ? escapeEnd(regex, i) : c == '[' ? classEnd(regex, i) : i + 1;
                total++;
                last = 1;
            }
            if (total > MAX_ATOMS || last > MAX_ATOMS) {
                return Long.MAX_VALUE;
            }
        }
        while (!outer.isEmpty()) {
            total += outer.pop()[0];
        }
        return total;
    }

    /** The index of the ')' of a flags-only group such as {@code (?i)}, or -1 for any other group. */
    private static int flagGroupEnd(String regex, int open) {
        if (open + 1 >= regex.length() || regex.charAt(open + 1) != '?') {
            return -1;
        }
        for (int i = open + 2; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == ')') {
                return i;
            }
            if (!Character.isLetter(c) && c != '-') {
                return -1;
            }
        }
        return -1;
    }

    /** Where a group's body begins: after {@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>} or {@code (?<name>}. */
    private static int groupBodyStart(String regex, int open) {
        if (open + 1 >= regex.length() || regex.charAt(open + 1) != '?') {
            return open + 1;
        }
        int close = regex.indexOf(regex.indexOf('<', open) == open + 2 || regex.startsWith("P<", open + 2) ? '>' : ':',
                open);
        return close < 0 ? regex.length() : close + 1;
    }

    /** The index of the '}' closing {@code {n}}, {@code {n,}} or {@code {n,m}}; -1 when the brace is a literal. */
    private static int repeatEnd(String regex, int open) {
        int close = regex.indexOf('}', open);
        return close > open + 1 && regex.substring(open + 1, close).matches("\\d+(,\\d*)?") ? close : -1;
    }

    private static long repeatMax(String counts) {
        String[] parts = counts.split(",", -1);
        String max = parts.length == 2 && !parts[1].isEmpty() ? parts[1] : parts[0];
        // {n,} unrolls n copies plus a star; too many digits are over any budget anyway.
        long times = max.length() > 6 ? MAX_ATOMS + 1 : Long.parseLong(max);
        return Math.max(1, parts.length == 2 && parts[1].isEmpty() ? times + 1 : times);
    }

    private static int escapeEnd(String regex, int backslash) {
        int next = backslash + 1;
        if (next >= regex.length()) {
            return next;
        }
        char c = regex.charAt(next);
        if ((c == 'p' || c == 'P' || c == 'x') && next + 1 < regex.length() && regex.charAt(next + 1) == '{') {
            int close = regex.indexOf('}', next);
            return close < 0 ? regex.length() : close + 1;
        }
        return next + 1;
    }

    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = escapeEnd(regex, i);
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int close = regex.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
