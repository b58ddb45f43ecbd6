package org.mmsim.reclaim;

import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.debug.VmBug;

/**
 * The reclaim layer's debug checks, run between two operations of a simulation (never on the hot path), in the
 * spirit of CONFIG_DEBUG_VM and CONFIG_DEBUG_LIST. Each throws a {@link VmBug} naming the check:
 * <ul>
 * <li>{@link #LRU}: every LRU list is a well-linked list (CONFIG_DEBUG_LIST's __list_add_valid /
 * __list_del_entry_valid) whose size is the pages on it (mem_cgroup_update_lru_size()'s "lru_size" warning); a
 * page on it has PG_lru, the list's PG_active and PG_unevictable state and a kind that belongs there
 * (VM_BUG_ON_FOLIO in lruvec_add_folio / folio_lru_list), and no page has PG_lru without being on a list;</li>
 * <li>{@link #OWNER}: every page with an owner is an allocated block of its order in the buddy allocator
 * (free_pages_check()'s bad_page "PAGE_FLAGS_CHECK_AT_FREE flag(s) set" seen from the other side), and each
 * file's page cache points back at pages that name it as owner at that index (page->mapping and page->index,
 * checked by __dump_page's readers); the processes' page tables are the vm layer's RmapChecker's;</li>
 * <li>{@link #COUNTERS}: the node counters (NR_ANON_PAGES, NR_FILE_PAGES, NR_SHMEM, NR_SLAB_*, NR_MLOCK,
 * NR_ANON_THPS) equal the pages of each kind, and each file's nrpages and swap entries count its slots;</li>
 * <li>{@link #DIRTY}: NR_FILE_DIRTY and NR_WRITEBACK equal the page-cache pages with PG_dirty and PG_writeback,
 * and dirtied pages are all accounted for (mm/page-writeback.c's folio_account_dirtied /
 * folio_end_writeback pairs);</li>
 * <li>{@link #SWAP}: the swap device's used slots lie within the device and cover the swap entries of the tmpfs
 * files, each of whose slots has a count (swap_info_struct->inuse_pages, swap_map).</li>
 * </ul>
 */
public final class ReclaimChecker {
    public static final String LRU = "lru lists (CONFIG_DEBUG_LIST, mem_cgroup_update_lru_size)";
    public static final String OWNER = "page owners (free_pages_check, page->mapping/index)";
    public static final String COUNTERS = "node counters (NR_ANON_PAGES, NR_FILE_PAGES, nrpages)";
    public static final String DIRTY = "dirty accounting (NR_FILE_DIRTY, NR_WRITEBACK)";
    public static final String SWAP = "swap slots (swap_info_struct inuse_pages)";

    private final Memory mem;

    public ReclaimChecker(Memory mem) {
        this.mem = mem;
    }

    /** Runs every check; throws {@link VmBug} at the first broken invariant. */
    public void check() {
        checkLru();
        checkOwners();
        checkSpaces();
        checkSwap();
    }

    /** The LRU lists of every node, and PG_lru on no other page. */
    void checkLru() {
        PageOwners po = mem.owners;
        long onLists = 0;
        for (Lruvec lv : mem.lruvecs) {
            for (int lru = 0; lru < Lruvec.NR_LISTS; lru++) {
                long pages = 0;
                long entries = 0;
                int prev = PageOwners.NIL;
                int s = lv.headSlot(lru);
                while (s != PageOwners.NIL) {
                    if (++entries > po.size()) {
                        fail(LRU, "node " + lv.nid + " " + Lruvec.NAMES[lru] + " loops");
                    }
                    if (po.prev[s] != prev) {
                        fail(LRU, "node " + lv.nid + " " + Lruvec.NAMES[lru] + ": pfn 0x" + hex(po.pfn(s))
                                + " prev link " + po.prev[s] + " but follows " + prev);
                    }
                    checkOnList(lv, lru, s);
                    pages += 1L << po.order[s];
                    prev = s;
                    s = po.next[s];
                }
                if (lv.tailSlot(lru) != prev) {
                    fail(LRU, "node " + lv.nid + " " + Lruvec.NAMES[lru] + ": tail " + lv.tailSlot(lru)
                            + " but the list ends at " + prev);
                }
                if (pages != lv.size(lru)) {
                    fail(LRU, "node " + lv.nid + " " + Lruvec.NAMES[lru] + " size " + lv.size(lru) + " but holds "
                            + pages + " pages");
                }
                onLists += entries;
            }
        }
        long flagged = 0;
        for (int s = 0; s < po.size(); s++) {
            if ((po.flags[s] & PageOwners.F_LRU) != 0) {
                flagged++;
            }
        }
        if (flagged != onLists) {
            fail(LRU, flagged + " pages have PG_lru but " + onLists + " are on LRU lists");
        }
    }

