package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.Machine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.testdata.Oracle;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;

/** The x86_64-4G-trace case booted from its dmesg and prepared at its frag/after-punch marker. */
final class ReplayFixture {
    static final String CASE = "x86_64-4G-trace";
    static final String START = "frag/after-punch";
    static final Path TRACE = Oracle.file(CASE, "trace.gz");

    private ReplayFixture() {
    }

    /** The model's boot of the trace's machine, no boot residue. */
    static Machine boot() {
        return MemoryInit.boot(DmesgImporter.read(Oracle.file(CASE, "dmesg"), Oracle.file(CASE, "iomem"))).machine();
    }

    /** The kernel's buddyinfo at a marker (its frag/ snapshot, or trace-end/). */
    static Map<String, long[]> kernelBuddyinfo(String marker) {
        String dir = marker.equals("trace-end") ? "trace-end" : marker;
        return Buddyinfo.parse(Oracle.read(CASE, dir + "/buddyinfo"));
    }

    /** A booted machine prepared at the start marker. */
    static Machine prepared() {
        Machine m = boot();
        try (TraceReader r = TraceFiles.open(TRACE, false)) {
            StartState.prepare(m, r, START, kernelBuddyinfo(START));
        }
        return m;
    }

    /** The kernel's pagetypeinfo at a marker. */
    static Pagetypeinfo kernelPagetypeinfo(String marker) {
        return Pagetypeinfo.parse(Oracle.read(CASE, marker + "/pagetypeinfo"));
    }

    /** The buddyinfo error of the model at a marker against the kernel's file. */
    static double buddyinfoError(Map<String, Snapshot> at, String marker) {
        return Buddyinfo.relativeError(at.get(marker).buddyinfo(), kernelBuddyinfo(marker));
    }

    /** The pagetypeinfo free-list error of the model at a marker against the kernel's file. */
    static double freeListError(Map<String, Snapshot> at, String marker) {
        return Pagetypeinfo.freeError(at.get(marker).pagetypeinfo(), kernelPagetypeinfo(marker));
    }

    /**
     * The pageblocks per migratetype at trace-end against the kernel's file: the model keeps its boot's pageblock
     * types where the trace shows no steal, so it lacks the running system's Unmovable and Reclaimable blocks;
     * {@code normalUnmovable} is the measured difference of Normal's Unmovable blocks.
     */
    static void assertPageblocksAtTraceEnd(Map<String, Snapshot> at, long normalUnmovable) {
        Map<String, Long> kernel = kernelPagetypeinfo("trace-end").blocks();
        Map<String, Long> model = at.get("trace-end").pagetypeinfo().blocks();
        assertThat(kernel).containsEntry("Normal/Unmovable", 80L).containsEntry("Normal/Reclaimable", 5L)
                .containsEntry("DMA32/Unmovable", 3L).containsEntry("DMA32/Reclaimable", 2L);
        assertThat(model.get("DMA/Unmovable")).isEqualTo(kernel.get("DMA/Unmovable"));
        assertThat(model.get("DMA/Movable")).isEqualTo(kernel.get("DMA/Movable"));
        assertThat(Math.abs(model.get("DMA32/Movable") - kernel.get("DMA32/Movable"))).isLessThanOrEqualTo(3);
        assertThat(Math.abs(model.get("Normal/Unmovable") - kernel.get("Normal/Unmovable")))
                .isLessThanOrEqualTo(normalUnmovable);
        assertThat(model.get("Normal/Reclaimable")).isZero();
    }

    /** The model's buddyinfo and pagetypeinfo at one marker. */
    record Snapshot(Map<String, long[]> buddyinfo, Pagetypeinfo pagetypeinfo) {
    }

    /** Replays the trace from the start marker; the model's files at each marker. */
    static Map<String, Snapshot> replay(ReplaySink sink, Machine m) {
        Map<String, Snapshot> at = new LinkedHashMap<>();
        try (TraceReader r = TraceFiles.open(TRACE, false)) {
            TraceReplay.run(r, START, sink,
                    (name, t, pos) -> at.put(name, new Snapshot(Buddyinfo.of(m), Pagetypeinfo.of(m))));
        }
        return at;
    }
}
