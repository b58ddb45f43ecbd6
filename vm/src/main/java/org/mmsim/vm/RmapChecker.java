package org.mmsim.vm;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.function.LongPredicate;
import org.mmsim.page.debug.VmBug;
import org.mmsim.reclaim.SwapDevice;

/**
 * The vm layer's debug checks, run between two operations of a simulation (never on the hot path). It walks
 * every live address space's page tables as the MMU would and compares what it finds with the struct page
 * state and the counters. Each broken invariant throws a {@link VmBug} naming the check:
 * <ul>
 * <li>{@link #MAPCOUNT}: each page's _mapcount equals the PTEs that map it, each THP's compound mapcount the
 * PMDs that map it whole, and a folio's _refcount is at least its mappings (page_remove_rmap()'s
 * VM_BUG_ON_PAGE on a negative mapcount, __dump_page()'s "mapcount" and "refcount" fields);</li>
 * <li>{@link #RSS}: each mm's RSS, swap-entry and page-table counters equal what its tables hold
 * (kernel/fork.c check_mm(): "Bad rss-counter state", "non-zero pgtables_bytes");</li>
 * <li>{@link #SWAP}: each swap slot's swap_map count equals the swap PTEs naming it, a swap-cache page and its
 * slot name each other, and the slots in use are the slots with a count or a cached page
 * (swap_info_struct->inuse_pages, mm/swapfile.c's "Bad swap file entry" checks);</li>
 * <li>{@link #FREED}: a page with a reference or a mapping is not free in the page allocator
 * (free_pages_check()'s bad_page "nonzero mapcount" / "nonzero _refcount").</li>
 * </ul>
 */
public final class RmapChecker {
    public static final String MAPCOUNT = "rmap mapcounts (VM_BUG_ON_PAGE in page_remove_rmap)";
    public static final String RSS = "mm counters (check_mm: bad rss-counter state)";
    public static final String SWAP = "swap map (swap_map counts, swap cache)";
    public static final String FREED = "freed page in use (free_pages_check: nonzero mapcount or refcount)";

    private final VmSystem sys;
    private int[] pteMaps = new int[0];
    private int[] pmdMaps = new int[0];
    private int[] folioMaps = new int[0];
    private int[] swapRefs = new int[0];
    private final long[] rss = new long[RssCounters.NR_MM_COUNTERS];
    private final long[] tablesAt = new long[Paging.LEVELS];

    private IntUnaryOperator otherSwapRefs = slot -> 0;

    public RmapChecker(VmSystem sys) {
        this.sys = sys;
    }

    /**
     * The swap entries of the slot held outside the page tables (the shmem mappings of the memory model, which
     * share the one swap device), counted into each slot's expected swap_map count.
     */
    public void setOtherSwapRefs(IntUnaryOperator refsAtSlot) {
        this.otherSwapRefs = refsAtSlot;
    }

    /**
     * Runs every check. {@code allocatedHead} says whether a pfn heads an allocated block of the page
     * allocator; null skips the {@link #FREED} check.
     */
    public void check(LongPredicate allocatedHead) {
        int n = Math.toIntExact(sys.refs.size());
        if (pteMaps.length != n) {
            pteMaps = new int[n];
            pmdMaps = new int[n];
            folioMaps = new int[n];
        } else {
            Arrays.fill(pteMaps, 0);
            Arrays.fill(pmdMaps, 0);
            Arrays.fill(folioMaps, 0);
        }
        int slots = sys.swap.slots();
        if (swapRefs.length != slots) {
            swapRefs = new int[slots];
        } else {
            Arrays.fill(swapRefs, 0);
        }
        long tablePages = 0;
        for (Mm mm : sys.mmsForCheck()) {
            if (mm != null) {
                walkMm(mm);
                tablePages += mm.nrPtes + mm.nrPmds;
            }
        }
        if (tablePages != sys.tables.nrPageTablePages()) {
            fail(RSS, "NR_PAGETABLE is " + sys.tables.nrPageTablePages() + " but the mms hold " + tablePages
                    + " PTE and PMD tables");
        }
        checkPages(allocatedHead);
        checkSwap();
    }

    private void walkMm(Mm mm) {
        Arrays.fill(rss, 0);
        Arrays.fill(tablesAt, 0);
        walk(mm, mm.pgd, sys.paging.topLevel());
        int who = mm.id;
        expectRss(who, "MM_FILEPAGES", mm.rss[RssCounters.MM_FILEPAGES], rss[RssCounters.MM_FILEPAGES]);
        expectRss(who, "MM_ANONPAGES", mm.rss[RssCounters.MM_ANONPAGES], rss[RssCounters.MM_ANONPAGES]);
        expectRss(who, "MM_SHMEMPAGES", mm.rss[RssCounters.MM_SHMEMPAGES], rss[RssCounters.MM_SHMEMPAGES]);
        expectRss(who, "MM_SWAPENTS", mm.rss[RssCounters.MM_SWAPENTS], rss[RssCounters.MM_SWAPENTS]);
        expectRss(who, "PUD tables", mm.nrPuds, tablesAt[1]);
        expectRss(who, "PMD tables", mm.nrPmds, tablesAt[2]);
        expectRss(who, "PTE tables (deposited included)", mm.nrPtes, tablesAt[3] + mm.nrDeposits());
    }

