package org.mmsim.boot.zone;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.KernelCommandLine;

/**
 * Sizes nodes and zones from the memblock memory ranges, as mm/page_alloc.c free_area_init() does in 6.1:
 * the arch zone boundaries, ZONE_MOVABLE from kernelcore=/movablecore= (find_zone_movable_pfns_for_nodes,
 * adjust_zone_range_for_zone_movable), spanned and absent pages per zone (zone_spanned_pages_in_node,
 * zone_absent_pages_in_node), and the first managed estimate (free_area_init_core, calc_memmap_size).
 */
public final class ZoneSizer {
    private final Arch arch;
    private final List<MemRange> ranges;
    private final long[] lowest;
    private final long[] highest;
    private final long[] zoneMovablePfn;
    private int movableZone;

    /** The boundaries and movable start for {@code ranges} (sorted by pfn, nid set). */
    public ZoneSizer(Arch arch, List<MemRange> ranges, long[] maxZonePfn, KernelCommandLine cmdline) {
        this.arch = arch;
        this.ranges = List.copyOf(ranges);
        int n = ZoneType.values().length;
        lowest = new long[n];
        highest = new long[n];
        long start = ranges.get(0).startPfn();
        for (ZoneType z : arch.zoneTypes()) {
            if (z == ZoneType.MOVABLE) {
                continue;
            }
            long end = Math.max(maxZonePfn[z.ordinal()], start);
            lowest[z.ordinal()] = start;
            highest[z.ordinal()] = end;
            start = end;
        }
        zoneMovablePfn = new long[maxNid() + 1];
        findZoneMovablePfnsForNodes(cmdline);
    }

    /** arch_zone_lowest_possible_pfn[]. */
    public long lowestPossiblePfn(ZoneType z) {
        return lowest[z.ordinal()];
    }

    /** arch_zone_highest_possible_pfn[]. */
    public long highestPossiblePfn(ZoneType z) {
        return highest[z.ordinal()];
    }

    /** movable_zone: the zone ZONE_MOVABLE takes its pages from (find_usable_zone_for_movable). */
    public ZoneType movableZone() {
        return ZoneType.values()[movableZone];
    }

    /** zone_movable_pfn[nid], 0 when the node has no ZONE_MOVABLE. */
    public long zoneMovablePfn(int nid) {
        return nid < zoneMovablePfn.length ? zoneMovablePfn[nid] : 0;
    }

    public int maxNid() {
        return ranges.stream().mapToInt(MemRange::nid).max().orElse(0);
    }

    public List<MemRange> ranges() {
        return ranges;
    }

    /** get_pfn_range_for_nid(): {start, end}, both 0 for a node without memory. */
    public long[] pfnRangeForNid(int nid) {
        long s = Long.MAX_VALUE;
        long e = 0;
        for (MemRange r : ranges) {
            if (r.nid() == nid) {
                s = Math.min(s, r.startPfn());
                e = Math.max(e, r.endPfn());
            }
        }
        return s == Long.MAX_VALUE ? new long[] {0, 0} : new long[] {s, e};
    }

    private long totalPages() {
        return ranges.stream().mapToLong(MemRange::pages).sum();
    }

    private void findUsableZoneForMovable() {
        List<ZoneType> zs = arch.zoneTypes();
        for (int i = zs.size() - 1; i >= 0; i--) {
            ZoneType z = zs.get(i);
            if (z == ZoneType.MOVABLE) {
                continue;
            }
            if (highest[z.ordinal()] > lowest[z.ordinal()]) {
                movableZone = z.ordinal();
                return;
            }
        }
        throw new IllegalStateException("no zone can hold ZONE_MOVABLE");
    }

    /** find_zone_movable_pfns_for_nodes() without movable_node and mirror support. */
    private void findZoneMovablePfnsForNodes(KernelCommandLine cmdline) {
        long totalpages = totalPages();
        findUsableZoneForMovable();
        long requiredKernelcore = cmdline.kernelcore().bytes() >> arch.pageShift();
        long requiredMovablecore = cmdline.movablecore().bytes() >> arch.pageShift();
        if (cmdline.kernelcore().percent() > 0) {
            requiredKernelcore = totalpages * 100 * cmdline.kernelcore().percent() / 10000L;
        }
        if (cmdline.movablecore().percent() > 0) {
            requiredMovablecore = totalpages * 100 * cmdline.movablecore().percent() / 10000L;
        }
        long maxOrderNrPages = 1L << (arch.maxOrder() - 1);
        if (requiredMovablecore != 0) {
            requiredMovablecore = roundup(requiredMovablecore, maxOrderNrPages);
            requiredMovablecore = Math.min(totalpages, requiredMovablecore);
            long corepages = totalpages - requiredMovablecore;
            requiredKernelcore = Math.max(requiredKernelcore, corepages);
        }
        if (requiredKernelcore == 0 || requiredKernelcore >= totalpages) {
            return;
        }
        long usableStartPfn = lowest[movableZone];
        List<Integer> nodes = nodesWithMemory();
        int usableNodes = nodes.size();
        do {
            long kernelcoreNode = requiredKernelcore / usableNodes;
            for (int nid : nodes) {
                if (requiredKernelcore < kernelcoreNode) {
                    kernelcoreNode = requiredKernelcore / usableNodes;
                }
                long kernelcoreRemaining = kernelcoreNode;
                for (MemRange r : ranges) {
                    if (r.nid() != nid) {
                        continue;
                    }
                    long startPfn = Math.max(r.startPfn(), zoneMovablePfn[nid]);
                    long endPfn = r.endPfn();
                    if (startPfn >= endPfn) {
                        continue;
                    }
                    if (startPfn < usableStartPfn) {
                        long kernelPages = Math.min(endPfn, usableStartPfn) - startPfn;
                        kernelcoreRemaining -= Math.min(kernelPages, kernelcoreRemaining);
                        requiredKernelcore -= Math.min(kernelPages, requiredKernelcore);
                        if (endPfn <= usableStartPfn) {
                            zoneMovablePfn[nid] = endPfn;
                            continue;
                        }
                        startPfn = usableStartPfn;
                    }
                    long sizePages = Math.min(endPfn - startPfn, kernelcoreRemaining);
                    zoneMovablePfn[nid] = startPfn + sizePages;
                    requiredKernelcore -= Math.min(requiredKernelcore, sizePages);
                    kernelcoreRemaining -= sizePages;
                    if (kernelcoreRemaining == 0) {
                        break;
                    }
                }
            }
            usableNodes--;
        } while (usableNodes > 0 && requiredKernelcore > usableNodes);

        for (int nid = 0; nid < zoneMovablePfn.length; nid++) {
            zoneMovablePfn[nid] = roundup(zoneMovablePfn[nid], maxOrderNrPages);
            long end = pfnRangeForNid(nid)[1];
            if (zoneMovablePfn[nid] >= end) {
                zoneMovablePfn[nid] = 0;
            }
        }
    }

