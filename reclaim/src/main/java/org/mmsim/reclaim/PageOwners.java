package org.mmsim.reclaim;

import org.mmsim.page.Machine;
import org.mmsim.page.Node;

/**
 * Who owns each allocated page, as the kernel's struct page fields mapping/index/flags/lru say it: per-pfn
 * primitive arrays (like mem_map) over the machine's pfn range. A head page records the kind, the order of its
 * block, the owner (an {@link AddressSpace} number, or a slab's id) and the index in the owner (virtual page or
 * file offset); {@code prev}/{@code next} thread the page through one of the node's LRU lists ({@link Lruvec}).
 */
public final class PageOwners {
    public static final byte NONE = 0;
    /**
     * Anonymous page of the processes (PageAnon, swap-backed), a base page or a THP's head: they map it in their
     * page tables, and reclaim and compaction reach it only through {@link Rmap}.
     */
    public static final byte ANON = 1;
    /** Page-cache page of a regular file. */
    public static final byte FILE = 2;
    /** shmem/tmpfs page (page cache, swap-backed). */
    public static final byte SHMEM = 3;
    /** Unmovable kernel allocation without an owner. */
    public static final byte KERNEL = 4;
    /** Reclaimable slab page (SReclaimable: dentries, inodes), freed by shrinkers. */
    public static final byte SLAB_RECLAIMABLE = 5;
    /** Unreclaimable slab page. */
    public static final byte SLAB_UNRECLAIMABLE = 6;
    /** A hugetlbfs pool page (nr_hugepages). */
    public static final byte HUGETLB = 7;
    /** A transparent huge page allocated and held by the thp generator (not mapped). */
    public static final byte THP_HELD = 8;

    /** PG_lru: on an LRU list. */
    public static final int F_LRU = 1;
    /** PG_active. */
    public static final int F_ACTIVE = 2;
    /** PG_referenced (mark_page_accessed). */
    public static final int F_REFERENCED = 4;
    /** An accessed (young) pte maps the page: folio_referenced() finds it. */
    public static final int F_YOUNG = 8;
    /** PG_unevictable / PG_mlocked. */
    public static final int F_UNEVICTABLE = 16;
    /** PG_workingset. */
    public static final int F_WORKINGSET = 32;
    /** PG_dirty of a page-cache page: written, not yet on its way to disk. */
    public static final int F_DIRTY = 64;
    /** PG_writeback: being written to disk. */
    public static final int F_WRITEBACK = 128;
    /** PG_reclaim: reclaim met it dirty or under writeback; rotate it to the inactive tail when written. */
    public static final int F_RECLAIM = 256;
    /**
     * A page-cache page a process has mapped (page_mapped()). Differs: it stays mapped until the file goes, as the
     * model does not walk a file's i_mmap tree to unmap it; reclaim finds it referenced, compaction leaves it.
     */
    public static final int F_MAPPED = 512;

    public static final int NIL = -1;

    private final long basePfn;
    final byte[] kind;
    final byte[] order;
    final short[] flags;
    final int[] owner;
    final int[] index;
    final int[] prev;
    final int[] next;
    final byte[] lru;

    public PageOwners(Machine m) {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (Node n : m.nodes()) {
            lo = Math.min(lo, n.nodeStartPfn());
            hi = Math.max(hi, n.nodeStartPfn() + n.spannedPages());
        }
        long align = 1L << (m.arch().maxOrder() - 1);
        basePfn = lo & -align;
        int size = Math.toIntExact(((hi + align - 1) & -align) - basePfn);
        kind = new byte[size];
        order = new byte[size];
        flags = new short[size];
        owner = new int[size];
        index = new int[size];
        prev = new int[size];
        next = new int[size];
        lru = new byte[size];
    }

    /** The array slot of a pfn. */
    public int slot(long pfn) {
        return (int) (pfn - basePfn);
    }

    public long pfn(int slot) {
        return basePfn + slot;
    }

    public int size() {
        return kind.length;
    }

    public int kind(long pfn) {
        return kind[slot(pfn)];
    }

    public int order(long pfn) {
        return order[slot(pfn)];
    }

    public int owner(long pfn) {
        return owner[slot(pfn)];
    }

    public int index(long pfn) {
        return index[slot(pfn)];
    }

    public boolean hasFlag(long pfn, int f) {
        return (flags[slot(pfn)] & f) != 0;
    }

    /** Records the owner of a freshly allocated block (flags cleared). */
    public void set(long pfn, int k, int ord, int own, int idx) {
        int s = slot(pfn);
        kind[s] = (byte) k;
        order[s] = (byte) ord;
        flags[s] = 0;
        owner[s] = own;
        index[s] = idx;
        lru[s] = -1;
    }

    /** Forgets a block that goes back to the allocator. */
    public void clear(long pfn) {
        int s = slot(pfn);
        kind[s] = NONE;
        flags[s] = 0;
        order[s] = 0;
    }

    void setFlag(int s, int f) {
        flags[s] |= (short) f;
    }

    void clearFlag(int s, int f) {
        flags[s] &= (short) ~f;
    }

    /** Sets the young bit, as a CPU access through a pte does. */
    public void touch(long pfn) {
        flags[slot(pfn)] |= F_YOUNG;
    }

    /**
     * True for the kinds compaction may migrate (LRU pages of order 0, on a list or unevictable), except pages
     * under writeback, which isolate_migratepages_block() skips in async mode and migration waits for otherwise.
     * An anonymous page must also pass {@link Rmap#isMigratable}.
     */
    public boolean isMigratable(int s) {
        int k = kind[s];
        return (k == ANON || k == FILE || k == SHMEM) && order[s] == 0 && (flags[s] & F_LRU) != 0
                && (flags[s] & (F_WRITEBACK | F_MAPPED)) == 0;
    }
}
