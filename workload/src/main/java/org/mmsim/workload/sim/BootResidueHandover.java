package org.mmsim.workload.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootResidueKind;
import org.mmsim.page.init.BootResiduePages;
import org.mmsim.reclaim.AddressSpace;
import org.mmsim.reclaim.Memory;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.vm.VmOutOfMemory;
import org.mmsim.vm.VmSystem;

/**
 * Hands the typed pages of a /proc/meminfo residue ({@link BootResiduePages}) over to the run's memory model
 * before the workload starts, so the run's meminfo shows the real machine's Slab, Shmem, Cached and AnonPages and
 * not only its MemFree. Boot allocated each page with the gfp of its kind; here each is given back and at once
 * allocated again as the thing it is, from the same per-CPU list: a slab page (allocate_slab()), a page of a
 * tmpfs file (shmem_get_folio(), the initramfs root and /dev/shm), a page-cache page (filemap_read()), and last,
 * as userspace runs after the kernel's init, an anonymous page a process faults in (do_anonymous_page()). Slab the
 * model already holds (its boot caches, the page cache's xarray nodes) is not allocated twice: those boot pages
 * are only given back. On an
 * architecture without a user paging model (i386) the anonymous pages are faulted for no process
 * (folio_add_new_anon_rmap() alone): reclaim and compaction leave them, as they would a pinned page.
 */
final class BootResidueHandover {
    /** The process that holds the residue's anonymous pages, as the real machine's userspace does. */
    static final String ANON_COMM = "userspace";

    private final SimulationRun run;
    private final Memory mem;
    private final Machine machine;
    private final BootResiduePages pages;
    private AddressSpace shmem;
    private AddressSpace cache;
    private int shmemIndex;
    private int cacheIndex;
    private final long[] slabPfn = new long[1];
    /** The reclaimable slab pages handed over, as pfn and slab id pairs, for {@link #trimReclaimableSlab()}. */
    private long[] reclaimableSlabs = new long[0];
    private int nrReclaimableSlabs;

    private BootResidueHandover(SimulationRun run, BootResiduePages pages) {
        this.run = run;
        this.mem = run.mem;
        this.machine = run.machine;
        this.pages = pages;
    }

    /** Hands {@code run}'s boot residue over to its memory model; nothing without one. */
    static void handOver(SimulationRun run) {
        BootResiduePages pages = run.booted.residuePages();
        if (pages.size() > 0) {
            new BootResidueHandover(run, pages).run();
        }
    }

    private void run() {
        BootResidue r = pages.residue();
        shmem = r.shmem() == 0 ? null : mem.newAddressSpace("Shmem", Math.toIntExact(r.shmem()), true);
        cache = r.cache() == 0 ? null : mem.newAddressSpace("Cached", Math.toIntExact(r.cache()), false);
        int cpu = machine.currentCpu();
        machine.setCurrentCpu(0);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.kind(i) != BootResidueKind.ANON) {
                kernelPage(pages.pfn(i), pages.kind(i));
            }
        }
        trimReclaimableSlab();
        anonPages(r.anon());
        machine.setCurrentCpu(cpu);
    }

    /** One page of the kernel's own kinds, given back and allocated again as that kind. */
    private void kernelPage(long pfn, BootResidueKind kind) {
        switch (kind) {
            case SLAB_UNRECLAIMABLE -> {
                machine.freePages(pfn, 0);
                if (slabHeld(false) < pages.residue().slabUnreclaimable()) {
                    check(mem.allocSlab(false, slabPfn) != 0);
                }
            }
            case SLAB_RECLAIMABLE -> {
                machine.freePages(pfn, 0);
                if (slabHeld(true) < pages.residue().slabReclaimable()) {
                    int id = mem.allocSlab(true, slabPfn);
                    check(id != 0);
                    if (2 * nrReclaimableSlabs == reclaimableSlabs.length) {
                        reclaimableSlabs = Arrays.copyOf(reclaimableSlabs, Math.max(16, 4 * nrReclaimableSlabs));
                    }
                    reclaimableSlabs[2 * nrReclaimableSlabs] = slabPfn[0];
                    reclaimableSlabs[2 * nrReclaimableSlabs++ + 1] = id;
                }
            }
            case SHMEM -> {
                machine.freePages(pfn, 0);
                check(mem.writeShmem(shmem, shmemIndex++));
            }
            case CACHE -> {
                machine.freePages(pfn, 0);
                check(mem.readFile(cache, cacheIndex++));
            }
            default -> throw new IllegalStateException("not a kernel kind: " + kind);
        }
    }

    /**
     * The slab pages the model already holds of one kind: its boot caches and, for reclaimable slab, the page
     * cache's xarray nodes (radix_tree_node), which the handed-over tmpfs and page-cache pages grow as the
     * kernel's did. A boot page beyond the residue's figure is only given back: the model allocated it already.
     */
    private long slabHeld(boolean reclaimable) {
        Map<String, Long> held = new HashMap<>();
        run.kernel.addCounters(held);
        return held.getOrDefault(reclaimable ? "nr_slab_reclaimable" : "nr_slab_unreclaimable", 0L);
    }

    /**
     * The xarray nodes of the pages handed over after the reclaimable slab ran out grew it past the residue's
     * figure: the last slab pages handed over go back, as many as it is over.
     */
    private void trimReclaimableSlab() {
        long over = slabHeld(true) - pages.residue().slabReclaimable();
        while (over > 0 && nrReclaimableSlabs > 0) {
            nrReclaimableSlabs--;
            if (mem.freeSlab(reclaimableSlabs[2 * nrReclaimableSlabs],
                    (int) reclaimableSlabs[2 * nrReclaimableSlabs + 1])) {
                over--;
            }
        }
    }

    /** The anonymous pages: one process's private mapping, written page by page, each after its boot page is back. */
    private void anonPages(long count) {
        if (count == 0) {
            return;
        }
        VmSystem vm = run.view.vm();
        Process p = null;
        long addr = 0;
        if (vm != null) {
            long len = count * Paging.PAGE_SIZE;
            try {
                p = vm.newProcess(run.nextPid(), ANON_COMM);
            } catch (VmOutOfMemory e) {
                check(false);
            }
            addr = p.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
            check(!Mman.isError(addr));
            p.madvise(addr, len, Mman.MADV_NOHUGEPAGE);
        }
        long n = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.kind(i) != BootResidueKind.ANON) {
                continue;
            }
            machine.freePages(pages.pfn(i), 0);
            if (p != null) {
                check(p.touch(addr + n * Paging.PAGE_SIZE, true) == 0);
            } else {
                long pfn = mem.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
                check(pfn >= 0);
                mem.addNewAnonPage(pfn, 0, false);
            }
            n++;
        }
    }

    /** A page that cannot be had again: the used memory leaves the run none (as at boot, the input's doing). */
    private void check(boolean allocated) {
        if (!allocated) {
            throw new BootOutOfMemory(BootOutOfMemory.Source.MEMINFO, "the memory /proc/meminfo shows in use",
                    pages.residue().total(), machine.nrFreePages());
        }
    }
}
