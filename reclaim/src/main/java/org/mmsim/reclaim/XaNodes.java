package org.mmsim.reclaim;

import java.util.Arrays;

/**
 * The shape of one mapping's xarray (lib/xarray.c): which xa_nodes exist for the entries present (pages,
 * workingset shadows, swap entries). Each node has XA_CHUNK_SIZE = 64 slots; a node exists while any slot under it
 * is in use. xas_create() allocates the missing nodes of a path top-down when an entry is stored in an empty slot;
 * xas_delete_node() frees a node, then its parent if that became empty, when the last entry under it goes. The
 * tree is as tall as the mapping's size needs; a one-page mapping keeps its entry in the root and has no node.
 */
final class XaNodes {
    static final int XA_CHUNK_SHIFT = 6;

    /** live[level][j]: used slots of node j at that level (level 0 holds entries, higher levels hold nodes). */
    private final int[][] live;
    /** The node's slab object, from {@link XaNodeAllocator#alloc()}. */
    private final long[][] handle;

    XaNodes(int size) {
        int height = 0;
        if (size > 1) {
            long span = 1L << XA_CHUNK_SHIFT;
            height = 1;
            while (span < size) {
                span <<= XA_CHUNK_SHIFT;
                height++;
            }
        }
        live = new int[height][];
        handle = new long[height][];
        for (int level = 0; level < height; level++) {
            int shift = XA_CHUNK_SHIFT * (level + 1);
            int nodes = (int) (((long) size + (1L << shift) - 1) >> shift);
            live[level] = new int[nodes];
            handle[level] = new long[nodes];
            Arrays.fill(handle[level], -1);
        }
    }

    /** Nodes that exist now. */
    long nodes() {
        long n = 0;
        for (int[] level : live) {
            for (int c : level) {
                n += c > 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** An entry is stored in the empty slot {@code index}: allocate the path's missing nodes, top-down. */
    void add(int index, XaNodeAllocator a) {
        int height = live.length;
        for (int level = height - 1; level >= 0; level--) {
            int j = index >>> (XA_CHUNK_SHIFT * (level + 1));
            if (live[level][j] == 0) {
                handle[level][j] = a.alloc();
            }
        }
        for (int level = 0; level < height; level++) {
            int j = index >>> (XA_CHUNK_SHIFT * (level + 1));
            if (live[level][j]++ > 0) {
                break;
            }
        }
    }

    /** The entry in slot {@code index} is erased: free the nodes left empty, bottom-up. */
    void remove(int index, XaNodeAllocator a) {
        for (int level = 0; level < live.length; level++) {
            int j = index >>> (XA_CHUNK_SHIFT * (level + 1));
            if (--live[level][j] > 0) {
                break;
            }
            if (handle[level][j] >= 0) {
                a.free(handle[level][j]);
                handle[level][j] = -1;
            }
        }
    }
}
