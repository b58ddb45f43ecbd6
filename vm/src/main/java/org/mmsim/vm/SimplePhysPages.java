package org.mmsim.vm;

import java.util.Arrays;

/**
 * A small binary buddy allocator over pfns [0, maxPfn), used until the real page allocator (module page) is
 * adapted to {@link PhysPages}. It models only the splitting and merging of mm/page_alloc.c
 * __rmqueue_smallest() and __free_one_page(), without zones, migratetypes or watermarks. Free lists are
 * intrusive doubly linked lists through int arrays indexed by pfn.
 */
public final class SimplePhysPages implements PhysPages {
    private static final int MAX_ORDER = 11;
    private static final int NONE = -1;

    private final int maxPfn;
    private final int[] next;
    private final int[] prev;
    private final byte[] freeOrder;
    private final int[] heads = new int[MAX_ORDER];
    private final long[] freeCount = new long[MAX_ORDER];
    private long allocatedPages;

    /** All pages [0, pages) start free; pages is rounded down to a whole number of order-10 blocks if larger. */
    public SimplePhysPages(int pages) {
        if (pages <= 0) {
            throw new IllegalArgumentException("pages must be > 0");
        }
        this.maxPfn = pages;
        this.next = new int[pages];
        this.prev = new int[pages];
        this.freeOrder = new byte[pages];
        Arrays.fill(freeOrder, (byte) NONE);
        Arrays.fill(heads, NONE);
        int pfn = 0;
        while (pfn < pages) {
            int order = MAX_ORDER - 1;
            while (order > 0 && ((pfn & ((1 << order) - 1)) != 0 || pfn + (1 << order) > pages)) {
                order--;
            }
            push(pfn, order);
            pfn += 1 << order;
        }
    }

    @Override
    public long allocPages(int gfp, int order) {
        int o = order;
        while (o < MAX_ORDER && heads[o] == NONE) {
            o++;
        }
        if (o >= MAX_ORDER) {
            return -1;
        }
        int pfn = heads[o];
        remove(pfn, o);
        while (o > order) {
            o--;
            push(pfn + (1 << o), o);
        }
        allocatedPages += 1L << order;
        return pfn;
    }

    @Override
    public void freePages(long pfnLong, int order) {
        int pfn = (int) pfnLong;
        allocatedPages -= 1L << order;
        int o = order;
        while (o < MAX_ORDER - 1) {
            int buddy = pfn ^ (1 << o);
            if (buddy >= maxPfn || freeOrder[buddy] != o) {
                break;
            }
            remove(buddy, o);
            pfn &= ~(1 << o);
            o++;
        }
        push(pfn, o);
    }

    @Override
    public long maxPfn() {
        return maxPfn;
    }

    /** Pages currently handed out. */
    public long allocatedPages() {
        return allocatedPages;
    }

    /** Free blocks of the given order. */
    public long freeBlocks(int order) {
        return freeCount[order];
    }

    private void push(int pfn, int order) {
        int h = heads[order];
        next[pfn] = h;
        prev[pfn] = NONE;
        if (h != NONE) {
            prev[h] = pfn;
        }
        heads[order] = pfn;
        freeOrder[pfn] = (byte) order;
        freeCount[order]++;
    }

    private void remove(int pfn, int order) {
        int n = next[pfn];
        int p = prev[pfn];
        if (p != NONE) {
            next[p] = n;
        } else {
            heads[order] = n;
        }
        if (n != NONE) {
            prev[n] = p;
        }
        freeOrder[pfn] = (byte) NONE;
        freeCount[order]--;
    }
}
