package org.mmsim.page;

/**
 * The per-page state of one node, the model's {@code mem_map}: primitive arrays indexed by pfn. Memory is
 * grouped in sections of 32768 pages (128 MiB of 4 KiB pages, SPARSEMEM's section size on x86_64 and arm64); a
 * section is present (pfn_valid) once memory in it is set up. Per page: one flags byte, in one array over the
 * node's span (a page costs one bounds check, and a hole one byte a page), and, only in sections where a block
 * smaller than MAX_ORDER-1 was ever on a buddy free list, two int links (see {@link LinkSpace}): 9 bytes per
 * page at most.
 * The flags byte holds the order in its low nibble and a state in its high nibble: 0 nothing, 1 PageReserved,
 * 2 head of an allocated block, 3 head of an allocated block counted as movable (it stands in for PageLRU /
 * __PageMovable until the LRU layer exists; move_freepages counts such pages), 4+mt on a pcp list remembering migratetype mt ({@code set_pcppage_migratetype}),
 * 10+mt PageBuddy on the free list of migratetype mt. Pages are addressed by an
 * int index relative to the section-aligned base pfn; a node spans fewer than 2^31 - 2^15 pages (8 TiB).
 */
public final class MemMap {
    public static final int SECTION_SHIFT = 15;
    public static final int PAGES_PER_SECTION = 1 << SECTION_SHIFT;
    static final int SECTION_MASK = PAGES_PER_SECTION - 1;

    static final int ORDER_MASK = 0x0f;
    static final int ST_RESERVED = 1 << 4;
    static final int ST_ALLOCATED = 2 << 4;
    static final int ST_ALLOCATED_MOVABLE = 3 << 4;
    static final int ST_PCP = 4 << 4;
    static final int ST_BUDDY = 10 << 4;

    static int buddyFlags(int order, int mt) {
        return ST_BUDDY + (mt << 4) + order;
    }

    /** The flags of the head of an allocated block: counted as movable or not, with its order. */
    static int allocatedFlags(boolean movable, int order) {
        return (movable ? ST_ALLOCATED_MOVABLE : ST_ALLOCATED) + order;
    }

    static int pcpFlags(int order, int mt) {
        return ST_PCP + (mt << 4) + order;
    }

    static boolean isBuddy(int f) {
        return f >= ST_BUDDY;
    }

    static int buddyMt(int f) {
        return (f - ST_BUDDY) >>> 4;
    }

    static boolean isPcp(int f) {
        return f >= ST_PCP && f < ST_BUDDY;
    }

    static int pcpMt(int f) {
        return (f - ST_PCP) >>> 4;
    }

    private final long basePfn;
    private final long startPfn;
    private final long endPfn;
    /** The flags byte of every page of the span, index relative to the section-aligned base. */
    final byte[] flags;
    /** Which sections are present. */
    private final boolean[] present;
    final LinkSpace fine;
    final LinkSpace coarse;

    /** Storage for pfns [startPfn, startPfn + spannedPages), e.g. a node's span. */
    public MemMap(long startPfn, long spannedPages, int maxOrder) {
        this.startPfn = startPfn;
        this.endPfn = startPfn + spannedPages;
        this.basePfn = startPfn & ~(long) SECTION_MASK;
        long sections = spannedPages == 0 ? 0 : ((endPfn - 1 - basePfn) >>> SECTION_SHIFT) + 1;
        if (sections >= 1L << (31 - SECTION_SHIFT)) {
            throw new IllegalArgumentException("node span of 2^31 - 2^15 pages or more is not supported");
        }
        int n = (int) sections;
        this.flags = new byte[n << SECTION_SHIFT];
        this.present = new boolean[n];
        this.fine = new LinkSpace(n, 0);
        this.coarse = new LinkSpace(n, maxOrder - 1);
    }

    public long basePfn() {
        return basePfn;
    }

    public long startPfn() {
        return startPfn;
    }

    public long endPfn() {
        return endPfn;
    }

    int index(long pfn) {
        return (int) (pfn - basePfn);
    }

    long pfn(int idx) {
        return basePfn + idx;
    }

    /** Whether the section holding this page has been created (pfn_valid in the model's terms). */
    boolean valid(int idx) {
        return idx >= 0 && (idx >>> SECTION_SHIFT) < present.length && present[idx >>> SECTION_SHIFT];
    }

    int flags(int idx) {
        return flags[idx] & 0xff;
    }

    void setFlags(int idx, int f) {
        flags[idx] = (byte) f;
    }

    /** Creates the sections covering [idx, idx + count). */
    void ensureSections(int idx, long count) {
        int first = idx >>> SECTION_SHIFT;
        int last = (int) ((idx + count - 1) >>> SECTION_SHIFT);
        for (int s = first; s <= last; s++) {
            present[s] = true;
        }
    }

    /** pfn_valid(): whether the page has a memory map (its section holds memory). */
    public boolean isValid(long pfn) {
        return valid(index(pfn));
    }

    /** The raw flags byte of a page (0 if its section does not exist). */
    public int pageFlags(long pfn) {
        int idx = index(pfn);
        return valid(idx) ? flags(idx) : 0;
    }

    /** True if the page heads a free block on a buddy free list (PageBuddy). */
    public boolean isBuddy(long pfn) {
        return isBuddy(pageFlags(pfn));
    }

    /** The free list (migratetype) a buddy head sits on, or -1. */
    public int buddyListType(long pfn) {
        int f = pageFlags(pfn);
        return isBuddy(f) ? buddyMt(f) : -1;
    }

    /** True if the page is reserved (never freed to the buddy allocator). */
    public boolean isReserved(long pfn) {
        return (pageFlags(pfn) & 0xf0) == ST_RESERVED;
    }

    /** True if the page heads an allocated block. */
    public boolean isAllocatedHead(long pfn) {
        int st = pageFlags(pfn) & 0xf0;
        return st == ST_ALLOCATED || st == ST_ALLOCATED_MOVABLE;
    }

    /** True if the page sits on a per-CPU list. */
    public boolean isOnPcp(long pfn) {
        return isPcp(pageFlags(pfn));
    }

    /** The migratetype a page on a per-CPU list remembers (get_pcppage_migratetype). */
    public int pcpMigratetype(long pfn) {
        return pcpMt(pageFlags(pfn));
    }

    /** The order stored with a buddy head, pcp page or allocated head. */
    public int order(long pfn) {
        return pageFlags(pfn) & ORDER_MASK;
    }

    /** Bytes of per-page state currently held (the flags of the span plus the created link sections). */
    public long bytes() {
        return flags.length + present.length + fine.bytes() + coarse.bytes();
    }
}
