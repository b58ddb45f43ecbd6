package org.mmsim.boot.reserve;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.boot.memblock.Memblock;
import org.mmsim.boot.memblock.MemblockConfig;
import org.mmsim.boot.spec.LateFree;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.Reservation;
import org.mmsim.boot.zone.BootArch;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.MemRange;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;

/**
 * memblock as it stands when mm_init() calls memblock_free_all(): the memory ranges with their nodes, and
 * every reservation made during setup_arch() and start_kernel(). Reservations the machine spec knows (from a
 * machine file, or a boot log: kernel image, initrd, ACPI tables, swiotlb, NODE_DATA, CMA) are made as given;
 * with a {@code memblock=debug} log every memblock_reserve and memblock_phys_free is replayed and nothing is
 * guessed. Otherwise the early allocations a Debian 6.1 kernel makes without logging them are made by
 * {@link EarlyAllocations}, in the kernel's order and with its placement (top-down).
 */
public final class BootMemblock {
    /**
     * arm64's paging_init() frees the early page tables (init_pg_dir .. init_pg_end) at the end of the kernel
     * image; on Debian's 6.1 arm64 kernel they are 5 pages, the difference between /proc/iomem's "Kernel data"
     * end and the kernel's range in the oracle's debugfs memblock/reserved.
     */
    private static final long ARM64_INIT_PG_DIR_BYTES = 5 * 4096;

    private final Memblock memblock;
    private final List<Reservation> made = new ArrayList<>();
    private final boolean replayed;

    private BootMemblock(Memblock memblock, boolean replayed) {
        this.memblock = memblock;
        this.replayed = replayed;
    }

    /** Builds memblock for {@code layout} up to memblock_free_all(). */
    public static BootMemblock build(BootLayout layout) {
        MachineSpec spec = layout.spec();
        Memblock mb = new Memblock(MemblockConfig.forArch(spec.arch()));
        int shift = spec.arch().pageShift();
        for (MemRange r : layout.memory()) {
            mb.addNode(r.startPfn() << shift, r.pages() << shift, r.nid(), 0);
        }
        boolean replay = spec.reservations().stream().anyMatch(r -> r.what().startsWith("memblock_alloc_range_nid")
                || r.free());
        BootMemblock b = new BootMemblock(mb, replay);
        if (spec.arch() != Arch.ARM64) {
            b.reserve(Reservation.reserve(0, 1L << 20, "first 1M (setup_arch)"));
        }
        if (spec.reservations().stream().noneMatch(r -> r.what().equals("kernel"))) {
            b.reserve(EarlyAllocations.defaultKernelImage(layout));
        }
        boolean mapsFirst = !replay && spec.arch() == Arch.X86_64;
        List<Reservation> afterMapping = new ArrayList<>();
        for (Reservation r : spec.reservations()) {
            if (r.free()) {
                mb.physFree(r.start(), r.size());
                b.made.add(r);
            } else if (mapsFirst && !reservedBeforeInitMemMapping(r)) {
                afterMapping.add(r);
            } else {
                b.reserve(r);
            }
        }
        if (mapsFirst) {
            b.made.stream().filter(r -> r.what().equals("kernel")).findFirst()
                    .ifPresent(k -> new X86DirectMapTables(layout, b, k.end()).run());
            afterMapping.forEach(b::reserve);
        }
        if (!replay) {
            if (spec.arch() == org.mmsim.arch.Arch.ARM64) {
                b.made.stream().filter(r -> r.what().equals("kernel")).findFirst().ifPresent(k ->
                        b.free(k.end() - ARM64_INIT_PG_DIR_BYTES, ARM64_INIT_PG_DIR_BYTES, "init_pg_dir (paging_init)"));
            }
            new EarlyAllocations(layout, b).run();
        }
        return b;
    }

    /**
     * Whether setup_arch() reserves {@code r} before init_mem_mapping() places its page tables: the kernel
     * image and the initrd (early_reserve_memory); the ACPI tables, NODE_DATA, swiotlb and CMA come after.
     */
    private static boolean reservedBeforeInitMemMapping(Reservation r) {
        return r.what().equals("kernel") || r.what().equals("initrd");
    }

    void reserve(Reservation r) {
        memblock.reserve(r.start(), r.size());
        made.add(r);
    }

    /** Allocates top-down like memblock_alloc_try_nid(); returns the base, or -1 when nothing fits. */
    long alloc(long size, long align, long minAddr, long maxAddr, int nid, boolean exactNid, String what) {
        long base = exactNid ? memblock.allocExactNidRaw(size, align, minAddr, maxAddr, nid)
                : memblock.allocTryNid(size, align, minAddr, maxAddr, nid);
        if (base == 0) {
            return -1;
        }
        made.add(Reservation.reserve(base, base + size, what));
        return base;
    }

    /** memblock_phys_alloc_range(); returns the base, or -1 when nothing fits. */
    long physAllocRange(long size, long align, long start, long end, String what) {
        long base = memblock.physAllocRange(size, align, start, end);
        if (base == 0) {
            return -1;
        }
        made.add(Reservation.reserve(base, base + size, what));
        return base;
    }

    void free(long base, long size, String what) {
        memblock.physFree(base, size);
        made.add(new Reservation(base, base + size, what, true));
    }

    public Memblock memblock() {
        return memblock;
    }

