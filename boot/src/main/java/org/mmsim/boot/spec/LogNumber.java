package org.mmsim.boot.spec;

import org.mmsim.arch.InputError;

/**
 * Reads one number of an input line and checks its range, so that an oversized or garbled figure is refused with
 * the file and line ({@link InputError}) instead of overflowing or escaping as a NumberFormatException.
 */
final class LogNumber {
    private static final int MAX_DIGITS = 19;

    private LogNumber() {
    }

    /** A decimal number within [min, max]; {@code what} names it in the message. */
    static long decimal(String digits, long min, long max, String what, String file, int line) {
        long v = digits.length() > MAX_DIGITS ? -1 : parse(digits, 10);
        if (v < min || v > max) {
            throw InputError.at(file, line, what + " '" + shorten(digits, 40) + "' is out of range (" + min + ".." + max + ")");
        }
        return v;
    }

    /** A physical address in hex (with or without 0x), below {@link KernelLimits#PHYS_LIMIT}. */
    static long address(String hex, String file, int line) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        String significant = digits.substring(zeros);
        long v = significant.length() > 15 ? -1 : parse(significant, 16);
        if (v < 0 || v >= KernelLimits.PHYS_LIMIT) {
            throw InputError.at(file, line, "address '" + shorten(hex, 40) + "' is beyond 2^52, the highest physical address"
                    + " a kernel can describe");
        }
        return v;
    }

    /** The range [first, last] printed with an inclusive end, as [start, end); refuses a reversed range. */
    static long[] inclusiveRange(String first, String last, String file, int line) {
        long s = address(first, file, line);
        long e = address(last, file, line);
        if (e < s) {
            throw InputError.at(file, line, "reversed range: " + first + " is above " + last);
        }
        return new long[] {s, e + 1};
    }

    private static long parse(String digits, int radix) {
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code s} cut to at most {@code max} characters for a message. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
