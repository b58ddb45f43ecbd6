package org.mmsim.trace.replay;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.Machine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.testdata.Oracle;
import org.mmsim.trace.TraceFiles;
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
