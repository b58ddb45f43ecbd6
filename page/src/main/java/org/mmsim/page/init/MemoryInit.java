package org.mmsim.page.init;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.memblock.Memblock;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.reserve.DeferredInit;
import org.mmsim.boot.spec.LateFree;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.Reservation;
import org.mmsim.boot.zone.BootArch;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.boot.zone.MemRange;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;

/**
 * Boots a machine the way Linux 6.1 hands memory to the buddy allocator: free_area_init() builds nodes and
 * zones with their first managed estimate, which build_all_zonelists() reads to decide mobility grouping;
 * memblock_free_all() starts from zero managed pages (reset_all_zones_managed_pages); memmap_init() marks every pageblock of present memory MIGRATE_MOVABLE and every page reserved;
 * memblock_free_all() frees each free memblock range below max_low_pfn in the largest aligned blocks
 * (__free_pages_memory), highmem is freed page by page (set_highmem_pages_init); mem_init() then takes
 * x86_64's vmalloc PUD pages; cma_init_reserved_areas() turns CMA areas into MIGRATE_CMA pageblocks and frees
 * them; the watermark initcalls run ({@link ZoneSetup}); and the late "Freeing ... memory" hand-overs return
 * initrd and unused kernel-image pages one by one (free_reserved_area).
 */
public final class MemoryInit {
    private MemoryInit() {
    }

    /** Boots {@code spec}, computing managed pages from the memory map and reservations. */
    public static BootedMachine boot(MachineSpec spec) {
        return boot(spec, null);
    }

    /**
     * Boots {@code spec}. With {@code twinManaged} ([nid][zone index], from a real machine's zoneinfo) the
     * zones' managed pages and the watermarks follow the real machine; the free lists still come from the
     * modelled reservations.
     */
    public static BootedMachine boot(MachineSpec spec, long[][] twinManaged) {
        return boot(spec, twinManaged, BootResidue.NONE);
    }

    /**
     * Boots {@code spec} and then allocates {@code residue}, what the real machine held when its /proc files were
     * read, interleaving the kinds in proportion as boot and early userspace do (order-0 pages: GFP_KERNEL for
     * kernel memory and unreclaimable slab, GFP_KERNEL|__GFP_RECLAIMABLE for reclaimable slab and
     * GFP_HIGHUSER_MOVABLE for tmpfs, page cache and anonymous pages). The typed pages are recorded in the result's
     * {@link BootResiduePages}, for a run to hand over to its memory model.
     * The residue is allocated before the late "Freeing ... memory" pages come back, as in the kernel, where
     * those pages are freed through the per-CPU lists and stay there (on the x86_64 oracle machines the 2,263
     * late-freed pages are exactly the DMA32 pcp count right after boot). Pages left on the lists are free, so
     * they are not part of the residue's unmovable share, which meminfo's MemFree makes include them.
     */
    public static BootedMachine boot(MachineSpec spec, long[][] twinManaged, BootResidue residue) {
        BootLayout layout = EarlyBoot.layout(spec);
        BootMemblock mb = BootMemblock.build(layout);
        Machine m = newMachine(layout);
        boolean pcp = m.pcpEnabled();
        m.setPcpEnabled(false);
        memmapInit(layout, mb, m);
        memblockFreeAll(layout, mb, m);
        memInitAllocations(m);
        cmaInitReservedAreas(layout, mb, m);
        ZoneSetup setup = twinManaged == null
                ? ZoneSetup.run(layout, mb.managedAtWatermarks(layout), mb.managedFinal(layout))
                : ZoneSetup.twin(layout, twinManaged);
        applyZoneSetup(m, setup);
        DmaAtomicPools.allocate(m);
        m.setPcpEnabled(pcp);
        long[] late = lateFreePfns(layout, mb, m);
        BootResidue beforeLate = residue.withoutKernel(late.length);
        BootResiduePages typed = residue.typed() == 0 ? BootResiduePages.NONE : new BootResiduePages(residue);
        allocateResidue(m, beforeLate, typed);
        long pcpBefore = pcpPages(m);
        for (long pfn : late) {
            m.zoneOf(pfn).freeReservedPage(pfn);
        }
        long leftOnPcp = pcpPages(m) - pcpBefore;
        long stillOwed = residue.kernel() - beforeLate.kernel() - leftOnPcp;
        allocateResidue(m, BootResidue.kernelOnly(Math.max(0, stillOwed)), typed);
        for (ZoneReserveState s : setup.zones()) {
            m.node(s.nid).zone(s.type).setManagedPages(s.managed);
        }
        List<String> log = new ArrayList<>(BootLog.lines(layout));
        log.add(BootLog.memoryLine(layout, mb, twinManaged));
        return new BootedMachine(m, layout, mb, setup, log, typed);
    }

