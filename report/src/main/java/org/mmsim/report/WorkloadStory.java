package org.mmsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.mmsim.workload.scenario.Scenario;

/**
 * The story's account of the workload: one clause per entry of the scenario, naming its kind as the scenario
 * file does (anon, file, shmem, kernel, slab, thp, fork, process, kmalloc, kmem_cache, vmalloc, compact_memory,
 * drop_caches, nr_hugepages, snapshot, compaction_test, frag) and its name when the file gives one, its main
 * settings and, where the run's samples hold one, what it came to: the peak RSS of its processes, the peak page
 * cache, the peak pages of its slab cache (kmalloc's: the kmalloc-* caches together), vmalloc's peak pages, a
 * compaction test's result. The figures are the recorder's samples, so a peak between two snapshots is not seen.
 */
final class WorkloadStory {
    private WorkloadStory() {
    }

    /** The paragraph, or "" for a scenario without entries. */
    static String text(RunData d) {
        List<Scenario.Generator> gens = d.scenario().generators();
        if (gens.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p>The workload: ");
        for (int i = 0; i < gens.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(clause(gens.get(i), d));
        }
        return b.append(".</p>").toString();
    }

    private static String clause(Scenario.Generator g, RunData d) {
        String head = "<b>" + g.kind() + "</b>" + (g.params().containsKey("name") ? " " + Html.esc(g.name()) : "");
        return head + switch (g.kind()) {
            case "anon" -> String.format(Locale.ROOT, " (%s of anonymous memory in %d process(es)%s%s)%s",
                    size(g.getLong("size", 0)), g.getLong("processes", 1), g.getBool("thp", false) ? ", THP" : "",
                    from(g), peakRss(d, g.getString("name", "anon") + " ("));
            case "process" -> String.format(Locale.ROOT, " (%s mapped%s%s%s)%s", size(g.getLong("size", 0)),
                    g.getBool("thp", false) ? ", MADV_HUGEPAGE" : "",
                    g.getLong("forks", 0) > 0 ? ", " + g.getLong("forks", 0) + " children forked" : "", from(g),
                    peakRss(d, g.name() + " ("));
            case "fork" -> String.format(Locale.ROOT, " (a child touching %s every %s%s)%s",
                    size(g.getLong("size", 0)), seconds(g.getLong("every", 0)), from(g),
                    peakRss(d, g.getString("name", "child") + " ("));
            case "file" -> String.format(Locale.ROOT, " (%s %s%s)%s", g.getBool("write", false) ? "writing"
                    : "reading", size(g.getLong("size", 0)), from(g), peak(d, "page cache",
                            x -> x.counters().getOrDefault("nr_file_pages", 0L)));
            case "shmem" -> String.format(Locale.ROOT, " (%s of tmpfs%s)%s", size(g.getLong("size", 0)), from(g),
                    peak(d, "page cache", x -> x.counters().getOrDefault("nr_file_pages", 0L)));
            case "kernel" -> String.format(Locale.ROOT, " (%.0f page allocations/s%s)", g.getDouble("rate", 0),
                    from(g));
            case "slab" -> {
                boolean rec = g.getBool("reclaimable", false);
                String key = rec ? "reclaimable" : "unreclaimable";
                yield String.format(Locale.ROOT, " (%s slab pages, %.0f/s%s)%s", key, g.getDouble("rate", 0), from(g),
                        peak(d, "slab pages", x -> x.slabPages().getOrDefault(key, 0L)));
            }
            case "kmalloc" -> String.format(Locale.ROOT, " (%s objects, %.0f/s%s)%s", size(g.getLong("size", 0)),
                    g.getDouble("rate", 0), from(g),
                    peak(d, "all kmalloc-* caches together", WorkloadStory::kmallocPages));
            case "kmem_cache" -> {
                String cache = g.getString("name", g.kind());
                yield String.format(Locale.ROOT, " (%s objects, %.0f/s%s%s)%s", size(g.getLong("object_size", 0)),
                        g.getDouble("rate", 0), g.getBool("reclaimable", false) ? ", reclaimable" : "", from(g),
                        peak(d, "its slab", x -> x.slabPages().getOrDefault(cache, 0L)));
            }
            case "vmalloc" -> String.format(Locale.ROOT, " (%s areas, %.0f/s%s)%s", size(g.getLong("size", 0)),
                    g.getDouble("rate", 0), from(g), peak(d, "vmalloc",
                            x -> x.counters().getOrDefault("nr_vmalloc", 0L)));
            case "thp" -> String.format(Locale.ROOT, " (%.0f huge-page allocations/s held %s%s)",
                    g.getDouble("rate", 0), seconds(g.getLong("hold", 0)), from(g));
            case "compact_memory" -> " at " + seconds(g.getLong("at", 0));
            case "drop_caches" -> " (" + g.getLong("value", 3) + ") at " + seconds(g.getLong("at", 0));
            case "nr_hugepages" -> " = " + g.getLong("count", 0) + " at " + seconds(g.getLong("at", 0));
            case "snapshot" -> " '" + Html.esc(g.getString("label", "")) + "' at " + seconds(g.getLong("at", 0));
            case "compaction_test" -> " at " + seconds(g.getLong("at", 0)) + compactionTest(d);
            case "frag" -> String.format(Locale.ROOT, " (%d %% of free memory as 4 KiB pages, every other one freed,"
                    + " from %s; THP faults at %s; exit at %s)", g.getLong("pct", 0), seconds(g.getLong("start", 0)),
                    seconds(g.getLong("fill", 0)), seconds(g.getLong("exit", 0)));
            default -> "";
        };
    }

    /** ", from S" and ", until S" for an entry's start and stop, when the entry has them. */
    private static String from(Scenario.Generator g) {
        String out = g.getLong("start", 0) > 0 ? ", from " + seconds(g.getLong("start", 0)) : "";
        return g.params().containsKey("stop") ? out + ", until " + seconds(g.getLong("stop", 0)) : out;
    }

    /** ": peak RSS X MiB" over the processes whose name starts so, or "" when none was seen. */
    private static String peakRss(RunData d, String prefix) {
        long most = -1;
        for (Sample x : d.samples()) {
            long sum = 0;
            boolean any = false;
            for (Map.Entry<String, Long> e : x.rssPages().entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    sum += e.getValue();
                    any = true;
                }
            }
            if (any) {
                most = Math.max(most, sum);
            }
        }
        return most < 0 ? "" : ": peak RSS " + mib(most);
    }

