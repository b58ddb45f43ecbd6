package org.mmsim.proc.model;

import org.mmsim.arch.Arch;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.proc.NamedCounters;
import org.mmsim.proc.Vmstat;
import org.mmsim.reclaim.DirtyLimits;

/**
 * /proc/vmstat of the live model (mm/vmstat.c {@code vmstat_start()}): zone stats summed over zones, NUMA
 * events, node stats (THP ones in huge pages), the dirty thresholds (the simulation's, which follow its
 * vm.dirty_ratio sysctls, else the defaults'), the vm events, and {@code nr_unstable 0}.
 */
public final class VmstatModel {
    private VmstatModel() {
    }

    public static Vmstat of(Machine machine, long totalreservePages, ModelCounters counters) {
        Arch arch = machine.arch();
        long[] dirty = counters.has("nr_dirty_threshold")
                ? new long[] {counters.get("nr_dirty_background_threshold"), counters.get("nr_dirty_threshold")}
                : DirtyLimits.of(machine, totalreservePages,
                        counters.get("nr_inactive_file") + counters.get("nr_active_file"));
        long freeCma = 0;
        for (Zone z : machine.zones()) {
            freeCma += z.nrFreeCmaPages();
        }
        NamedCounters.Builder b = NamedCounters.builder();
        for (String name : KernelStatNames.vmstat(arch)) {
            long v = switch (name) {
                case "nr_free_pages" -> machine.nrFreePages();
                case "nr_free_cma" -> freeCma;
                case "nr_dirty_threshold" -> dirty[1];
                case "nr_dirty_background_threshold" -> dirty[0];
                case "nr_unstable" -> 0;
                default -> counters.get(name);
            };
            if (KernelStatNames.THP_NODE_STATS.contains(name)) {
                v /= ZoneInfoModel.HPAGE_PMD_NR;
            }
            b.add(name, v);
        }
        return new Vmstat(b.build());
    }
}
