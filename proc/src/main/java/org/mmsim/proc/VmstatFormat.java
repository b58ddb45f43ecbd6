package org.mmsim.proc;

import java.util.HashSet;
import java.util.Set;

/**
 * The text of /proc/vmstat, both ways. Models mm/vmstat.c {@code vmstat_show()}: one
 * {@code "name value\n"} per counter. Parsing refuses a counter printed twice and names the kernel does not use
 * (its names are lower case, digits and underscores).
 */
public final class VmstatFormat {
    private VmstatFormat() {
    }

    public static String render(Vmstat vmstat) {
        NamedCounters c = vmstat.counters();
        StringBuilder sb = new StringBuilder(c.size() * 28);
        for (int i = 0; i < c.size(); i++) {
            sb.append(c.name(i)).append(' ').append(Long.toUnsignedString(c.value(i))).append('\n');
        }
        return sb.toString();
    }

    public static Vmstat parse(String file, String text) {
        TextLines in = new TextLines(file, text);
        in.requireNotEmpty();
        NamedCounters.Builder b = NamedCounters.builder();
        Set<String> seen = new HashSet<>();
        while (in.hasNext()) {
            String line = in.next("a counter line");
            int sp = line.indexOf(' ');
            if (sp <= 0 || line.indexOf(' ', sp + 1) >= 0) {
                throw in.error("expected 'name value', found '" + TextLines.abbreviate(line) + "'");
            }
            String name = line.substring(0, sp);
            if (!name.chars().allMatch(c -> c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                throw in.error("counter name '" + TextLines.abbreviate(name) + "' is not a kernel counter name"
                        + " (lower case, digits and _)");
            }
            if (!seen.add(name)) {
                throw in.error("counter " + name + " a second time; the kernel prints each counter once");
            }
            b.add(name, in.unsigned(line.substring(sp + 1), name));
        }
        return new Vmstat(b.build());
    }
}
