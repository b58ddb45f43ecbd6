package org.mmsim.web;

import java.util.Locale;

/**
 * The numbers a request carries in its path, query or body, read once for every view: a malformed one is an {@link
 * ApiError} 400 naming what was expected, never a NumberFormatException.
 */
public final class Params {
    private Params() {
    }

    /** A whole number, e.g. a frame or a pid; {@code what} names it in the error. */
    public static int wholeNumber(String text, String what) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(what + " is missing");
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(what + " must be a whole number, not '" + text + "'");
        }
    }

    /** A whole number, or null when the text is absent or blank. */
    public static Integer optionalWholeNumber(String text, String what) {
        return text == null || text.isBlank() ? null : wholeNumber(text, what);
    }

    /** A pfn in decimal or 0x hex, not negative. */
    public static long pfn(String text, String what) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(what + " is missing");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long pfn = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (pfn < 0) {
                throw ApiError.badRequest(what + " must not be negative: '" + text + "'");
            }
            return pfn;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(what + " must be a number like 4096 or 0x1000, not '" + text + "'");
        }
    }

    /** A 64-bit address in hex, with or without 0x. */
    public static long hexAddress(String text, String what) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(what + " is missing: give it in hex");
        }
        String hex = text.trim().toLowerCase(Locale.ROOT);
        hex = hex.startsWith("0x") ? hex.substring(2) : hex;
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(what + " must be an address in hex (0x7f0000000000), not '" + text + "'");
        }
    }
}
