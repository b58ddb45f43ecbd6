package org.mmsim.trace.dat;

/**
 * An event's print fmt, parsed: its printf string and argument expressions. It prints a record's text as the
 * kernel's TP_printk would (conversions d, i, u, x, X, c, s, p with their flags, width, precision and length
 * modifiers; %p as 0x… or (nil), a symbol (%pS, %ps) as its address in hex since kallsyms is not read), and finds
 * the argument a label such as {@code "gfp_flags="} introduces.
 */
final class PrintFormat {
    private final String text;
    private final PrintExpression[] args;

    PrintFormat(String text, PrintExpression[] args) {
        this.text = text;
        this.args = args;
    }

    /** The argument printed right after {@code label} in the format (e.g. "gfp_flags="), or null. */
    PrintExpression argumentAfter(String label) {
        int arg = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '%') {
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '%') {
                i++;
                continue;
            }
            if (text.startsWith(label, i - label.length()) && i >= label.length()) {
                return arg < args.length ? args[arg] : null;
            }
            arg++;
        }
        return null;
    }

    /** The number the format prints as a constant right after {@code label} ("order=0"), or -1. */
    long constantAfter(String label) {
        int at = text.indexOf(label);
        if (at < 0) {
            return -1;
        }
        int from = at + label.length();
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == from || end - from > 9 ? -1 : Long.parseLong(text.substring(from, end));
    }

    /** Appends the record's text to {@code out}. */
    void print(EventRecord r, StringBuilder out) {
        int arg = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 < n && text.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            boolean left = false;
            boolean zero = false;
            boolean plus = false;
            boolean alt = false;
            while (j < n && "-0+ #".indexOf(text.charAt(j)) >= 0) {
                char f = text.charAt(j++);
                left |= f == '-';
                zero |= f == '0';
                plus |= f == '+';
                alt |= f == '#';
            }
            int width = 0;
            while (j < n && Character.isDigit(text.charAt(j))) {
                width = width * 10 + (text.charAt(j++) - '0');
            }
            int precision = -1;
            if (j < n && text.charAt(j) == '.') {
                j++;
                precision = 0;
                while (j < n && Character.isDigit(text.charAt(j))) {
                    precision = precision * 10 + (text.charAt(j++) - '0');
                }
            }
            int size = 4;
            while (j < n && "hlLqzjt".indexOf(text.charAt(j)) >= 0) {
                char m = text.charAt(j++);
                size = m == 'h' ? (size == 2 ? 1 : 2) : 8;
            }
            if (j >= n) {
                out.append(text, i, n);
                return;
            }
            char conv = text.charAt(j);
            PrintExpression e = arg < args.length ? args[arg] : null;
            arg++;
            String s;
            if (conv == 's') {
                s = e == null ? "" : e.string(r);
                if (precision >= 0 && s.length() > precision) {
                    s = s.substring(0, precision);
                }
                zero = false;
            } else if (conv == 'p') {
                while (j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1))) {
                    j++;
                }
                long v = e == null ? 0 : e.number(r);
                s = v == 0 ? "(nil)" : "0x" + Long.toHexString(v);
            } else {
                long v = e == null ? 0 : e.number(r);
                s = integer(conv, v, size, plus, alt);
            }
            pad(out, s, width, left, zero && !left);
            i = j;
        }
    }

    private static String integer(char conv, long raw, int size, boolean plus, boolean alt) {
        long v = PrintExpression.narrow(raw, size, conv == 'd' || conv == 'i');
        switch (conv) {
            case 'd':
            case 'i':
                return (plus && v >= 0 ? "+" : "") + v;
            case 'u':
                return Long.toUnsignedString(v);
            case 'x':
                return (alt && v != 0 ? "0x" : "") + Long.toHexString(v);
            case 'X':
                return (alt && v != 0 ? "0X" : "") + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
            case 'o':
                return Long.toOctalString(v);
            case 'c':
                return String.valueOf((char) (v & 0xff));
            default:
                return Long.toString(v);
        }
    }

    private static void pad(StringBuilder out, String s, int width, boolean left, boolean zero) {
        int fill = width - s.length();
        if (left) {
            out.append(s);
        }
        int body = 0;
        if (zero && fill > 0 && (s.startsWith("-") || s.startsWith("+"))) {
            out.append(s.charAt(0));
            body = 1;
        }
        for (int k = 0; k < fill; k++) {
            out.append(zero ? '0' : ' ');
        }
        if (!left) {
            out.append(s, body, s.length());
        }
    }
}
