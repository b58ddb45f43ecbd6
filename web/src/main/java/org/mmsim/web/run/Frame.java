package org.mmsim.web.run;

import java.util.List;
import java.util.Map;

/**
 * What the page shows of one moment of a run, kept so that moving back in time needs no re-run: the time, the
 * events run so far, the counters, the pageblocks, each zone's free lists, watermarks and fragmentation, and the
 * /proc files. Immutable once made.
 *
 * @param index       its place in the run's frames, from 0 (renumbered when old frames are thinned out)
 * @param timeNs      simulated time
 * @param events      events run so far
 * @param label       why it was taken: "start", "end", "interval" or a workload's label (the scenario's
 *                    snapshots), or "step" (the page stepped the run)
 * @param counters    the vmstat-named counters at that moment (the simulation's, and every {@link ChartedCounters})
 * @param pageblocks  the pageblocks of every zone at that moment
 * @param zones       every populated zone's free lists, watermarks and fragmentation, in buddyinfo order
 * @param proc        the /proc files at that moment, in the kernel's formats
 */
public record Frame(int index, long timeNs, long events, String label, Map<String, Long> counters,
        PageblockFrame pageblocks, List<ZoneFrame> zones, ProcTexts proc) {

    /** The same moment at another place in the frames. */
    public Frame withIndex(int newIndex) {
        return new Frame(newIndex, timeNs, events, label, counters, pageblocks, zones, proc);
    }

    /**
     * Bytes this frame keeps on the heap, roughly: the deflated /proc texts, the zones' arrays and the counters
     * (a map entry and a boxed value each); the pageblocks are counted by their own frame.
     */
    public long heapBytes() {
        long n = 64 + proc.keptBytes() + 56L * counters.size();
        for (ZoneFrame z : zones) {
            n += z.heapBytes();
        }
        return n;
    }
}