    /**
     * The machine as start_kernel() has it right after mm_init()'s mem_init(), the state a trace switched on by
     * trace_init() starts from: memmap_init() and memblock_free_all() as in {@link #boot}, except that the free
     * memory at or above each node's first_deferred_pfn is not free yet (deferred_init_memmap() frees it later,
     * from the pgdatinit thread), and mem_init() has taken its pages. Managed pages are what memblock_free_all()
     * freed. The watermarks and lowmem_reserve are still zero, and the per-CPU lists are off, as the boot
     * pagesets are (high 0, batch 1: every allocation and free goes through the buddy). The caller moves on with
     * {@link #setupPerCpuPageset} and {@link #initPerZoneWmarkMin} when the kernel does; the result's
     * {@link BootedMachine#setup()} holds the final figures. CMA areas are not set up (cma_init_reserved_areas()
     * is a core_initcall).
     */
    public static BootedMachine bootToMemInit(MachineSpec spec) {
        BootLayout layout = EarlyBoot.layout(spec);
        BootMemblock mb = BootMemblock.build(layout);
        Machine m = newMachine(layout);
        m.setPcpEnabled(false);
        memmapInit(layout, mb, m);
        memblockFreeAll(layout, mb, m);
        holdDeferred(m, DeferredInit.firstDeferredPfn(layout));
        memInitAllocations(m);
        ZoneSetup setup = ZoneSetup.run(layout, mb.managedAtWatermarks(layout), mb.managedFinal(layout));
        List<String> log = new ArrayList<>(BootLog.lines(layout));
        log.add(BootLog.memoryLine(layout, mb, null));
        return new BootedMachine(m, layout, mb, setup, log, BootResiduePages.NONE);
    }

    /**
     * Models setup_per_cpu_pageset() in start_kernel(): each populated zone's per-CPU lists get batch from
     * zone_batchsize() of its managed pages at that moment and high from zone_highsize(), which with the low
     * watermark still zero is batch * 4; the lists are on from here.
     */
    public static void setupPerCpuPageset(Machine m) {
        for (Zone z : m.zones()) {
            if (z.populated()) {
                int batch = WatermarkSetup.zoneBatchsize(z.managedPages(), m.arch().pageSize());
                z.setPcpHighBatch(batch << 2, batch);
            }
        }
        m.setPcpEnabled(true);
    }

    /**
     * Models init_per_zone_wmark_min() (a postcore_initcall, after page_alloc_init_late() has finished the
     * deferred initialisation): watermarks, lowmem_reserve, per-CPU high and batch, stat thresholds and managed
     * pages become the final ones of {@code booted}'s {@link ZoneSetup}.
     */
    public static void initPerZoneWmarkMin(BootedMachine booted) {
        applyZoneSetup(booted.machine(), booted.setup());
        for (ZoneReserveState s : booted.setup().zones()) {
            booted.machine().node(s.nid).zone(s.type).setManagedPages(s.managed);
        }
    }

    /** Nodes and zones of {@code layout} with their first managed estimate, zonelists built, then managed reset. */
    private static Machine newMachine(BootLayout layout) {
        MachineSpec spec = layout.spec();
        Arch arch = spec.arch();
        List<Node> nodes = new ArrayList<>();
        for (NodeSpan n : layout.nodes()) {
            Node node = new Node(arch, n.nid(), n.startPfn(), n.endPfn() - n.startPfn());
            for (ZoneSpan z : n.zones()) {
                Zone zone = node.initZone(z.type(), z.startPfn(), z.spanned());
                zone.setPresentPages(z.present());
                zone.setManagedPages(z.initialManaged());
            }
            node.setPresentPages(n.presentPages());
            nodes.add(node);
        }
        Machine m = new Machine(arch, spec.cpus(), nodes);
        m.buildZonelists();
        for (Zone z : m.zones()) {
            z.setManagedPages(0);
        }
        return m;
    }

