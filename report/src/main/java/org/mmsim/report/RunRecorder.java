package org.mmsim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.mmsim.page.Machine;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;
import org.mmsim.proc.model.ModelCounters;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.proc.model.ProcSysVm;
import org.mmsim.proc.frag.ContigPageInfo;
import org.mmsim.proc.frag.FragmentationIndex;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The recorder of {@code mmsim run}: writes the asked /proc files of every snapshot under
 * {@code proc/<label>/} (start, end, or t&lt;seconds&gt;s) with the settings in force ({@code sys/vm/NAME} and
 * {@code cmdline}, {@link ProcSysVm}) and {@code PID/maps} and {@code PID/smaps} of every process alive then,
 * spools trace lines for trace.txt, keeps the
 * samples (the counters read as /proc/vmstat reads them, through {@link ModelCounters}), notes and pageblock
 * pictures (the worst one at the {@link WorstMoment}) the report and summary are made of. Reads the model only.
 */
public final class RunRecorder implements Recorder, AutoCloseable {
    /**
     * The compaction and migration counters of /proc/vmstat (mm/vmstat.c's vmstat_text): direct compaction's
     * stalls and outcomes, the pages both scanners looked at and isolated, kcompactd's wakes and scans, and the
     * migrations (compaction's among them). summary.json shows them by these names.
     */
    public static final List<String> COMPACTION_COUNTERS = List.of("compact_stall", "compact_success",
            "compact_fail", "compact_migrate_scanned", "compact_free_scanned", "compact_isolated",
            "compact_daemon_wake", "compact_daemon_migrate_scanned", "compact_daemon_free_scanned",
            "pgmigrate_success", "pgmigrate_fail");
    /** Counters the report charts over time (cumulative vmstat events), each in a chart of its magnitude. */
    public static final List<String> CHARTED_COUNTERS = charted();
    /** Page-cache and writeback levels the report charts when the run wrote files (pages, not cumulative). */
    public static final List<String> WRITEBACK_LEVELS = List.of("nr_file_pages", "nr_dirty", "nr_writeback",
            "nr_dirty_background_threshold", "nr_dirty_threshold");
    /** Levels the story gives figures of: slab pages of both kinds and vmalloc's pages. */
    public static final List<String> WORKLOAD_LEVELS = List.of("nr_slab_reclaimable", "nr_slab_unreclaimable",
            "nr_vmalloc");
    /** The results of a compaction_test entry, kept when the run has one. */
    public static final List<String> COMPACTION_TEST_RESULTS = List.of("compaction_test_hugepages_requested",
            "compaction_test_hugepages_allocated", "compaction_test_hugepages_passed");
    static final int HPAGE_ORDER = 9;

    private final Scenario scenario;
    private final Path dir;
    private final long swapPages;
    private final BiConsumer<Long, Long> progress;
    private final BufferedWriter traceBody;
    private final Path traceBodyFile;
    private long traceLines;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> zoneNames = new ArrayList<>();
    private final List<String[]> notes = new ArrayList<>();
    private final Map<String, PageblockPicture[]> pictures = new LinkedHashMap<>();
    private long worstFree = Long.MAX_VALUE;
    private long worstAt;
    private final Map<String, Integer> pids = new LinkedHashMap<>();

