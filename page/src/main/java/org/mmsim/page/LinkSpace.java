package org.mmsim.page;

/**
 * One set of intrusive list links ({@code struct page}'s {@code lru}/{@code buddy_list}/{@code pcp_list} union)
 * stored as int arrays per memory section and created lazily. A space with {@code shift} s keeps one link pair
 * per 2^s pages: the fine space (s = 0) serves every page, the coarse space (s = MAX_ORDER-1) serves only heads
 * of max-order free blocks, so a machine whose memory is all in max-order blocks (right after boot) needs no
 * fine links at all. Links hold page indexes relative to the {@link MemMap} base; -1 is the end of a list.
 */
final class LinkSpace {
    static final int NIL = -1;

    private final int shift;
    private final int perSection;
    final int[][] next;
    final int[][] prev;

    LinkSpace(int nrSections, int shift) {
        this.shift = shift;
        this.perSection = MemMap.PAGES_PER_SECTION >>> shift;
        this.next = new int[nrSections][];
        this.prev = new int[nrSections][];
    }

    int next(int idx) {
        return next[idx >>> MemMap.SECTION_SHIFT][(idx & MemMap.SECTION_MASK) >>> shift];
    }

    int prev(int idx) {
        return prev[idx >>> MemMap.SECTION_SHIFT][(idx & MemMap.SECTION_MASK) >>> shift];
    }

    void setNext(int idx, int v) {
        next[idx >>> MemMap.SECTION_SHIFT][(idx & MemMap.SECTION_MASK) >>> shift] = v;
    }

    void setPrev(int idx, int v) {
        prev[idx >>> MemMap.SECTION_SHIFT][(idx & MemMap.SECTION_MASK) >>> shift] = v;
    }

    /** Sets both links of a page entering a list, creating its section's arrays on first use. */
    void set(int idx, int prevIdx, int nextIdx) {
        int s = idx >>> MemMap.SECTION_SHIFT;
        int o = (idx & MemMap.SECTION_MASK) >>> shift;
        int[] n = next[s];
        if (n == null) {
            n = createSection(s);
        }
        n[o] = nextIdx;
        prev[s][o] = prevIdx;
    }

    private int[] createSection(int s) {
        next[s] = new int[perSection];
        prev[s] = new int[perSection];
        return next[s];
    }

    /** Bytes held by the created sections. */
    long bytes() {
        long b = 0;
        for (int s = 0; s < next.length; s++) {
            if (next[s] != null) {
                b += 8L * perSection;
            }
        }
        return b;
    }
}
