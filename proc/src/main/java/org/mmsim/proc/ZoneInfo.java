package org.mmsim.proc;

import java.util.List;

/** The contents of /proc/zoneinfo: every online node in order (mm/vmstat.c {@code zoneinfo_show}). */
public record ZoneInfo(List<ZoneInfoNode> nodes) {
    public ZoneInfo {
        nodes = List.copyOf(nodes);
    }

    /** The node with that id, or null. */
    public ZoneInfoNode node(int nodeId) {
        for (ZoneInfoNode n : nodes) {
            if (n.nodeId() == nodeId) {
                return n;
            }
        }
        return null;
    }
}