    /**
     * @param dir      the (temporary) output directory
     * @param progress receives (simulated ns, duration ns); may be null
     */
    public RunRecorder(Scenario scenario, Path dir, BiConsumer<Long, Long> progress) {
        this.scenario = scenario;
        this.dir = dir;
        this.swapPages = scenario.swapBytes() >> 12;
        this.progress = progress;
        try {
            Files.createDirectories(dir.resolve("proc"));
            traceBodyFile = dir.resolve(".trace.body");
            traceBody = Files.newBufferedWriter(traceBodyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counters charted first as before, then the rest of compaction's, then reclaim's, THP's and OOM's. */
    private static List<String> charted() {
        List<String> out = new ArrayList<>(COMPACTION_COUNTERS.subList(0, 3));
        out.addAll(List.of("pgscan_kswapd", "pgscan_direct", "thp_fault_alloc", "thp_fault_fallback", "oom_kill"));
        out.addAll(COMPACTION_COUNTERS.subList(3, COMPACTION_COUNTERS.size()));
        return List.copyOf(out);
    }

    /** The directory name of a snapshot: its label, or the simulated time for interval snapshots. */
    public static String snapshotName(long timeNs, String label) {
        if (!label.equals("interval")) {
            return label;
        }
        return String.format(Locale.ROOT, "t%08.3fs", timeNs / 1e9);
    }

    @Override
    public void snapshot(long timeNs, String label, SimulationView view) {
        ProcFiles files = new ProcFiles(view.booted(), view.counters(), swapPages);
        Path snap = dir.resolve("proc").resolve(snapshotName(timeNs, label));
        try {
            Files.createDirectories(snap);
            for (String name : scenario.record().procFiles()) {
                Files.writeString(snap.resolve(name), files.render(name), StandardCharsets.UTF_8);
            }
            writeFiles(snap, ProcSysVm.files(view.booted(), scenario.sysctl() == null ? Map.of() : scenario.sysctl()));
            writeFiles(snap, view.processFiles());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sample s = sample(timeNs, label, view);
        samples.add(s);
        Machine m = view.booted().machine();
        if (label.equals("start")) {
            pictures.put("start", pictures(m));
        }
        if (WorstMoment.isWorse(s.totalFree(), worstFree)) {
            worstFree = s.totalFree();
            pictures.put("worst", pictures(m));
            worstAt = timeNs;
        }
        if (label.equals("end")) {
            pictures.put("end", pictures(m));
        }
    }


    /**
     * Files under {@code snap} by relative name: sys/vm/NAME and cmdline, and PID/maps and PID/smaps of every
     * process alive at that moment.
     */
    private static void writeFiles(Path snap, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = snap.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static PageblockPicture[] pictures(Machine m) {
        List<PageblockPicture> out = new ArrayList<>();
        for (Node n : m.nodes()) {
            for (Zone z : n.zones()) {
                if (z.populated()) {
                    out.add(PageblockPicture.of(z));
                }
            }
        }
        return out.toArray(new PageblockPicture[0]);
    }

    private Sample sample(long timeNs, String label, SimulationView view) {
        Machine m = view.booted().machine();
        List<Zone> zones = new ArrayList<>();
        for (Zone z : m.zones()) {
            if (z.populated()) {
                zones.add(z);
            }
        }
        if (zoneNames.isEmpty()) {
            for (Zone z : zones) {
                zoneNames.add("Node " + z.node().nid() + ", zone " + z.name());
            }
        }
        int orders = m.arch().maxOrder();
        long[][] nrFree = new long[zones.size()][orders];
        long[] free = new long[zones.size()];
        long[][] wm = new long[zones.size()][3];
        int[] extfrag = new int[zones.size()];
        int[] unusable = new int[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            for (int o = 0; o < orders; o++) {
                nrFree[i][o] = z.nrFree(o);
            }
            free[i] = z.nrFreePages();
            wm[i] = new long[] {z.minWmarkPages(), z.lowWmarkPages(), z.highWmarkPages()};
            ContigPageInfo info = ContigPageInfo.of(nrFree[i], HPAGE_ORDER);
            extfrag[i] = FragmentationIndex.fragmentationIndex(HPAGE_ORDER, info);
            unusable[i] = FragmentationIndex.unusableFreeIndex(HPAGE_ORDER, info);
        }
        ModelCounters counters = new ModelCounters(m, view.counters());
        Map<String, Long> c = new LinkedHashMap<>();
        for (String name : CHARTED_COUNTERS) {
            c.put(name, counters.get(name));
        }
        for (String name : WRITEBACK_LEVELS) {
            c.put(name, counters.get(name));
        }
        c.put("nr_dirtied", counters.get("nr_dirtied"));
        c.put("nr_written", counters.get("nr_written"));
        c.put("pswpout", counters.get("pswpout"));
        for (String name : WORKLOAD_LEVELS) {
            c.put(name, counters.get(name));
        }
        for (String name : COMPACTION_TEST_RESULTS) {
            if (counters.has(name)) {
                c.put(name, counters.get(name));
            }
        }
        Map<String, Long> rss = new LinkedHashMap<>();
        for (SimulationView.ProcessInfo p : view.processes()) {
            String key = p.name() + " (" + p.pid() + ")";
            rss.put(key, p.rssPages());
            pids.putIfAbsent(key, p.pid());
        }
        return new Sample(timeNs, label, nrFree, free, wm, extfrag, unusable, m.nrFreePages(), c, rss,
                new LinkedHashMap<>(view.slabPages()));
    }

    @Override
    public void trace(String line) {
        try {
            traceBody.write(line);
            traceBody.write('\n');
            traceLines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void progress(long simulatedNs, long durationNs) {
        if (progress != null) {
            progress.accept(simulatedNs, durationNs);
        }
    }

    @Override
    public void note(long timeNs, String text) {
        notes.add(new String[] {String.format(Locale.ROOT, "%.3f", timeNs / 1e9), text});
    }

    /** Writes trace.txt, summary.json and report.html once the simulation has ended. */
    public void finish(SimulationView finalView) {
        try {
            traceBody.close();
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("trace.txt"), StandardCharsets.UTF_8)) {
                w.write(TraceHeader.text(traceLines, finalView.booted().machine().nrCpus()));
                Files.lines(traceBodyFile, StandardCharsets.UTF_8).forEachOrdered(l -> {
                    try {
                        w.write(l);
                        w.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.delete(traceBodyFile);
            RunData data = data(finalView);
            Files.writeString(dir.resolve("summary.json"), Summary.json(data), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), HtmlReport.render(data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything recorded, for the summary and the report. */
    public RunData data(SimulationView finalView) {
        return new RunData(scenario, finalView.booted().machine().arch().id(), List.copyOf(zoneNames),
                List.copyOf(samples), List.copyOf(notes), Map.copyOf(pictures), worstAt, traceLines);
    }

    @Override
    public void close() {
        try {
            traceBody.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
