package org.mmsim.proc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /proc/meminfo, both ways. Models the layouts of fs/proc/meminfo.c
 * {@code meminfo_proc_show()} ({@code show_val_kb()}: name and colon padded to 16 columns, value right
 * in 8), mm/hugetlb.c {@code hugetlb_report_meminfo()} (HugePages_* padded to 19, value in 5, no unit)
 * and {@code HardwareCorrupted: %5lu kB}; the x86 DirectMap lines use the common layout. Parsing refuses a field
 * printed twice, a unit where the kernel prints none (HugePages_ counts) or none where it prints kB, and more than
 * 2^64 bytes.
 */
public final class MeminfoFormat {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_()]+):( *)(\\S+)( kB)?");

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
        Set<String> seen = new HashSet<>();
        while (in.hasNext()) {
            String line = in.next("a meminfo line");
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw in.error("expected 'Name:  value [kB]', found '" + TextLines.abbreviate(line) + "'");
            }
            String name = m.group(1);
            boolean kb = m.group(4) != null;
            if (!seen.add(name)) {
                throw in.error(TextLines.abbreviate(name) + " a second time; the kernel prints each field once");
            }
            if (kb == name.startsWith("HugePages_")) {
                throw in.error(kb ? name + " is a count of huge pages, printed without a unit"
                        : name + " lacks its unit ' kB'; only the HugePages_ counts have none");
            }
            long v = kb ? in.unsigned(m.group(3), name) : in.pages(m.group(3), name);
            if (Long.compareUnsigned(v, KernelLimits.MAX_KB) > 0) {
                throw in.error(name + " " + Long.toUnsignedString(v) + " kB is more than 2^64 bytes");
            }
            entries.add(new MeminfoEntry(name, v, kb));
        }
        return new Meminfo(entries);
    }

    /**
     * The line of the parsed text that field came from, or 0 when it has none: {@link #parse} reads one field per
     * line, in order, so a field's line is its place in the list.
     */
    public static int lineOf(Meminfo parsed, String name) {
        return parsed.entries().indexOf(parsed.entry(name)) + 1;
    }
}