    private void checkOnList(Lruvec lv, int lru, int s) {
        PageOwners po = mem.owners;
        int f = po.flags[s];
        int k = po.kind[s];
        if (po.lru[s] != lru || (f & PageOwners.F_LRU) == 0) {
            fail(LRU, where(lv, lru, s) + " has lru " + po.lru[s] + " flags 0x" + Integer.toHexString(f));
        }
        if (mem.lruvecs.length > 1 && mem.nidOf(po.pfn(s)) != lv.nid) {
            fail(LRU, where(lv, lru, s) + " belongs to node " + mem.nidOf(po.pfn(s)));
        }
        boolean anon = k == PageOwners.ANON || k == PageOwners.SHMEM;
        boolean ok = switch (lru) {
            case Lruvec.INACTIVE_ANON, Lruvec.ACTIVE_ANON -> anon && (f & PageOwners.F_UNEVICTABLE) == 0;
            case Lruvec.INACTIVE_FILE, Lruvec.ACTIVE_FILE -> k == PageOwners.FILE && (f & PageOwners.F_UNEVICTABLE) == 0;
            case Lruvec.UNEVICTABLE -> (anon || k == PageOwners.FILE) && (f & PageOwners.F_UNEVICTABLE) != 0;
            default -> k == PageOwners.SLAB_RECLAIMABLE;
        };
        if (!ok) {
            fail(LRU, where(lv, lru, s) + " is of kind " + k + " flags 0x" + Integer.toHexString(f));
        }
        boolean active = lru == Lruvec.ACTIVE_ANON || lru == Lruvec.ACTIVE_FILE;
        if (lru < Lruvec.UNEVICTABLE && active != ((f & PageOwners.F_ACTIVE) != 0)) {
            fail(LRU, where(lv, lru, s) + (active ? " lacks" : " has") + " PG_active");
        }
    }

    private String where(Lruvec lv, int lru, int s) {
        return "pfn 0x" + hex(mem.owners.pfn(s)) + " on node " + lv.nid + " " + Lruvec.NAMES[lru];
    }

    /** Owned pages are allocated blocks of their order; the per-kind counters and the dirty accounting. */
    void checkOwners() {
        PageOwners po = mem.owners;
        Machine m = mem.machine;
        long[] pages = new long[PageOwners.THP_HELD + 1];
        long thps = 0;
        long mlocked = 0;
        long dirty = 0;
        long writeback = 0;
        for (int s = 0; s < po.size(); s++) {
            int k = po.kind[s];
            int f = po.flags[s];
            if (k == PageOwners.NONE) {
                if ((f & (PageOwners.F_DIRTY | PageOwners.F_WRITEBACK | PageOwners.F_LRU)) != 0) {
                    fail(OWNER, "pfn 0x" + hex(po.pfn(s)) + " has no owner but flags 0x" + Integer.toHexString(f));
                }
                continue;
            }
            long pfn = po.pfn(s);
            int order = po.order[s];
            MemMap map = m.zoneOf(pfn).node().memMap();
            if (!map.isAllocatedHead(pfn) || map.order(pfn) != order) {
                fail(OWNER, "pfn 0x" + hex(pfn) + " of kind " + k + " order " + order
                        + " is not an allocated block of that order (page flags 0x" + Integer.toHexString(map.pageFlags(pfn)) + ")");
            }
            long n = 1L << order;
            pages[k] += n;
            if (k == PageOwners.ANON && order > 0) {
                thps++;
            }
            if ((f & PageOwners.F_UNEVICTABLE) != 0) {
                mlocked += n;
            }
            if ((f & (PageOwners.F_DIRTY | PageOwners.F_WRITEBACK)) != 0 && k != PageOwners.FILE) {
                fail(DIRTY, "pfn 0x" + hex(pfn) + " of kind " + k + " is dirty or under writeback");
            }
            if ((f & PageOwners.F_DIRTY) != 0) {
                dirty++;
            }
            if ((f & PageOwners.F_WRITEBACK) != 0) {
                writeback++;
            }
        }
        VmCounters c = mem.counters;
        expect(COUNTERS, "nr_anon_pages", c.get(VmCounters.NR_ANON_PAGES), pages[PageOwners.ANON]);
        expect(COUNTERS, "nr_file_pages", c.get(VmCounters.NR_FILE_PAGES), pages[PageOwners.FILE] + pages[PageOwners.SHMEM]);
        expect(COUNTERS, "nr_shmem", c.get(VmCounters.NR_SHMEM), pages[PageOwners.SHMEM]);
        expect(COUNTERS, "nr_slab_reclaimable", c.get(VmCounters.NR_SLAB_RECLAIMABLE), pages[PageOwners.SLAB_RECLAIMABLE]);
        expect(COUNTERS, "nr_slab_unreclaimable", c.get(VmCounters.NR_SLAB_UNRECLAIMABLE),
                pages[PageOwners.SLAB_UNRECLAIMABLE]);
        expect(COUNTERS, "nr_kernel_pages", c.get(VmCounters.NR_KERNEL_PAGES), pages[PageOwners.KERNEL]);
        expect(COUNTERS, "nr_mlock", c.get(VmCounters.NR_MLOCK), mlocked);
        expect(COUNTERS, "nr_anon_transparent_hugepages", c.get(VmCounters.NR_ANON_THPS), thps);
        expect(DIRTY, "nr_dirty", c.get(VmCounters.NR_DIRTY), dirty);
        expect(DIRTY, "nr_writeback", c.get(VmCounters.NR_WRITEBACK), writeback);
        long accounted = c.get(VmCounters.NR_DIRTY) + c.get(VmCounters.NR_WRITEBACK) + c.get(VmCounters.NR_WRITTEN);
        if (accounted > c.get(VmCounters.NR_DIRTIED)) {
            fail(DIRTY, "nr_dirty + nr_writeback + nr_written = " + accounted + " but only "
                    + c.get(VmCounters.NR_DIRTIED) + " pages were dirtied");
        }
    }

