package org.mmsim.trace.replay;

import java.util.HashMap;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.page.Gfp;
import org.mmsim.page.GfpNames;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.PageAllocTracer;
import org.mmsim.page.Zone;
import org.mmsim.trace.TraceEvent;

/**
 * Model replay: the kernel's request stream goes through mmsim's own allocator. Every mm_page_alloc becomes an
 * alloc_pages() of the same order and gfp on the same CPU; every mm_page_free frees the model's page for the
 * kernel's pfn, found through a {@link PfnMap} (kernel pfn to model pfn and order). mm_page_free_batched is only
 * counted: in 6.1 free_unref_page_list() fires mm_page_free for each of its pages first (free_pages_prepare), so
 * the batched event is the same page's commit to the per-CPU list, which the model makes itself. The
 * model does its own per-CPU refills and drains, so the kernel's mm_page_alloc_zone_locked and
 * mm_page_pcpu_drain are only read, to know the kernel's path.
 *
 * <p>The path of an allocation, for kernel and model alike: "buddy" when exactly one
 * mm_page_alloc_zone_locked, of the allocated pfn, came since the previous allocation (rmqueue_buddy takes one
 * block; rmqueue_bulk takes at least two, max(batch >> order, 2)), "pcp" otherwise (served by
 * rmqueue_pcplist, from the list or a refill). A free of part of a mapped block (split_page() has no
 * tracepoint) splits the model's block too. A free of a page allocated before replay began frees the model's
 * page at the same pfn (where the start state put it) when the model holds that page allocated and has not
 * handed it out itself; otherwise it is counted ({@link #unmappedFrees()}) and skipped.
 */
public final class ModelReplay implements PageAllocTracer, ReplaySink {
    private static final int ORDER_BITS = 4;
    private static final int MAX_SPLIT_ORDER = 10;
    private final Machine machine;
    private final PfnMap map = new PfnMap();
    /** The model's pages it handed out for a kernel allocation, model pfn to kernel pfn. */
    private final PfnMap handedOut = new PfnMap();
    private final Map<String, int[]> gfpByText = new HashMap<>();
    private long allocs;
    private long samePfn;
    private long samePath;
    private long kernelPcp;
    private long modelPcp;
    private long modelFailed;
    private long kernelExtfrag;
    private long modelExtfrag;
    private long unmappedFrees;
    private long startFrees;
    private long reservedFrees;
    private long batchedCommits;
    private long gfpGuessed;
    private int kernelTakes;
    private long kernelTakePfn = -1;
    private int modelTakes;
    private long modelTakePfn = -1;

    /** Model replay on {@code machine}; it becomes the machine's page-allocator tracer. */
    public ModelReplay(Machine machine) {
        this.machine = machine;
        machine.setTracer(this);
    }

    /** Applies one event; events that are not page events are ignored. */
    @Override
    public void apply(TraceEvent e) {
        switch (e.kind) {
            case MM_PAGE_ALLOC_ZONE_LOCKED -> {
                kernelTakes++;
                kernelTakePfn = e.pfn;
            }
            case MM_PAGE_ALLOC_EXTFRAG -> kernelExtfrag++;
            case MM_PAGE_ALLOC -> alloc(e);
            case MM_PAGE_FREE -> free(e, e.pfn, e.order);
            case MM_PAGE_FREE_BATCHED -> batchedCommits++;
            default -> {
            }
        }
    }

    private void alloc(TraceEvent e) {
        boolean kernelBuddy = kernelTakes == 1 && kernelTakePfn == e.pfn;
        kernelTakes = 0;
        if (e.pfn < 0) {
            return;
        }
        allocs++;
        if (!kernelBuddy) {
            kernelPcp++;
        }
        setCpu(e);
        modelTakes = 0;
        long pfn = machine.allocPages(gfp(e), e.order);
        if (pfn < 0) {
            modelFailed++;
            return;
        }
        boolean modelBuddy = modelTakes == 1 && modelTakePfn == pfn;
        if (!modelBuddy) {
            modelPcp++;
        }
        if (modelBuddy == kernelBuddy) {
            samePath++;
        }
        if (pfn == e.pfn) {
            samePfn++;
        }
        map.put(e.pfn, (pfn << ORDER_BITS) | e.order);
        handedOut.put(pfn, e.pfn);
    }

    private void free(TraceEvent e, long kernelPfn, int order) {
        long v = map.remove(kernelPfn);
        if (v == PfnMap.ABSENT && splitMapped(kernelPfn)) {
            v = map.remove(kernelPfn);
        }
        setCpu(e);
        if (v == PfnMap.ABSENT) {
            freeFromStart(kernelPfn, order, ForcedReplay.isDeferredInit(e));
            return;
        }
        long modelPfn = v >>> ORDER_BITS;
        handedOut.remove(modelPfn);
        int mappedOrder = (int) (v & ((1 << ORDER_BITS) - 1));
        machine.freePages(modelPfn, Math.min(order, mappedOrder));
    }

