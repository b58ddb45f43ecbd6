package org.mmsim.proc.model;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.ZoneBlockCounts;
import org.mmsim.proc.ZoneFreeByType;

/**
 * /proc/pagetypeinfo of the live model (mm/vmstat.c {@code pagetypeinfo_show()}): for each node with memory,
 * the free-list lengths per populated zone, migratetype and order, and the pageblock counts per migratetype
 * ({@code pagetypeinfo_showblockcount_print}). No page_owner table (Debian boots without page_owner).
 */
public final class PageTypeInfoModel {
    private PageTypeInfoModel() {
    }

    public static PageTypeInfo of(Machine machine) {
        MigrateType types = machine.migrateTypes();
        List<String> names = new ArrayList<>();
        for (int mt = 0; mt < types.count(); mt++) {
            names.add(types.name(mt));
        }
        int orders = machine.arch().maxOrder();
        List<PageTypeInfoNode> nodes = new ArrayList<>();
        for (Node node : machine.nodes()) {
            if (node.presentPages() == 0) {
                continue;
            }
            List<ZoneFreeByType> free = new ArrayList<>();
            List<ZoneBlockCounts> blocks = new ArrayList<>();
            for (Zone z : node.zones()) {
                if (!z.populated()) {
                    continue;
                }
                long[][] counts = new long[types.count()][orders];
                long[] blockCounts = new long[types.count()];
                for (int mt = 0; mt < types.count(); mt++) {
                    for (int o = 0; o < orders; o++) {
                        counts[mt][o] = z.freeCount(o, mt);
                    }
                    blockCounts[mt] = z.countPageblocks(mt);
                }
                free.add(new ZoneFreeByType(z.name(), counts));
                blocks.add(new ZoneBlockCounts(z.name(), blockCounts));
            }
            int pbOrder = machine.arch().pageblockOrder();
            nodes.add(new PageTypeInfoNode(node.nid(), pbOrder, 1L << pbOrder, orders, names, free, blocks, List.of()));
        }
        return new PageTypeInfo(nodes);
    }
}
