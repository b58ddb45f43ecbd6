package org.mmsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mmsim.report.RunOutput;
import org.mmsim.study.PointRun;
import org.mmsim.study.RunRequest;
import org.mmsim.study.ScenarioRun;
import org.mmsim.workload.RunStopped;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
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
        RunRequest request = request();
        Scenario scenario = ScenarioRun.scenario(request);
        RunOutput.check(out);
        ScenarioRun.Booted b = ScenarioRun.boot(request, scenario);
        limits.check(b.scenario(), b.machine());
        try (RunInterruption interruption = RunInterruption.install()) {
            return simulate(b, interruption);
        }
    }

    /** What the options ask to run. */
    RunRequest request() {
        return new RunRequest(scenarioName, set.settings(), seed, meminfo, debugVm);
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
    private int simulate(ScenarioRun.Booted booted, RunInterruption interruption) {
        Scenario scenario = booted.scenario();
        ProgressDisplay progress = ProgressDisplay.onStderr();
        try (RunOutput output = RunOutput.create(out)) {
            interruption.watch(output);
            SimulationView end = PointRun.run(booted, debugVm, output.dir(), progress::update,
                    recorder -> new InterruptibleRecorder(recorder, interruption)).end();
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
}
