package org.mmsim.proc;

/**
 * The printf field widths the kernel's /proc writers use ({@code %8s}, {@code %6lu}, {@code %-12s}):
 * small helpers so renderers build text without {@link String#format}.
 */
public final class Columns {
    private Columns() {
    }

    /** Appends {@code s} right-aligned in {@code width} columns, like {@code %Ns}. */
    public static StringBuilder right(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(s);
    }

    /** Appends {@code s} left-aligned in {@code width} columns, like {@code %-Ns}. */
    public static StringBuilder left(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    /** Appends an unsigned long right-aligned, like {@code %Nlu}. */
    public static StringBuilder unsigned(StringBuilder sb, long v, int width) {
        return right(sb, Long.toUnsignedString(v), width);
    }
}
