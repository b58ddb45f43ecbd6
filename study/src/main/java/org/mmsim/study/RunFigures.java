package org.mmsim.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.report.RunData;
import org.mmsim.report.Summary;

/**
 * A run's summary figures as one flat row: summary.json's figures with nested objects joined by '_'
 * ({@code thp.fault_alloc} becomes {@code thp_fault_alloc}), each a Long, Double or String; the compaction object,
 * whose keys are already vmstat names, gives them as they are ({@code compact_stall}, {@code pgmigrate_success}).
 * The notes and the per-process peaks, which vary from run to run in number, are left to summary.json.
 */
public final class RunFigures {
    private static final List<String> LEFT_OUT = List.of("notes", "peak_rss_kb");
    /** Objects of summary.json whose keys are vmstat counter names, kept without the object's name. */
    private static final List<String> VMSTAT_NAMED = List.of("compaction");

    private RunFigures() {
    }

    /** The figures of {@code data}, in summary.json's order. */
    public static Map<String, Object> of(RunData data) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", Summary.figures(data), out);
        return out;
    }

    /** The column of a figure's value. */
    public static Column column(String name, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return new Column(name, "BIGINT");
        }
        if (value instanceof Double || value instanceof Float) {
            return new Column(name, "DOUBLE");
        }
        return new Column(name, "VARCHAR");
    }

    private static void flatten(String prefix, Map<String, Object> in, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : in.entrySet()) {
            if (prefix.isEmpty() && LEFT_OUT.contains(e.getKey())) {
                continue;
            }
            String name = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) m;
                flatten(prefix.isEmpty() && VMSTAT_NAMED.contains(e.getKey()) ? "" : name + "_", nested, out);
            } else if (v instanceof Integer i) {
                out.put(name, i.longValue());
            } else if (v instanceof Float f) {
                out.put(name, f.doubleValue());
            } else if (v == null || v instanceof Long || v instanceof Double) {
                out.put(name, v);
            } else {
                out.put(name, v.toString());
            }
        }
    }
}
