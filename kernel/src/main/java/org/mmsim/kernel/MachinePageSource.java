package org.mmsim.kernel;

import java.util.Arrays;

import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.Node;

/**
 * The page allocator of a booted {@link Machine} as SLUB, kmalloc and vmalloc see it: {@code __alloc_pages(gfp,
 * order, nid)} and {@code __free_pages()} (mm/page_alloc.c) with the same 6.1 GFP bits, so __GFP_THISNODE, the
 * zone modifiers and the migratetype bits reach the buddy allocator unchanged.
 *
 * <p>A block allocated with order &gt; 0 and without __GFP_COMP is remembered: vm_area_alloc_pages() calls
 * split_page() on such blocks and later frees the pages one by one. The model splits the block the first time one
 * of its pages is freed at order 0 ({@link Machine#splitPage}), so the buddy allocator sees the same frees.
 */
public final class MachinePageSource implements PageSource {
    /** How the source reaches __alloc_pages(); the simulation routes it through its reclaim-aware entry point. */
    @FunctionalInterface
    public interface NodeAllocator {
        /** __alloc_pages(gfp, order, nid): the block's first pfn, or -1. */
        long allocPages(int gfp, int order, int nid);
    }

    private final Machine machine;
    private final NodeAllocator allocator;
    private final int pageShift;
    private final int maxOrder;
    private final long[] nodeStart;
    private final long[] nodeEnd;
    private final long endPfn;
    /** The whole non-compound blocks of order &gt; 0: head pfns in ascending order, and their orders. */
    private long[] blockHead = new long[16];
    private byte[] blockOrder = new byte[16];
    private int blocks;

    /** Allocates straight from the machine's buddy allocator. */
    public MachinePageSource(Machine machine) {
        this(machine, machine::allocPages);
    }

    public MachinePageSource(Machine machine, NodeAllocator allocator) {
        this.machine = machine;
        this.allocator = allocator;
        this.pageShift = machine.arch().pageShift();
        this.maxOrder = machine.arch().maxOrder();
        int n = machine.nodes().size();
        nodeStart = new long[n];
        nodeEnd = new long[n];
        long end = 0;
        for (int i = 0; i < n; i++) {
            Node node = machine.node(i);
            nodeStart[i] = node.nodeStartPfn();
            nodeEnd[i] = node.nodeStartPfn() + node.spannedPages();
            end = Math.max(end, nodeEnd[i]);
        }
        this.endPfn = end;
    }

    public Machine machine() {
        return machine;
    }

    /**
     * {@inheritDoc} A node outside the machine (NUMA_NO_NODE included) means the current CPU's node, as
     * alloc_pages_node() does for NUMA_NO_NODE.
     */
    @Override
    public long allocPages(int gfpFlags, int order, int nid) {
        if (nid < 0 || nid >= nodeStart.length) {
            nid = machine.cpuToNode(machine.currentCpu());
        }
        long pfn = allocator.allocPages(gfpFlags, order, nid);
        if (pfn < 0) {
            return NO_PAGE;
        }
        if (order > 0 && (gfpFlags & Gfp.__GFP_COMP) == 0) {
            addBlock(pfn, order);
        }
        return pfn;
    }

    /**
     * {@inheritDoc} An order-0 free of a page inside a whole non-compound block splits that block first
     * (split_page()); the other pages stay allocated until they are freed in turn.
     */
    @Override
    public void freePages(long pfn, int order) {
        if (blocks > 0) {
            int i = floorBlock(pfn);
            if (i >= 0 && pfn < blockHead[i] + (1L << blockOrder[i])) {
                long head = blockHead[i];
                int blockOrd = blockOrder[i];
                if (head == pfn && blockOrd == order) {
                    removeBlock(i);
                } else if (order == 0) {
                    removeBlock(i);
                    machine.splitPage(head, blockOrd);
                }
            }
        }
        machine.freePages(pfn, order);
    }

    /** The index of the last block whose head is at or below pfn, or -1. */
    private int floorBlock(long pfn) {
        int lo = 0;
        int hi = blocks - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (blockHead[mid] <= pfn) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void addBlock(long pfn, int order) {
        if (blocks == blockHead.length) {
            blockHead = Arrays.copyOf(blockHead, blocks * 2);
            blockOrder = Arrays.copyOf(blockOrder, blocks * 2);
        }
        int at = floorBlock(pfn) + 1;
        System.arraycopy(blockHead, at, blockHead, at + 1, blocks - at);
        System.arraycopy(blockOrder, at, blockOrder, at + 1, blocks - at);
        blockHead[at] = pfn;
        blockOrder[at] = (byte) order;
        blocks++;
    }

    private void removeBlock(int i) {
        System.arraycopy(blockHead, i + 1, blockHead, i, blocks - i - 1);
        System.arraycopy(blockOrder, i + 1, blockOrder, i, blocks - i - 1);
        blocks--;
    }

    @Override
    public int pfnToNid(long pfn) {
        return NodeSpans.nidOf(nodeStart, nodeEnd, pfn);
    }

    @Override
    public long endPfn() {
        return endPfn;
    }

    @Override
    public int pageShift() {
        return pageShift;
    }
}
