package org.mmsim.web.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmsim.report.RunData;
import org.mmsim.report.Sample;
import org.mmsim.study.RunFigures;

/**
 * What the compare view draws of a finished comparison: for each side the samples' times and series (free pages,
 * each zone's free pages, watermarks and extfrag index at order 9, the compaction and THP counters), and the
 * headline figures ({@link RunFigures}) of both side by side.
 */
final class CompareJson {
    /** The counters charted for both sides: compaction's outcomes and THP's faults. */
    static final List<String> COUNTERS = List.of("compact_stall", "compact_success", "compact_fail",
            "thp_fault_alloc", "thp_fault_fallback");

    private CompareJson() {
    }

    static Map<String, Object> of(CompareSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.scenario());
        m.put("a", side(s.a()));
        m.put("b", side(s.b()));
        m.put("figures", figures(RunFigures.of(s.a().data()), RunFigures.of(s.b().data())));
        return m;
    }

    private static Map<String, Object> side(CompareSide side) {
        RunData d = side.data();
        List<Sample> samples = d.samples();
        int zones = d.zones().size();
        List<Double> times = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        for (Sample x : samples) {
            times.add(x.timeNs() / 1e9);
            total.add(x.totalFree());
        }
        List<Map<String, Object>> perZone = new ArrayList<>();
        for (int z = 0; z < zones; z++) {
            List<Long> free = new ArrayList<>();
            List<Long> min = new ArrayList<>();
            List<Long> low = new ArrayList<>();
            List<Long> high = new ArrayList<>();
            List<Integer> extfrag = new ArrayList<>();
            for (Sample x : samples) {
                free.add(x.freePages()[z]);
                min.add(x.watermarks()[z][0]);
                low.add(x.watermarks()[z][1]);
                high.add(x.watermarks()[z][2]);
                extfrag.add(x.extfrag9()[z]);
            }
            Map<String, Object> zm = new LinkedHashMap<>();
            zm.put("name", d.zones().get(z));
            zm.put("free", free);
            zm.put("min", min);
            zm.put("low", low);
            zm.put("high", high);
            zm.put("extfrag9", extfrag);
            perZone.add(zm);
        }
        Map<String, List<Long>> counters = new LinkedHashMap<>();
        for (String c : COUNTERS) {
            List<Long> v = new ArrayList<>();
            for (Sample x : samples) {
                v.add(x.counters().getOrDefault(c, 0L));
            }
            counters.put(c, v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", side.words());
        m.put("times", times);
        m.put("totalFree", total);
        m.put("zones", perZone);
        m.put("counters", counters);
        return m;
    }

    /** The figures of both, A's order then any only B has: name, A's value, B's value (null when absent). */
    private static List<Map<String, Object>> figures(Map<String, Object> a, Map<String, Object> b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : names) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", n);
            row.put("a", a.get(n));
            row.put("b", b.get(n));
            out.add(row);
        }
        return out;
    }
}
