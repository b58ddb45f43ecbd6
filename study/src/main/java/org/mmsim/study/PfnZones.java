package org.mmsim.study;

import java.util.function.LongFunction;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;

/**
 * Which zone of a booted machine owns a pfn (page_zone() of the pfn's struct page), as the front ends name it when
 * they translate an address: "Node N, zone NAME", with a note when the pfn is a hole inside the zone's span.
 */
public final class PfnZones {
    private PfnZones() {
    }

    /** The zone-naming function of a boot layout: "Node N, zone NAME", or null for a pfn outside every zone. */
    public static LongFunction<String> of(BootLayout b) {
        return pfn -> {
            for (NodeSpan n : b.nodes()) {
                for (ZoneSpan z : n.zones()) {
                    if (z.spanned() > 0 && pfn >= z.startPfn() && pfn < z.endPfn()) {
                        boolean present = b.memory().stream().anyMatch(r -> pfn >= r.startPfn() && pfn < r.endPfn());
                        return "Node " + n.nid() + ", zone " + z.type().kernelName()
                                + (present ? "" : " (a hole in the zone's span: no memory at this pfn)");
                    }
                }
            }
            return null;
        };
    }
}
