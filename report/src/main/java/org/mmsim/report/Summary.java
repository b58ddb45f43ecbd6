package org.mmsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * summary.json: the headline figures of a run (scenario, machine, seed, duration, final and minimum free pages
 * with the worst moment, THP successes and fallbacks, the compaction and migration counters by their vmstat
 * names, kswapd and direct reclaim scans, OOM kills, the highest order-9 fragmentation index and when, each
 * process's peak RSS, the notes). The event counters are the end snapshot's cumulative vmstat values, as
 * /proc/vmstat of proc/end shows them: the simulation counts them from the run's start (its start snapshot
 * holds 0), so they are the run's events. dirty_at_end is a level, nr_dirty at the end. The worst moment is
 * {@link WorstMoment}'s ({@code min_free_at_s}).
 */
public final class Summary {
    private Summary() {
    }

    /** The figures as an ordered map (also what the report's headline table shows). */
    public static Map<String, Object> figures(RunData d) {
        List<Sample> s = d.samples();
        Sample last = s.get(s.size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", d.scenario().name());
        out.put("machine", d.scenario().machine());
        out.put("arch", d.arch());
        out.put("seed", d.scenario().seed());
        out.put("duration_s", d.scenario().durationNs() / 1e9);
        out.put("snapshots", s.size());
        out.put("final_free_pages", last.totalFree());
        Sample min = WorstMoment.of(s);
        out.put("min_free_pages", min.totalFree());
        out.put("min_free_at_s", min.timeNs() / 1e9);
        Map<String, Object> thp = new LinkedHashMap<>();
        thp.put("fault_alloc", last.counters().get("thp_fault_alloc"));
        thp.put("fault_fallback", last.counters().get("thp_fault_fallback"));
        out.put("thp", thp);
        Map<String, Object> compaction = new LinkedHashMap<>();
        for (String name : RunRecorder.COMPACTION_COUNTERS) {
            compaction.put(name, last.counters().get(name));
        }
        out.put("compaction", compaction);
        Map<String, Object> reclaim = new LinkedHashMap<>();
        reclaim.put("pgscan_kswapd", last.counters().get("pgscan_kswapd"));
        reclaim.put("pgscan_direct", last.counters().get("pgscan_direct"));
        reclaim.put("pswpout", last.counters().getOrDefault("pswpout", 0L));
        out.put("reclaim", reclaim);
        Map<String, Object> writeback = new LinkedHashMap<>();
        writeback.put("dirtied", last.counters().getOrDefault("nr_dirtied", 0L));
        writeback.put("written", last.counters().getOrDefault("nr_written", 0L));
        writeback.put("dirty_at_end", last.counters().getOrDefault("nr_dirty", 0L));
        out.put("writeback_pages", writeback);
        out.put("oom_kills", last.counters().get("oom_kill"));
        out.put("worst_extfrag_order9", worstExtfrag(d));
        Map<String, Object> peaks = new LinkedHashMap<>();
        for (Sample x : s) {
            for (Map.Entry<String, Long> e : x.rssPages().entrySet()) {
                peaks.merge(e.getKey(), e.getValue() * 4, (a, b) -> Math.max((Long) a, (Long) b));
            }
        }
        out.put("peak_rss_kb", peaks);
        out.put("trace_lines", d.traceLines());
        List<Map<String, Object>> notes = new ArrayList<>();
        for (String[] n : d.notes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at_s", Double.parseDouble(n[0]));
            m.put("text", n[1]);
            notes.add(m);
        }
        out.put("notes", notes);
        return out;
    }

    /**
     * The highest extfrag_index at order 9 over zones and snapshots, the earliest of ties (-1.000: a block was
     * always free).
     */
    static Map<String, Object> worstExtfrag(RunData d) {
        int best = Integer.MIN_VALUE;
        String zone = null;
        long at = 0;
        for (Sample x : d.samples()) {
            for (int z = 0; z < x.extfrag9().length; z++) {
                if (x.extfrag9()[z] > best) {
                    best = x.extfrag9()[z];
                    zone = d.zones().get(z);
                    at = x.timeNs();
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", best / 1000.0);
        m.put("zone", zone);
        m.put("at_s", at / 1e9);
        return m;
    }

    public static String json(RunData d) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures(d)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
