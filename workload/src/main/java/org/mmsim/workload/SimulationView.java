package org.mmsim.workload;

import java.util.List;
import java.util.Map;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.vm.WalkTrace;

/**
 * A read-only view of a running simulation for recorders: the booted machine (zones, free lists, pageblocks,
 * watermarks, vm events through the page allocator's public API), the counters the simulation keeps with the
 * kernel's vmstat names (compact_stall, pgscan_kswapd, thp_fault_alloc, oom_kill, nr_anon_pages, ...), the
 * processes and the slab caches.
 */
public interface SimulationView {
    BootedMachine booted();

    /** vmstat-named counters kept by the simulation (in addition to the page allocator's own events). */
    Map<String, Long> counters();

    /** Live processes: pid, name, RSS and swap in pages. */
    List<ProcessInfo> processes();

    /** Slab caches: name and pages in use (empty when no slab workload runs). */
    Map<String, Long> slabPages();

    /**
     * Per-process /proc files at this moment, keyed "PID/maps", "PID/smaps" (the text in the kernel's format);
     * empty when the run has no processes with real address spaces.
     */
    default Map<String, String> processFiles() {
        return Map.of();
    }

    /**
     * One of the kernel allocators' /proc files at this moment, in the kernel's format: {@code slabinfo}
     * (slabinfo 2.1 of SLUB's caches) or {@code vmallocinfo}; null when the run has no kernel allocators.
     */
    default String kernelFile(String name) {
        return null;
    }

    /**
     * The page-table walk of a virtual address in a live process at this moment, level by level (entry values,
     * flags, the page it reaches), or null when no live process has the pid.
     */
    default String pageTableWalk(int pid, long address) {
        return null;
    }

    /**
     * {@link #pageTableWalk} as data: each level's entry with its bits decoded, and the page reached with its
     * sharing (copy-on-write after fork); null when no live process has the pid.
     */
    default WalkTrace pageTableTrace(int pid, long address) {
        return null;
    }

    /** The owner kinds {@link #pageOwner} names, in a fixed order (a front end may store a kind as its index). */
    List<String> OWNER_KINDS = List.of("anon", "file", "shmem", "kernel", "slab_reclaimable", "slab_unreclaimable",
            "hugetlb", "thp_held");

    /**
     * What the allocated block headed at {@code pfn} holds, one of {@link #OWNER_KINDS} (the same String
     * instances), or null when no owned block starts there (a free page, a tail page, a page the run's model
     * did not allocate).
     */
    default String pageOwner(long pfn) {
        return null;
    }

    /**
     * The block headed at {@code pfn} as its struct page would describe it: kind, order, owner and index, and
     * the LRU flags; null when {@link #pageOwner} is null.
     */
    default String pageOwnerDetail(long pfn) {
        return null;
    }

    /** One process as /proc/PID/status would summarise it. */
    record ProcessInfo(int pid, String name, long rssPages, long swapPages) {
    }
}
