package org.mmsim.trace.dat;

import java.util.ArrayList;
import java.util.List;

/**
 * One event's format as the file saved it from events/SYSTEM/NAME/format: its name, numeric id (the
 * common_type of its records), fields and print fmt (kernel/trace/trace_events.c, f_show and the
 * "print fmt:" part, which runs to the end of the text: its strings may hold newlines).
 */
final class EventFormat {
    final String system;
    final String name;
    final int id;
    final FormatField[] fields;
    final String printFmt;

    private EventFormat(String system, String name, int id, FormatField[] fields, String printFmt) {
        this.system = system;
        this.name = name;
        this.id = id;
        this.fields = fields;
        this.printFmt = printFmt;
    }

    /** The field of that name, or null. */
    FormatField field(String fieldName) {
        for (FormatField f : fields) {
            if (f.name.equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    /** The format a format file's text gives; {@link BadMetadata} when it cannot be read. */
    static EventFormat parse(String system, String text) {
        String name = null;
        int id = -1;
        String printFmt = "";
        List<FormatField> fields = new ArrayList<>();
        int print = text.indexOf("\nprint fmt:");
        if (print >= 0) {
            printFmt = text.substring(print + "\nprint fmt:".length()).trim();
        }
        String head = print >= 0 ? text.substring(0, print) : text;
        for (String line : head.split("\n")) {
            String t = line.trim();
            if (t.startsWith("name:")) {
                name = t.substring(5).trim();
            } else if (t.startsWith("ID:")) {
                id = FormatField.decimal(t.substring(3).trim());
            } else if (t.startsWith("field:")) {
                FormatField f = FormatField.parse(t);
                if (f == null) {
                    throw new BadMetadata("format of " + system + ":" + name + ": cannot read the line '" + t + "'");
                }
                fields.add(f);
            } else if (!t.isEmpty() && !t.equals("format:")) {
                throw new BadMetadata("format of " + system + ":" + name + ": unexpected line '" + shorten(t) + "'");
            }
        }
        if (name == null || name.isEmpty() || id < 0) {
            throw new BadMetadata("format of a " + system + " event: no name or ID line");
        }
        if (fields.isEmpty() || fieldNamed(fields, "common_type") == null) {
            throw new BadMetadata("format of " + system + ":" + name + ": no common_type field");
        }
        return new EventFormat(system, name, id, fields.toArray(new FormatField[0]), printFmt);
    }

    private static FormatField fieldNamed(List<FormatField> fields, String n) {
        for (FormatField f : fields) {
            if (f.name.equals(n)) {
                return f;
            }
        }
        return null;
    }

    private static String shorten(String t) {
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }
}
