package org.mmsim.proc;

import org.mmsim.arch.InputError;

/**
 * A cursor over the lines of a /proc file being parsed. It knows the file's name and the current
 * line number, so every problem becomes one {@link InputError} line {@code FILE:LINE: problem}.
 */
public final class TextLines {
    private final String file;
    private final String[] lines;
    private int next;

    public TextLines(String file, String text) {
        this.file = file;
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        this.lines = body.isEmpty() ? new String[0] : body.split("\n", -1);
    }

    public String file() {
        return file;
    }

    public boolean hasNext() {
        return next < lines.length;
    }

    /** The next line without consuming it, or null at the end. */
    public String peek() {
        return next < lines.length ? lines[next] : null;
    }

    /** Consumes the next line; a missing line is an error naming what was expected. */
    public String next(String expected) {
        if (next >= lines.length) {
            throw error(lines.length, "unexpected end of file, expected " + expected);
        }
        return lines[next++];
    }

    /** The 1-based number of the line last returned by {@link #next}. */
    public int lineNo() {
        return next;
    }

    public int lineCount() {
        return lines.length;
    }

    /** An error at the line last returned by {@link #next}. */
    public InputError error(String problem) {
        return error(next, problem);
    }

    public InputError error(int line, String problem) {
        return InputError.at(file, line, problem);
    }

    /** Fails on an empty file. */
    public void requireNotEmpty() {
        if (lines.length == 0 || (lines.length == 1 && lines[0].isBlank())) {
            throw InputError.at(file, 0, "empty file");
        }
    }

    /** Parses an unsigned decimal the kernel printed with %lu (so a minus sign is an error). */
    public long unsigned(String token, String what) {
        if (token.startsWith("-")) {
            throw error("negative " + what + " '" + token + "'");
        }
        if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error("expected a number for " + what + ", found '" + token + "'");
        }
        try {
            return Long.parseUnsignedLong(token);
        } catch (NumberFormatException e) {
            throw error(what + " '" + token + "' is too large");
        }
    }

    /** Parses a signed decimal (%ld, %d). */
    public long signed(String token, String what) {
        String digits = token.startsWith("-") ? token.substring(1) : token;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error("expected a number for " + what + ", found '" + token + "'");
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error(what + " '" + token + "' is too large");
        }
    }

    /** Parses a non-negative int such as a node id, an order or a cpu number. */
    public int smallInt(String token, String what) {
        long v = unsigned(token, what);
        if (v > Integer.MAX_VALUE) {
            throw error(what + " '" + token + "' is too large");
        }
        return (int) v;
    }

    /** Splits on runs of spaces, dropping leading and trailing ones. */
    public static String[] fields(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split(" +");
    }

    /** A line shortened for an error message. */
    public static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
