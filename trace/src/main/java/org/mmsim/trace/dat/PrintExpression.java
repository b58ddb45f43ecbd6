package org.mmsim.trace.dat;

/**
 * An argument of an event's print fmt, the C expression the kernel's TP_printk gave, evaluated on a record:
 * numbers, strings, {@code REC->field}, operators, casts, the ternary, and the helpers the kernel expands
 * ({@code __print_flags}, {@code __print_symbolic}, {@code __get_str}). What it cannot know (a kernel symbol such
 * as vmemmap_base, an unknown helper) is 0.
 */
abstract class PrintExpression {
    /** {@code v} as an integer of {@code bytes} bytes holds it, sign-extended when signed (C's conversion). */
    static long narrow(long v, int bytes, boolean signed) {
        if (bytes >= 8) {
            return v;
        }
        int shift = 64 - 8 * bytes;
        return signed ? (v << shift) >> shift : (v << shift) >>> shift;
    }

    /** The value as a number. */
    abstract long number(EventRecord r);

    /** The value as %s prints it. */
    String string(EventRecord r) {
        return Long.toString(number(r));
    }

    /** Whether %s of this prints a string rather than a number. */
    boolean isString() {
        return false;
    }

    static final class Constant extends PrintExpression {
        final long value;

        Constant(long value) {
            this.value = value;
        }

        @Override
        long number(EventRecord r) {
            return value;
        }
    }

    static final class Text extends PrintExpression {
        final String value;

        Text(String value) {
            this.value = value;
        }

        @Override
        long number(EventRecord r) {
            return 0;
        }

        @Override
        String string(EventRecord r) {
            return value;
        }

        @Override
        boolean isString() {
            return true;
        }
    }

    /** {@code REC->field}: a number, or a string for a char array or {@code __data_loc} field. */
    static final class Field extends PrintExpression {
        final FormatField field;
        private final boolean text;

        Field(FormatField field) {
            this.field = field;
            this.text = field != null && (field.dataLoc || (field.type.startsWith("char") && field.type.contains("[")));
        }

        @Override
        long number(EventRecord r) {
            return r.number(field);
        }

        @Override
        String string(EventRecord r) {
            return text ? r.string(field) : Long.toString(number(r));
        }

        @Override
        boolean isString() {
            return text;
        }
    }

    /** A cast: to a narrower integer type it truncates (and sign-extends for a signed one), else it passes. */
    static final class Cast extends PrintExpression {
        final PrintExpression inner;
        final int bytes;
        final boolean signed;

        Cast(PrintExpression inner, int bytes, boolean signed) {
            this.inner = inner;
            this.bytes = bytes;
            this.signed = signed;
        }

        @Override
        long number(EventRecord r) {
            return narrow(inner.number(r), bytes, signed);
        }

        @Override
        String string(EventRecord r) {
            return inner.isString() ? inner.string(r) : Long.toString(number(r));
        }

        @Override
        boolean isString() {
            return inner.isString();
        }
    }

    static final class Unary extends PrintExpression {
        final char op;
        final PrintExpression inner;

        Unary(char op, PrintExpression inner) {
            this.op = op;
            this.inner = inner;
        }

        @Override
        long number(EventRecord r) {
            long v = inner.number(r);
            switch (op) {
                case '-':
                    return -v;
                case '~':
                    return ~v;
                case '!':
                    return v == 0 ? 1 : 0;
                default:
                    return v;
            }
        }
    }

    static final class Binary extends PrintExpression {
        final String op;
        final PrintExpression left;
        final PrintExpression right;

        Binary(String op, PrintExpression left, PrintExpression right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        long number(EventRecord r) {
            long a = left.number(r);
            if (op.equals("&&")) {
                return a != 0 && right.number(r) != 0 ? 1 : 0;
            }
            if (op.equals("||")) {
                return a != 0 || right.number(r) != 0 ? 1 : 0;
            }
            long b = right.number(r);
            switch (op) {
                case "|": return a | b;
                case "&": return a & b;
                case "^": return a ^ b;
                case "<<": return a << b;
                case ">>": return a >>> b;
                case "+": return a + b;
                case "-": return a - b;
                case "*": return a * b;
                case "/": return b == 0 ? 0 : a / b;
                case "%": return b == 0 ? 0 : a % b;
                case "==": return a == b ? 1 : 0;
                case "!=": return a != b ? 1 : 0;
                case "<": return a < b ? 1 : 0;
                case ">": return a > b ? 1 : 0;
                case "<=": return a <= b ? 1 : 0;
                case ">=": return a >= b ? 1 : 0;
                default: return 0;
            }
        }
    }

    static final class Conditional extends PrintExpression {
        final PrintExpression test;
        final PrintExpression then;
        final PrintExpression otherwise;

        Conditional(PrintExpression test, PrintExpression then, PrintExpression otherwise) {
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        long number(EventRecord r) {
            return test.number(r) != 0 ? then.number(r) : otherwise.number(r);
        }

        @Override
        String string(EventRecord r) {
            return test.number(r) != 0 ? then.string(r) : otherwise.string(r);
        }

        @Override
        boolean isString() {
            return then.isString() || otherwise.isString();
        }
    }

    /** A helper that prints a number by name: the number is the value's, %s prints the name. */
    abstract static class Named extends PrintExpression {
        final PrintExpression value;

        Named(PrintExpression value) {
            this.value = value;
        }

        @Override
        long number(EventRecord r) {
            return value.number(r);
        }

        @Override
        boolean isString() {
            return true;
        }
    }

    /**
     * {@code __print_flags(value, delim, {mask, "NAME"}...)} as trace_print_flags_seq prints it: each name whose
     * mask is wholly set, in table order, its bits then cleared; bits left over in hex; a zero value prints the
     * name of a zero mask if the table has one.
     */
    static final class Flags extends Named {
        final String delim;
        final long[] masks;
        final String[] names;

        Flags(PrintExpression value, String delim, long[] masks, String[] names) {
            super(value);
            this.delim = delim;
            this.masks = masks;
            this.names = names;
        }

        @Override
        String string(EventRecord r) {
            return render(value.number(r));
        }

        String render(long flags) {
            StringBuilder s = new StringBuilder();
            long left = flags;
            for (int i = 0; i < masks.length && left != 0; i++) {
                long m = masks[i];
                if (m == 0 || (left & m) != m) {
                    continue;
                }
                left &= ~m;
                if (s.length() > 0) {
                    s.append(delim);
                }
                s.append(names[i]);
            }
            if (left != 0) {
                if (s.length() > 0) {
                    s.append(delim);
                }
                s.append("0x").append(Long.toHexString(left));
            }
            return s.toString();
        }
    }

    /** {@code __print_symbolic(value, {v, "NAME"}...)}: the name of the value, or the value in hex. */
    static final class Symbolic extends Named {
        final long[] values;
        final String[] names;

        Symbolic(PrintExpression value, long[] values, String[] names) {
            super(value);
            this.values = values;
            this.names = names;
        }

        @Override
        String string(EventRecord r) {
            long v = value.number(r);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == v) {
                    return names[i];
                }
            }
            return "0x" + Long.toHexString(v);
        }
    }
}
