package org.mmsim.workload.sim;

import org.mmsim.kernel.slab.KmemCache;
import org.mmsim.kernel.slab.SlabFlags;
import org.mmsim.kernel.slab.Slub;
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
 * not only its MemFree. Boot allocated each page with the gfp of its kind; here each is given back to the buddy
 * lists (the per-CPU lists are off meanwhile, so MemFree and their contents stay as boot left them) and at once
 * allocated again as the thing it is:
 * <ul>
 * <li>tmpfs pages (the initramfs root, /dev/shm) as a tmpfs file's pages (shmem_get_folio()), the rest of the
 * page cache as a file's (filemap_read()); their xarray nodes grow reclaimable slab as the kernel's did;</li>
 * <li>then slab, topped up to the file's figures: unreclaimable slab pages (allocate_slab()), and reclaimable
 * slab as dentries (dcache_init()'s cache), objects in use that drop_caches cannot free, as the real machine's
 * (its SReclaimable hardly moves across drop_caches); a boot page beyond the figure, which the model's own
 * caches already hold, is only given back;</li>
 * <li>last, as userspace runs after the kernel's init, anonymous pages one process faults in
 * (do_anonymous_page()). On an architecture without a user paging model (plain 2-level i386) they stay boot's
 * movable pages: the model keeps anonymous pages only in processes, so AnonPages stays 0 there.</li>
 * </ul>
 */
final class BootResidueHandover {
    /** The process that holds the residue's anonymous pages, as the real machine's userspace does. */
    static final String ANON_COMM = "userspace";

    private final SimulationRun run;
    private final Memory mem;
    private final Machine machine;
    private final BootResiduePages pages;
    private final BootResidue residue;
    private final long[] slabPfn = new long[1];
    private KmemCache dentry;
    /** Boot pages of reclaimable slab given back and not yet replaced by dentry slabs. */
    private long reclaimableOwed;

    private BootResidueHandover(SimulationRun run, BootResiduePages pages) {
        this.run = run;
        this.mem = run.mem;
        this.machine = run.machine;
        this.pages = pages;
        this.residue = pages.residue();
    }

    /** Hands {@code run}'s boot residue over to its memory model; nothing without one. */
    static void handOver(SimulationRun run) {
        BootResiduePages pages = run.booted.residuePages();
        if (pages.size() > 0) {
            new BootResidueHandover(run, pages).run();
        }
    }

    private void run() {
        int cpu = machine.currentCpu();
        boolean pcp = machine.pcpEnabled();
        machine.setCurrentCpu(0);
        machine.setPcpEnabled(false);
        pageCache();
        slab();
        anonPages();
        machine.setPcpEnabled(pcp);
        machine.setCurrentCpu(cpu);
    }

    /** The tmpfs and page-cache pages, in boot's order. */
    private void pageCache() {
        AddressSpace shmem = residue.shmem() == 0 ? null
                : mem.newAddressSpace("Shmem", Math.toIntExact(residue.shmem()), true);
        AddressSpace cache = residue.cache() == 0 ? null
                : mem.newAddressSpace("Cached", Math.toIntExact(residue.cache()), false);
        int shmemIndex = 0;
        int cacheIndex = 0;
        for (int i = 0; i < pages.size(); i++) {
            BootResidueKind kind = pages.kind(i);
            if (kind == BootResidueKind.SHMEM) {
                machine.freePages(pages.pfn(i), 0);
                check(mem.writeShmem(shmem, shmemIndex++));
            } else if (kind == BootResidueKind.CACHE) {
                machine.freePages(pages.pfn(i), 0);
                check(mem.readFile(cache, cacheIndex++));
            }
        }
    }

    /** The slab pages, in boot's order, each kind up to the file's figure. */
    private void slab() {
        for (int i = 0; i < pages.size(); i++) {
            BootResidueKind kind = pages.kind(i);
            if (kind == BootResidueKind.SLAB_UNRECLAIMABLE) {
                machine.freePages(pages.pfn(i), 0);
                if (run.kernel.slabPages(false) < residue.slabUnreclaimable()) {
                    check(mem.allocSlab(false, slabPfn) != 0);
                }
            } else if (kind == BootResidueKind.SLAB_RECLAIMABLE) {
                machine.freePages(pages.pfn(i), 0);
                reclaimableOwed++;
                dentries();
            }
        }
    }

    /**
     * Dentries until the given-back pages are replaced by dentry slabs or reclaimable slab reaches the file's
     * figure: dcache_init()'s cache, struct dentry of 192 bytes on 64-bit and 128 on 32-bit, with its inline
     * name (DNAME_INLINE_LEN: 32 and 36 bytes) as the usercopy region, so it merges with no other cache.
     */
    private void dentries() {
        Slub slub = run.kernel.slub();
        if (dentry == null) {
            boolean wide = slub.params().pointerSize() == 8;
            dentry = slub.kmemCacheCreate("dentry", wide ? 192 : 128, slub.params().pointerSize(),
                    SlabFlags.SLAB_RECLAIM_ACCOUNT | SlabFlags.SLAB_PANIC | SlabFlags.SLAB_MEM_SPREAD
                            | SlabFlags.SLAB_ACCOUNT, false, wide ? 32 : 36);
        }
        long held = run.kernel.slabPages(true);
        while (reclaimableOwed > 0 && held < residue.slabReclaimable()) {
            long before = held;
            while (held == before) {
                check(slub.kmemCacheAlloc(dentry, Gfp.GFP_KERNEL, machine.currentCpu()) != 0);
                held = run.kernel.slabPages(true);
            }
            reclaimableOwed -= held - before;
        }
    }

    /**
     * The anonymous pages: one process's private mapping, written page by page, each after its boot page is back.
     * Without a user paging model for the architecture there is no process to hold them, and the model keeps no
     * anonymous page outside a process: they stay boot's movable pages, uncounted.
     */
    private void anonPages() {
        long count = residue.anon();
        VmSystem vm = count == 0 ? null : run.view.vm();
        if (vm == null) {
            return;
        }
        long len = count * Paging.PAGE_SIZE;
        Process p = null;
        try {
            p = vm.newProcess(run.nextPid(), ANON_COMM);
        } catch (VmOutOfMemory e) {
            check(false);
        }
        long addr = p.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        check(!Mman.isError(addr));
        p.madvise(addr, len, Mman.MADV_NOHUGEPAGE);
        long n = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.kind(i) == BootResidueKind.ANON) {
                machine.freePages(pages.pfn(i), 0);
                check(p.touch(addr + n++ * Paging.PAGE_SIZE, true) == 0);
            }
        }
    }

    /** A page that cannot be had again: the used memory leaves the run none (as at boot, the input's doing). */
    private void check(boolean allocated) {
        if (!allocated) {
            throw new BootOutOfMemory(BootOutOfMemory.Source.MEMINFO, "the memory /proc/meminfo shows in use",
                    residue.total(), machine.nrFreePages());
        }
    }
}
