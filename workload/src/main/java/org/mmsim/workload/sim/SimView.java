package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.reclaim.Lruvec;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.PageOwners;
import org.mmsim.reclaim.VmCounters;
import org.mmsim.vm.PageTableWalk;
import org.mmsim.vm.Paging;
import org.mmsim.vm.ProcMaps;
import org.mmsim.vm.Process;
import org.mmsim.vm.RssCounters;
import org.mmsim.vm.VmEvents;
import org.mmsim.vm.VmSystem;
import org.mmsim.vm.WalkTrace;
import org.mmsim.workload.SimulationView;

/**
 * The live view of a run for recorders: the booted machine, the vmstat-named counters, the processes (one
 * {@link VmSystem} over the run's memory model, made with the first process, so that runs without processes keep
 * the machine untouched: it takes the zero page from the allocator), slab pages (the slab generator's pages as "reclaimable" /
 * "unreclaimable", and each SLUB cache's pages under its name).
 */
final class SimView implements SimulationView {
    private final BootedMachine booted;
    private final Memory mem;
    private final SimKernel kernel;
    private final String thpEnabled;
    private VmSystem vm;

    SimView(BootedMachine booted, Memory mem, SimKernel kernel, String thpEnabled) {
        this.booted = booted;
        this.mem = mem;
        this.kernel = kernel;
        this.thpEnabled = thpEnabled;
    }

    /**
     * The run's processes, made on first use with the machine's 4-level paging; null on an architecture without
     * a user paging model.
     */
    VmSystem vm() {
        if (vm == null) {
            Paging paging;
            try {
                paging = Paging.forArch(mem.machine.arch());
            } catch (IllegalArgumentException e) {
                return null;
            }
            vm = VmSystem.onMemory(mem, paging, thpEnabled);
        }
        return vm;
    }

    /** The run's processes if any was ever made, else null (never makes them). */
    VmSystem existingVm() {
        return vm;
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
        out.put("nr_swap_used", mem.swap.usedPages());
        addProcessCounters(out);
        kernel.addCounters(out);
        return out;
    }

    /**
     * The processes' page tables (nr_page_table_pages: PTE and PMD tables, as 6.1's NR_PAGETABLE) and their fault
     * events: page faults, swap-ins (each a major fault and an anon refault), swap-outs (THPs whole among them),
     * THP faults and PMD splits.
     */
    private void addProcessCounters(Map<String, Long> out) {
        if (vm == null) {
            return;
        }
        VmEvents e = vm.events();
        out.merge("nr_page_table_pages", vm.tables().nrPageTablePages(), Long::sum);
        out.merge("pgfault", e.pgfault, Long::sum);
        out.merge("pgmajfault", e.pswpin, Long::sum);
        out.merge("workingset_refault_anon", e.pswpin, Long::sum);
        out.merge("pswpin", e.pswpin, Long::sum);
        out.merge("pswpout", e.pswpout, Long::sum);
        out.merge("thp_swpout", e.thpSwpout, Long::sum);
        out.merge("thp_split_pmd", e.thpSplitPmd, Long::sum);
        out.merge("thp_fault_alloc", e.thpFaultAlloc, Long::sum);
        out.merge("thp_fault_fallback", e.thpFaultFallback, Long::sum);
    }

    @Override
    public List<ProcessInfo> processes() {
        List<ProcessInfo> out = new ArrayList<>();
        if (vm != null) {
            for (Process p : vm.processes()) {
                out.add(new ProcessInfo(p.pid(), p.comm(), p.rss(), p.mm().counter(RssCounters.MM_SWAPENTS)));
            }
        }
        return out;
    }

    /** /proc/PID/maps and /proc/PID/smaps of every live process, keyed "PID/maps" and "PID/smaps". */
    @Override
    public Map<String, String> processFiles() {
        Map<String, String> out = new LinkedHashMap<>();
        if (vm != null) {
            for (Process p : vm.processes()) {
                out.put(p.pid() + "/maps", ProcMaps.maps(p.mm()));
                out.put(p.pid() + "/smaps", ProcMaps.smaps(p.mm()));
            }
        }
        return out;
    }

    @Override
    public String kernelFile(String name) {
        return kernel.file(name);
    }

    @Override
    public String pageTableWalk(int pid, long address) {
        Process p = vm == null ? null : vm.process(pid);
        return p == null ? null : PageTableWalk.walk(p.mm(), address);
    }

    @Override
    public WalkTrace pageTableTrace(int pid, long address) {
        Process p = vm == null ? null : vm.process(pid);
        return p == null ? null : PageTableWalk.trace(p.mm(), address);
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

    @Override
    public String pageOwner(long pfn) {
        PageOwners o = mem.owners;
        int slot = o.slot(pfn);
        if (slot < 0 || slot >= o.size()) {
            return null;
        }
        int kind = o.kind(pfn);
        return kind == PageOwners.NONE ? null : OWNER_KINDS.get(kind - 1);
    }

    @Override
    public String pageOwnerDetail(long pfn) {
        String kind = pageOwner(pfn);
        if (kind == null) {
            return null;
        }
        PageOwners o = mem.owners;
        StringBuilder b = new StringBuilder(kind).append(", order ").append(o.order(pfn)).append(", owner ")
                .append(o.owner(pfn)).append(", index ").append(o.index(pfn));
        String[] names = {"lru", "active", "referenced", "young", "unevictable", "workingset", "dirty", "writeback",
            "reclaim", "mapped"};
        for (int f = 0; f < names.length; f++) {
            if (o.hasFlag(pfn, 1 << f)) {
                b.append(' ').append(names[f]);
            }
        }
        return b.toString();
    }
}
