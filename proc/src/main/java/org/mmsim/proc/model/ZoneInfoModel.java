package org.mmsim.proc.model;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.page.Machine;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;
import org.mmsim.proc.NamedCounters;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;

/**
 * /proc/zoneinfo of the live model (mm/vmstat.c {@code zoneinfo_show_print()}): every configured zone of every
 * node, the node stats under the node's first populated zone, watermarks with boost, spanned/present/managed,
 * lowmem_reserve as "protection", one pageset per online CPU and start_pfn. Zone stats other than the free
 * counts, and node stats, come from {@link ModelCounters} (0 when the model does not keep them).
 */
public final class ZoneInfoModel {
    /** HPAGE_PMD_NR with 4 KiB pages: zoneinfo prints the THP node stats in huge pages. */
    static final long HPAGE_PMD_NR = 512;

    private ZoneInfoModel() {
    }

    public static ZoneInfo of(Machine machine, ModelCounters counters) {
        Arch arch = machine.arch();
        List<ZoneInfoNode> nodes = new ArrayList<>();
        for (Node node : machine.nodes()) {
            List<ZoneInfoZone> zones = new ArrayList<>();
            boolean anyPopulated = false;
            for (Zone z : node.zones()) {
                if (!z.populated()) {
                    zones.add(ZoneInfoZone.unpopulated(z.name(), z.minWmarkPages(), z.lowWmarkPages(),
                            z.highWmarkPages(), z.spannedPages(), z.lowmemReserve()));
                    continue;
                }
                anyPopulated = true;
                NamedCounters.Builder stats = NamedCounters.builder();
                for (String name : KernelStatNames.zoneStats(arch)) {
                    stats.add(name, switch (name) {
                        case "nr_free_pages" -> z.nrFreePages();
                        case "nr_free_cma" -> z.nrFreeCmaPages();
                        default -> 0;
                    });
                }
                List<Pageset> pagesets = new ArrayList<>();
                for (int cpu = 0; cpu < machine.nrCpus(); cpu++) {
                    pagesets.add(new Pageset(cpu, z.pcpCount(cpu), z.pcpHigh(), z.pcpBatch(), z.statThreshold()));
                }
                zones.add(new ZoneInfoZone(z.name(), z.nrFreePages(), z.watermarkBoost(), z.minWmarkPages(),
                        z.lowWmarkPages(), z.highWmarkPages(), z.spannedPages(), z.presentPages(), z.managedPages(),
                        z.cmaPages(), z.lowmemReserve(), stats.build(), pagesets, false, z.zoneStartPfn()));
            }
            NamedCounters nodeStats = anyPopulated ? nodeStats(arch, node, machine, counters) : NamedCounters.empty();
            nodes.add(new ZoneInfoNode(node.nid(), nodeStats, zones));
        }
        return new ZoneInfo(nodes);
    }

    /**
     * The node stat items. The simulation's counters are machine-wide; they are shown on node 0 (exact on the
     * single-node machines the scenarios use) and as 0 on other nodes.
     */
    static NamedCounters nodeStats(Arch arch, Node node, Machine machine, ModelCounters counters) {
        NamedCounters.Builder b = NamedCounters.builder();
        for (String name : KernelStatNames.nodeStats(arch)) {
            long v = node.nid() == machine.nodes().get(0).nid() ? counters.get(name) : 0;
            if (KernelStatNames.THP_NODE_STATS.contains(name)) {
                v /= HPAGE_PMD_NR;
            }
            b.add(name, v);
        }
        return b.build();
    }
}
