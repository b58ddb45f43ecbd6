package org.mmsim.trace.text;

/**
 * Numbers read straight from the bytes of a line, as the kernel's printk formats write them: %d and %u (decimal,
 * maybe signed), %lx after "0x", %p (bare hex), and ftrace's time stamp "seconds.micros". Each throws
 * {@link Malformed} naming what it read.
 */
final class Numbers {
    private Numbers() {
    }

    /** A decimal integer, optionally negative, filling all of {@code [from, to)}. */
    static long decimal(byte[] b, int from, int to, String what) {
        boolean negative = from < to && b[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 18) {
            throw bad(b, from, to, what);
        }
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw bad(b, from, to, what);
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** Bare hex digits filling {@code [from, to)}, at most 16 of them (a 64-bit value). */
    static long hex(byte[] b, int from, int to, String what) {
        return hex(b, from, from, to, what);
    }

    /** Hex digits in {@code [digits, to)} of a value printed from {@code from} (with its "0x", for messages). */
    private static long hex(byte[] b, int from, int digits, int to, String what) {
        if (digits == to || to - digits > 16) {
            throw bad(b, from, to, what);
        }
        long v = 0;
        for (int i = digits; i < to; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) {
                throw bad(b, from, to, what);
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** "0x" and hex digits, or a decimal number: how %lx after 0x, and %lu in older formats, print a pfn. */
    static long number(byte[] b, int from, int to, String what) {
        if (to - from > 2 && b[from] == '0' && (b[from + 1] == 'x' || b[from + 1] == 'X')) {
            return hex(b, from, from + 2, to, what);
        }
        return decimal(b, from, to, what);
    }

    /** True when every byte of a non-empty {@code [from, to)} is a hex digit. */
    static boolean isHex(byte[] b, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (hexDigit(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * An ftrace time stamp "seconds.fraction" (6 digits for the trace file's microseconds, 9 for trace-cmd's -t
     * nanoseconds) in nanoseconds; a stamp without a dot (a counter clock such as x86-tsc) is taken as it is.
     */
    static long timeNs(byte[] b, int from, int to) {
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            return decimal(b, from, to, "time stamp");
        }
        int digits = to - dot - 1;
        if (dot == from || dot - from > 10 || digits < 1 || digits > 9) {
            throw bad(b, from, to, "time stamp");
        }
        long seconds = 0;
        for (int i = from; i < dot; i++) {
            seconds = seconds * 10 + digit(b, i, from, to);
        }
        long fraction = 0;
        for (int i = dot + 1; i < to; i++) {
            fraction = fraction * 10 + digit(b, i, from, to);
        }
        for (int i = digits; i < 9; i++) {
            fraction *= 10;
        }
        return seconds * 1_000_000_000L + fraction;
    }

    /**
     * A time stamp as the kernel's own columns print it, right-aligned in {@code [from, to)}: spaces, one to five
     * digits of seconds, '.', six digits of microseconds. -1 for anything else (the caller then reads it as
     * {@link #timeNs} does, with its errors).
     */
    static long fixedTimeNs(byte[] b, int from, int to) {
        int dot = to - 7;
        if (dot <= from || b[dot] != '.') {
            return -1;
        }
        int i = from;
        while (i < dot && b[i] == ' ') {
            i++;
        }
        if (i == dot) {
            return -1;
        }
        long seconds = 0;
        for (; i < dot; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            seconds = seconds * 10 + d;
        }
        long micros = 0;
        for (i = dot + 1; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            micros = micros * 10 + d;
        }
        return seconds * 1_000_000_000L + micros * 1_000L;
    }

    private static int digit(byte[] b, int i, int from, int to) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
            throw bad(b, from, to, "time stamp");
        }
        return d;
    }

    static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static Malformed bad(byte[] b, int from, int to, String what) {
        return new Malformed("bad " + what + " '" + Text.of(b, from, to) + "'");
    }
}
