package org.mmsim.arch.layout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.mmsim.arch.InputError;

/** Parses user sizes ("1G", "512M", "0x40000000") and prints byte counts the way the layout tables do. */
public final class Sizes {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private Sizes() {
    }

    /**
     * Parses a size with an optional binary suffix K, M, G, T or P (also KB/KiB ...), like the kernel's
     * memparse(); a 0x prefix means hexadecimal. {@code what} names the option in the error message.
     */
    public static long parse(String text, String what) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw InputError.at(what, 0, "empty size");
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return parseAddress(s, what);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.endsWith("IB")) {
            upper = upper.substring(0, upper.length() - 2);
        } else if (upper.endsWith("B") && upper.length() > 1 && Character.isLetter(upper.charAt(upper.length() - 2))) {
            upper = upper.substring(0, upper.length() - 1);
        }
        int shift = 0;
        char last = upper.charAt(upper.length() - 1);
        switch (last) {
            case 'K' -> shift = 10;
            case 'M' -> shift = 20;
            case 'G' -> shift = 30;
            case 'T' -> shift = 40;
            case 'P' -> shift = 50;
            default -> shift = 0;
        }
        String digits = shift == 0 ? upper : upper.substring(0, upper.length() - 1);
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || (shift > 0 && value > (Long.MAX_VALUE >> shift))) {
                throw InputError.at(what, 0, "size out of range: " + text);
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw InputError.at(what, 0, "not a size: " + text);
        }
    }

    /** Parses an address or number: hexadecimal with 0x prefix or bare hex digits containing a-f, else decimal. */
    public static long parseAddress(String text, String what) {
        String s = text == null ? "" : text.trim().replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                String hex = s.substring(2);
                if (hex.isEmpty() || hex.length() > 16) {
                    throw new NumberFormatException();
                }
                return Long.parseUnsignedLong(hex, 16);
            }
            if (!s.isEmpty() && s.chars().anyMatch(c -> "abcdefABCDEF".indexOf(c) >= 0)) {
                if (s.length() > 16) {
                    throw new NumberFormatException();
                }
                return Long.parseUnsignedLong(s, 16);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw InputError.at(what, 0, "not an address: " + text);
        }
    }

    /**
     * A byte count in the largest binary unit that shows it exactly with at most two decimals and at most
     * four integer digits ("0.5 TB" is printed as "512 GB", "1520 MB", "12.5 PB"); a count that no unit shows
     * so is rounded to two decimals in the largest unit and marked with "~" ("~124 TB").
     */
    public static String human(long bytes) {
        int largest = -1;
        for (int u = UNITS.length - 1; u >= 0; u--) {
            int shift = 10 * u;
            long whole = bytes >>> shift;
            if (whole == 0) {
                continue;
            }
            largest = Math.max(largest, u);
            long rem = shift == 0 ? 0 : bytes & ((1L << shift) - 1);
            // rem / 2^shift has at most two decimals iff rem * 100 is a multiple of 2^shift, iff rem is a
            // multiple of 2^(shift - 2) (100 = 4 * 25 and 25 is odd); the decimals are then 25 * that multiple.
            if (Long.compareUnsigned(whole, 10000) < 0 && (shift == 0 || rem % (1L << (shift - 2)) == 0)) {
                long hundredths = shift == 0 ? 0 : 25 * (rem >>> (shift - 2));
                String frac = hundredths == 0 ? "" : hundredths % 10 == 0 ? "." + hundredths / 10 : "." + hundredths;
                return whole + frac + " " + UNITS[u];
            }
        }
        if (largest < 0) {
            return "0 B";
        }
        double value = unsigned(bytes) / Math.pow(2, 10 * largest);
        String text = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "~" + text + " " + UNITS[largest];
    }

    private static double unsigned(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }
}
