package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts' values of a range of frames as columns (one array per series, one element per frame), so that the
 * page draws every chart from one answer: times, labels, each zone's free blocks per order, free pages,
 * watermarks and fragmentation indices per order, and the {@link ChartedCounters}.
 */
public final class FrameSeries {
    private FrameSeries() {
    }

    /** The columns of {@code frames} (consecutive, oldest first), as JSON-ready maps and lists. */
    public static Map<String, Object> of(List<Frame> frames) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", frames.isEmpty() ? 0 : frames.get(0).index());
        out.put("count", frames.size());
        out.put("timeS", column(frames, f -> f.timeNs() / 1e9));
        out.put("events", column(frames, Frame::events));
        out.put("labels", column(frames, Frame::label));
        List<Map<String, Object>> zones = new ArrayList<>();
        int nZones = frames.isEmpty() ? 0 : frames.get(0).zones().size();
        for (int z = 0; z < nZones; z++) {
            zones.add(zone(frames, z));
        }
        out.put("zones", zones);
        Map<String, Object> counters = new LinkedHashMap<>();
        for (String name : ChartedCounters.NAMES) {
            counters.put(name, column(frames, f -> f.counters().getOrDefault(name, 0L)));
        }
        out.put("counters", counters);
        return out;
    }

    private static Map<String, Object> zone(List<Frame> frames, int z) {
        ZoneFrame first = frames.get(0).zones().get(z);
        int orders = first.nrFree().length;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", first.name());
        List<List<Object>> nrFree = new ArrayList<>();
        List<List<Object>> extfrag = new ArrayList<>();
        List<List<Object>> unusable = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            int order = o;
            nrFree.add(column(frames, f -> f.zones().get(z).nrFree()[order]));
            extfrag.add(column(frames, f -> f.zones().get(z).extfrag()[order]));
            unusable.add(column(frames, f -> f.zones().get(z).unusable()[order]));
        }
        out.put("nrFree", nrFree);
        out.put("free", column(frames, f -> f.zones().get(z).freePages()));
        out.put("min", column(frames, f -> f.zones().get(z).min()));
        out.put("low", column(frames, f -> f.zones().get(z).low()));
        out.put("high", column(frames, f -> f.zones().get(z).high()));
        out.put("extfrag", extfrag);
        out.put("unusable", unusable);
        return out;
    }

    private static List<Object> column(List<Frame> frames, java.util.function.Function<Frame, Object> value) {
        List<Object> out = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            out.add(value.apply(f));
        }
        return out;
    }
}
