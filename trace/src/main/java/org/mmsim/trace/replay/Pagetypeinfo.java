package org.mmsim.trace.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Zone;

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

    /** Parses a /proc/pagetypeinfo text of node 0. */
    public static Pagetypeinfo parse(String text) {
        Map<String, long[]> free = new LinkedHashMap<>();
        Map<String, Long> blocks = new LinkedHashMap<>();
        String[] blockTypes = null;
        for (String line : text.split("\n")) {
            String[] t = line.trim().split("[\\s,]+");
            if (line.startsWith("Number of blocks type")) {
                blockTypes = line.substring("Number of blocks type".length()).trim().split("\\s+");
            } else if (t.length > 6 && t[0].equals("Node") && t[2].equals("zone") && t[4].equals("type")) {
                long[] c = new long[t.length - 6];
                for (int i = 6; i < t.length; i++) {
                    c[i - 6] = t[i].startsWith(">") ? FREECOUNT_LIMIT : Long.parseLong(t[i]);
                }
                free.put(t[3] + "/" + t[5], c);
            } else if (blockTypes != null && t.length == 4 + blockTypes.length && t[0].equals("Node")) {
                for (int i = 0; i < blockTypes.length; i++) {
                    blocks.put(t[3] + "/" + blockTypes[i], Long.parseLong(t[4 + i]));
                }
            }
        }
        return new Pagetypeinfo(free, blocks);
    }

    /** The model's numbers, for the populated zones of node 0. */
    public static Pagetypeinfo of(Machine m) {
        Map<String, long[]> free = new LinkedHashMap<>();
        Map<String, Long> blocks = new LinkedHashMap<>();
        MigrateType types = m.migrateTypes();
        int maxOrder = m.arch().maxOrder();
        for (Zone z : m.zones()) {
            if (!z.populated() || z.node().nid() != 0) {
                continue;
            }
            for (int mt = 0; mt < types.count(); mt++) {
                long[] c = new long[maxOrder];
                for (int o = 0; o < maxOrder; o++) {
                    c[o] = Math.min(z.freeCount(o, mt), FREECOUNT_LIMIT);
                }
                String key = z.name() + "/" + types.name(mt);
                free.put(key, c);
                blocks.put(key, z.countPageblocks(mt));
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
