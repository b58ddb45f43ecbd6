package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link MemoryLayout} as the start / end / size / use table of the kernel's documents. */
public final class LayoutTable {

    private LayoutTable() {
    }

    /** The table lines: a title, a header, one row per region (nested regions indented under their parent), notes. */
    public static List<String> render(MemoryLayout layout) {
        int w = layout.addressBits() == 32 ? 8 : 16;
        String fmt = "%-" + (w + 2) + "s%-" + (w + 2) + "s%10s  %s";
        List<String> out = new ArrayList<>();
        out.add(layout.title());
        out.add(String.format(fmt, "start", "end", "size", "use"));
        for (Region r : layout.regions()) {
            out.add(String.format(fmt, layout.hex(r.start()), layout.hex(r.end()), Sizes.human(r.size()),
                    r.description()));
            for (Region n : layout.nested()) {
                if (r.contains(n.start())) {
                    String start = (n.optional() ? "[" : " ") + layout.hex(n.start());
                    String end = layout.hex(n.end()) + (n.optional() ? "]" : " ");
                    out.add(String.format("%-" + (w + 2) + "s%-" + (w + 2) + "s%10s  %s", start, end,
                            Sizes.human(n.size()), "  " + n.description()));
                }
            }
        }
        if (!layout.notes().isEmpty()) {
            out.add("");
            for (String n : layout.notes()) {
                out.add("note: " + n);
            }
        }
        return out;
    }
}
