package org.mmsim.vm;

import org.mmsim.page.Machine;
import org.mmsim.page.Node;

/**
 * The real page allocator behind {@link PhysPages}: user pages, page tables and page cache pages of processes
 * come from a booted {@link Machine}'s buddy and per-CPU lists (alloc_pages / __free_pages). The GFP bits of
 * this module are 6.1's, the same values the page allocator uses.
 */
public final class MachinePhysPages implements PhysPages {
    private final Machine machine;
    private final long maxPfn;

    public MachinePhysPages(Machine machine) {
        this.machine = machine;
        this.maxPfn = maxPfn(machine);
    }

    /** One past the highest pfn of any node of the machine. */
    static long maxPfn(Machine machine) {
        long max = 0;
        for (Node n : machine.nodes()) {
            max = Math.max(max, n.nodeStartPfn() + n.spannedPages());
        }
        return max;
    }

    @Override
    public long allocPages(int gfp, int order) {
        return machine.allocPages(gfp, order);
    }

    @Override
    public void freePages(long pfn, int order) {
        machine.freePages(pfn, order);
    }

    @Override
    public long maxPfn() {
        return maxPfn;
    }
}
