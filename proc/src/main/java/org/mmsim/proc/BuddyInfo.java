package org.mmsim.proc;

import java.util.List;

/**
 * The contents of /proc/buddyinfo: one {@link ZoneFreeArea} per populated zone, nodes in order and
 * zones by ascending index within a node (mm/vmstat.c {@code frag_show}, {@code walk_zones_in_node}).
 */
public record BuddyInfo(List<ZoneFreeArea> zones) {
    public BuddyInfo {
        zones = List.copyOf(zones);
    }

    /** The zone of a node with that name, or null. */
    public ZoneFreeArea zone(int nodeId, String zoneName) {
        for (ZoneFreeArea z : zones) {
            if (z.nodeId() == nodeId && z.zoneName().equals(zoneName)) {
                return z;
            }
        }
        return null;
    }
}
