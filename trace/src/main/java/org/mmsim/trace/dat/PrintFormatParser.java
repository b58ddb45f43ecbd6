package org.mmsim.trace.dat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses an event's print fmt, {@code "FORMAT", ARG, ARG...}, into the format string and one
 * {@link PrintExpression} per argument, by C's precedence rules. Used once per event format at open, never per
 * event. {@link BadMetadata} when the text is not such a list.
 */
final class PrintFormatParser {
    private static final Set<String> TYPE_WORDS = Set.of("unsigned", "signed", "int", "long", "short", "char",
            "void", "bool", "const", "struct", "enum", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
            "__u8", "__u16", "__u32", "__u64", "__s8", "__s16", "__s32", "__s64");

    /** A record with no bytes: the keys of a flags or symbols table are constants, a field in one reads 0. */
    private static final EventRecord NO_RECORD = new EventRecord();

    private final EventFormat format;
    private final String src;
    private int at;

    private PrintFormatParser(EventFormat format, String src) {
        this.format = format;
        this.src = src;
    }

    /** The parsed print fmt of {@code format}. */
    static PrintFormat parse(EventFormat format) {
        PrintFormatParser p = new PrintFormatParser(format, format.printFmt);
        p.skipSpace();
        if (p.at >= p.src.length()) {
            return new PrintFormat("", new PrintExpression[0]);
        }
        if (p.src.charAt(p.at) != '"') {
            throw p.bad("the print fmt does not start with a string");
        }
        String text = p.stringLiteral();
        List<PrintExpression> args = new ArrayList<>();
        p.skipSpace();
        while (p.at < p.src.length()) {
            p.expect(",");
            args.add(p.conditional());
            p.skipSpace();
        }
        return new PrintFormat(text, args.toArray(new PrintExpression[0]));
    }

    private PrintExpression conditional() {
        PrintExpression test = binary(0);
        if (peek("?")) {
            at++;
            PrintExpression then = conditional();
            expect(":");
            PrintExpression otherwise = conditional();
            return new PrintExpression.Conditional(test, then, otherwise);
        }
        return test;
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"},
    };

