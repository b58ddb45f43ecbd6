package org.mmsim.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.Machine;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;
import org.mmsim.trace.replay.Buddyinfo;
import org.mmsim.trace.replay.ForcedReplay;
import org.mmsim.trace.replay.StartState;
import org.mmsim.trace.replay.TraceReplay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12, acceptance 4: forced replay of a real kmem trace, single-shot time per replay, on a machine booted
 * from the trace's dmesg and prepared before every iteration (untimed). Three traces: x86_64-4G-trace's gzipped
 * ftrace text from its frag/after-punch marker to its end (1,148,592 page events, start state by StartState
 * against the marker's buddyinfo), and x86_64-1G-fulltrace, complete from trace_init() (1,316,526 page events and
 * 701 compaction free-scanner events), as its trace.dat and as its gzipped text (start state by
 * StartState.atTraceInit from the boot to mem_init(), the boot pagesets and watermarks then set at once).
 * {@link #decoded} replays the page events decoded beforehand into
 * primitive arrays (parsing excluded); {@link #parsed} reads the trace file as it replays (parsing included, the
 * whole file). Events per second = events / time; {@link #main} prints them. Run from the repository root (the
 * paths are relative to it) or give -p cases=....
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ReplayBench {
    private static final String PARTIAL_CASE = "x86_64-4G-trace";
    private static final String PARTIAL_START = "frag/after-punch";
    /** mm_page_free events of deferred_init_memmap()'s thread, which ForcedReplay frees straight to the buddy. */
    private static final String DEFERRED_INIT_COMM = "pgdatinit0";
    /** The marker of the full-boot case's top-level snapshot (its zoneinfo). */
    private static final String TRACE_INIT_SNAPSHOT = "boot";

    @Param({"testdata/oracle/cases"})
    public String cases;

    /** CASE/FILE under {@link #cases}: the 4G case's gzipped text, the full-boot case's trace.dat and gzipped text. */
    @Param({PARTIAL_CASE + "/trace.gz", "x86_64-1G-fulltrace/trace.dat", "x86_64-1G-fulltrace/trace.gz"})
    public String caseTrace;

    private Path trace;
    private String start;
    private int count;
    private byte[] kind;
    private long[] pfn;
    private byte[] order;
    private byte[] migratetype;
    private byte[] flags;
    private byte[] fallbackOrder;
    private byte[] fallbackMigratetype;
    private long[] position;
    private Machine machine;
    private final TraceEvent event = new TraceEvent();

    /** Decodes the page events after the start marker into arrays, once. */
    @Setup(Level.Trial)
    public void decode() {
        trace = Path.of(cases, caseTrace);
        start = caseTrace.startsWith(PARTIAL_CASE + "/") ? PARTIAL_START : null;
        int cap = 1 << 20;
        kind = new byte[cap];
        pfn = new long[cap];
        order = new byte[cap];
        migratetype = new byte[cap];
        flags = new byte[cap];
        fallbackOrder = new byte[cap];
        fallbackMigratetype = new byte[cap];
        position = new long[cap];
        count = 0;
        TraceEvent e = new TraceEvent();
        boolean started = start == null;
        try (TraceReader r = TraceFiles.open(trace, false)) {
            while (r.next(e)) {
                if (!started) {
                    started = TraceReplay.isMarker(e, start);
                    continue;
                }
                if (e.kind == TraceEventKind.MARKER || e.kind == TraceEventKind.OTHER) {
                    continue;
                }
                if (count == kind.length) {
                    grow();
                }
                kind[count] = (byte) e.kind.ordinal();
                pfn[count] = e.pfn;
                order[count] = (byte) e.order;
                migratetype[count] = (byte) e.migratetype;
                flags[count] = (byte) ((e.percpuRefill ? 1 : 0) | (e.changeOwnership ? 2 : 0)
                        | (e.comm != null && e.comm.startsWith("pgdatinit") ? 4 : 0));
                fallbackOrder[count] = (byte) e.fallbackOrder;
                fallbackMigratetype[count] = (byte) e.fallbackMigratetype;
                position[count] = e.position;
                count++;
            }
        }
    }

    private void grow() {
        int n = kind.length * 2;
        kind = Arrays.copyOf(kind, n);
        pfn = Arrays.copyOf(pfn, n);
        order = Arrays.copyOf(order, n);
        migratetype = Arrays.copyOf(migratetype, n);
        flags = Arrays.copyOf(flags, n);
        fallbackOrder = Arrays.copyOf(fallbackOrder, n);
        fallbackMigratetype = Arrays.copyOf(fallbackMigratetype, n);
        position = Arrays.copyOf(position, n);
    }

    /** A fresh machine from the dmesg, prepared at the start marker or as at trace_init() (untimed). */
    @Setup(Level.Iteration)
    public void prepare() {
        Path dir = trace.getParent();
        MachineSpec spec = DmesgImporter.read(dir.resolve("dmesg"), dir.resolve("iomem"));
        BootedMachine booted = start == null ? MemoryInit.bootToMemInit(spec) : MemoryInit.boot(spec);
        machine = booted.machine();
        try (TraceReader r = TraceFiles.open(trace, false)) {
            if (start == null) {
                long kernelFree = StartState.freeAndPerCpu(ZoneInfoFormat.parse("zoneinfo", readOrEmpty(dir.resolve("zoneinfo"))));
                StartState.atTraceInit(booted, r, TRACE_INIT_SNAPSHOT, kernelFree);
                MemoryInit.setupPerCpuPageset(machine);
                MemoryInit.initPerZoneWmarkMin(booted);
            } else {
                Path at = dir.resolve(start).resolve("buddyinfo");
                StartState.prepare(machine, r, start, Buddyinfo.parse(readOrEmpty(at)));
            }
        }
    }

    private static String readOrEmpty(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Forced replay of the pre-decoded events: parsing excluded. */
    @Benchmark
    public long decoded() {
        ForcedReplay replay = new ForcedReplay(machine, 20, start == null);
        TraceEventKind[] kinds = TraceEventKind.values();
        TraceEvent e = event;
        for (int i = 0; i < count; i++) {
            e.kind = kinds[kind[i]];
            e.pfn = pfn[i];
            e.order = order[i];
            e.migratetype = migratetype[i];
            e.percpuRefill = (flags[i] & 1) != 0;
            e.changeOwnership = (flags[i] & 2) != 0;
            e.fallbackOrder = fallbackOrder[i];
            e.fallbackMigratetype = fallbackMigratetype[i];
            e.position = position[i];
            e.comm = (flags[i] & 4) != 0 ? DEFERRED_INIT_COMM : null;
            e.cpu = 0;
            replay.apply(e);
        }
        return replay.events();
    }

    /** Forced replay reading the trace file as it goes: parsing included. */
    @Benchmark
    public long parsed() {
        ForcedReplay replay = new ForcedReplay(machine, 20, start == null);
        try (TraceReader r = TraceFiles.open(trace, false)) {
            TraceReplay.run(r, start, replay, null);
        }
        return replay.events();
    }

    /** Prints events per second of both benchmarks, best of five runs each. */
    public static void main(String[] args) {
        ReplayBench b = new ReplayBench();
        b.cases = args.length > 1 ? args[1] : "testdata/oracle/cases";
        b.caseTrace = args.length > 0 ? args[0] : PARTIAL_CASE + "/trace.gz";
        b.decode();
        for (String which : new String[] {"decoded", "parsed"}) {
            long best = Long.MAX_VALUE;
            long events = 0;
            for (int run = 0; run < 5; run++) {
                b.prepare();
                long t0 = System.nanoTime();
                events = which.equals("decoded") ? b.decoded() : b.parsed();
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("%s: %d events in %.1f ms, %.2f M events/s%n", which, events, best / 1e6,
                    events * 1e3 / best);
        }
    }
}
