package org.mmsim.proc.model;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.page.Machine;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.ZoneFreeArea;

/**
 * /proc/buddyinfo of the live model, as mm/vmstat.c {@code frag_show()} walks it: every populated zone of every
 * node in order, {@code free_area[order].nr_free} for each order.
 */
public final class BuddyInfoModel {
    private BuddyInfoModel() {
    }

    public static BuddyInfo of(Machine machine) {
        List<ZoneFreeArea> zones = new ArrayList<>();
        int orders = machine.arch().maxOrder();
        for (Node node : machine.nodes()) {
            for (Zone z : node.zones()) {
                if (!z.populated()) {
                    continue;
                }
                long[] nrFree = new long[orders];
                for (int o = 0; o < orders; o++) {
                    nrFree[o] = z.nrFree(o);
                }
                zones.add(new ZoneFreeArea(node.nid(), z.name(), nrFree));
            }
        }
        return new BuddyInfo(zones);
    }
}
