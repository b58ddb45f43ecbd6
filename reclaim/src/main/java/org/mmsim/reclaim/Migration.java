package org.mmsim.reclaim;

/**
 * migrate_pages() for one order-0 LRU page (mm/migrate.c migrate_folio_unmap / move_to_new_folio /
 * folio_migrate_mapping / remove_migration_ptes): the new page takes over the owner, the index, the flags and
 * the LRU position; the page-cache slot is pointed at the new pfn, or, for an anonymous page, every pte through
 * {@link Rmap#migrate}; the old page is freed.
 */
public final class Migration {
    private Migration() {
    }

    public static boolean migratePage(Memory mem, long src, long dst) {
        PageOwners po = mem.owners;
        int s = po.slot(src);
        int d = po.slot(dst);
        if (po.kind[s] == PageOwners.ANON && (mem.rmap() == null || !mem.rmap().migrate(src, dst))) {
            return false;
        }
        po.kind[d] = po.kind[s];
        po.order[d] = 0;
        po.flags[d] = po.flags[s];
        po.owner[d] = po.owner[s];
        po.index[d] = po.index[s];
        if ((po.flags[s] & PageOwners.F_LRU) != 0) {
            mem.lruvecOf(src).replace(s, d);
        }
        switch (po.kind[s]) {
            case PageOwners.FILE, PageOwners.SHMEM -> mem.spaces.get(po.owner[s]).pages[po.index[s]] = (int) dst;
            case PageOwners.ANON -> {
            }
            default -> throw new IllegalStateException("migrating an unmovable page at pfn " + src);
        }
        po.clear(src);
        po.flags[s] = 0;
        mem.machine.freePages(src, 0);
        mem.counters.inc(VmCounters.PGMIGRATE_SUCCESS);
        return true;
    }
}
