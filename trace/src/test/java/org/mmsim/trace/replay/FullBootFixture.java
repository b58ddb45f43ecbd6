package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.Machine;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.testdata.Oracle;
import org.mmsim.trace.TraceReader;
import org.mmsim.trace.input.TraceFiles;

/** The x86_64-1G-fulltrace case (a kmem trace complete from trace_init()) booted from its dmesg. */
final class FullBootFixture {
    static final String CASE = "x86_64-1G-fulltrace";
    static final Path TEXT = Oracle.file(CASE, "trace.gz");
    static final Path DAT = Oracle.file(CASE, "trace.dat");
    /** The markers with a /proc snapshot, in trace order (the top-level files are the boot marker's). */
    static final List<String> PHASES = List.of("boot", "workload/after-alloc", "workload/after-free",
            "workload/after-compact", "frag/after-punch", "frag/after-holes", "frag/after-compact",
            "frag/after-exit", "trace-end");

    private FullBootFixture() {
    }

    /** The model's machine at trace_init() and the boot steps still ahead of it. */
    record AtTraceInit(BootedMachine booted, StartState start, BootTimes times) {
        Machine machine() {
            return booted.machine();
        }

        /** {@code replay} behind the boot steps the trace does not show ({@link BootStages}). */
        ReplaySink staged(ReplaySink replay) {
            return new BootStages(booted, times, replay);
        }
    }

    /**
     * The model's boot of the trace's machine to mem_init(), prepared as at trace_init()
     * ({@link StartState#atTraceInit}), the kernel's free pages taken from the zoneinfo at the boot marker.
     */
    static AtTraceInit atTraceInit() {
        BootedMachine b = MemoryInit.bootToMemInit(DmesgImporter.read(Oracle.file(CASE, "dmesg"), Oracle.file(CASE, "iomem")));
        long kernelFree = StartState.freeAndPerCpu(ZoneInfoFormat.parse("zoneinfo", Oracle.read(CASE, "zoneinfo")));
        StartState start;
        try (TraceReader r = TraceFiles.open(DAT, false)) {
            start = StartState.atTraceInit(b, r, "boot", kernelFree);
        }
        return new AtTraceInit(b, start, BootTimes.fromDmesg(Oracle.read(CASE, "dmesg").lines().toList()));
    }

    /** The trace text's lines, read plainly (no mmsim reader), for counts the tests make themselves. */
    static BufferedReader textLines() throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(TEXT), 1 << 16),
                StandardCharsets.UTF_8));
    }

    /** The buddyinfo error of the model at a phase against the kernel's file. */
    static double buddyinfoError(Map<String, ReplayFixture.Snapshot> at, String phase) {
        return Buddyinfo.relativeError(at.get(phase).buddyinfo(), kernelBuddyinfo(phase));
    }

    /** The pagetypeinfo free-list error of the model at a phase against the kernel's file. */
    static double freeListError(Map<String, ReplayFixture.Snapshot> at, String phase) {
        return Pagetypeinfo.freeError(at.get(phase).pagetypeinfo(), kernelPagetypeinfo(phase));
    }

    /**
     * Asserts, at each of {@link #PHASES} in turn, that the model's buddyinfo error is below {@code buddy[i]} and
     * its pagetypeinfo free-list error below {@code pagetype[i]}.
     */
    static void assertErrorsBelow(Map<String, ReplayFixture.Snapshot> at, double[] buddy, double[] pagetype) {
        for (int i = 0; i < PHASES.size(); i++) {
            String phase = PHASES.get(i);
            assertThat(buddyinfoError(at, phase)).as(phase).isLessThan(buddy[i]);
            assertThat(freeListError(at, phase)).as(phase).isLessThan(pagetype[i]);
        }
    }

    private static String dir(String phase) {
        return phase.equals("boot") ? "" : phase + "/";
    }

    /** The kernel's buddyinfo at a phase marker. */
    static Map<String, long[]> kernelBuddyinfo(String phase) {
        return Buddyinfo.parse(Oracle.read(CASE, dir(phase) + "buddyinfo"));
    }

    /** The kernel's pagetypeinfo at a phase marker. */
    static Pagetypeinfo kernelPagetypeinfo(String phase) {
        return Pagetypeinfo.parse(Oracle.read(CASE, dir(phase) + "pagetypeinfo"));
    }

    /** Replays the whole trace (text or trace.dat) into {@code sink}; the model's files at each marker. */
    static Map<String, ReplayFixture.Snapshot> replay(Path trace, ReplaySink sink, Machine m) {
        Map<String, ReplayFixture.Snapshot> at = new LinkedHashMap<>();
        try (TraceReader r = TraceFiles.open(trace, false)) {
            TraceReplay.run(r, null, sink,
                    (name, t, pos) -> at.put(name, new ReplayFixture.Snapshot(Buddyinfo.of(m), Pagetypeinfo.of(m))));
        }
        return at;
    }
}
