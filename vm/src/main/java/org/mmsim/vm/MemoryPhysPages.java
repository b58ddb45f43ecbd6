package org.mmsim.vm;

import org.mmsim.reclaim.Memory;

/**
 * The machine's memory model behind {@link PhysPages}: a process's pages come from the booted machine's buddy and
 * per-CPU lists through {@link Memory#allocPages}, which opens a request of the slow path first, so that direct
 * reclaim, compaction and the OOM killer see the fault's own gfp mask and order, as __alloc_pages() does for a page
 * fault. A mapped anonymous folio is handed to the memory model ({@link Memory#addNewAnonPage}: NR_ANON_PAGES, the
 * anon LRU) and taken back when it is freed ({@link Memory#freeAnonPage}).
 */
public final class MemoryPhysPages implements PhysPages {
    private final Memory mem;
    private final long maxPfn;

    public MemoryPhysPages(Memory mem) {
        this.mem = mem;
        this.maxPfn = MachinePhysPages.maxPfn(mem.machine);
    }

    @Override
    public long allocPages(int gfp, int order) {
        return mem.allocPages(gfp, order);
    }

    @Override
    public void freePages(long pfn, int order) {
        mem.freeAnonPage(pfn);
        mem.machine.freePages(pfn, order);
    }

    @Override
    public void anonPageAdded(long pfn, int order, boolean mlocked) {
        mem.addNewAnonPage(pfn, order, mlocked);
    }

    @Override
    public void mlockAnonPage(long pfn) {
        mem.mlockAnonPage(pfn);
    }

    @Override
    public long maxPfn() {
        return maxPfn;
    }
}
