package org.mmsim.boot.log;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.MemRange;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSizer;

/**
 * The boot-log lines the kernel prints about memory layout, in its words and formats: free_area_init()'s
 * zone ranges, movable zone start and early memory node ranges, free_area_init_node()'s "Initmem setup",
 * init_unavailable_range()'s holes and build_all_zonelists()'s "Built N zonelists" line (mm/page_alloc.c).
 */
public final class BootLog {
    private BootLog() {
    }

    /**
     * mem_init_print_info()'s line: free pages when memblock_free_all() has run (deferred pages not yet
     * freed), present pages, the kernel image sections, the reserved pages (present minus totalram minus CMA)
     * and, with highmem, totalhigh_pages.
     */
    public static String memoryLine(BootLayout b, org.mmsim.boot.reserve.BootMemblock mb) {
        return memoryLine(b, mb, null);
    }

    /**
     * The "Memory:" line; with {@code twinManaged} (a real machine's final managed pages per [nid][zone index])
     * totalram at mem_init() is theirs minus the late frees and CMA, which makes the reserved and highmem
     * figures, and on 32-bit (no deferred init) the free figure, the real machine's.
     */
    public static String memoryLine(BootLayout b, org.mmsim.boot.reserve.BootMemblock mb, long[][] twinManaged) {
        var spec = b.spec();
        int k = spec.arch().pageShift() - 10;
        long[][] free = mb.freePagesPerZone(b);
        long totalram = 0;
        long high = 0;
        for (int n = 0; n < free.length; n++) {
            for (int z = 0; z < free[n].length; z++) {
                totalram += free[n][z];
                if (b.nodes().get(n).zones().get(z).type() == ZoneType.HIGHMEM) {
                    high += free[n][z];
                }
            }
        }
        long nrFree = mb.freePagesBelow(org.mmsim.boot.reserve.DeferredInit.firstDeferredPfn(b))
                - org.mmsim.boot.zone.BootArch.pagesAllocatedInMemInit(spec.arch());
        long cma = spec.cmaBytes() >> spec.arch().pageShift();
        if (twinManaged != null) {
            long[][] late = org.mmsim.boot.reserve.BootMemblock.lateFreesPerZone(b, false);
            long[][] cmaPages = mb.cmaPagesPerZone(b);
            long twinTotal = 0;
            long twinHigh = 0;
            for (int n = 0; n < twinManaged.length && n < late.length; n++) {
                for (int z = 0; z < twinManaged[n].length; z++) {
                    long atInit = twinManaged[n][z] - late[n][z] - cmaPages[n][z];
                    twinTotal += atInit;
                    if (b.nodes().get(n).zones().get(z).type() == ZoneType.HIGHMEM) {
                        twinHigh += atInit;
                    }
                }
            }
            boolean deferred = java.util.Arrays.stream(org.mmsim.boot.reserve.DeferredInit.firstDeferredPfn(b))
                    .anyMatch(p -> p != Long.MAX_VALUE);
            nrFree = deferred ? nrFree : twinTotal
                    - org.mmsim.boot.zone.BootArch.pagesAllocatedInMemInit(spec.arch());
            totalram = twinTotal;
            high = twinHigh;
        }
        long phys = b.physpages();
        var img = spec.image();
        String line = String.format("Memory: %dK/%dK available (%dK kernel code, %dK rwdata, %dK rodata, %dK init, "
                + "%dK bss, %dK reserved, %dK cma-reserved", nrFree << k, phys << k, img.codeK(), img.rwdataK(),
                img.rodataK(), img.initK(), img.bssK(), (phys - totalram - cma) << k, cma << k);
        if (spec.arch().zoneTypes().contains(ZoneType.HIGHMEM)) {
            line += String.format(", %dK highmem", high << k);
        }
        return line + ")";
    }

    /** The lines, without timestamps. */
    public static List<String> lines(BootLayout b) {
        List<String> out = new ArrayList<>();
        int shift = b.spec().arch().pageShift();
        ZoneSizer s = b.sizer();
        out.add("Zone ranges:");
        for (ZoneType z : b.spec().arch().zoneTypes()) {
            if (z == ZoneType.MOVABLE) {
                continue;
            }
            long lo = s.lowestPossiblePfn(z);
            long hi = s.highestPossiblePfn(z);
            if (lo == hi) {
                out.add(String.format("  %-8s empty", z.kernelName()));
            } else {
                out.add(String.format("  %-8s [mem %#018x-%#018x]", z.kernelName(), lo << shift, (hi << shift) - 1));
            }
        }
        out.add("Movable zone start for each node");
        for (NodeSpan n : b.nodes()) {
            long mv = s.zoneMovablePfn(n.nid());
            if (mv != 0) {
                out.add(String.format("  Node %d: %#018x", n.nid(), mv << shift));
            }
        }
        out.add("Early memory node ranges");
        for (MemRange r : b.memory()) {
            out.add(String.format("  node %3d: [mem %#018x-%#018x]", r.nid(), r.startPfn() << shift,
                    (r.endPfn() << shift) - 1));
        }
        for (NodeSpan n : b.nodes()) {
            if (n.startPfn() != n.endPfn()) {
                out.add(String.format("Initmem setup node %d [mem %#018x-%#018x]", n.nid(), n.startPfn() << shift,
                        n.endPfn() == 0 ? 0 : (n.endPfn() << shift) - 1));
            } else {
                out.add(String.format("Initmem setup node %d as memoryless", n.nid()));
            }
        }
        for (BootLayout.Hole h : b.holes()) {
            out.add(String.format("On node %d, zone %s: %d pages in unavailable ranges", h.nid(), h.zone().kernelName(),
                    h.pages()));
        }
        out.add(String.format("Built %d zonelists, mobility grouping %s.  Total pages: %d", b.onlineNodes(),
                b.mobilityGrouping() ? "on" : "off", b.totalPages()));
        return out;
    }
}
