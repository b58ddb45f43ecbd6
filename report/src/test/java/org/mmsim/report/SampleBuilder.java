package org.mmsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Sample} written by hand for the report tests: zones added one by one, every counter the recorder
 * keeps present and 0 unless set, as {@link RunRecorder} fills them.
 */
final class SampleBuilder {
    private static final int ORDERS = 11;

    private final long timeNs;
    private String label = "interval";
    private final List<long[]> nrFree = new ArrayList<>();
    private final List<Long> freePages = new ArrayList<>();
    private final List<long[]> watermarks = new ArrayList<>();
    private final List<Integer> extfrag9 = new ArrayList<>();
    private final List<Integer> unusable9 = new ArrayList<>();
    private Long totalFree;
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final Map<String, Long> rss = new LinkedHashMap<>();
    private final Map<String, Long> slab = new LinkedHashMap<>();

    private SampleBuilder(long timeNs) {
        this.timeNs = timeNs;
        for (String c : RunRecorder.CHARTED_COUNTERS) {
            counters.put(c, 0L);
        }
        for (String c : RunRecorder.WRITEBACK_LEVELS) {
            counters.put(c, 0L);
        }
        for (String c : RunRecorder.WORKLOAD_LEVELS) {
            counters.put(c, 0L);
        }
        for (String c : List.of("nr_dirtied", "nr_written", "pswpout")) {
            counters.put(c, 0L);
        }
    }

    /** A snapshot at this many simulated seconds. */
    static SampleBuilder at(double seconds) {
        return new SampleBuilder(Math.round(seconds * 1e9));
    }

    SampleBuilder label(String l) {
        label = l;
        return this;
    }

    /** One more zone: its free pages, watermarks, order-9 indices (thousandths) and free blocks from order 0. */
    SampleBuilder zone(long free, long min, long low, long high, int extfrag, int unusable, long... blocksByOrder) {
        freePages.add(free);
        watermarks.add(new long[] {min, low, high});
        extfrag9.add(extfrag);
        unusable9.add(unusable);
        nrFree.add(Arrays.copyOf(blocksByOrder, ORDERS));
        return this;
    }

    /** A zone where only the free pages and watermarks matter. */
    SampleBuilder zone(long free, long min, long low, long high) {
        return zone(free, min, low, high, -1000, 0);
    }

    /** The machine's free pages (default: the sum of the zones'). */
    SampleBuilder totalFree(long pages) {
        totalFree = pages;
        return this;
    }

    SampleBuilder counter(String name, long value) {
        counters.put(name, value);
        return this;
    }

    SampleBuilder rss(String process, long pages) {
        rss.put(process, pages);
        return this;
    }

    SampleBuilder slab(String cache, long pages) {
        slab.put(cache, pages);
        return this;
    }

    Sample build() {
        long total = totalFree != null ? totalFree : freePages.stream().mapToLong(Long::longValue).sum();
        return new Sample(timeNs, label, nrFree.toArray(new long[0][]),
                freePages.stream().mapToLong(Long::longValue).toArray(), watermarks.toArray(new long[0][]),
                extfrag9.stream().mapToInt(Integer::intValue).toArray(),
                unusable9.stream().mapToInt(Integer::intValue).toArray(), total, counters, rss, slab);
    }
}
