package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.proc.model.ModelCounters;
import org.mmsim.report.RunRecorder;

/**
 * The /proc/vmstat counters the run view charts: the report's ({@link RunRecorder#CHARTED_COUNTERS}: compaction,
 * reclaim scans, THP faults, OOM kills) and reclaim's steals beside its scans. Each is read as /proc/vmstat reads
 * it ({@link ModelCounters}: the simulation's own counter, else the page allocator's event).
 */
public final class ChartedCounters {
    /** The names, in the order the charts list them. */
    public static final List<String> NAMES = names();

    private ChartedCounters() {
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>(RunRecorder.CHARTED_COUNTERS);
        out.addAll(List.of("pgsteal_kswapd", "pgsteal_direct"));
        return List.copyOf(out);
    }

    /** The simulation's counters with every charted counter's value added. */
    public static Map<String, Long> read(Machine m, Map<String, Long> simulation) {
        ModelCounters model = new ModelCounters(m, simulation);
        Map<String, Long> out = new LinkedHashMap<>(simulation);
        for (String name : NAMES) {
            out.put(name, model.get(name));
        }
        return out;
    }
}
