package org.mmsim.boot.zone;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.FirmwareMemory;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.NumaRange;
import org.mmsim.boot.spec.Reservation;

/**
 * The memory part of early boot up to free_area_init(): memblock memory from the firmware map, NUMA node
 * assignment (numa_init / memblock_set_node, or one faked node), max_pfn and max_low_pfn, x86_64's dma_reserve
 * (memblock_find_dma_reserve), zone sizing ({@link ZoneSizer}), the holes memmap_init() reports
 * (init_unavailable_range), and vm_total_pages as build_all_zonelists() computes it (nr_free_zone_pages).
 */
public final class EarlyBoot {
    private static final long MAX_DMA_BYTES = 16L << 20;

    private EarlyBoot() {
    }

    public static BootLayout layout(MachineSpec spec) {
        Arch arch = spec.arch();
        int shift = arch.pageShift();
        List<long[]> mem = FirmwareMemory.memblockMemory(spec);
        List<MemRange> ranges = assignNodes(mem, spec.numa(), spec.cmdline().numaOff(), shift);
        long maxPfn = FirmwareMemory.endOfRamPfn(spec);
        long maxLowPfn = arch == Arch.I386_PAE ? org.mmsim.arch.layout.I386Lowmem.compute(maxPfn, true).maxLowPfn() : maxPfn;
        long[] maxZone = ZoneLimits.maxZonePfns(arch, maxPfn, maxLowPfn, mem.get(0)[0]);
        ZoneSizer sizer = new ZoneSizer(arch, ranges, maxZone, spec.cmdline());
        long dmaReserve = arch == Arch.X86_64 ? findDmaReserve(ranges, spec.reservations(), shift) : 0;
        List<NodeSpan> nodes = sizer.sizeNodes(dmaReserve);
        for (NodeSpan n : nodes) {
            if (n.endPfn() - n.startPfn() > Integer.MAX_VALUE) {
                throw org.mmsim.arch.InputError.at(spec.name(), 0, "node " + n.nid() + " spans "
                        + (n.endPfn() - n.startPfn()) + " pages; mmsim supports up to 2^31 pages (8 TiB of 4 KiB pages)"
                        + " per node: split the memory into NUMA nodes");
            }
        }
        List<BootLayout.Hole> holes = memmapInitHoles(arch, ranges, nodes);
        long total = 0;
        for (NodeSpan n : nodes) {
            for (ZoneSpan z : n.zones()) {
                if (z.type().ordinal() <= ZoneType.MOVABLE.ordinal()) {
                    total += z.initialManaged();
                }
            }
        }
        long pageblock = 1L << arch.pageblockOrder();
        boolean grouping = total >= pageblock * MIGRATE_TYPES;
        return new BootLayout(spec, ranges, maxPfn, maxLowPfn, dmaReserve, sizer, nodes, holes, total, grouping);
    }

    /** MIGRATE_TYPES of Debian's 6.1 config, which page_group_by_mobility_disabled compares against. */
    private static final int MIGRATE_TYPES = 6;

