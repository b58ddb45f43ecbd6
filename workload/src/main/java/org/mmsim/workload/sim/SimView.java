package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.reclaim.Lruvec;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.Mm;
import org.mmsim.reclaim.VmCounters;
import org.mmsim.workload.SimulationView;

/**
 * The live view of a run for recorders: the booted machine, the vmstat-named counters, processes (of the
 * reclaim model and of the vm module), slab pages (the slab generator's pages as "reclaimable" /
 * "unreclaimable", and each SLUB cache's pages under its name).
 */
final class SimView implements SimulationView {
    private final BootedMachine booted;
    private final Memory mem;
    private final VmProcesses vmProcesses;
    private final SimKernel kernel;

    SimView(BootedMachine booted, Memory mem, SimKernel kernel, String thpEnabled) {
        this.booted = booted;
        this.mem = mem;
        this.vmProcesses = new VmProcesses(mem, mem.config.swapPages(), thpEnabled);
        this.kernel = kernel;
    }

    /** The run's processes of the vm module (process generators). */
    VmProcesses vmProcesses() {
        return vmProcesses;
    }

    /** The memory model behind this view (for tests and front ends that know it). */
    Memory memory() {
        return mem;
    }

    @Override
    public BootedMachine booted() {
        return booted;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = mem.counters.toMap();
        long[] lru = new long[Lruvec.NR_LISTS];
        for (int n = 0; n < mem.machine.nodes().size(); n++) {
            for (int l = 0; l < Lruvec.NR_LISTS; l++) {
                lru[l] += mem.lruvec(n).size(l);
            }
        }
        out.put("nr_inactive_anon", lru[Lruvec.INACTIVE_ANON]);
        out.put("nr_active_anon", lru[Lruvec.ACTIVE_ANON]);
        out.put("nr_inactive_file", lru[Lruvec.INACTIVE_FILE]);
        out.put("nr_active_file", lru[Lruvec.ACTIVE_FILE]);
        out.put("nr_unevictable", lru[Lruvec.UNEVICTABLE]);
        out.put("swap_total_pages", mem.swap.totalPages());
        out.put("swap_free_pages", mem.swap.freePages());
        out.put("nr_free_pages", mem.machine.nrFreePages());
        long[] dirty = mem.writeback.limits();
        out.put("nr_dirty_background_threshold", dirty[0]);
        out.put("nr_dirty_threshold", dirty[1]);
        vmProcesses.addCounters(out);
        kernel.addCounters(out);
        return out;
    }

    @Override
    public List<ProcessInfo> processes() {
        List<ProcessInfo> out = new ArrayList<>();
        for (Mm mm : mem.mms()) {
            if (mm.alive()) {
                out.add(new ProcessInfo(mm.pid, mm.name, mm.rssPages(), mm.swapPages()));
            }
        }
        out.addAll(vmProcesses.infos());
        return out;
    }

    @Override
    public Map<String, String> processFiles() {
        return vmProcesses.procFiles();
    }

    @Override
    public Map<String, Long> slabPages() {
        Map<String, Long> out = new LinkedHashMap<>();
        long r = mem.counters.get(VmCounters.NR_SLAB_RECLAIMABLE);
        long u = mem.counters.get(VmCounters.NR_SLAB_UNRECLAIMABLE);
        if (r > 0 || u > 0) {
            out.put("reclaimable", r);
            out.put("unreclaimable", u);
        }
        kernel.addSlabPages(out);
        return out;
    }
}
