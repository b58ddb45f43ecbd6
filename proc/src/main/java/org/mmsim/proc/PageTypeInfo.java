package org.mmsim.proc;

import java.util.List;

/** The contents of /proc/pagetypeinfo: one {@link PageTypeInfoNode} per node with memory. */
public record PageTypeInfo(List<PageTypeInfoNode> nodes) {
    /** The kernel stops walking a free list at this many entries and prints {@code >100000}. */
    public static final long FREE_COUNT_CAP = 100000;

    public PageTypeInfo {
        nodes = List.copyOf(nodes);
    }

    /** The node with that id, or null. */
    public PageTypeInfoNode node(int nodeId) {
        for (PageTypeInfoNode n : nodes) {
            if (n.nodeId() == nodeId) {
                return n;
            }
        }
        return null;
    }
}
