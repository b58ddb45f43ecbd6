package org.mmsim.trace.text;

import java.nio.charset.StandardCharsets;

/** Byte-slice helpers for messages and comparisons; used off the hot path or on a handful of bytes. */
final class Text {
    /** A quoted excerpt in an error message is cut to this many bytes. */
    private static final int EXCERPT = 60;

    private Text() {
    }

    /** Bytes {@code [from, to)} as a string for a message, cut to {@value #EXCERPT} bytes. */
    static String of(byte[] b, int from, int to) {
        int end = Math.min(to, from + EXCERPT);
        String s = new String(b, from, end - from, StandardCharsets.UTF_8);
        return end < to ? s + "..." : s;
    }

    /** True when bytes {@code [from, to)} of {@code b} start with {@code prefix}. */
    static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when bytes {@code [from, to)} of {@code b} are exactly {@code word}. */
    static boolean equals(byte[] b, int from, int to, byte[] word) {
        return to - from == word.length && startsWith(b, from, to, word);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static int skipSpaces(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    static int nextSpace(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != ' ' && b[i] != '\t') {
            i++;
        }
        return i;
    }
}
