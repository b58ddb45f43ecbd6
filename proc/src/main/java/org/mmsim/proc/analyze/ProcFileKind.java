package org.mmsim.proc.analyze;

import java.util.regex.Pattern;
import org.mmsim.arch.InputError;
import org.mmsim.proc.TextLines;

/**
 * Which /proc file a text is, told from its content, so {@code mmsim analyze} takes files in any order
 * and under any name: pagetypeinfo starts with "Page block order:", zoneinfo with a bare
 * "Node N, zone NAME" line, buddyinfo with that label followed by free counts, and a copy of
 * /proc/sys/vm/extfrag_threshold is a single number.
 */
public enum ProcFileKind {
    BUDDYINFO("buddyinfo"),
    PAGETYPEINFO("pagetypeinfo"),
    ZONEINFO("zoneinfo"),
    EXTFRAG_THRESHOLD("extfrag_threshold");

    private static final Pattern ZONE_LABEL = Pattern.compile("Node +\\S+, zone +\\S+");
    private static final Pattern ZONE_LABEL_WITH_COLUMNS = Pattern.compile("Node +\\S+, zone +\\S+ +\\S.*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern INDEX_LINE = Pattern.compile("Node +\\S+, zone +\\S+ +-?\\d+\\.-?\\d+ .*");

    private final String fileName;

    ProcFileKind(String fileName) {
        this.fileName = fileName;
    }

    /** The file's name under /proc (or /proc/sys/vm). */
    public String fileName() {
        return fileName;
    }

    /**
     * Tells the kind of {@code text} from its first line; an empty or unknown file, or a first line with a control
     * character (which no /proc file has, see {@link TextLines#requirePrintable}), is an {@link InputError}.
     */
    public static ProcFileKind detect(String file, String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
        if (first == null) {
            throw InputError.at(file, 0, "empty file");
        }
        int lineNo = 1 + (int) text.lines().takeWhile(String::isBlank).count();
        TextLines.requirePrintable(file, lineNo, first);
        if (first.startsWith("Page block order:")) {
            return PAGETYPEINFO;
        }
        if (NUMBER.matcher(first).matches()) {
            return EXTFRAG_THRESHOLD;
        }
        if (ZONE_LABEL.matcher(first).matches()) {
            return ZONEINFO;
        }
        if (INDEX_LINE.matcher(first).matches()) {
            throw InputError.at(file, lineNo, "this is a debugfs extfrag_index or unusable_index file;"
                    + " analyze computes those from buddyinfo");
        }
        if (ZONE_LABEL_WITH_COLUMNS.matcher(first).matches()) {
            return BUDDYINFO;
        }
        throw InputError.at(file, lineNo, "not a buddyinfo, pagetypeinfo or zoneinfo file: '"
                + (first.length() <= 60 ? first : first.substring(0, 57) + "...") + "'");
    }
}
