package org.mmsim.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /proc/meminfo, both ways. Models the layouts of fs/proc/meminfo.c
 * {@code meminfo_proc_show()} ({@code show_val_kb()}: name and colon padded to 16 columns, value right
 * in 8), mm/hugetlb.c {@code hugetlb_report_meminfo()} (HugePages_* padded to 19, value in 5, no unit)
 * and {@code HardwareCorrupted: %5lu kB}; the x86 DirectMap lines use the common layout.
 */
public final class MeminfoFormat {
    private static final Pattern LINE = Pattern.compile("([^:\\s]+):( *)(\\S+)( kB)?");

    private MeminfoFormat() {
    }

    public static String render(Meminfo info) {
        StringBuilder sb = new StringBuilder();
        for (MeminfoEntry e : info.entries()) {
            String label = e.name() + ":";
            String value = Long.toUnsignedString(e.value());
            if (e.name().startsWith("HugePages_")) {
                Columns.left(sb, label, 19);
                Columns.right(sb, value, 5);
            } else if (e.name().equals("HardwareCorrupted")) {
                sb.append(label).append(' ');
                Columns.right(sb, value, 5);
            } else {
                Columns.left(sb, label, 16);
                Columns.right(sb, value, 8);
            }
            sb.append(e.kb() ? " kB\n" : "\n");
        }
        return sb.toString();
    }

    public static Meminfo parse(String file, String text) {
        TextLines in = new TextLines(file, text);
        in.requireNotEmpty();
        List<MeminfoEntry> entries = new ArrayList<>();
        while (in.hasNext()) {
            String line = in.next("a meminfo line");
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw in.error("expected 'Name:  value [kB]', found '" + TextLines.abbreviate(line) + "'");
            }
            long v = in.unsigned(m.group(3), m.group(1));
            entries.add(new MeminfoEntry(m.group(1), v, m.group(4) != null));
        }
        return new Meminfo(entries);
    }
}
