package org.mmsim.page;

import java.util.List;

/**
 * A zonelist ({@code struct zonelist}), as build_zonelists() orders it: for each node by distance (local first),
 * that node's populated zones from the highest zone type down.
 */
public final class Zonelist {
    final Zone[] zones;
    private final List<Zone> zoneList;

    Zonelist(List<Zone> zones) {
        this.zones = zones.toArray(new Zone[0]);
        this.zoneList = List.of(this.zones);
    }

    /** The zones in order (an unmodifiable list built once: the slow paths walk it on every request). */
    public List<Zone> zones() {
        return zoneList;
    }

    /** first_zones_zonelist(): the position of the first zone with zone_idx at most highestZoneidx, or -1. */
    int firstZone(int highestZoneidx) {
        for (int i = 0; i < zones.length; i++) {
            if (zones[i].zoneIdx() <= highestZoneidx) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Zone z : zones) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(z.node().nid()).append(':').append(z.name());
        }
        return b.toString();
    }
}
