package org.mmsim.trace.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.ZoneBlockCounts;
import org.mmsim.proc.ZoneFreeByType;
import org.mmsim.proc.model.PageTypeInfoModel;

/**
 * The numbers of /proc/pagetypeinfo (mm/vmstat.c pagetypeinfo_showfree_print and
 * pagetypeinfo_showblockcount_print): free blocks per zone, migratetype and order, and pageblocks per zone and
 * migratetype, read from a kernel file or from the model. Keys are "ZONE/TYPE" ("Normal/Movable"), node 0 only
 * (the replayed traces are of one-node machines).
 *
 * @param free free blocks per order, by "ZONE/TYPE"
 * @param blocks pageblocks, by "ZONE/TYPE"
 */
public record Pagetypeinfo(Map<String, long[]> free, Map<String, Long> blocks) {
    /**
     * pagetypeinfo_showfree_print stops counting a list at 100000 blocks and prints "&gt;100000"; both sides keep
     * such a count as 100000.
     */
    public static final long FREECOUNT_LIMIT = 100000;

    /** Parses a /proc/pagetypeinfo text of node 0 with proc's parser. */
    public static Pagetypeinfo parse(String text) {
        return ofNode0(PageTypeInfoFormat.parse("pagetypeinfo", text));
    }

    /** The model's numbers (proc's PageTypeInfoModel), for the populated zones of node 0. */
    public static Pagetypeinfo of(Machine m) {
        return ofNode0(PageTypeInfoModel.of(m));
    }

    private static Pagetypeinfo ofNode0(PageTypeInfo info) {
        Map<String, long[]> free = new LinkedHashMap<>();
        Map<String, Long> blocks = new LinkedHashMap<>();
        PageTypeInfoNode node = info.node(0);
        if (node != null) {
            for (ZoneFreeByType z : node.free()) {
                long[][] counts = z.counts();
                for (int mt = 0; mt < counts.length; mt++) {
                    long[] c = counts[mt].clone();
                    for (int o = 0; o < c.length; o++) {
                        c[o] = Math.min(c[o], FREECOUNT_LIMIT);
                    }
                    free.put(z.zoneName() + "/" + node.migratetypes().get(mt), c);
                }
            }
            for (ZoneBlockCounts z : node.blocks()) {
                long[] c = z.counts();
                for (int mt = 0; mt < c.length; mt++) {
                    blocks.put(z.zoneName() + "/" + node.migratetypes().get(mt), c[mt]);
                }
            }
        }
        return new Pagetypeinfo(free, blocks);
    }

    /**
     * The free-list error of {@code model} against {@code kernel}: the sum over zones, migratetypes and orders
     * of |model - kernel| in pages, divided by the kernel's free pages; 0 is exact.
     */
    public static double freeError(Pagetypeinfo model, Pagetypeinfo kernel) {
        return Buddyinfo.relativeError(model.free(), kernel.free());
    }
}
