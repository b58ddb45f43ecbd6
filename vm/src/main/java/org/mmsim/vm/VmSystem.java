package org.mmsim.vm;

import org.mmsim.page.Gfp;

/**
 * The machine-wide state the virtual memory code shares between processes: the page allocator, the
 * per-pfn page state, page-table pages, the page cache, one swap device, the THP settings, vm events, the
 * shared zero page (empty_zero_page; here taken from the allocator once at start) and the huge zero page
 * (mm/huge_memory.c get_huge_zero_page(), allocated on first use and kept).
 */
public final class VmSystem {
    final Paging paging;
    final PteFormat fmt;
    final PhysPages phys;
    final PageRefs refs;
    final PageTablePages tables;
    final PageCache pageCache;
    final SwapDevice swap;
    final ThpSettings thp = new ThpSettings();
    final VmEvents events = new VmEvents();
    final long zeroPfn;
    long hugeZeroPfn = -1;
    private int nextPid = 1;

    public VmSystem(Paging paging, PhysPages phys, int swapSlots) {
        this.paging = paging;
        this.fmt = paging.format();
        this.phys = phys;
        this.refs = new PageRefs(phys.maxPfn());
        this.tables = new PageTablePages(phys);
        this.pageCache = new SimplePageCache(phys, refs);
        this.swap = new SwapDevice(Math.max(2, swapSlots));
        this.zeroPfn = phys.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_ZERO, 0);
        if (zeroPfn < 0) {
            throw new IllegalStateException("no memory for the zero page");
        }
    }

    /** A system over a {@link SimplePhysPages} of the given number of pages and a swap device of as many slots. */
    public static VmSystem simple(Paging paging, int pages) {
        return new VmSystem(paging, new SimplePhysPages(pages), pages);
    }

    /** A new process with an empty address space (after exec, before any mapping). */
    public Process newProcess() {
        return new Process(nextPid++, new Mm(this));
    }

    int allocPid() {
        return nextPid++;
    }

    /** mm_get_huge_zero_page(): the huge zero page, allocated on first use; -1 if that fails. */
    long hugeZeroPage() {
        if (hugeZeroPfn < 0) {
            long pfn = phys.allocPages((Gfp.GFP_TRANSHUGE | Gfp.__GFP_ZERO) & ~Gfp.__GFP_MOVABLE,
                    Paging.HPAGE_PMD_ORDER);
            if (pfn < 0) {
                return -1;
            }
            refs.prepCompound(pfn);
            hugeZeroPfn = pfn;
            events.thpZeroPageAlloc++;
        }
        return hugeZeroPfn;
    }

    public Paging paging() {
        return paging;
    }

    public PhysPages phys() {
        return phys;
    }

    public PageRefs refs() {
        return refs;
    }

    public PageTablePages tables() {
        return tables;
    }

    public PageCache pageCache() {
        return pageCache;
    }

    public SwapDevice swap() {
        return swap;
    }

    public ThpSettings thp() {
        return thp;
    }

    public VmEvents events() {
        return events;
    }

    /** The pfn of the shared zero page (my_zero_pfn()). */
    public long zeroPfn() {
        return zeroPfn;
    }

    /** The pfn of the huge zero page, or -1 if never used. */
    public long hugeZeroPfn() {
        return hugeZeroPfn;
    }
}
