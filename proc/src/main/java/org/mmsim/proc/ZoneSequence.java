package org.mmsim.proc;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks the order in which a /proc file lists zones: the kernel walks online nodes in ascending order and each
 * node's zones by ascending index (mm/vmstat.c {@code walk_zones_in_node()}), so a zone comes once, after the zones
 * of lower index of its node and after every lower node. A zone listed twice or out of order means an edited file
 * or two files pasted together.
 */
final class ZoneSequence {
    private final Map<String, Integer> seenAt = new HashMap<>();
    private int lastNode = -1;
    private int lastZone = -1;

    /** Records the zone of the line last read by {@code in}, refusing a repeat or a step backwards. */
    void next(TextLines in, int node, String zone) {
        next(in, in.lineNo(), node, zone);
    }

    /** Records a zone named on {@code line}: a kernel zone name, not seen before, in the kernel's order. */
    void next(TextLines in, int line, int node, String zone) {
        int z = KernelLimits.zoneIndex(zone);
        if (z < 0) {
            throw in.error(line, "unknown zone '" + TextLines.abbreviate(zone) + "'; the kernel's zones are "
                    + String.join(", ", KernelLimits.ZONE_NAMES));
        }
        Integer earlier = seenAt.putIfAbsent(node + " " + zone, line);
        if (earlier != null) {
            throw in.error(line, "node " + node + " zone " + zone + " is listed a second time (first on line " + earlier
                    + ")");
        }
        if (node < lastNode || (node == lastNode && z < lastZone)) {
            throw in.error(line, "node " + node + " zone " + zone + " comes after node " + lastNode + " zone "
                    + KernelLimits.ZONE_NAMES.get(lastZone) + "; the kernel lists nodes and their zones in"
                    + " ascending order");
        }
        lastNode = node;
        lastZone = z;
    }
}
