package org.mmsim.proc;

import java.util.List;

/**
 * One node in /proc/zoneinfo: its stats (printed once, under the node's first populated zone) and
 * every configured zone in index order, empty ones included.
 *
 * @param nodeId    the node
 * @param nodeStats the node stat items in the kernel's order (THP counters already divided by
 *                  HPAGE_PMD_NR); empty when the node has no populated zone
 * @param zones     all MAX_NR_ZONES zones
 */
public record ZoneInfoNode(int nodeId, NamedCounters nodeStats, List<ZoneInfoZone> zones) {
    public ZoneInfoNode {
        zones = List.copyOf(zones);
    }

    /** {@code is_zone_first_populated()}: the index of the zone that carries the node stats, or -1. */
    public int firstPopulatedZone() {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).populated()) {
                return i;
            }
        }
        return -1;
    }

    /** The zone of that name, or null. */
    public ZoneInfoZone zone(String name) {
        for (ZoneInfoZone z : zones) {
            if (z.name().equals(name)) {
                return z;
            }
        }
        return null;
    }
}
