package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.page.Machine;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.trace.CurrentTask;
import org.mmsim.page.trace.FtraceWriter;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.MmConfig;
import org.mmsim.reclaim.Writeback;
import org.mmsim.reclaim.MmEnvironment;
import org.mmsim.vm.Process;
import org.mmsim.vm.VmSystem;
import org.mmsim.compaction.Compaction;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.RunStopped;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * One run of a scenario: the simulated clock (nanoseconds; jiffies at the scenario's HZ), the event queue
 * driving the generators, the kswapd and kcompactd threads and kcompactd's proactive timer, and the recorder
 * calls (snapshots, ftrace-format lines, notes). Every random draw comes from the scenario seed.
 */
final class SimulationRun implements MmEnvironment {
    static final int EV_STEP = 0;
    static final int EV_KSWAPD = 1;
    static final int EV_KCOMPACTD = 2;
    static final int EV_KCOMPACTD_TIMER = 3;
    static final int EV_SNAPSHOT = 4;
    static final int EV_FREE_KERNEL = 5;
    static final int EV_FREE_SLAB = 6;
    static final int EV_FREE_THP = 7;
    static final int EV_EXIT_MM = 8;
    static final int EV_WRITEBACK = 9;
    /** The recorder hears of the simulated time every this many events, between snapshots, for a progress display. */
    static final int PROGRESS_EVERY_EVENTS = 4096;
    /** kswapd runs again this long after a pass that left the node unbalanced. */
    static final long KSWAPD_RETRY_NS = 10_000_000L;

    final Scenario scenario;
    final BootedMachine booted;
    final Machine machine;
    final Recorder recorder;
    final Memory mem;
    final EventQueue queue = new EventQueue();
    final Set<String> traceEvents;
    /** The writer of this run's trace lines, the events the scenario records. */
    private final FtraceWriter ftrace;
    final List<WorkloadGenerator> generators = new ArrayList<>();
    final SimView view;
    final SimKernel kernel;
    /** The debug checks run after every event ({@code --debug-vm}); null in a normal run. */
    final DebugVmChecker debugVm;
    long now;
    /** Events run so far. */
    long events;
    /** True once the run reached its end and took the end snapshot. */
    boolean finished;
    private int pid = 1000;
    private int currentGenerator = -1;

    SimulationRun(Scenario scenario, BootedMachine booted, Recorder recorder) {
        this(scenario, booted, recorder, false);
    }

    /** A run that, with {@code debugVm}, checks the whole model after every event ({@link DebugVmChecker}). */
    SimulationRun(Scenario scenario, BootedMachine booted, Recorder recorder, boolean debugVm) {
        this.scenario = scenario;
        this.booted = booted;
        this.machine = booted.machine();
        this.recorder = recorder;
        this.traceEvents = new HashSet<>(scenario.record() == null ? List.of() : scenario.record().traceEvents());
        this.ftrace = traceEvents.isEmpty() ? FtraceWriter.OFF : FtraceWriter.traceFile(recorder::trace, traceEvents,
                machine::currentCpu, () -> now, machine.arch().pageblockOrder(), new GeneratorTask());
        Map<String, String> sys = scenario.sysctl() == null ? Map.of() : scenario.sysctl();
        MmConfig cfg = new MmConfig(sysctlInt(sys, KernelSysctl.SWAPPINESS), scenario.swapBytes() / 4096,
                scenario.compaction(), sysctlInt(sys, KernelSysctl.COMPACTION_PROACTIVENESS),
                sysctlInt(sys, KernelSysctl.EXTFRAG_THRESHOLD),
                sysctlInt(sys, KernelSysctl.COMPACT_UNEVICTABLE_ALLOWED) != 0);
        if (sys.containsKey(KernelSysctl.WATERMARK_BOOST_FACTOR.key())) {
            machine.setWatermarkBoostFactor(sysctlInt(sys, KernelSysctl.WATERMARK_BOOST_FACTOR));
        }
        this.mem = new Memory(machine, cfg, this, Compaction::new);
        mem.writeback.configure(new Writeback.Config(sysctlInt(sys, KernelSysctl.DIRTY_RATIO),
                sysctlInt(sys, KernelSysctl.DIRTY_BACKGROUND_RATIO),
                sysctlInt(sys, KernelSysctl.DIRTY_EXPIRE_CENTISECS) * 10_000_000L,
                sysctlInt(sys, KernelSysctl.DIRTY_WRITEBACK_CENTISECS) * 10_000_000L, scenario.writebackDelayNs(),
                booted.setup().totalreservePages()));
        this.kernel = new SimKernel(booted, mem);
        mem.setXaNodeAllocator(kernel.radixTreeNodes());
        this.view = new SimView(booted, mem, kernel, scenario.thpEnabled());
        BootResidueHandover.handOver(this);
        if (traceEvents.stream().anyMatch(e -> e.startsWith("mm_page_"))) {
            machine.setTracer(ftrace);
        }
        SplittableRandom root = new SplittableRandom(scenario.seed());
        for (Scenario.Generator g : scenario.generators()) {
            generators.add(create(g, root.split()));
        }
        this.debugVm = debugVm ? new DebugVmChecker(this) : null;
    }

    /** The scenario's value of {@code sysctl}, else the kernel's default. */
    private int sysctlInt(Map<String, String> sys, KernelSysctl sysctl) {
        String key = sysctl.key();
        String v = sys.get(key);
        if (v == null) {
            return sysctl.kernelDefault();
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InputError(scenario.sourceFile() + ":1: sysctl " + key + ": not a number: " + v);
        }
    }

    private WorkloadGenerator create(Scenario.Generator spec, SplittableRandom rng) {
        Scenario.Generator g = spec.in(scenario.sourceFile());
        return switch (g.kind()) {
            case "anon" -> new AnonGenerator(g, rng);
            case "file" -> new PageCacheGenerator(g, false);
            case "shmem" -> new PageCacheGenerator(g, true);
            case "kernel" -> new KernelGenerator(g, false, rng);
            case "slab" -> new KernelGenerator(g, true, rng);
            case "thp" -> new ThpGenerator(g);
            case "fork" -> new ForkGenerator(g);
            case "process" -> new ProcessGenerator(g, rng);
            case "compact_memory", "drop_caches", "nr_hugepages", "snapshot" -> new OneShotGenerator(g);
            case "compaction_test" -> new CompactionTestGenerator(g);
            case "frag" -> new FragGenerator(g);
            case "kmalloc" -> new KmallocGenerator(g, rng);
            case "kmem_cache" -> new KmemCacheGenerator(g, rng, kernel);
            case "vmalloc" -> new VmallocGenerator(g, rng);
            default -> throw new InputError(scenario.sourceFile() + ":" + g.line() + ": unknown generator " + g.kind());
        };
    }

    int nextPid() {
        return pid++;
    }

    void schedule(long t, int kind, int argInt, long argLong) {
        queue.add(t, kind, argInt, argLong);
    }

    SimulationView run() {
        begin();
        boolean more = true;
        while (more) {
            more = stepEvent();
        }
        return view;
    }

    /**
     * Schedules the generators' first steps, the snapshots and kcompactd's timer, and takes the start snapshot;
     * the run then advances by {@link #stepEvent()}.
     */
    void begin() {
        long duration = scenario.durationNs();
        for (int i = 0; i < generators.size(); i++) {
            WorkloadGenerator g = generators.get(i);
            if (g != null) {
                schedule(g.firstStep(), EV_STEP, i, 0);
            }
        }
        long interval = scenario.record() == null ? 0 : scenario.record().intervalNs();
        if (interval > 0) {
            for (long t = interval; t < duration; t += interval) {
                schedule(t, EV_SNAPSHOT, 0, 0);
            }
        }
        if (scenario.compaction()) {
            for (int n = 0; n < machine.nodes().size(); n++) {
                schedule(Compaction.HPAGE_FRAG_CHECK_INTERVAL_NS, EV_KCOMPACTD_TIMER, n, 0);
            }
        }
        recorder.snapshot(0, "start", view);
    }

    /**
     * Runs the next event at or before the scenario's end; when none is left, ends the run (the clock at the
     * duration, the end snapshot) and returns false, as it does on every later call.
     */
    boolean stepEvent() {
        if (finished) {
            return false;
        }
        long duration = scenario.durationNs();
        if (queue.size() > 0 && queue.peekTime() <= duration) {
            if (recorder.stopRequested()) {
                throw new RunStopped(now);
            }
            if (++events % PROGRESS_EVERY_EVENTS == 0) {
                recorder.progress(now, duration);
            }
            now = queue.peekTime();
            int kind = queue.peekKind();
            int ai = queue.peekInt();
            long al = queue.peekLong();
            queue.poll();
            dispatch(kind, ai, al);
            return true;
        }
        finished = true;
        now = duration;
        recorder.progress(duration, duration);
        recorder.snapshot(duration, "end", view);
        return false;
    }

    /** The time of the next event, or -1 when the run has none left before its end. */
    long nextEventNs() {
        return queue.size() > 0 && queue.peekTime() <= scenario.durationNs() ? queue.peekTime() : -1;
    }

    private void dispatch(int kind, int ai, long al) {
        dispatchEvent(kind, ai, al);
        VmSystem vm = view.existingVm();
        if (vm != null) {
            vm.reapDoomed();
        }
        if (debugVm != null) {
            debugVm.afterEvent(kind, ai);
        }
    }

    private void dispatchEvent(int kind, int ai, long al) {
        switch (kind) {
            case EV_STEP -> {
                machine.setCurrentCpu(ai % machine.nrCpus());
                currentGenerator = ai;
                long next = generators.get(ai).step(this);
                currentGenerator = -1;
                if (next >= 0) {
                    schedule(Math.max(next, now), EV_STEP, ai, 0);
                }
            }
            case EV_KSWAPD -> {
                machine.setCurrentCpu(0);
                if (!mem.kswapd.run(ai)) {
                    schedule(now + KSWAPD_RETRY_NS, EV_KSWAPD, ai, 0);
                }
            }
            case EV_KCOMPACTD -> {
                machine.setCurrentCpu(0);
                mem.compaction.runKcompactd(ai);
            }
            case EV_KCOMPACTD_TIMER -> {
                machine.setCurrentCpu(0);
                mem.compaction.proactiveTick(ai);
                schedule(now + Compaction.HPAGE_FRAG_CHECK_INTERVAL_NS, EV_KCOMPACTD_TIMER, ai, 0);
            }
            case EV_SNAPSHOT -> {
                recorder.progress(now, scenario.durationNs());
                recorder.snapshot(now, "interval", view);
            }
            case EV_FREE_KERNEL -> mem.freeKernel(al);
            case EV_FREE_SLAB -> mem.freeSlab(al, ai);
            case EV_FREE_THP -> mem.freeThp(al);
            case EV_EXIT_MM -> {
                Process p = view.existingVm() == null ? null : view.existingVm().process(ai);
                if (p != null) {
                    p.exit();
                }
            }
            case EV_WRITEBACK -> {
                machine.setCurrentCpu(0);
                mem.writeback.run();
            }
            default -> throw new IllegalStateException("event " + kind);
        }
    }

    void snapshot(String label) {
        recorder.snapshot(now, label, view);
    }

    // ---- MmEnvironment -------------------------------------------------------------------------------------

    @Override
    public long nowNs() {
        return now;
    }

    /** jiffies at the scenario's HZ (INITIAL_JIFFIES not modelled: 0 at boot). */
    long jiffies() {
        return now / (1_000_000_000L / Math.max(1, scenario.hz()));
    }

    @Override
    public void wakeKswapdThread(int nid) {
        schedule(now, EV_KSWAPD, nid, 0);
    }

    @Override
    public void wakeKcompactdThread(int nid) {
        schedule(now, EV_KCOMPACTD, nid, 0);
    }

    @Override
    public void scheduleWriteback(long atNs) {
        schedule(Math.max(atNs, now), EV_WRITEBACK, 0, 0);
    }

    @Override
    public FtraceWriter ftrace() {
        return ftrace;
    }

    /** The task trace lines show outside kswapd and kcompactd: the generator being stepped, else a kworker. */
    private final class GeneratorTask implements CurrentTask {
        @Override
        public String comm() {
            return currentGenerator >= 0 ? generators.get(currentGenerator).spec.getString("name",
                    generators.get(currentGenerator).spec.kind()) : "kworker";
        }

        @Override
        public int pid() {
            return 1000 + Math.max(currentGenerator, 0);
        }
    }

    @Override
    public void note(String text) {
        recorder.note(now, text);
    }
}
