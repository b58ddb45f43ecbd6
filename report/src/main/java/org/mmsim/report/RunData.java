package org.mmsim.report;

import java.util.List;
import java.util.Map;
import org.mmsim.workload.scenario.Scenario;

/**
 * A finished run as the report and summary see it.
 *
 * @param zones    the populated zones, in the order of each sample's per-zone arrays
 * @param notes    {time in seconds, text}
 * @param pictures "start", "worst" ({@link WorstMoment}: fewest free pages, the earliest of a tie) and "end": one
 *                 picture per populated zone
 * @param worstAtNs when the worst picture was taken (summary.json's min_free_at_s)
 */
public record RunData(Scenario scenario, String arch, List<String> zones, List<Sample> samples, List<String[]> notes,
        Map<String, PageblockPicture[]> pictures, long worstAtNs, long traceLines) {
}