    /** mem_init()'s own buddy allocations after memblock_free_all(), before the "Memory:" line. */
    private static void memInitAllocations(Machine m) {
        for (long i = 0; i < BootArch.pagesAllocatedInMemInit(m.arch()); i++) {
            m.allocPages(Gfp.GFP_KERNEL, 0);
        }
    }

    private static void applyZoneSetup(Machine m, ZoneSetup setup) {
        for (ZoneReserveState s : setup.zones()) {
            Zone z = m.node(s.nid).zone(s.type);
            z.setWatermarks(s.min, s.low, s.high);
            z.setLowmemReserve(s.lowmemReserve.clone());
            z.setPcpHighBatch(s.pcpHigh, s.pcpBatch);
            z.setStatThreshold(s.statThreshold);
        }
    }

    /**
     * Takes the free pages at or above each node's first_deferred_pfn back off the free lists, page by page,
     * leaving them allocated: memblock_free_all() frees only below it (deferred_init_mem_pfn_range_in_zone), and
     * the blocks below keep their place on the lists. The boundary is section-aligned, so no free block crosses it.
     */
    private static void holdDeferred(Machine m, long[] firstDeferredPfn) {
        for (Zone z : m.zones()) {
            long limit = firstDeferredPfn[z.node().nid()];
            if (!z.populated() || limit >= z.zoneEndPfn()) {
                continue;
            }
            MemMap mm = z.node().memMap();
            for (long p = Math.max(limit, z.zoneStartPfn()); p < z.zoneEndPfn(); p++) {
                if (z.freeBlockHead(p) != p) {
                    continue;
                }
                int order = mm.order(p);
                z.takeFreeBlock(p, order, false);
                z.setManagedPages(z.managedPages() - (1L << order));
                for (long q = p; q < p + (1L << order); q++) {
                    z.markAllocated(q, 0, false);
                }
                p += (1L << order) - 1;
            }
        }
    }

    /**
     * Allocates the residue in proportional round-robin, so the kinds interleave in memory as at boot; a residue
     * the machine cannot hold is a {@link BootOutOfMemory} (the meminfo belongs to a larger machine). The three
     * gfp classes interleave by their sizes, and within a class its kinds by theirs; the typed pages go to
     * {@code typed} in that order.
     */
    static void allocateResidue(Machine m, BootResidue r, BootResiduePages typed) {
        long total = r.total();
        if (total == 0) {
            return;
        }
        ProportionalInterleave classes = new ProportionalInterleave(r.unmovable(), r.reclaimable(), r.movable());
        BootResidueKind[][] kinds = {{BootResidueKind.KERNEL, BootResidueKind.SLAB_UNRECLAIMABLE},
            {BootResidueKind.SLAB_RECLAIMABLE}, {BootResidueKind.SHMEM, BootResidueKind.CACHE, BootResidueKind.ANON}};
        ProportionalInterleave[] within = new ProportionalInterleave[kinds.length];
        for (int c = 0; c < kinds.length; c++) {
            long[] want = new long[kinds[c].length];
            for (int k = 0; k < want.length; k++) {
                want[k] = r.pages(kinds[c][k]);
            }
            within[c] = new ProportionalInterleave(want);
        }
        int[] gfp = {Gfp.GFP_KERNEL, Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE, Gfp.GFP_HIGHUSER_MOVABLE};
        long free = m.nrFreePages();
        for (long i = 0; i < total; i++) {
            int c = classes.next();
            BootResidueKind kind = kinds[c][within[c].next()];
            long pfn = m.allocPages(gfp[c] | Gfp.__GFP_NOWARN, 0);
            if (pfn < 0) {
                throw new BootOutOfMemory(BootOutOfMemory.Source.MEMINFO, "the memory /proc/meminfo shows in use",
                        total, free);
            }
            if (kind != BootResidueKind.KERNEL) {
                typed.add(pfn, kind);
            }
        }
    }