    /** Splits memory at node boundaries and tags each piece with its node (memblock_set_node). */
    static List<MemRange> assignNodes(List<long[]> mem, List<NumaRange> numa, boolean numaOff, int shift) {
        List<MemRange> out = new ArrayList<>();
        for (long[] r : mem) {
            long s = r[0] >> shift;
            long e = r[1] >> shift;
            if (numa.isEmpty() || numaOff) {
                out.add(new MemRange(s, e, 0));
                continue;
            }
            long cur = s;
            while (cur < e) {
                int nid = 0;
                long pieceEnd = e;
                boolean found = false;
                for (NumaRange n : numa) {
                    long ns = n.start() >> shift;
                    long ne = n.end() >> shift;
                    if (cur >= ns && cur < ne) {
                        nid = n.nid();
                        pieceEnd = Math.min(e, ne);
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    for (NumaRange n : numa) {
                        long ns = n.start() >> shift;
                        if (ns > cur && ns < pieceEnd) {
                            pieceEnd = ns;
                        }
                    }
                }
                out.add(new MemRange(cur, pieceEnd, nid));
                cur = pieceEnd;
            }
        }
        return out;
    }

    /**
     * memblock_find_dma_reserve(): memory pages below 16 MiB minus the free ones, where free means not
     * covered by the first MiB (reserved by x86 setup_arch) or by a reservation made before.
     */
    static long findDmaReserve(List<MemRange> ranges, List<Reservation> reservations, int shift) {
        long maxDmaPfn = MAX_DMA_BYTES >> shift;
        long nrPages = 0;
        java.util.BitSet reserved = new java.util.BitSet((int) maxDmaPfn);
        reserved.set(0, (int) ((1L << 20) >> shift));
        for (Reservation r : reservations) {
            if (r.free() || r.start() >= MAX_DMA_BYTES) {
                continue;
            }
            long s = r.start() >> shift;
            long e = Math.min(maxDmaPfn, (r.end() + (1L << shift) - 1) >> shift);
            reserved.set((int) s, (int) Math.max(s, e));
        }
        long free = 0;
        for (MemRange m : ranges) {
            long s = Math.min(m.startPfn(), maxDmaPfn);
            long e = Math.min(m.endPfn(), maxDmaPfn);
            nrPages += e - s;
            for (long p = s; p < e; p++) {
                if (!reserved.get((int) p)) {
                    free++;
                }
            }
        }
        return nrPages - free;
    }

    /** memmap_init() and init_unavailable_range(): the holes reported per zone, in log order. */
    static List<BootLayout.Hole> memmapInitHoles(Arch arch, List<MemRange> ranges, List<NodeSpan> nodes) {
        BootArch ba = BootArch.of(arch);
        long pageblock = 1L << arch.pageblockOrder();
        long perSection = ba.pagesPerSection(arch.pageShift());
        List<BootLayout.Hole> holes = new ArrayList<>();
        long holePfn = 0;
        ZoneType zoneId = ZoneType.DMA;
        int lastNid = 0;
        long endPfn = 0;
        for (MemRange r : ranges) {
            NodeSpan node = nodes.get(r.nid());
            for (ZoneSpan z : node.zones()) {
                if (!z.populated()) {
                    continue;
                }
                long s = clamp(r.startPfn(), z.startPfn(), z.endPfn());
                long e = clamp(r.endPfn(), z.startPfn(), z.endPfn());
                zoneId = z.type();
                if (s >= e) {
                    continue;
                }
                if (holePfn < s) {
                    addHole(holes, r.nid(), z.type(), unavailable(ba, ranges, holePfn, s, pageblock, perSection));
                }
                holePfn = e;
            }
            lastNid = r.nid();
            endPfn = r.endPfn();
        }
        if (ba.sparsemem()) {
            endPfn = (endPfn + perSection - 1) / perSection * perSection;
        }
        if (holePfn < endPfn) {
            addHole(holes, lastNid, zoneId, unavailable(ba, ranges, holePfn, endPfn, pageblock, perSection));
        }
        return holes;
    }

    private static void addHole(List<BootLayout.Hole> holes, int nid, ZoneType z, long pages) {
        if (pages > 0) {
            holes.add(new BootLayout.Hole(nid, z, pages));
        }
    }

    /** Pages in [s, e) whose pageblock has a valid memmap (pfn_valid of the pageblock start). */
    private static long unavailable(BootArch ba, List<MemRange> ranges, long s, long e, long pageblock, long perSection) {
        if (!ba.sparsemem()) {
            return e - s;
        }
        long count = 0;
        long pfn = s;
        while (pfn < e) {
            long section = pfn / perSection;
            long sectionEnd = Math.min(e, (section + 1) * perSection);
            if (sectionHasMemory(ranges, section, perSection)) {
                count += sectionEnd - pfn;
            }
            pfn = sectionEnd;
        }
        return count;
    }

    private static boolean sectionHasMemory(List<MemRange> ranges, long section, long perSection) {
        long s = section * perSection;
        long e = s + perSection;
        for (MemRange r : ranges) {
            if (r.startPfn() < e && r.endPfn() > s) {
                return true;
            }
        }
        return false;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(v, hi));
    }
}