    private void walk(Mm mm, int table, int level) {
        PteFormat f = sys.fmt;
        long[] t = sys.tables.entries(table);
        for (int i = 0; i < Paging.ENTRIES; i++) {
            long e = t[i];
            if (e == 0) {
                continue;
            }
            if (level < 3 && f.isTable(e)) {
                int child = sys.tables.tableAt(f.pfn(e));
                if (child < 0) {
                    fail(MAPCOUNT, "mm " + mm.id + " level " + level + " entry " + i + " points at pfn 0x"
                            + Long.toHexString(f.pfn(e)) + ", which is no page table");
                }
                tablesAt[level + 1]++;
                walk(mm, child, level + 1);
            } else if (level == 2 && f.isHuge(e)) {
                long pfn = f.pfn(e);
                if (pfn != sys.hugeZeroPfn) {
                    pmdMaps[(int) pfn]++;
                    folioMaps[(int) pfn]++;
                    rss[counterOf(pfn)] += Paging.HPAGE_PMD_NR;
                }
            } else if (level == 3 && !f.isPresent(e)) {
                long slot = f.swapOffset(e);
                if (slot <= 0 || slot >= swapRefs.length) {
                    fail(SWAP, "mm " + mm.id + " holds swap entry " + slot + " outside the device");
                }
                swapRefs[(int) slot]++;
                rss[RssCounters.MM_SWAPENTS]++;
            } else if (level == 3 && !f.isSpecial(e)) {
                long pfn = f.pfn(e);
                pteMaps[(int) pfn]++;
                folioMaps[(int) sys.refs.head(pfn)]++;
                rss[counterOf(pfn)]++;
            } else if (level < 3 && !f.isHuge(e)) {
                fail(MAPCOUNT, "mm " + mm.id + " level " + level + " entry " + i + " is 0x" + Long.toHexString(e));
            }
        }
    }

    private int counterOf(long pfn) {
        PageRefs refs = sys.refs;
        long h = refs.head(pfn);
        if (refs.test(h, PageRefs.ANON)) {
            return RssCounters.MM_ANONPAGES;
        }
        return refs.test(h, PageRefs.SWAPBACKED) ? RssCounters.MM_SHMEMPAGES : RssCounters.MM_FILEPAGES;
    }

    private void checkPages(LongPredicate allocatedHead) {
        PageRefs refs = sys.refs;
        for (int p = 0; p < pteMaps.length; p++) {
            if (refs.pteMapcount(p) != pteMaps[p]) {
                fail(MAPCOUNT, "pfn 0x" + Integer.toHexString(p) + " has mapcount " + refs.pteMapcount(p) + " but "
                        + pteMaps[p] + " PTEs map it");
            }
            boolean head = refs.test(p, PageRefs.HEAD);
            if ((head ? refs.entireMapcount(p) : 0) != pmdMaps[p]) {
                fail(MAPCOUNT, "pfn 0x" + Integer.toHexString(p) + " has compound mapcount "
                        + (head ? refs.entireMapcount(p) : 0) + " but " + pmdMaps[p] + " PMDs map it");
            }
            if (refs.test(p, PageRefs.TAIL)) {
                continue;
            }
            int refcount = refs.refcount(p);
            if (refcount < folioMaps[p]) {
                fail(MAPCOUNT, "pfn 0x" + Integer.toHexString(p) + " has refcount " + refcount + " but "
                        + folioMaps[p] + " mappings");
            }
            if (allocatedHead != null && (refcount > 0 || folioMaps[p] > 0) && !allocatedHead.test(p)
                    && p != sys.zeroPfn && p != sys.hugeZeroPfn) {
                fail(FREED, "pfn 0x" + Integer.toHexString(p) + " with refcount " + refcount + " and " + folioMaps[p]
                        + " mappings is not an allocated block");
            }
        }
    }

    private void checkSwap() {
        SwapDevice sw = sys.swap;
        PageRefs refs = sys.refs;
        long inUse = 0;
        for (int s = 1; s < swapRefs.length; s++) {
            int expected = swapRefs[s] + otherSwapRefs.applyAsInt(s);
            if (sw.count(s) != expected) {
                fail(SWAP, "slot " + s + " has count " + sw.count(s) + " but " + swapRefs[s] + " swap PTEs and "
                        + (expected - swapRefs[s]) + " other entries");
            }
            long cached = sw.cachePfn(s);
            if (cached >= 0 && refs.swapSlot(cached) != s) {
                fail(SWAP, "slot " + s + " caches pfn 0x" + Long.toHexString(cached) + ", whose slot is "
                        + refs.swapSlot(cached));
            }
            if (sw.count(s) > 0 || cached >= 0) {
                inUse++;
            }
        }
        if (inUse != sw.usedPages()) {
            fail(SWAP, sw.usedPages() + " slots counted in use but " + inUse + " have a count or a cached page");
        }
    }

    private static void expectRss(int mmId, String what, long counted, long found) {
        if (counted != found) {
            fail(RSS, "mm " + mmId + " " + what + " is " + counted + " but its page tables hold " + found);
        }
    }

    private static void fail(String check, String detail) {
        throw new VmBug(check, detail);
    }
}
