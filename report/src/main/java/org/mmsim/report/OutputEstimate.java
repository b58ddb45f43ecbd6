package org.mmsim.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.proc.model.ProcSysVm;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.WorkEstimate;

/**
 * What {@code mmsim run} will write for a scenario, estimated before it runs from what {@link RunRecorder} writes:
 * per snapshot a folder with the recorded /proc files (their size measured by rendering them once on the booted
 * machine, with headroom for counters that grow), per trace line about {@value #TRACE_LINE_BYTES} bytes (the
 * kmem tracepoints' ftrace lines are 110 to 160 bytes), and report.html (about 650 KB of pageblock pictures and
 * charts for the 4 GiB machine, plus a sample per snapshot). A snapshot also holds the sys/vm files and cmdline
 * ({@link ProcSysVm}) and a PID folder with maps and smaps per process alive, counted as a block each for the
 * processes the scenario's entries start at once.
 *
 * @param bytes the estimated size of the output folder
 * @param files the number of files in it
 */
public record OutputEstimate(double bytes, double files) {
    static final int TRACE_LINE_BYTES = 140;
    /** A folder's own size on common file systems (ext4, tmpfs count a 4 KiB block). */
    static final int FOLDER_BYTES = 4096;
    /** report.html, summary.json and trace.txt's header whatever the length of the run. */
    static final int FIXED_BYTES = 700_000;
    /** What a snapshot adds to report.html's charts and tables. */
    static final int REPORT_BYTES_PER_SNAPSHOT = 1_000;
    /** Counters are rendered at boot, when they are smallest: later snapshots are up to this much larger. */
    static final double GROWTH = 1.2;
    /** A small file's size on disk: one block. */
    static final int BLOCK_BYTES = 4096;

    /** The estimate for a scenario on its booted machine. */
    public static OutputEstimate of(Scenario scenario, BootedMachine booted, WorkEstimate work) {
        ProcFiles files = new ProcFiles(booted, Map.of(), scenario.swapBytes() >> 12);
        double perSnapshot = FOLDER_BYTES + REPORT_BYTES_PER_SNAPSHOT;
        int procFiles = scenario.record() == null ? 0 : scenario.record().procFiles().size();
        if (scenario.record() != null) {
            for (String name : scenario.record().procFiles()) {
                perSnapshot += GROWTH * files.render(name).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        Map<String, String> sys = ProcSysVm.files(booted, scenario.sysctl() == null ? Map.of() : scenario.sysctl());
        int perSnapshotFiles = procFiles + 1 + sys.size() + 1 + 3 * processes(scenario);
        perSnapshot += (sys.size() + 1 + 3 * processes(scenario)) * (double) BLOCK_BYTES;
        double bytes = FIXED_BYTES + work.snapshots() * perSnapshot + work.traceLines() * TRACE_LINE_BYTES;
        return new OutputEstimate(bytes, work.snapshots() * perSnapshotFiles + 5);
    }

    /**
     * The processes the scenario's entries keep alive at once: an anon entry's {@code processes}, a process entry
     * with its {@code forks}, one for frag and compaction_test, and a fork entry's children living at a time.
     */
    static int processes(Scenario scenario) {
        int n = 0;
        for (Scenario.Generator g : scenario.generators()) {
            switch (g.kind()) {
                case "anon" -> n += (int) Math.max(1, g.getLong("processes", 1));
                case "process" -> n += 1 + (int) Math.max(0, g.getLong("forks", 0));
                case "frag", "compaction_test" -> n++;
                case "fork" -> n += 1 + (int) Math.min(1000, g.getLong("lifetime", 0) / Math.max(1, g.getLong("every", 1)));
                default -> {
                }
            }
        }
        return n;
    }
}
