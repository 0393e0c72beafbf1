package io.kubezen.watcher.text;

/**
 * Text as UTF-8, exactly as {@code String.getBytes(UTF_8)} encodes it (an unpaired surrogate becomes one '?'), for
 * per-event paths that need the size or the bytes of text without a String and a byte array of its own each time:
 * the fingerprint's input and the bound on detail values.
 */
public final class Utf8 {

    /** The most bytes one char can take: three (a surrogate pair takes four for its two chars). */
    public static final int MAX_BYTES_PER_CHAR = 3;

    private Utf8() {
    }

    /** {@code text}'s UTF-8 size, counted without encoding it. */
    public static int length(CharSequence text) {
        int length = text.length();
        int size = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                size += 1;
            } else if (!Character.isSurrogate(c)) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 2;
                i++;
            }
        }
        return size;
    }

    /**
     * Encodes {@code text} into {@code into} from its start and returns the number of bytes written; {@code into}
     * holds at least {@link #MAX_BYTES_PER_CHAR} bytes per char of {@code text}.
     */
    public static int encode(CharSequence text, byte[] into) {
        int length = text.length();
        int at = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                into[at++] = (byte) c;
            } else if (c < 0x800) {
                into[at++] = (byte) (0xc0 | c >> 6);
                into[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                into[at++] = (byte) (0xf0 | codePoint >> 18);
                into[at++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                into[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                into[at++] = (byte) (0x80 | codePoint & 0x3f);
            } else if (Character.isSurrogate(c)) {
                into[at++] = '?';
            } else {
                into[at++] = (byte) (0xe0 | c >> 12);
                into[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                into[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return at;
    }
}
