package org.mmsim.web.run;

import java.util.Map;

/**
 * What the page shows of one moment of a run, kept so that moving back in time needs no re-run: the time, the
 * events run so far, the counters, and the pageblocks. Immutable once made.
 *
 * @param index       its place in the run's frames, from 0
 * @param timeNs      simulated time
 * @param events      events run so far
 * @param label       why it was taken: "start", "end", "interval" (the scenario's recording) or "step"
 * @param counters    the vmstat-named counters at that moment
 * @param pageblocks  the pageblocks of every zone at that moment
 */
public record Frame(int index, long timeNs, long events, String label, Map<String, Long> counters,
        PageblockFrame pageblocks) {
}
