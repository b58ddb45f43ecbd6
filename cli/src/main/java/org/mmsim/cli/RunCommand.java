package org.mmsim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.report.RunOutput;
import org.mmsim.report.RunRecorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;
import org.mmsim.workload.scenario.Simulations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim run}: reads a scenario, boots its machine (with the scenario's watermark sysctls), runs the
 * simulation and writes proc/ snapshots, trace.txt, summary.json and report.html into the output directory,
 * which appears only when the run succeeds. A progress bar goes to stderr when a terminal is attached.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario and write /proc snapshots, a trace, summary.json and report.html."})
public final class RunCommand implements Callable<Integer> {
    /** Sysctls that shape the boot-time watermarks and reserves, passed to the machine before it boots. */
    private static final Set<String> BOOT_SYSCTLS = Set.of("vm.min_free_kbytes", "vm.watermark_scale_factor",
            "vm.lowmem_reserve_ratio", "vm.percpu_pagelist_high_fraction");

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "scenario file or built-in name (default: default)")
    String scenarioName = "default";

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: mmsim-out)")
    Path out = Path.of("mmsim-out");

    @Option(names = "--meminfo", paramLabel = "FILE",
            description = "start from a real machine's state after boot: its /proc/meminfo's used memory (kernel, "
                    + "slab, tmpfs, anonymous) is allocated before the workload runs")
    Path meminfo;

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioFile.load(scenarioName);
        if (seed != null) {
            scenario = new Scenario(scenario.name(), scenario.sourceFile(), scenario.machine(), seed,
                    scenario.durationNs(), scenario.hz(), scenario.sysctl(), scenario.swapBytes(), scenario.compaction(),
                    scenario.writebackDelayNs(), scenario.thpEnabled(), scenario.generators(), scenario.record());
        }
        MachineSpec spec = withSysctls(MachineFile.load(scenario.machine()), scenario);
        BootResidue residue = meminfo == null ? BootResidue.NONE
                : BootResidue.read(meminfo, spec.arch().pageShift());
        BootExhaustion.Inputs inputs = new BootExhaustion.Inputs(scenario.machine(), null, meminfo,
                scenario.sourceFile(), scenario.sysctl().containsKey("vm.min_free_kbytes")
                        ? ScenarioFile.locate(scenario, "sysctl", "vm.min_free_kbytes") : null);
        BootedMachine booted;
        try {
            booted = MemoryInit.boot(spec, null, residue);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, null, spec, inputs, -1);
        }
        long freeAtBoot = booted.machine().nrFreePages();
        try {
            return simulate(scenario, booted);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, booted.machine(), spec, inputs, freeAtBoot);
        }
    }

    /** Runs the booted scenario into the output directory, which appears only if the run succeeds. */
    private int simulate(Scenario scenario, BootedMachine booted) {
        ProgressBar bar = System.console() != null ? new ProgressBar(System.err) : null;
        try (RunOutput output = RunOutput.create(out);
                RunRecorder recorder = new RunRecorder(scenario, output.dir(), bar == null ? null : bar::update)) {
            SimulationView end = Simulations.create().run(scenario, booted, recorder);
            recorder.finish(end);
            if (bar != null) {
                bar.done();
            }
            output.commit();
        }
        System.out.println("mmsim: wrote " + out.resolve("report.html"));
        return 0;
    }

    private static MachineSpec withSysctls(MachineSpec spec, Scenario scenario) {
        Map<String, String> sysctl = new LinkedHashMap<>(spec.sysctl());
        for (Map.Entry<String, String> e : scenario.sysctl().entrySet()) {
            if (BOOT_SYSCTLS.contains(e.getKey())) {
                sysctl.put(e.getKey(), e.getValue());
            }
        }
        return new MachineSpec(spec.name(), spec.arch(), spec.cpus(), spec.cmdline(), spec.firmware(), spec.numa(),
                spec.reservations(), spec.lateFrees(), sysctl, spec.image(), spec.cmaBytes(), spec.thpEnabled(),
                spec.facts());
    }

    /** The terminal's progress bar: simulated time against the duration, and wall time. */
    static final class ProgressBar {
        private final java.io.PrintStream err;
        private final long startWall = System.nanoTime();
        private long lastDraw;

        ProgressBar(java.io.PrintStream err) {
            this.err = err;
        }

        void update(long simNs, long durationNs) {
            long wall = System.nanoTime();
            if (wall - lastDraw < 100_000_000L && simNs < durationNs) {
                return;
            }
            lastDraw = wall;
            int width = 40;
            int filled = (int) Math.min(width, width * simNs / Math.max(1, durationNs));
            err.printf("\r[%s%s] sim %.1f/%.1f s  wall %.1f s ", "#".repeat(filled), " ".repeat(width - filled),
                    simNs / 1e9, durationNs / 1e9, (wall - startWall) / 1e9);
            err.flush();
        }

        void done() {
            err.println();
        }
    }
}
