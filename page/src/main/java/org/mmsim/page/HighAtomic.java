package org.mmsim.page;

/**
 * The high-order atomic reserve, mm/page_alloc.c 6.1: reserve_highatomic_pageblock() and
 * unreserve_highatomic_pageblock().
 */
public final class HighAtomic {
    private HighAtomic() {
    }

    /**
     * Models reserve_highatomic_pageblock(): while fewer than managed/100 + one pageblock are reserved, turns
     * the pageblock of a page just handed to a high-order atomic request into MIGRATE_HIGHATOMIC (only if its
     * type is mergeable) and moves its free pages there.
     */
    static void reserveHighatomicPageblock(Zone z, int idx) {
        long maxManaged = z.managedPages / 100 + z.pageblockNrPages;
        if (z.nrReservedHighatomic >= maxManaged) {
            return;
        }
        int mt = z.pageblockMt(idx);
        if (MigrateType.isMergeable(mt)) {
            z.setNrReservedHighatomic(z.nrReservedHighatomic + z.pageblockNrPages);
            z.setPageblockMt(idx, MigrateType.HIGHATOMIC);
            Fallback.moveFreepagesBlock(z, idx, MigrateType.HIGHATOMIC);
        }
    }

    /**
     * Models unreserve_highatomic_pageblock(): for each zone of the request's zonelist (keeping one pageblock
     * unless {@code force}), the first HighAtomic free block by ascending order gives its pageblock back to the
     * request's migratetype; returns true at the first pageblock whose free pages moved.
     */
    static boolean unreserveHighatomicPageblock(AllocContext ac, boolean force) {
        Zone[] zl = ac.zonelist.zones;
        for (int i = 0; i < zl.length; i++) {
            Zone z = zl[i];
            if (z.zoneIdx() > ac.highestZoneidx) {
                continue;
            }
            if (!force && z.nrReservedHighatomic <= z.pageblockNrPages) {
                continue;
            }
            for (int order = 0; order < z.maxOrder; order++) {
                int idx = z.freeAreaHead(order, MigrateType.HIGHATOMIC);
                if (idx == LinkSpace.NIL) {
                    continue;
                }
                if (z.pageblockMt(idx) == MigrateType.HIGHATOMIC) {
                    long reserved = z.nrReservedHighatomic;
                    z.setNrReservedHighatomic(reserved - Math.min(z.pageblockNrPages, reserved));
                }
                z.setPageblockMt(idx, ac.migratetype);
                if (Fallback.moveFreepagesBlock(z, idx, ac.migratetype) != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
