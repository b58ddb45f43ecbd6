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
        for (int i = 0; i < lines.length; i++) {
            requirePrintable(file, i + 1, lines[i]);
        }
    }

    /**
     * The kernel's /proc writers print only printable text and {@code \n}: a carriage return (a file saved with
     * CRLF line ends), a tab or another control character means the file was edited or is not a /proc file.
     */
    public static void requirePrintable(String file, int lineNo, String line) {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c < 0x20 || c == 0x7f) {
                String hex = Integer.toHexString(c);
                throw InputError.at(file, lineNo, "control character 0x" + (hex.length() < 2 ? "0" : "") + hex
                        + " in column " + (k + 1) + (c == '\r' ? " (CRLF line ends?)" : "")
                        + "; the kernel prints only text and newlines");
            }
        }
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
        if (Long.compareUnsigned(v, Integer.MAX_VALUE) > 0) {
            throw error(what + " '" + token + "' is too large");
        }
        return (int) v;
    }

    /** Parses a node id: 0..MAX_NUMNODES-1 ({@link KernelLimits#MAX_NUMNODES}). */
    public int nodeId(String token) {
        int v = smallInt(token, "node id");
        if (v >= KernelLimits.MAX_NUMNODES) {
            throw error("node id " + v + " is beyond the kernel's MAX_NUMNODES " + KernelLimits.MAX_NUMNODES);
        }
        return v;
    }

    /** Parses a count of pages: 0..{@link KernelLimits#MAX_PAGES}. */
    public long pages(String token, String what) {
        long v = unsigned(token, what);
        if (Long.compareUnsigned(v, KernelLimits.MAX_PAGES) > 0) {
            throw error(what + " " + Long.toUnsignedString(v) + " is more pages than a 64-bit machine has (2^52)");
        }
        return v;
    }

    /**
     * Splits like {@link #fields(String)}, but first counts the fields and refuses more than {@code max}, so a huge
     * line costs no memory (a 16 MiB line could otherwise make millions of strings).
     */
    public String[] fields(String s, int max, String what) {
        int n = 0;
        boolean inField = false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                inField = false;
            } else if (!inField) {
                inField = true;
                if (++n > max) {
                    throw error("more than " + max + " " + what + "; no kernel prints more");
                }
            }
        }
        return fields(s);
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
