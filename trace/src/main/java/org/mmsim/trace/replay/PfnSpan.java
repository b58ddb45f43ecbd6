package org.mmsim.trace.replay;

import org.mmsim.page.Machine;
import org.mmsim.page.Zone;

/** The pfns a machine's populated zones span, for the replay's per-page arrays. */
final class PfnSpan {
    private PfnSpan() {
    }

    /** The lowest pfn of a populated zone (0 when there is none). */
    static long start(Machine m) {
        long lo = Long.MAX_VALUE;
        for (Zone z : m.zones()) {
            if (z.populated()) {
                lo = Math.min(lo, z.zoneStartPfn());
            }
        }
        return lo == Long.MAX_VALUE ? 0 : lo;
    }

    /** One past the highest pfn of a populated zone (0 when there is none). */
    static long end(Machine m) {
        long hi = 0;
        for (Zone z : m.zones()) {
            if (z.populated()) {
                hi = Math.max(hi, z.zoneEndPfn());
            }
        }
        return hi;
    }
}
