package org.mmsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmsim.report.RunOutput;
import org.mmsim.study.PointRun;
import org.mmsim.study.RunRequest;
import org.mmsim.study.RunSettings;
import org.mmsim.study.ScenarioRun;
import org.mmsim.workload.RunStopped;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim run}: reads a scenario, boots its machine (with the scenario's watermark sysctls), runs the
 * simulation and writes proc/ snapshots, trace.txt, summary.json, report.html and samples.parquet into the output
 * directory, which appears only when the run succeeds. Progress goes to stderr ({@link ProgressDisplay}); a run
 * estimated to exceed its bounds is refused before it starts ({@link RunLimits}); SIGINT or SIGTERM stops it
 * cleanly ({@link RunInterruption}). {@code --set} overrides a sysctl or a scenario field or adds a boot parameter
 * ({@link SettingOptions}); {@code --duration} and {@code --machine} override the scenario's; {@code --list}
 * lists the built-in scenarios.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario and write /proc snapshots, a trace, summary.json, report.html and "
                + "samples.parquet."})
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

    @Option(names = "--duration", paramLabel = "TIME",
            description = "override the scenario's duration, written as in a scenario file (5s, 500ms, 2m)")
    String duration;

    @Option(names = "--machine", paramLabel = "FILE|PRESET",
            description = "override the scenario's machine: a machine file or a preset (e.g. x86_64-1G)")
    String machine;

    @Option(names = "--list", description = "list the built-in scenarios, one line each, and exit")
    boolean list;

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
    Long seed;

    @Mixin
    RunLimits limits = new RunLimits();

    @Option(names = "--debug-vm", description = "check every invariant of the model after every event (slow); "
            + "a broken one stops the run with one line and exit status 3")
    boolean debugVm;

    @Override
    public Integer call() {
        if (list) {
            printBuiltins();
            return 0;
        }
        RunRequest request = request();
        Scenario scenario = ScenarioRun.scenario(request);
        RunOutput.check(out);
        ScenarioRun.Booted b = ScenarioRun.boot(request, scenario);
        limits.check(b.scenario(), b.machine());
        try (RunInterruption interruption = RunInterruption.install()) {
            return simulate(request, b, interruption);
        }
    }

    /** The built-in scenarios, a line each: the name and its description. */
    private static void printBuiltins() {
        List<String> names = ScenarioFile.builtins();
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String name : names) {
            System.out.println(String.format("%-" + width + "s  %s", name, ScenarioFile.description(name)).strip());
        }
    }

    /**
     * What the options ask to run: --set's words, then --machine's (a file by its absolute path, so that a replay
     * from elsewhere finds it) and --duration's.
     */
    RunRequest request() {
        RunSettings settings = set.settings();
        if (machine != null) {
            Path file = Path.of(machine);
            settings = settings.withField("machine", Files.isRegularFile(file)
                    ? file.toAbsolutePath().normalize().toString() : machine, "--machine");
        }
        if (duration != null) {
            settings = settings.withField("duration", duration, "--duration");
        }
        return new RunRequest(scenarioName, settings, seed, meminfo, debugVm);
    }

    /**
     * Runs the simulation into the output folder; on an interruption, says so once the temporary output is gone
     * and before the interruption lets the JVM exit.
     */
    private int simulate(RunRequest request, ScenarioRun.Booted booted, RunInterruption interruption) {
        Scenario scenario = booted.scenario();
        ProgressDisplay progress = ProgressDisplay.onStderr();
        try (RunOutput output = RunOutput.create(out)) {
            interruption.watch(output);
            PointRun.run(request, booted, output.dir(), progress::update,
                    recorder -> new InterruptibleRecorder(recorder, interruption));
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
