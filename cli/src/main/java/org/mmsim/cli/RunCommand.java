package org.mmsim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.page.init.BootResidue;
import org.mmsim.proc.model.BootResidueMeminfo;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.report.RunOutput;
import org.mmsim.report.RunRecorder;
import org.mmsim.workload.RunStopped;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;
import org.mmsim.workload.sim.Simulations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim run}: reads a scenario, boots its machine (with the scenario's watermark sysctls), runs the
 * simulation and writes proc/ snapshots, trace.txt, summary.json and report.html into the output directory,
 * which appears only when the run succeeds. Progress goes to stderr ({@link ProgressDisplay}); a run estimated to
 * exceed its bounds is refused before it starts ({@link RunLimits}); SIGINT or SIGTERM stops it cleanly
 * ({@link RunInterruption}). {@code --set} overrides a sysctl or adds a boot parameter ({@link SettingOptions}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario and write /proc snapshots, a trace, summary.json and report.html."})
public final class RunCommand implements Callable<Integer> {
    /** The exit status of an interrupted run, as a shell reports SIGINT's (the JVM exits with the signal's own). */
    static final int INTERRUPTED = 130;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "scenario file or built-in name (default: default)")
    String scenarioName = "default";

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: mmsim-out)")
    Path out = Path.of("mmsim-out");

    @Option(names = "--meminfo", paramLabel = "FILE",
            description = "start from a real machine's state after boot: its /proc/meminfo's used memory (kernel, "
                    + "slab, tmpfs, anonymous) is allocated before the workload runs")
    Path meminfo;

    @Mixin
    SettingOptions set = new SettingOptions();

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Mixin
    RunLimits limits = new RunLimits();

    @Option(names = "--debug-vm", description = "check every invariant of the model after every event (slow); "
            + "a broken one stops the run with one line and exit status 3")
    boolean debugVm;

    @Override
    public Integer call() {
        Scenario scenario = scenario();
        RunOutput.check(out);
        Booted b = boot(scenario);
        limits.check(b.scenario(), b.machine());
        long freeAtBoot = b.machine().machine().nrFreePages();
        try (RunInterruption interruption = RunInterruption.install()) {
            return simulate(b.scenario(), b.machine(), interruption);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, b.machine().machine(), b.spec(), b.inputs(), freeAtBoot);
        }
    }

    /** A scenario as --set changed it, its machine, the machine booted from it, and what an exhaustion names. */
    record Booted(Scenario scenario, MachineSpec spec, BootedMachine machine, BootExhaustion.Inputs inputs) {
    }

    /** The scenario, with --seed. */
    Scenario scenario() {
        Scenario scenario = ScenarioFile.load(scenarioName);
        return seed == null ? scenario : scenario.withSeed(seed);
    }

    /** The scenario's machine with --set and --meminfo, booted. */
    Booted boot(Scenario loaded) {
        MachineSpec machine = set.machine(MachineFile.load(loaded.machine()), false);
        Scenario scenario = set.scenario(loaded, machine);
        MachineSpec spec = withSysctls(machine, scenario);
        BootResidue residue = meminfo == null ? BootResidue.NONE
                : BootResidueMeminfo.read(meminfo, spec.arch().pageShift(), EarlyBoot.layout(spec).physpages());
        BootExhaustion.Inputs inputs = new BootExhaustion.Inputs(scenario.machine(), null, meminfo,
                scenario.sourceFile(), scenario.sysctl().containsKey(KernelSysctl.MIN_FREE_KBYTES.key())
                        ? ScenarioFile.locate(scenario, "sysctl", KernelSysctl.MIN_FREE_KBYTES.key()) : null);
        try {
            return new Booted(scenario, spec, MemoryInit.boot(spec, null, residue), inputs);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, null, spec, inputs, -1);
        }
    }

    /** What this run is made from, for {@link RunInputs}. */
    private RunInputs inputs(Scenario scenario, SimulationView end) {
        return new RunInputs(RunInputs.scenarioRef(scenarioName), scenario.seed(),
                meminfo == null ? null : meminfo.toAbsolutePath().normalize().toString(), set.settings,
                end.counters().getOrDefault("nr_free_pages", -1L), end.counters().getOrDefault("pgfault", -1L));
    }

    /**
     * Runs the simulation into the output folder; on an interruption, says so once the temporary output is gone
     * and before the interruption lets the JVM exit.
     */
    private int simulate(Scenario scenario, BootedMachine booted, RunInterruption interruption) {
        ProgressDisplay progress = ProgressDisplay.onStderr();
        try (RunOutput output = RunOutput.create(out);
                RunRecorder recorder = new RunRecorder(scenario, output.dir(), progress::update)) {
            interruption.watch(output);
            SimulationView end = Simulations.create(debugVm).run(scenario, booted,
                    new InterruptibleRecorder(recorder, interruption));
            recorder.finish(end);
            inputs(scenario, end).write(output.dir());
            progress.done();
            if (interruption.requested()) {
                throw new RunStopped(scenario.durationNs());
            }
            output.commit();
        } catch (RunStopped stopped) {
            System.err.println("mmsim: interrupted: " + stopped.getMessage() + "; nothing written to " + out);
            return INTERRUPTED;
        }
        System.out.println("mmsim: wrote " + out.resolve("report.html"));
        return 0;
    }

    /** The machine with the scenario's sysctls that shape boot-time watermarks and reserves ({@link KernelSysctl#boot()}). */
    static MachineSpec withSysctls(MachineSpec spec, Scenario scenario) {
        Map<String, String> sysctl = new LinkedHashMap<>(spec.sysctl());
        for (Map.Entry<String, String> e : scenario.sysctl().entrySet()) {
            KernelSysctl known = KernelSysctl.byKey(e.getKey());
            if (known != null && known.boot()) {
                sysctl.put(e.getKey(), e.getValue());
            }
        }
        return spec.withSysctl(sysctl);
    }
}
