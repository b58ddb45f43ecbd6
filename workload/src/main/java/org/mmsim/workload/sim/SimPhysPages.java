package org.mmsim.workload.sim;

import org.mmsim.page.Gfp;
import org.mmsim.reclaim.Memory;
import org.mmsim.vm.MachinePhysPages;
import org.mmsim.vm.PhysPages;

/**
 * The simulation's booted machine behind the vm module: {@link MachinePhysPages} (alloc_pages / __free_pages of
 * the buddy allocator), except that every allocation first opens a request of the reclaim model's slow path
 * ({@link Memory#allocPages}), so that direct reclaim, compaction and the OOM killer see the vm fault's own
 * gfp mask and order, as __alloc_pages() does for a page fault. Counts the pages it holds out. Movable 4 KiB
 * allocations (user pages) are marked as the processes' own ({@link Memory#markExternal}) so that compaction
 * can migrate them through the vm module's rmap; huge pages stay unmovable here, as they were.
 */
final class SimPhysPages implements PhysPages {
    private final Memory mem;
    private final MachinePhysPages machinePages;
    private long pagesHeld;

    SimPhysPages(Memory mem) {
        this.mem = mem;
        this.machinePages = new MachinePhysPages(mem.machine);
    }

    @Override
    public long allocPages(int gfp, int order) {
        long pfn = mem.allocPages(gfp, order);
        if (pfn >= 0) {
            pagesHeld += 1L << order;
            if (order == 0 && (gfp & Gfp.__GFP_MOVABLE) != 0) {
                mem.markExternal(pfn, order);
            }
        }
        return pfn;
    }

    @Override
    public void freePages(long pfn, int order) {
        mem.clearExternal(pfn);
        machinePages.freePages(pfn, order);
        pagesHeld -= 1L << order;
    }

    @Override
    public void anonPageAdded(long pfn) {
        mem.lruAddExternal(pfn);
    }

    @Override
    public long maxPfn() {
        return machinePages.maxPfn();
    }

    /** Pages allocated through this allocator and not yet freed (user pages, page tables, zero pages). */
    long pagesHeld() {
        return pagesHeld;
    }
}
