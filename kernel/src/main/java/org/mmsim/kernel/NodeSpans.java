package org.mmsim.kernel;

/**
 * The node a pfn lies in, looked up in per-node spans [start, end) of pfns: what page_to_nid() answers from the
 * node's node_start_pfn and spanned pages. Shared by the page sources that keep their nodes as two pfn arrays.
 */
final class NodeSpans {
    private NodeSpans() {
    }

    /** The index of the first span holding pfn, or -1 when no span holds it. */
    static int nidOf(long[] nodeStart, long[] nodeEnd, long pfn) {
        for (int n = 0; n < nodeStart.length; n++) {
            if (pfn >= nodeStart[n] && pfn < nodeEnd[n]) {
                return n;
            }
        }
        return -1;
    }
}
