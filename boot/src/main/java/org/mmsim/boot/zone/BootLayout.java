package org.mmsim.boot.zone;

import java.util.List;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.MachineSpec;

/**
 * The memory layout a 6.1 kernel settles on early in boot: memblock's memory ranges per node, the zone
 * boundaries and ZONE_MOVABLE start, every node's zones with spanned, present and first managed estimate,
 * the holes memmap_init() reports, and vm_total_pages ("Total pages").
 *
 * @param holes the "N pages in unavailable ranges" reports, in log order
 */
public record BootLayout(MachineSpec spec, List<MemRange> memory, long maxPfn, long maxLowPfn, long dmaReserve,
        ZoneSizer sizer, List<NodeSpan> nodes, List<Hole> holes, long totalPages, boolean mobilityGrouping) {

    /** One init_unavailable_range() report. */
    public record Hole(int nid, ZoneType zone, long pages) {
    }

    /** The zone of {@code type} on node {@code nid}. */
    public ZoneSpan zone(int nid, ZoneType type) {
        for (ZoneSpan z : nodes.get(nid).zones()) {
            if (z.type() == type) {
                return z;
            }
        }
        throw new IllegalArgumentException(type + " not configured");
    }

    /** get_num_physpages(): present pages of all nodes. */
    public long physpages() {
        return nodes.stream().mapToLong(NodeSpan::presentPages).sum();
    }

    /** Nodes with memory (nr_online_nodes for the "Built N zonelists" line). */
    public int onlineNodes() {
        return (int) nodes.stream().filter(n -> n.endPfn() > n.startPfn()).count();
    }
}