    /** Each file's page cache points at its own pages; nrpages and its swap entries count them. */
    void checkSpaces() {
        PageOwners po = mem.owners;
        for (AddressSpace as : mem.spaces) {
            long present = 0;
            long swapped = 0;
            byte kind = as.shmem ? PageOwners.SHMEM : PageOwners.FILE;
            for (int i = 0; i < as.pages.length; i++) {
                int p = as.pages[i];
                if (AddressSpace.isSwapEntry(p)) {
                    swapped++;
                    if (mem.swap.count(AddressSpace.swapSlot(p)) < 1) {
                        fail(SWAP, "file " + as.name + " index " + i + " holds swap slot " + AddressSpace.swapSlot(p)
                                + " whose count is " + mem.swap.count(AddressSpace.swapSlot(p)));
                    }
                } else if (p >= 0) {
                    int s = po.slot(p);
                    if (po.kind[s] != kind || po.owner[s] != as.id || po.index[s] != i || po.order[s] != 0) {
                        fail(OWNER, "file " + as.name + " index " + i + " holds pfn 0x" + hex(p) + " of kind " + po.kind[s]
                                + " owner " + po.owner[s] + " index " + po.index[s]);
                    }
                    present++;
                }
            }
            if (as.nrPages != present || as.swapEntries != swapped) {
                expect(COUNTERS, "nrpages of file " + as.name, as.nrPages, present);
                expect(COUNTERS, "swap entries of file " + as.name, as.swapEntries, swapped);
            }
        }
    }

    /** The swap device's used slots lie within it and cover the swap entries of the tmpfs files. */
    void checkSwap() {
        SwapDevice sw = mem.swap;
        if (sw.usedPages() < 0 || sw.usedPages() > sw.totalPages()) {
            fail(SWAP, sw.usedPages() + " slots used of " + sw.totalPages());
        }
        long entries = swapEntries();
        if (entries > sw.usedPages()) {
            fail(SWAP, entries + " swap entries in files but " + sw.usedPages() + " slots used");
        }
    }

    /** How many tmpfs entries hold each swap slot, by slot (the swap_map counts the page tables do not explain). */
    public int[] shmemSwapRefs() {
        int[] refs = new int[mem.swap.slots()];
        for (AddressSpace as : mem.spaces) {
            for (int p : as.pages) {
                if (AddressSpace.isSwapEntry(p)) {
                    refs[(int) AddressSpace.swapSlot(p)]++;
                }
            }
        }
        return refs;
    }

    /** Swap entries held by tmpfs files (the rest of the used slots are the processes' swap ptes). */
    public long swapEntries() {
        long n = 0;
        for (AddressSpace as : mem.spaces) {
            n += as.swapEntries;
        }
        return n;
    }

    private static void expect(String check, String what, long counted, long actual) {
        if (counted != actual) {
            fail(check, what + " is " + counted + " but the pages say " + actual);
        }
    }

    private static String hex(long pfn) {
        return Long.toHexString(pfn);
    }

    private static void fail(String check, String detail) {
        throw new VmBug(check, detail);
    }
}