    /** Whether the reservations were replayed from a memblock=debug log rather than modelled. */
    public boolean replayed() {
        return replayed;
    }

    /** Every reserve and free made, in order. */
    public List<Reservation> made() {
        return List.copyOf(made);
    }

    /**
     * The pages memblock_free_all() hands to the buddy allocator in each zone: for each free range
     * (for_each_free_mem_range), PFN_UP(start) to PFN_DOWN(end). Indexed [nid][zone index].
     */
    public long[][] freePagesPerZone(BootLayout layout) {
        int shift = layout.spec().arch().pageShift();
        long[][] out = new long[layout.nodes().size()][];
        for (NodeSpan n : layout.nodes()) {
            out[n.nid()] = new long[n.zones().size()];
        }
        memblock.forEachFreeMemRange(Memblock.NUMA_NO_NODE, 0, (start, end, nid) -> {
            long s = (start + (1L << shift) - 1) >> shift;
            long e = end >> shift;
            for (NodeSpan n : layout.nodes()) {
                for (int z = 0; z < n.zones().size(); z++) {
                    ZoneSpan zs = n.zones().get(z);
                    long a = Math.max(s, zs.startPfn());
                    long b = Math.min(e, zs.endPfn());
                    if (zs.spanned() > 0 && b > a) {
                        out[n.nid()][z] += b - a;
                    }
                }
            }
        });
        return out;
    }

    /**
     * Managed pages per [nid][zone index] once boot is over: what memblock_free_all() freed, plus the CMA
     * areas released by cma_init_reserved_areas(), plus every "Freeing ... memory" hand-over.
     */
    public long[][] managedFinal(BootLayout layout) {
        return sum(freePagesPerZone(layout), cmaPagesPerZone(layout), lateFreesPerZone(layout, false));
    }

    /** Managed pages per [nid][zone index] when the watermark initcalls ran (before initrd and image frees). */
    public long[][] managedAtWatermarks(BootLayout layout) {
        return sum(freePagesPerZone(layout), cmaPagesPerZone(layout), lateFreesPerZone(layout, true));
    }

    private static long[][] sum(long[][] a, long[][] b, long[][] c) {
        long[][] out = new long[a.length][];
        for (int n = 0; n < a.length; n++) {
            out[n] = new long[a[n].length];
            for (int z = 0; z < a[n].length; z++) {
                out[n][z] = a[n][z] + b[n][z] + c[n][z];
            }
        }
        return out;
    }

    /** Pages of CMA areas per [nid][zone index]. */
    public long[][] cmaPagesPerZone(BootLayout layout) {
        int shift = layout.spec().arch().pageShift();
        long[][] out = new long[layout.nodes().size()][];
        for (NodeSpan n : layout.nodes()) {
            out[n.nid()] = new long[n.zones().size()];
        }
        for (Reservation r : made) {
            if (!r.what().equals("cma")) {
                continue;
            }
            for (NodeSpan n : layout.nodes()) {
                for (int z = 0; z < n.zones().size(); z++) {
                    ZoneSpan zs = n.zones().get(z);
                    long a = Math.max(r.start() >> shift, zs.startPfn());
                    long e = Math.min(r.end() >> shift, zs.endPfn());
                    if (zs.spanned() > 0 && e > a) {
                        out[n.nid()][z] += e - a;
                    }
                }
            }
        }
        return out;
    }

    /** Pages of the free ranges below {@code limitPfn[nid]} (the deferred-init boundary), summed. */
    public long freePagesBelow(long[] limitPfnPerNode) {
        int shift = memblock.config().pageShift();
        long[] sum = new long[1];
        memblock.forEachFreeMemRange(Memblock.NUMA_NO_NODE, 0, (start, end, nid) -> {
            long s = (start + (1L << shift) - 1) >> shift;
            long e = end >> shift;
            int n = Math.max(0, nid);
            long lim = n < limitPfnPerNode.length ? limitPfnPerNode[n] : Long.MAX_VALUE;
            long b = Math.min(e, lim);
            if (b > s) {
                sum[0] += b - s;
            }
        });
        return sum[0];
    }

    /** The pages of late frees (after memblock_free_all) per [nid][zone index], all of them. */
    public static long[][] lateFreesPerZone(BootLayout layout, boolean beforeWatermarksOnly) {
        MachineSpec spec = layout.spec();
        int shift = spec.arch().pageShift();
        long[][] out = new long[layout.nodes().size()][];
        for (NodeSpan n : layout.nodes()) {
            out[n.nid()] = new long[n.zones().size()];
        }
        for (LateFree f : spec.lateFrees()) {
            if (beforeWatermarksOnly && !f.beforeWatermarks()) {
                continue;
            }
            long addr = f.start() >= 0 ? f.start() : EarlyAllocations.defaultKernelImage(layout).start();
            long pfn = addr >> shift;
            for (NodeSpan n : layout.nodes()) {
                for (int z = 0; z < n.zones().size(); z++) {
                    ZoneSpan zs = n.zones().get(z);
                    if (zs.spanned() > 0 && pfn >= zs.startPfn() && pfn < zs.endPfn()) {
                        out[n.nid()][z] += f.pages(shift);
                    }
                }
            }
        }
        return out;
    }

    static long pagesPerSection(Arch arch) {
        return BootArch.of(arch).pagesPerSection(arch.pageShift());
    }
}
