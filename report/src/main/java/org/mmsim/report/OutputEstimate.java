package org.mmsim.report;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.WorkEstimate;

/**
 * What {@code mmsim run} will write for a scenario, estimated before it runs from what {@link RunRecorder} writes:
 * per snapshot a folder with the recorded /proc files (their size measured by rendering them once on the booted
 * machine, with headroom for counters that grow), per trace line about {@value #TRACE_LINE_BYTES} bytes (the
 * kmem tracepoints' ftrace lines are 110 to 160 bytes), and report.html (about 650 KB of pageblock pictures and
 * charts for the 4 GiB machine, plus a sample per snapshot).
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
        double bytes = FIXED_BYTES + work.snapshots() * perSnapshot + work.traceLines() * TRACE_LINE_BYTES;
        return new OutputEstimate(bytes, work.snapshots() * (procFiles + 1) + 4);
    }
}
