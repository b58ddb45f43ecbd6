package org.mmsim.vm;

/**
 * Per-pfn struct page state the virtual memory code needs, in primitive arrays indexed by pfn like mem_map:
 * _refcount, _mapcount (stored +1, so 0 means unmapped), the compound (entire) mapcount of a THP head, the
 * page flags that matter here (PageAnon, PageAnonExclusive, PG_head, PG_swapbacked, PG_dirty, PG_referenced)
 * and page_private (the swap slot of a page in the swap cache). Compound pages are always order 9 and
 * naturally aligned, so a tail's head is pfn & ~511; reference counts of a THP live on its head (folio).
 */
public final class PageRefs {
    public static final byte ANON = 1;
    public static final byte ANON_EXCLUSIVE = 2;
    public static final byte HEAD = 4;
    public static final byte TAIL = 8;
    public static final byte SWAPBACKED = 16;
    public static final byte DIRTY = 32;
    public static final byte REFERENCED = 64;

    private final int[] refcount;
    private final int[] mapcount;
    private final int[] entireMapcount;
    private final byte[] flags;
    private final int[] swapSlotPlusOne;
    /** The anon rmap of an exclusively mapped page: its mm's number + 1 (0 = not known) and linear page index. */
    private final int[] rmapMm;
    private final long[] rmapIndex;

    public PageRefs(long maxPfn) {
        int n = Math.toIntExact(maxPfn);
        refcount = new int[n];
        mapcount = new int[n];
        entireMapcount = new int[n];
        flags = new byte[n];
        swapSlotPlusOne = new int[n];
        rmapMm = new int[n];
        rmapIndex = new long[n];
    }

    /** One past the highest pfn tracked. */
    public long size() {
        return refcount.length;
    }

    /** compound_head(): the pfn holding the reference count. */
    public long head(long pfn) {
        int i = (int) pfn;
        return (flags[i] & TAIL) != 0 ? pfn & ~511L : pfn;
    }

    /** page_count(). */
    public int refcount(long pfn) {
        return refcount[(int) head(pfn)];
    }

    public void setRefcount(long pfn, int v) {
        refcount[(int) head(pfn)] = v;
    }

    /** get_page(); returns the new count. */
    public int get(long pfn) {
        return ++refcount[(int) head(pfn)];
    }

    /** put_page() without freeing; returns the new count (the caller frees at 0). */
    public int put(long pfn) {
        int h = (int) head(pfn);
        int v = --refcount[h];
        if (v < 0) {
            throw new IllegalStateException("refcount underflow at pfn " + pfn);
        }
        return v;
    }

    /** page_mapcount() of a subpage: its own PTE mappings plus the PMD mappings of its THP. */
    public int mapcount(long pfn) {
        int i = (int) pfn;
        int m = mapcount[i];
        if ((flags[i] & (HEAD | TAIL)) != 0) {
            m += entireMapcount[(int) (pfn & ~511L)];
        }
        return m;
    }

    /** PTE mappings of this very page only (without PMD mappings). */
    public int pteMapcount(long pfn) {
        return mapcount[(int) pfn];
    }

    public void incMapcount(long pfn) {
        mapcount[(int) pfn]++;
    }

    public void decMapcount(long pfn) {
        if (--mapcount[(int) pfn] < 0) {
            throw new IllegalStateException("mapcount underflow at pfn " + pfn);
        }
    }

    /** compound_mapcount() of a THP head: how many PMDs map it whole. */
    public int entireMapcount(long headPfn) {
        return entireMapcount[(int) headPfn];
    }

    public void addEntireMapcount(long headPfn, int delta) {
        entireMapcount[(int) headPfn] += delta;
    }

    public boolean test(long pfn, byte flag) {
        return (flags[(int) pfn] & flag) != 0;
    }

    public void set(long pfn, byte flag) {
        flags[(int) pfn] |= flag;
    }

    public void clear(long pfn, byte flag) {
        flags[(int) pfn] &= (byte) ~flag;
    }

    /** Resets all state of a page that goes back to the allocator. */
    public void reset(long pfn) {
        int i = (int) pfn;
        refcount[i] = 0;
        mapcount[i] = 0;
        entireMapcount[i] = 0;
        flags[i] = 0;
        swapSlotPlusOne[i] = 0;
        rmapMm[i] = 0;
        rmapIndex[i] = 0;
    }

    /**
     * Records where an anonymous page was first mapped, as page->mapping (the anon_vma) and page->index (the
     * linear page index) let rmap find it: the mm and the index within its VMAs.
     */
    public void setRmap(long pfn, int mmId, long linearIndex) {
        rmapMm[(int) pfn] = mmId + 1;
        rmapIndex[(int) pfn] = linearIndex;
    }

    /** The mm number recorded by {@link #setRmap}, or -1. */
    public int rmapMm(long pfn) {
        return rmapMm[(int) pfn] - 1;
    }

    public long rmapIndex(long pfn) {
        return rmapIndex[(int) pfn];
    }

    /** folio_migrate_flags() and the rest of struct page's state, from a migrated page to its new copy. */
    void moveTo(long src, long dst) {
        int s = (int) src;
        int d = (int) dst;
        refcount[d] = refcount[s];
        mapcount[d] = mapcount[s];
        entireMapcount[d] = entireMapcount[s];
        flags[d] = flags[s];
        swapSlotPlusOne[d] = swapSlotPlusOne[s];
        rmapMm[d] = rmapMm[s];
        rmapIndex[d] = rmapIndex[s];
        reset(src);
    }

    /** prep_compound_page() for an order-9 block: head and tail flags. */
    public void prepCompound(long headPfn) {
        set(headPfn, HEAD);
        for (long p = headPfn + 1; p < headPfn + 512; p++) {
            set(p, TAIL);
        }
    }

    /** page_private() of a swap-cache page: its swap slot, or -1. */
    public long swapSlot(long pfn) {
        return swapSlotPlusOne[(int) pfn] - 1L;
    }

    public void setSwapSlot(long pfn, long slot) {
        swapSlotPlusOne[(int) pfn] = (int) (slot + 1);
    }
}