    /**
     * memmap_init(): every page with a memory map (FLATMEM: the whole span; SPARSEMEM: sections holding memory)
     * starts reserved, and pageblocks of present memory become MIGRATE_MOVABLE. Beyond a node's
     * first_deferred_pfn, deferred_init_memmap() initialises struct pages without touching the pageblock bits
     * and only deferred_free_range() marks a pageblock MOVABLE, at its aligned first pfn and only if that pfn is
     * free in memblock. A pageblock that starts in reserved memory (the memmap itself, at the top of the last
     * zone) keeps the zeroed bits: MIGRATE_UNMOVABLE, which /proc/pagetypeinfo counts.
     */
    static void memmapInit(BootLayout layout, BootMemblock mb, Machine m) {
        long pageblock = 1L << layout.spec().arch().pageblockOrder();
        BootArch ba = BootArch.of(layout.spec().arch());
        long perSection = ba.pagesPerSection(layout.spec().arch().pageShift());
        for (NodeSpan n : layout.nodes()) {
            for (ZoneSpan z : n.zones()) {
                if (z.spanned() == 0) {
                    continue;
                }
                Zone zone = m.node(n.nid()).zone(z.type());
                if (!ba.sparsemem()) {
                    zone.reservePages(z.startPfn(), z.spanned());
                    continue;
                }
                for (long sec = z.startPfn() / perSection; sec * perSection < z.endPfn(); sec++) {
                    long s = Math.max(sec * perSection, z.startPfn());
                    long e = Math.min((sec + 1) * perSection, z.endPfn());
                    if (sectionHasMemory(layout, sec * perSection, (sec + 1) * perSection)) {
                        zone.reservePages(s, e - s);
                    }
                }
            }
        }
        long[] firstDeferred = DeferredInit.firstDeferredPfn(layout);
        FreePfns free = new FreePfns(mb, layout.spec().arch().pageShift());
        for (MemRange r : layout.memory()) {
            for (ZoneSpan z : layout.nodes().get(r.nid()).zones()) {
                long s = Math.max(r.startPfn(), z.startPfn());
                long e = Math.min(r.endPfn(), z.endPfn());
                if (z.spanned() == 0 || s >= e) {
                    continue;
                }
                Zone zone = m.node(r.nid()).zone(z.type());
                for (long pfn = (s + pageblock - 1) & -pageblock; pfn < e; pfn += pageblock) {
                    if (pfn < firstDeferred[r.nid()] || free.contains(pfn)) {
                        zone.setPageblockMigratetype(pfn, MigrateType.MOVABLE);
                    }
                }
            }
        }
    }

    /** The pfns memblock holds as free (memory not reserved), as sorted [start, end) pairs. */
    private static final class FreePfns {
        private final long[] starts;
        private final long[] ends;

        FreePfns(BootMemblock mb, int shift) {
            List<long[]> ranges = new ArrayList<>();
            mb.memblock().forEachFreeMemRange(Memblock.NUMA_NO_NODE, 0,
                    (start, end, nid) -> ranges.add(new long[] {(start + (1L << shift) - 1) >> shift, end >> shift}));
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            starts = new long[ranges.size()];
            ends = new long[ranges.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = ranges.get(i)[0];
                ends[i] = ranges.get(i)[1];
            }
        }

        boolean contains(long pfn) {
            int i = Arrays.binarySearch(starts, pfn);
            if (i < 0) {
                i = -i - 2;
            }
            return i >= 0 && pfn < ends[i];
        }
    }

    private static boolean sectionHasMemory(BootLayout layout, long s, long e) {
        for (MemRange r : layout.memory()) {
            if (r.startPfn() < e && r.endPfn() > s) {
                return true;
            }
        }
        return false;
    }

    /** memblock_free_all(): free ranges below max_low_pfn in aligned blocks, then highmem page by page. */
    static void memblockFreeAll(BootLayout layout, BootMemblock mb, Machine m) {
        int shift = layout.spec().arch().pageShift();
        int maxOrder = layout.spec().arch().maxOrder() - 1;
        long maxLow = layout.maxLowPfn();
        mb.memblock().forEachFreeMemRange(Memblock.NUMA_NO_NODE, 0, (start, end, nid) -> {
            long s = (start + (1L << shift) - 1) >> shift;
            long e = end >> shift;
            freePagesMemory(m, s, Math.min(e, maxLow), maxOrder);
            for (long pfn = Math.max(s, maxLow); pfn < e; pfn++) {
                freeRange(m, pfn, pfn + 1, 0);
            }
        });
    }

