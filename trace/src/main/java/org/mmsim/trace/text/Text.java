package org.mmsim.trace.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Byte-slice helpers: searches, comparisons and excerpts for messages. */
final class Text {
    /** A quoted excerpt in an error message is cut to this many bytes. */
    private static final int EXCERPT = 60;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020202020202020L;
    private static final long TABS = 0x0909090909090909L;

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

    /**
     * True when {@code key} equals the bytes of {@code b} from {@code from} (which hold at least key.length):
     * eight bytes at a time, for the short names and flags a trace repeats, where a library range compare costs
     * more in set-up than in comparing.
     */
    static boolean sameBytes(byte[] key, byte[] b, int from) {
        int n = key.length;
        int i = 0;
        for (; i <= n - Long.BYTES; i += Long.BYTES) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(b, from + i)) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (key[i] != b[from + i]) {
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

    /** The first byte at or after {@code from} that is not a space or tab; runs of eight spaces a word at a time. */
    static int skipSpaces(byte[] b, int from, int to) {
        int i = from;
        while (i <= to - Long.BYTES && (long) LONGS.get(b, i) == SPACES) {
            i += Long.BYTES;
        }
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The first space or tab at or after {@code from}, or {@code to}; eight bytes at a time, as {@link #find}. */
    static int nextSpace(byte[] b, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long found = zeroByte(w ^ SPACES) | zeroByte(w ^ TABS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (i < to && b[i] != ' ' && b[i] != '\t') {
            i++;
        }
        return i;
    }

    /**
     * The first byte {@code c} in {@code [from, to)}, or -1. Eight bytes at a time: a byte of {@code w ^ cccc...} is
     * zero where w holds c, and {@link #zeroByte} marks the first such byte exactly.
     */
    static int find(byte[] b, int from, int to, byte c) {
        long pattern = (c & 0xffL) * 0x0101010101010101L;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long found = zeroByte((long) LONGS.get(b, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The top bit of each zero byte of {@code x} up to and including the lowest one (higher ones may be missed or
     * falsely set, which the lowest, the first in little-endian order, never is).
     */
    private static long zeroByte(long x) {
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }
}
