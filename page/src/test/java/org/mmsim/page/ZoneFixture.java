package org.mmsim.page;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/**
 * A hand-made zone for the rule tests: x86_64, one Normal zone (plus an optional DMA32 zone below it), every
 * page reserved and every pageblock Movable until a test frees chosen blocks (freeBootPages, which lists them
 * at the tail of their pageblock's list) or marks chosen blocks allocated; watermarks 0; pcp off; grouping by
 * mobility on.
 */
final class ZoneFixture {
    final Machine m;
    final Zone z;

    ZoneFixture(long start, long pages) {
        Node node = new Node(Arch.X86_64, 0, start, pages);
        m = new Machine(Arch.X86_64, 1, List.of(node));
        z = node.initZone(ZoneType.NORMAL, start, pages);
        z.setPresentPages(pages);
        node.setPresentPages(pages);
        z.reservePages(start, pages);
        for (long pfn = start; pfn < start + pages; pfn = (pfn & ~511L) + 512) {
            z.setPageblockMigratetype(pfn, MigrateType.MOVABLE);
        }
        m.buildZonelists();
        m.setPageGroupByMobilityDisabled(false);
        m.setPcpEnabled(false);
    }

    ZoneFixture block(long pfn, int mt) {
        z.setPageblockMigratetype(pfn, mt);
        return this;
    }

    ZoneFixture free(long pfn, int order) {
        z.freeBootPages(pfn, order);
        return this;
    }

    /** Marks [pfn, pfn + 2^order) as an allocated block, movable (PageLRU in the kernel) or not. */
    ZoneFixture allocated(long pfn, int order, boolean movable) {
        z.mm.setFlags(z.mm.index(pfn), (movable ? MemMap.ST_ALLOCATED_MOVABLE : MemMap.ST_ALLOCATED) | order);
        return this;
    }

    /** __rmqueue() on the zone; returns the pfn or -1. */
    long rmqueue(int order, int mt, int allocFlags) {
        long page = Buddy.rmqueue(z, order, mt, allocFlags);
        return page == Buddy.NO_PAGE ? -1 : z.mm.pfn(Buddy.rmqueueIdx(page));
    }

    int blockType(long pfn) {
        return z.getPageblockMigratetype(pfn);
    }
}
