package org.mmsim.proc;

/**
 * The text of /proc/vmstat, both ways. Models mm/vmstat.c {@code vmstat_show()}: one
 * {@code "name value\n"} per counter.
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
        while (in.hasNext()) {
            String line = in.next("a counter line");
            int sp = line.indexOf(' ');
            if (sp <= 0 || line.indexOf(' ', sp + 1) >= 0) {
                throw in.error("expected 'name value', found '" + TextLines.abbreviate(line) + "'");
            }
            String name = line.substring(0, sp);
            b.add(name, in.unsigned(line.substring(sp + 1), name));
        }
        return new Vmstat(b.build());
    }
}