    /** __free_pages_memory(): the largest naturally aligned blocks that fit, up to MAX_ORDER - 1. */
    static void freePagesMemory(Machine m, long start, long end, int maxOrder) {
        while (start < end) {
            int order = Math.min(maxOrder, Long.numberOfTrailingZeros(start));
            while (start + (1L << order) > end) {
                order--;
            }
            freeRange(m, start, start + (1L << order), order);
            start += 1L << order;
        }
    }

    /** Frees [s, e) as one block of {@code order}, split where it would cross a zone boundary. */
    private static void freeRange(Machine m, long s, long e, int order) {
        Zone z = m.zoneOf(s);
        if (z != null && e <= z.zoneEndPfn()) {
            z.freeBootPages(s, order);
            return;
        }
        for (long pfn = s; pfn < e; pfn++) {
            Zone zz = m.zoneOf(pfn);
            if (zz != null) {
                zz.freeBootPages(pfn, 0);
            }
        }
    }

    /** cma_init_reserved_areas() / init_cma_reserved_pageblock(): CMA pageblocks freed whole. */
    static void cmaInitReservedAreas(BootLayout layout, BootMemblock mb, Machine m) {
        if (!m.migrateTypes().hasCma()) {
            return;
        }
        int shift = layout.spec().arch().pageShift();
        long pageblock = 1L << layout.spec().arch().pageblockOrder();
        for (Reservation r : mb.made()) {
            if (!r.what().equals("cma")) {
                continue;
            }
            for (long pfn = r.start() >> shift; pfn + pageblock <= r.end() >> shift; pfn += pageblock) {
                Zone z = m.zoneOf(pfn);
                z.setPageblockMigratetype(pfn, m.migrateTypes().cma());
                z.freeBootPages(pfn, layout.spec().arch().pageblockOrder());
                z.setCmaPages(z.cmaPages() + pageblock);
            }
        }
    }

    /**
     * The pages free_reserved_area() hands back for every "Freeing ... memory" line, in freeing order: initrd
     * where it lay; the kernel-image parts (whose exact addresses the log does not give) from the kernel image,
     * after its text. Only pages still reserved count.
     */
    static long[] lateFreePfns(BootLayout layout, BootMemblock mb, Machine m) {
        MachineSpec spec = layout.spec();
        int shift = spec.arch().pageShift();
        Reservation kernel = mb.made().stream().filter(r -> r.what().equals("kernel")).findFirst().orElse(null);
        long imageCursor = kernel == null ? -1 : (kernel.start() + (spec.image().codeK() << 10) + (1L << shift) - 1) >> shift;
        long imageEnd = kernel == null ? -1 : kernel.end() >> shift;
        LongStream.Builder out = LongStream.builder();
        for (LateFree f : spec.lateFrees()) {
            long pages = f.pages(shift);
            long start;
            if (f.what().equals("initrd") && f.start() >= 0) {
                start = f.start() >> shift;
            } else if (imageCursor >= 0 && imageCursor + pages <= imageEnd) {
                start = imageCursor;
                imageCursor += pages;
            } else {
                continue;
            }
            for (long pfn = start; pfn < start + pages; pfn++) {
                Zone z = m.zoneOf(pfn);
                if (z != null && z.type() != ZoneType.DEVICE && isReserved(m, pfn)) {
                    out.add(pfn);
                }
            }
        }
        return out.build().toArray();
    }

    /** Pages on all per-CPU lists of the machine. */
    static long pcpPages(Machine m) {
        long n = 0;
        for (Zone z : m.zones()) {
            for (int cpu = 0; cpu < m.nrCpus(); cpu++) {
                n += z.populated() ? z.pcpCount(cpu) : 0;
            }
        }
        return n;
    }

    private static boolean isReserved(Machine m, long pfn) {
        Zone z = m.zoneOf(pfn);
        return z.node().memMap().isReserved(pfn);
    }
}
