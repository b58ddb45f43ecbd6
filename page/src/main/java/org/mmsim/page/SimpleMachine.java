package org.mmsim.page;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/**
 * A machine built straight through the page allocator's API, without the boot layer: one node whose zones are
 * given as (type, start pfn, pages), every page present, pageblocks Movable (memmap_init), memory handed over
 * in the chunks __free_pages_memory uses (the largest aligned order that fits, at most MAX_ORDER-1).
 * Watermarks, pcp high/batch and lowmem_reserve are left to the caller. For tests, demos and benchmarks.
 */
public final class SimpleMachine {
    private SimpleMachine() {
    }

    /** One zone description. */
    public record ZoneSpec(ZoneType type, long startPfn, long pages) {
    }

    /** Builds node 0 with the given zones (ascending, contiguous or not), frees all pages, builds zonelists. */
    public static Machine build(Arch arch, int nrCpus, List<ZoneSpec> zones) {
        long start = zones.get(0).startPfn();
        ZoneSpec lastZone = zones.get(zones.size() - 1);
        long end = lastZone.startPfn() + lastZone.pages();
        Node node = new Node(arch, 0, start, end - start);
        Machine m = new Machine(arch, nrCpus, List.of(node));
        long present = 0;
        for (ZoneSpec s : zones) {
            Zone z = node.initZone(s.type(), s.startPfn(), s.pages());
            z.setPresentPages(s.pages());
            present += s.pages();
            long pb = 1L << arch.pageblockOrder();
            for (long pfn = s.startPfn(); pfn < s.startPfn() + s.pages(); pfn = (pfn & ~(pb - 1)) + pb) {
                z.setPageblockMigratetype(pfn, MigrateType.MOVABLE);
            }
            freeRange(z, s.startPfn(), s.startPfn() + s.pages(), arch.maxOrder());
        }
        node.setPresentPages(present);
        m.buildZonelists();
        return m;
    }

    /** Models __free_pages_memory(): frees [start, end) in the largest naturally aligned blocks. */
    public static void freeRange(Zone z, long start, long end, int maxOrder) {
        while (start < end) {
            int order = Math.min(maxOrder - 1, start == 0 ? maxOrder - 1 : Long.numberOfTrailingZeros(start));
            while (start + (1L << order) > end) {
                order--;
            }
            z.freeBootPages(start, order);
            start += 1L << order;
        }
    }
}