    /** ": WHAT peaked at X MiB", or "" when the samples never had any. */
    private static String peak(RunData d, String what, ToLongFunction<Sample> pages) {
        long most = 0;
        for (Sample x : d.samples()) {
            most = Math.max(most, pages.applyAsLong(x));
        }
        return most == 0 ? "" : ": " + what + " peaked at " + mib(most);
    }

    private static long kmallocPages(Sample x) {
        long sum = 0;
        for (Map.Entry<String, Long> e : x.slabPages().entrySet()) {
            if (e.getKey().startsWith("kmalloc-")) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** The test's result from its counters at the end, when the run kept them. */
    private static String compactionTest(RunData d) {
        Map<String, Long> c = d.samples().get(d.samples().size() - 1).counters();
        List<String> names = RunRecorder.COMPACTION_TEST_RESULTS;
        if (!c.containsKey(names.get(0))) {
            return "";
        }
        return String.format(Locale.ROOT, ": %d of %d huge pages allocated, %s", c.get(names.get(1)),
                c.get(names.get(0)), c.getOrDefault(names.get(2), 0L) > 0 ? "passed" : "failed");
    }

    private static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }

    private static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.1f s", ns / 1e9);
    }

    private static String mib(long pages) {
        return Story.mib(pages);
    }
}