    /**
     * A free of a kernel page allocated before replay began: the start state ({@link StartState}) put the page
     * where the kernel had it, so the model frees its own page at the same pfn, provided the model holds it
     * allocated and has not handed it out itself since; otherwise it is counted and skipped. A page the model
     * holds reserved (memblock memory the kernel hands over late: the initrd, the init sections, the SMP
     * alternatives) is freed as free_reserved_page() frees it ({@link #reservedFrees()}). The deferred struct
     * page initialisation's frees (pgdatinit, __free_pages_core) go straight to the buddy, as in the kernel.
     */
    private void freeFromStart(long pfn, int order, boolean deferredInit) {
        Zone z = machine.zoneOf(pfn);
        if (z != null && order == 0 && z.node().memMap().isReserved(pfn)) {
            z.freeReservedPage(pfn);
            reservedFrees++;
            return;
        }
        if (z == null || order < 0 || !allocatedAtStart(z.node().memMap(), pfn, order)) {
            unmappedFrees++;
            return;
        }
        z.markAllocated(pfn, order, false);
        if (deferredInit) {
            z.freeOnePage(pfn, order, z.getPageblockMigratetype(pfn));
        } else {
            machine.freePages(pfn, order);
        }
        startFrees++;
    }

    private boolean allocatedAtStart(MemMap mm, long pfn, int order) {
        for (long p = pfn; p < pfn + (1L << order); p++) {
            if (!mm.isAllocatedHead(p) || handedOut.get(p) != PfnMap.ABSENT) {
                return false;
            }
        }
        return true;
    }

    /**
     * split_page() for a mapped block holding {@code kernelPfn}: the model's block is split too and every
     * kernel page of it maps to the model page at the same offset. False when no mapped block holds the pfn.
     */
    private boolean splitMapped(long kernelPfn) {
        for (int o = 1; o <= MAX_SPLIT_ORDER; o++) {
            long head = kernelPfn & ~((1L << o) - 1);
            long v = map.get(head);
            if (v == PfnMap.ABSENT) {
                continue;
            }
            int order = (int) (v & ((1 << ORDER_BITS) - 1));
            if (order < o) {
                return false;
            }
            long model = v >>> ORDER_BITS;
            machine.splitPage(model, order);
            for (long i = 0; i < 1L << order; i++) {
                map.put(head + i, (model + i) << ORDER_BITS);
                handedOut.put(model + i, head + i);
            }
            return true;
        }
        return false;
    }

    private void setCpu(TraceEvent e) {
        if (e.cpu >= 0 && e.cpu < machine.nrCpus()) {
            machine.setCurrentCpu(e.cpu);
        }
    }

    /** The event's gfp mask: its number, else its text parsed once per distinct text, else one its migratetype implies. */
    private int gfp(TraceEvent e) {
        if (e.gfp != 0) {
            return (int) e.gfp;
        }
        if (e.gfpText == null) {
            return guess(e.migratetype);
        }
        int[] g = gfpByText.get(e.gfpText);
        if (g == null) {
            g = new int[1];
            try {
                g[0] = GfpNames.parse(e.gfpText, "gfp_flags");
            } catch (InputError unknownName) {
                g[0] = -1;
            }
            gfpByText.put(e.gfpText, g);
        }
        return g[0] >= 0 ? g[0] : guess(e.migratetype);
    }

    private int guess(int migratetype) {
        gfpGuessed++;
        return switch (migratetype) {
            case MigrateType.MOVABLE -> Gfp.GFP_HIGHUSER_MOVABLE;
            case MigrateType.RECLAIMABLE -> Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE;
            default -> Gfp.GFP_KERNEL;
        };
    }

    @Override
    public void mmPageAllocZoneLocked(long pfn, int order, int migratetype, boolean percpuRefill) {
        modelTakes++;
        modelTakePfn = pfn;
    }

    @Override
    public void mmPageAllocExtfrag(long pfn, int allocOrder, int fallbackOrder, int allocMigratetype,
            int fallbackMigratetype, boolean changeOwnership) {
        modelExtfrag++;
    }

    /** The machine replayed on. */
    public Machine machine() {
        return machine;
    }

    /** The kernel's successful allocations replayed. */
    public long allocs() {
        return allocs;
    }

    /** Allocations where the model chose the kernel's pfn. */
    public long samePfn() {
        return samePfn;
    }

    /** Allocations where model and kernel took the same path (pcp or buddy). */
    public long samePath() {
        return samePath;
    }

    /** Allocations the kernel served through rmqueue_pcplist. */
    public long kernelPcp() {
        return kernelPcp;
    }

    /** Allocations the model served through rmqueue_pcplist. */
    public long modelPcp() {
        return modelPcp;
    }

    /** Allocations the model failed. */
    public long modelFailed() {
        return modelFailed;
    }

    /** The kernel's mm_page_alloc_extfrag events. */
    public long kernelExtfrag() {
        return kernelExtfrag;
    }

    /** The model's mm_page_alloc_extfrag events. */
    public long modelExtfrag() {
        return modelExtfrag;
    }

    /** mm_page_free_batched events (each follows its page's mm_page_free). */
    public long batchedCommits() {
        return batchedCommits;
    }

    /** Frees of kernel pages allocated before replay began, applied to the model's page at the same pfn. */
    public long startFrees() {
        return startFrees;
    }

    /** Frees of pages the model held reserved (free_reserved_area()'s late hand-overs), freed as the kernel does. */
    public long reservedFrees() {
        return reservedFrees;
    }

    /** Frees of kernel pages with no model page (allocated before replay began, and not where the model has one). */
    public long unmappedFrees() {
        return unmappedFrees;
    }

    /** Allocations whose gfp the trace did not give in a form the model knows, guessed from the migratetype. */
    public long gfpGuessed() {
        return gfpGuessed;
    }

    /** Kernel pages currently mapped to a model page. */
    public int mapped() {
        return map.size();
    }
}
