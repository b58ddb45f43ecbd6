package org.mmsim.reclaim;

import org.mmsim.page.init.WatermarkSetup;

/**
 * One node's LRU lists (struct lruvec, include/linux/mmzone.h enum lru_list): inactive/active anon,
 * inactive/active file, unevictable; plus the list_lru of reclaimable slab pages that the shrinkers walk.
 * Intrusive doubly linked lists through {@link PageOwners}' prev/next arrays: new pages go to the head
 * (lruvec_add_folio), reclaim takes from the tail. Sizes count base pages (a THP counts 512).
 */
public final class Lruvec {
    public static final int INACTIVE_ANON = 0;
    public static final int ACTIVE_ANON = 1;
    public static final int INACTIVE_FILE = 2;
    public static final int ACTIVE_FILE = 3;
    public static final int UNEVICTABLE = 4;
    /** Not an LRU of the kernel: the list_lru of reclaimable slab pages (dcache/icache). */
    public static final int SLAB = 5;
    public static final int NR_LISTS = 6;
    /** 30 - PAGE_SHIFT: pages to GiB, as inactive_is_low() counts them. */
    private static final int PAGES_PER_GIB_SHIFT = 18;
    public static final String[] NAMES = {"inactive_anon", "active_anon", "inactive_file", "active_file",
            "unevictable", "slab"};

    private final PageOwners po;
    public final int nid;
    private final int[] head = new int[NR_LISTS];
    private final int[] tail = new int[NR_LISTS];
    private final long[] pages = new long[NR_LISTS];
    /** Recent reclaim cost of anon and file pages (lruvec->anon_cost, file_cost; lru_note_cost). */
    long anonCost;
    long fileCost;
    /** lruvec->nonresident_age: evictions plus activations, the clock of workingset shadow entries. */
    long nonresidentAge;

    public Lruvec(PageOwners po, int nid) {
        this.po = po;
        this.nid = nid;
        java.util.Arrays.fill(head, PageOwners.NIL);
        java.util.Arrays.fill(tail, PageOwners.NIL);
    }

    /** lru index for an anon (false) or file (true) list, active or not. */
    public static int lruOf(boolean file, boolean active) {
        return (file ? INACTIVE_FILE : INACTIVE_ANON) + (active ? 1 : 0);
    }

    public long size(int lru) {
        return pages[lru];
    }

    int tailSlot(int lru) {
        return tail[lru];
    }

    int headSlot(int lru) {
        return head[lru];
    }

    /** lruvec_add_folio(): to the head. */
    void addHead(int s, int lru) {
        int h = head[lru];
        po.prev[s] = PageOwners.NIL;
        po.next[s] = h;
        if (h == PageOwners.NIL) {
            tail[lru] = s;
        } else {
            po.prev[h] = s;
        }
        head[lru] = s;
        po.lru[s] = (byte) lru;
        po.flags[s] |= PageOwners.F_LRU;
        pages[lru] += 1L << po.order[s];
    }

    /** lruvec_add_folio_tail(): to the tail, where reclaim looks first. */
    void addTail(int s, int lru) {
        int t = tail[lru];
        po.next[s] = PageOwners.NIL;
        po.prev[s] = t;
        if (t == PageOwners.NIL) {
            head[lru] = s;
        } else {
            po.next[t] = s;
        }
        tail[lru] = s;
        po.lru[s] = (byte) lru;
        po.flags[s] |= PageOwners.F_LRU;
        pages[lru] += 1L << po.order[s];
    }

    /** lruvec_del_folio(). */
    void del(int s) {
        int lru = po.lru[s];
        int p = po.prev[s];
        int n = po.next[s];
        if (p == PageOwners.NIL) {
            head[lru] = n;
        } else {
            po.next[p] = n;
        }
        if (n == PageOwners.NIL) {
            tail[lru] = p;
        } else {
            po.prev[n] = p;
        }
        pages[lru] -= 1L << po.order[s];
        po.lru[s] = -1;
        po.flags[s] &= (short) ~PageOwners.F_LRU;
    }

    /** Puts a migrated page's new slot where the old one was on its list (folio_migrate_flags + LRU putback). */
    void replace(int oldSlot, int newSlot) {
        int lru = po.lru[oldSlot];
        int p = po.prev[oldSlot];
        int n = po.next[oldSlot];
        po.prev[newSlot] = p;
        po.next[newSlot] = n;
        if (p == PageOwners.NIL) {
            head[lru] = newSlot;
        } else {
            po.next[p] = newSlot;
        }
        if (n == PageOwners.NIL) {
            tail[lru] = newSlot;
        } else {
            po.prev[n] = newSlot;
        }
        po.lru[newSlot] = (byte) lru;
        po.lru[oldSlot] = -1;
    }

    /**
     * Models mm/vmscan.c inactive_is_low() for the anon (false) or file (true) lists: see
     * {@link #inactiveIsLow(long, long)}.
     */
    public boolean inactiveIsLow(boolean file) {
        return inactiveIsLow(pages[file ? INACTIVE_FILE : INACTIVE_ANON], pages[file ? ACTIVE_FILE : ACTIVE_ANON]);
    }

    /**
     * inactive_is_low(): the inactive list is low when inactive * inactive_ratio &lt; active, where
     * inactive_ratio is int_sqrt(10 * gb) for the lists' total size in whole GiB (4 KiB pages), or 1 under one
     * GiB.
     */
    static boolean inactiveIsLow(long inactive, long active) {
        long gb = (inactive + active) >> PAGES_PER_GIB_SHIFT;
        long inactiveRatio = gb != 0 ? WatermarkSetup.isqrt(10 * gb) : 1;
        return inactive * inactiveRatio < active;
    }
}
