package org.mmsim.page;

/**
 * One set of intrusive list links for the buddy free lists ({@code struct page}'s {@code buddy_list}), stored
 * as int arrays per memory section and created lazily; the per-CPU lists are {@link PageDeque}s. A space with
 * {@code shift} s keeps one link pair per 2^s pages: the fine space (s = 0) serves every page, the coarse space
 * (s = MAX_ORDER-1) serves only heads of max-order free blocks, so a machine whose memory is all in max-order
 * blocks (right after boot) needs no fine links at all. Links hold page indexes relative to the {@link MemMap}
 * base; -1 is the end of a list. A page's two links sit side by side, so unlinking or linking a page costs one
 * cache line.
 */
final class LinkSpace {
    static final int NIL = -1;

    private final int shift;
    private final int perSection;
    /** Per section, the links of each page side by side: next at 2 * i, prev at 2 * i + 1 (one cache line). */
    final int[][] links;

    LinkSpace(int nrSections, int shift) {
        this.shift = shift;
        this.perSection = MemMap.PAGES_PER_SECTION >>> shift;
        this.links = new int[nrSections][];
    }

    private int slot(int idx) {
        return ((idx & MemMap.SECTION_MASK) >>> shift) << 1;
    }

    int next(int idx) {
        return links[idx >>> MemMap.SECTION_SHIFT][slot(idx)];
    }

    int prev(int idx) {
        return links[idx >>> MemMap.SECTION_SHIFT][slot(idx) + 1];
    }

    void setNext(int idx, int v) {
        links[idx >>> MemMap.SECTION_SHIFT][slot(idx)] = v;
    }

    void setPrev(int idx, int v) {
        links[idx >>> MemMap.SECTION_SHIFT][slot(idx) + 1] = v;
    }

    /** Sets both links of a page entering a list, creating its section's array on first use. */
    void set(int idx, int prevIdx, int nextIdx) {
        int s = idx >>> MemMap.SECTION_SHIFT;
        int[] l = links[s];
        if (l == null) {
            l = new int[2 * perSection];
            links[s] = l;
        }
        int o = slot(idx);
        l[o] = nextIdx;
        l[o + 1] = prevIdx;
    }

    /** Bytes held by the created sections. */
    long bytes() {
        long b = 0;
        for (int[] l : links) {
            if (l != null) {
                b += 4L * l.length;
            }
        }
        return b;
    }
}