    private PrintExpression binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        PrintExpression left = binary(level + 1);
        while (true) {
            String op = operator(LEVELS[level]);
            if (op == null) {
                return left;
            }
            left = new PrintExpression.Binary(op, left, binary(level + 1));
        }
    }

    /** The operator of this level at the cursor (consumed), or null; "|" is not the start of "||". */
    private String operator(String[] ops) {
        skipSpace();
        for (String op : ops) {
            if (src.startsWith(op, at)) {
                int after = at + op.length();
                char next = after < src.length() ? src.charAt(after) : ' ';
                if (op.length() == 1 && (next == op.charAt(0) && "|&<>".indexOf(next) >= 0 || next == '=')
                        && !op.equals("=")) {
                    continue;
                }
                if ((op.equals("<") || op.equals(">")) && next == op.charAt(0)) {
                    continue;
                }
                at = after;
                return op;
            }
        }
        return null;
    }

    private PrintExpression unary() {
        skipSpace();
        char c = current();
        if (c == '!' || c == '~' || c == '-' || c == '+') {
            at++;
            return new PrintExpression.Unary(c, unary());
        }
        if (c == '&' || c == '*') {
            at++;
            return unary();
        }
        if (c == '(') {
            int save = at;
            at++;
            int[] cast = castType();
            if (cast != null) {
                return new PrintExpression.Cast(unary(), cast[0], cast[1] == 1);
            }
            at = save;
        }
        return postfix(primary());
    }

    /** At a parenthesised type name: {bytes, signed} with the ')' consumed; else null (cursor unspecified). */
    private int[] castType() {
        List<String> words = new ArrayList<>();
        boolean pointer = false;
        while (true) {
            skipSpace();
            char c = current();
            if (c == ')') {
                at++;
                break;
            }
            if (c == '*') {
                pointer = true;
                at++;
                continue;
            }
            if (!Character.isJavaIdentifierStart(c)) {
                return null;
            }
            String w = identifier();
            boolean afterStruct = !words.isEmpty() && (words.get(words.size() - 1).equals("struct")
                    || words.get(words.size() - 1).equals("enum"));
            if (!TYPE_WORDS.contains(w) && !w.endsWith("_t") && !afterStruct) {
                return null;
            }
            words.add(w);
        }
        if (words.isEmpty()) {
            return null;
        }
        if (pointer || words.contains("long") || words.contains("u64") || words.contains("s64")
                || words.contains("__u64") || words.contains("__s64") || words.get(words.size() - 1).endsWith("_t")
                || words.contains("struct") || words.contains("void")) {
            return new int[] {8, 0};
        }
        boolean unsigned = words.contains("unsigned") || words.stream().anyMatch(w -> w.startsWith("u")
                || w.startsWith("__u"));
        int bytes = words.contains("char") || words.contains("u8") || words.contains("s8") || words.contains("bool")
                ? 1 : words.contains("short") || words.contains("u16") || words.contains("s16") ? 2 : 4;
        return new int[] {bytes, unsigned ? 0 : 1};
    }

    private PrintExpression postfix(PrintExpression e) {
        while (true) {
            skipSpace();
            if (src.startsWith("[", at)) {
                at++;
                conditional();
                expect("]");
            } else if (src.startsWith(".", at) || src.startsWith("->", at)) {
                at += src.charAt(at) == '.' ? 1 : 2;
                skipSpace();
                identifier();
                e = new PrintExpression.Constant(0);
            } else {
                return e;
            }
        }
    }

    private PrintExpression primary() {
        skipSpace();
        char c = current();
        if (c == '(') {
            at++;
            PrintExpression e = conditional();
            expect(")");
            return e;
        }
        if (c == '"') {
            StringBuilder s = new StringBuilder(stringLiteral());
            while (peek("\"")) {
                s.append(stringLiteral());
            }
            return new PrintExpression.Text(s.toString());
        }
        if (c == '\'') {
            at++;
            char v = src.charAt(at++);
            expect("'");
            return new PrintExpression.Constant(v);
        }
        if (Character.isDigit(c)) {
            return new PrintExpression.Constant(numberLiteral());
        }
        if (Character.isJavaIdentifierStart(c)) {
            String name = identifier();
            if (name.equals("REC")) {
                expect("->");
                skipSpace();
                String field = identifier();
                return new PrintExpression.Field(format.field(field));
            }
            if (peek("(")) {
                return call(name);
            }
            return new PrintExpression.Constant(0);
        }
        throw bad("unexpected '" + c + "'");
    }

    private PrintExpression call(String name) {
        expect("(");
        if (name.equals("__print_flags") || name.equals("__print_symbolic")) {
            PrintExpression value = conditional();
            String delim = "";
            if (name.equals("__print_flags")) {
                expect(",");
                skipSpace();
                delim = stringLiteral();
            }
            List<Long> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (peek(",")) {
                at++;
                expect("{");
                long key = conditional().number(NO_RECORD);
                expect(",");
                PrintExpression label = conditional();
                expect("}");
                if (label instanceof PrintExpression.Text) {
                    keys.add(key);
                    names.add(((PrintExpression.Text) label).value);
                }
            }
            expect(")");
            long[] k = new long[keys.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = keys.get(i);
            }
            String[] n = names.toArray(new String[0]);
            return name.equals("__print_flags") ? new PrintExpression.Flags(value, delim, k, n)
                    : new PrintExpression.Symbolic(value, k, n);
        }
        if (name.equals("__get_str") || name.equals("__get_dynamic_array")) {
            skipSpace();
            String field = identifier();
            expect(")");
            return new PrintExpression.Field(format.field(field));
        }
        if (!peek(")")) {
            conditional();
            while (peek(",")) {
                at++;
                conditional();
            }
        }
        expect(")");
        return new PrintExpression.Constant(0);
    }

    private long numberLiteral() {
        int start = at;
        if (src.startsWith("0x", at) || src.startsWith("0X", at)) {
            at += 2;
            while (at < src.length() && Character.digit(src.charAt(at), 16) >= 0) {
                at++;
            }
            long v = Long.parseUnsignedLong(src.substring(start + 2, at), 16);
            suffix();
            return v;
        }
        while (at < src.length() && Character.isDigit(src.charAt(at))) {
            at++;
        }
        String digits = src.substring(start, at);
        suffix();
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return Long.parseUnsignedLong(digits, 8);
        }
        return Long.parseUnsignedLong(digits);
    }

    private void suffix() {
        while (at < src.length() && "uUlL".indexOf(src.charAt(at)) >= 0) {
            at++;
        }
    }

    private String stringLiteral() {
        skipSpace();
        if (current() != '"') {
            throw bad("expected a string");
        }
        at++;
        StringBuilder s = new StringBuilder();
        while (at < src.length() && src.charAt(at) != '"') {
            char c = src.charAt(at++);
            if (c == '\\' && at < src.length()) {
                char e = src.charAt(at++);
                s.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                s.append(c);
            }
        }
        if (at >= src.length()) {
            throw bad("a string does not end");
        }
        at++;
        return s.toString();
    }

    private String identifier() {
        int start = at;
        while (at < src.length() && Character.isJavaIdentifierPart(src.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw bad("expected a name");
        }
        return src.substring(start, at);
    }

    private boolean peek(String s) {
        skipSpace();
        return src.startsWith(s, at);
    }

    private void expect(String s) {
        if (!peek(s)) {
            throw bad("expected '" + s + "'");
        }
        at += s.length();
    }

    private char current() {
        if (at >= src.length()) {
            throw bad("the print fmt ends early");
        }
        return src.charAt(at);
    }

    private void skipSpace() {
        while (at < src.length() && Character.isWhitespace(src.charAt(at))) {
            at++;
        }
    }

    private BadMetadata bad(String problem) {
        return new BadMetadata("print fmt of " + format.system + ":" + format.name + ": " + problem + " at character "
                + at);
    }
}
