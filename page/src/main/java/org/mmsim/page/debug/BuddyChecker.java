package org.mmsim.page.debug;

import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;

/**
 * A consistency checker in the spirit of CONFIG_DEBUG_VM: after any operation, every free block must be
 * naturally aligned, inside its zone, non-overlapping, PageBuddy with the order and list of the list it is on,
 * counted in nr_free and its list length; NR_FREE_PAGES must equal the pages on the free lists (Isolate lists
 * excluded); pcp lists must hold pages flagged as pcp pages whose total matches pcp->count; no page may be both
 * inside a free (or pcp) block and inside an allocated block; free blocks below pageblock order must sit inside
 * one pageblock. Throws {@link VmBug} (an {@link IllegalStateException}) with the first violation, named
 * {@link #CHECK}: the checks of __free_one_page()'s VM_BUG_ON_PAGE, check_new_page() and free_pages_check()
 * (bad_page), and of the zone's NR_FREE_PAGES and pcp->count against its lists.
 */
public final class BuddyChecker {
    public static final String CHECK = "buddy (VM_BUG_ON_PAGE in __free_one_page, check_new_page, free_pages_check)";

    private BuddyChecker() {
    }

    /** Checks every zone of the machine. */
    public static void check(Machine m) {
        for (Node n : m.nodes()) {
            for (Zone z : n.zones()) {
                if (z.spannedPages() > 0) {
                    check(m, z);
                }
            }
        }
    }

    /** Checks one zone. */
    public static void check(Machine m, Zone z) {
        MemMap mm = z.node().memMap();
        long start = z.zoneStartPfn();
        int span = (int) z.spannedPages();
        // 0 = unknown, 1 = free, 2 = pcp, 3 = allocated
        byte[] owner = new byte[span];
        long freePages = 0;
        int nrTypes = z.migrateTypes().count();
        int iso = z.migrateTypes().isolate();
        int maxOrder = z.node().arch().maxOrder();
        int pbOrder = z.node().arch().pageblockOrder();
        for (int order = 0; order < maxOrder; order++) {
            long nr = 0;
            for (int mt = 0; mt < nrTypes; mt++) {
                long[] list = z.freeList(order, mt);
                if (list.length != z.freeCount(order, mt)) {
                    fail(z, "list order " + order + " mt " + mt + " length " + list.length + " != count " + z.freeCount(order, mt));
                }
                nr += list.length;
                for (long pfn : list) {
                    if ((pfn & ((1L << order) - 1)) != 0) {
                        fail(z, "free block 0x" + Long.toHexString(pfn) + " not aligned to order " + order);
                    }
                    if (pfn < start || pfn + (1L << order) > start + span) {
                        fail(z, "free block 0x" + Long.toHexString(pfn) + " order " + order + " outside zone");
                    }
                    if (!mm.isBuddy(pfn) || mm.order(pfn) != order || mm.buddyListType(pfn) != mt) {
                        fail(z, "block 0x" + Long.toHexString(pfn) + " on list " + order + "/" + mt + " has flags 0x"
                                + Integer.toHexString(mm.pageFlags(pfn)));
                    }
                    mark(z, owner, start, pfn, 1L << order, (byte) 1);
                    if (mt != iso) {
                        freePages += 1L << order;
                    }
                }
            }
            if (nr != z.nrFree(order)) {
                fail(z, "nr_free[" + order + "] = " + z.nrFree(order) + " but lists hold " + nr);
            }
        }
        if (freePages != z.nrFreePages()) {
            fail(z, "NR_FREE_PAGES " + z.nrFreePages() + " but free lists hold " + freePages);
        }
        for (int cpu = 0; cpu < m.nrCpus(); cpu++) {
            long count = 0;
            for (int p = 0; p < Zone.NR_PCP_LISTS; p++) {
                int order = p == Zone.NR_PCP_LISTS - 1 ? pbOrder : p / 3;
                for (long pfn : z.pcpList(cpu, p)) {
                    if (!mm.isOnPcp(pfn) || mm.order(pfn) != order) {
                        fail(z, "pcp page 0x" + Long.toHexString(pfn) + " on cpu " + cpu + " list " + p + " has flags 0x"
                                + Integer.toHexString(mm.pageFlags(pfn)));
                    }
                    mark(z, owner, start, pfn, 1L << order, (byte) 2);
                    count += 1L << order;
                }
            }
            if (count != z.pcpCount(cpu)) {
                fail(z, "pcp count of cpu " + cpu + " is " + z.pcpCount(cpu) + " but lists hold " + count);
            }
        }
        for (int i = 0; i < span; i++) {
            long pfn = start + i;
            int f = mm.pageFlags(pfn);
            if (f == 0) {
                continue;
            }
            if (mm.isBuddy(pfn) && owner[i] != 1) {
                fail(z, "page 0x" + Long.toHexString(pfn) + " is PageBuddy but on no free list");
            }
            if (mm.isOnPcp(pfn) && owner[i] != 2) {
                fail(z, "page 0x" + Long.toHexString(pfn) + " flagged pcp but on no pcp list");
            }
            if (mm.isAllocatedHead(pfn)) {
                int order = f & 0x0f;
                mark(z, owner, start, pfn, 1L << order, (byte) 3);
            }
        }
    }

    private static void mark(Zone z, byte[] owner, long start, long pfn, long n, byte what) {
        for (long p = pfn; p < pfn + n; p++) {
            int i = (int) (p - start);
            if (i < 0 || i >= owner.length) {
                fail(z, "block 0x" + Long.toHexString(pfn) + " runs outside the zone");
            }
            if (owner[i] != 0) {
                fail(z, "page 0x" + Long.toHexString(p) + " is in two blocks (" + owner[i] + " and " + what + ")");
            }
            owner[i] = what;
        }
    }

    private static void fail(Zone z, String msg) {
        throw new VmBug(CHECK, z + ": " + msg);
    }
}
