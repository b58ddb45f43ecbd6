package org.mmsim.boot.spec;

import java.util.Locale;

/**
 * Parses sizes and addresses as the kernel's {@code memparse()} does (lib/cmdline.c): a number in
 * decimal, octal or hex with an optional K, M, G, T, P or E suffix (powers of 1024).
 */
public final class Sizes {
    private Sizes() {
    }

    /** The value, or throws IllegalArgumentException with a short reason. */
    public static long memparse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty size");
        }
        int shift = 0;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        switch (last) {
            case 'E': shift = 60; break;
            case 'P': shift = 50; break;
            case 'T': shift = 40; break;
            case 'G': shift = 30; break;
            case 'M': shift = 20; break;
            case 'K': shift = 10; break;
            default: break;
        }
        if (shift != 0) {
            s = s.substring(0, s.length() - 1);
            if (s.toUpperCase(Locale.ROOT).endsWith("I")) {
                throw new IllegalArgumentException("unit '" + text + "': use K, M, G, T (powers of 1024)");
            }
        } else if (s.length() > 1 && Character.isLetter(last) && !isHex(s)) {
            throw new IllegalArgumentException("unknown unit in '" + text + "'");
        }
        long v = parseNumber(s, text);
        if (v < 0) {
            throw new IllegalArgumentException((isHex(s) ? "too large: '" : "negative size '") + text + "'");
        }
        if (shift > 0 && Long.numberOfLeadingZeros(v) <= shift) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
        return v << shift;
    }

    private static boolean isHex(String s) {
        return s.startsWith("0x") || s.startsWith("0X");
    }

    private static long parseNumber(String s, String original) {
        try {
            if (isHex(s)) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Long.parseLong(s.substring(1), 8);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + original + "'");
        }
    }
}
