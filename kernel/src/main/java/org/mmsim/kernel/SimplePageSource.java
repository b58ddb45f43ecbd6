package org.mmsim.kernel;

import java.util.Arrays;

import org.mmsim.page.Gfp;

/**
 * A stand-in for the page allocator while the real one (module {@code page}) is built: each node is a pfn
 * range handed out by a bump pointer aligned to the block size, and freed blocks are kept on one stack per
 * node and order and reused first. It ignores zones and migratetypes and never splits or merges blocks.
 * Tests can make it refuse blocks above an order ({@link #failOrdersAbove}) or run it out of memory,
 * to exercise the callers' fallbacks (SLUB's allocate_slab() retry at s->min).
 */
public final class SimplePageSource implements PageSource {
    private final int pageShift;
    private final int maxOrder;
    private final long[] nodeStart;
    private final long[] nodeEnd;
    private final long[] bump;
    /** free[node][order] stacks of pfns, with their sizes. */
    private final long[][][] free;
    private final int[][] freeCount;
    private int failAboveOrder = Integer.MAX_VALUE;
    private long allocatedPages;

    /**
     * @param pageShift PAGE_SHIFT
     * @param maxOrder  MAX_ORDER (orders 0 .. maxOrder-1 are served)
     * @param nodePfns  for each node, its first pfn and one past its last pfn: {start0, end0, start1, end1, ...}
     */
    public SimplePageSource(int pageShift, int maxOrder, long... nodePfns) {
        if (nodePfns.length == 0 || nodePfns.length % 2 != 0) {
            throw new IllegalArgumentException("node pfn ranges must come in pairs");
        }
        this.pageShift = pageShift;
        this.maxOrder = maxOrder;
        int nodes = nodePfns.length / 2;
        nodeStart = new long[nodes];
        nodeEnd = new long[nodes];
        bump = new long[nodes];
        free = new long[nodes][maxOrder][];
        freeCount = new int[nodes][maxOrder];
        for (int n = 0; n < nodes; n++) {
            nodeStart[n] = nodePfns[2 * n];
            nodeEnd[n] = nodePfns[2 * n + 1];
            bump[n] = nodeStart[n];
            for (int o = 0; o < maxOrder; o++) {
                free[n][o] = new long[16];
            }
        }
    }

    /** One node of {@code bytes} of memory starting at pfn 0, 4 KiB pages, MAX_ORDER 11. */
    public static SimplePageSource ofBytes(long bytes) {
        return new SimplePageSource(12, 11, 0, bytes >>> 12);
    }

    /** From now on, requests above {@code order} fail (as a fragmented buddy allocator would). */
    public void failOrdersAbove(int order) {
        failAboveOrder = order;
    }

    /** Pages currently handed out. */
    public long allocatedPages() {
        return allocatedPages;
    }

    @Override
    public long allocPages(int gfpFlags, int order, int nid) {
        if (order < 0 || order >= maxOrder || order > failAboveOrder) {
            return NO_PAGE;
        }
        int nodes = nodeStart.length;
        int first = nid < 0 || nid >= nodes ? 0 : nid;
        boolean thisNode = (gfpFlags & Gfp.__GFP_THISNODE) != 0;
        for (int i = 0; i < nodes; i++) {
            int n = (first + i) % nodes;
            long pfn = allocFromNode(n, order);
            if (pfn != NO_PAGE) {
                allocatedPages += 1L << order;
                return pfn;
            }
            if (thisNode) {
                break;
            }
        }
        return NO_PAGE;
    }

    private long allocFromNode(int n, int order) {
        if (freeCount[n][order] > 0) {
            return free[n][order][--freeCount[n][order]];
        }
        long size = 1L << order;
        long start = (bump[n] + size - 1) & -size;
        if (start + size > nodeEnd[n]) {
            return NO_PAGE;
        }
        bump[n] = start + size;
        return start;
    }

    @Override
    public void freePages(long pfn, int order) {
        int n = pfnToNid(pfn);
        if (n < 0) {
            throw new IllegalArgumentException("pfn " + pfn + " is not in any node");
        }
        long[] stack = free[n][order];
        if (freeCount[n][order] == stack.length) {
            free[n][order] = stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[freeCount[n][order]++] = pfn;
        allocatedPages -= 1L << order;
    }

    @Override
    public int pfnToNid(long pfn) {
        return NodeSpans.nidOf(nodeStart, nodeEnd, pfn);
    }

    @Override
    public long endPfn() {
        long end = 0;
        for (long e : nodeEnd) {
            end = Math.max(end, e);
        }
        return end;
    }

    @Override
    public int pageShift() {
        return pageShift;
    }
}
