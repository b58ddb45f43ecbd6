package org.mmsim.proc;

/**
 * The contents of /proc/vmstat: every counter of {@code vmstat_text[]} in order (zone stats, NUMA
 * events, node stats, dirty thresholds, VM events) and the deprecated {@code nr_unstable 0} at the end.
 */
public record Vmstat(NamedCounters counters) {
    public long get(String name) {
        return counters.get(name);
    }
}
