package org.mmsim.trace.dat;

/**
 * One field of an event's format (or of the ring buffer's header_page) as the kernel's format file states it:
 * {@code field:TYPE NAME; offset:N; size:N; signed:N;} (kernel/trace/trace_events.c, f_show). A
 * {@code __data_loc} field holds, in its 4 bytes, the offset (low 16 bits) and length (high 16) of data placed
 * after the fixed fields.
 */
final class FormatField {
    final String type;
    final String name;
    final int offset;
    final int size;
    final boolean signed;
    final boolean dataLoc;

    private FormatField(String type, String name, int offset, int size, boolean signed) {
        this.type = type;
        this.name = name;
        this.offset = offset;
        this.size = size;
        this.signed = signed;
        this.dataLoc = type.startsWith("__data_loc");
    }

    /** The field a {@code field:} line declares, or null when the line is malformed. */
    static FormatField parse(String line) {
        String s = line.trim();
        if (!s.startsWith("field:")) {
            return null;
        }
        int semi = s.indexOf(';');
        if (semi < 0) {
            return null;
        }
        String decl = s.substring("field:".length(), semi).trim();
        int bracket = decl.indexOf('[');
        String head = bracket >= 0 ? decl.substring(0, bracket).trim() : decl;
        int space = head.lastIndexOf(' ');
        if (space < 0) {
            return null;
        }
        String name = head.substring(space + 1);
        String type = head.substring(0, space).trim() + (bracket >= 0 ? decl.substring(bracket) : "");
        long offset = attribute(s, "offset:");
        long size = attribute(s, "size:");
        long signed = attribute(s, "signed:");
        if (name.isEmpty() || offset < 0 || size < 0 || signed < 0 || offset > 0xffff || size > 0xffff) {
            return null;
        }
        return new FormatField(type, name, (int) offset, (int) size, signed != 0);
    }

    private static long attribute(String s, String key) {
        int at = s.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int from = at + key.length();
        int end = s.indexOf(';', from);
        if (end < 0) {
            return -1;
        }
        return decimal(s.substring(from, end));
    }

    /** A small decimal number of a header text (surrounding blanks allowed), or -1 when it is not one. */
    static int decimal(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 9) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(t);
    }
}