    private List<Integer> nodesWithMemory() {
        List<Integer> l = new ArrayList<>();
        for (MemRange r : ranges) {
            if (r.pages() > 0 && !l.contains(r.nid())) {
                l.add(r.nid());
            }
        }
        l.sort(null);
        return l;
    }

    private static long roundup(long v, long to) {
        return (v + to - 1) / to * to;
    }

    /** adjust_zone_range_for_zone_movable(); returns {start, end}. */
    private long[] adjustForMovable(int nid, ZoneType z, long nodeEnd, long zs, long ze) {
        long mv = zoneMovablePfn(nid);
        if (mv != 0) {
            if (z == ZoneType.MOVABLE) {
                zs = mv;
                ze = Math.min(nodeEnd, highest[movableZone]);
            } else if (zs < mv && ze > mv) {
                ze = mv;
            } else if (zs >= mv) {
                zs = ze;
            }
        }
        return new long[] {zs, ze};
    }

    /** __absent_pages_in_range(). */
    public long absentPagesInRange(int nid, long start, long end) {
        long absent = end - start;
        for (MemRange r : ranges) {
            if (nid >= 0 && r.nid() != nid) {
                continue;
            }
            long s = clamp(r.startPfn(), start, end);
            long e = clamp(r.endPfn(), start, end);
            absent -= e - s;
        }
        return absent;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(v, hi));
    }

    /**
     * free_area_init_node() for every node: spans, present pages, memmap cost and the first managed estimate.
     *
     * @param dmaReserve x86_64's dma_reserve (memblock_find_dma_reserve), subtracted from the first zone
     */
    public List<NodeSpan> sizeNodes(long dmaReserve) {
        List<NodeSpan> nodes = new ArrayList<>();
        for (int nid = 0; nid <= maxNid(); nid++) {
            long[] nr = pfnRangeForNid(nid);
            long nodeStart = nr[0];
            long nodeEnd = nr[1];
            List<ZoneSpan> zones = new ArrayList<>();
            boolean first = true;
            for (ZoneType z : arch.zoneTypes()) {
                long spanned = 0;
                long zs = 0;
                long absent = 0;
                if (nodeStart != 0 || nodeEnd != 0) {
                    long low = lowest[z.ordinal()];
                    long high = highest[z.ordinal()];
                    long[] se = adjustForMovable(nid, z, nodeEnd, clamp(nodeStart, low, high), clamp(nodeEnd, low, high));
                    if (!(se[1] < nodeStart || se[0] > nodeEnd)) {
                        spanned = se[1] - se[0];
                        zs = se[0];
                    }
                    long[] ae = adjustForMovable(nid, z, nodeEnd, clamp(nodeStart, low, high), clamp(nodeEnd, low, high));
                    absent = absentPagesInRange(nid, ae[0], ae[1]);
                }
                long present = spanned - absent;
                long memmap = calcMemmapSize(spanned, present);
                long free = present;
                boolean highmem = z == ZoneType.HIGHMEM || z == ZoneType.MOVABLE && movableZone == ZoneType.HIGHMEM.ordinal();
                if (!highmem && free >= memmap) {
                    free -= memmap;
                }
                if (first && free > dmaReserve) {
                    free -= dmaReserve;
                }
                first = false;
                zones.add(new ZoneSpan(nid, z, spanned == 0 ? 0 : zs, spanned, present, memmap, free));
            }
            nodes.add(new NodeSpan(nid, nodeStart, nodeEnd, zones));
        }
        return nodes;
    }

    /** calc_memmap_size(): pages of struct page, with SPARSEMEM's estimate for zones with large holes. */
    long calcMemmapSize(long spanned, long present) {
        long pages = spanned;
        if (spanned > present + (present >> 4) && BootArch.of(arch).sparsemem()) {
            pages = present;
        }
        long bytes = pages * BootArch.of(arch).structPageSize();
        long pageSize = arch.pageSize();
        return (bytes + pageSize - 1) / pageSize;
    }
}
