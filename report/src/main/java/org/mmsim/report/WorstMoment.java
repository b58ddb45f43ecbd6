package org.mmsim.report;

import java.util.List;

/**
 * The one definition of a run's worst moment, shared by the recorder (which takes the "worst" pageblock picture
 * then), summary.json ({@code min_free_pages}, {@code min_free_at_s}), the story and the report: the snapshot with
 * the fewest free pages on the whole machine (nr_free_pages, as /proc/vmstat's sums over zones); of snapshots tied
 * at that lowest count, the earliest. Fragmentation has its own figure (the highest order-9 extfrag_index and
 * when), which is never called the worst moment.
 */
final class WorstMoment {
    private WorstMoment() {
    }

    /** Whether a snapshot with {@code freePages} free replaces a worst moment so far of {@code worstFreePages}. */
    static boolean isWorse(long freePages, long worstFreePages) {
        return freePages < worstFreePages;
    }

    /** The worst moment's sample among {@code samples} in time order (not empty). */
    static Sample of(List<Sample> samples) {
        Sample worst = samples.get(0);
        for (Sample s : samples) {
            if (isWorse(s.totalFree(), worst.totalFree())) {
                worst = s;
            }
        }
        return worst;
    }
}
