package org.mmsim.web.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mmsim.report.RunData;
import org.mmsim.report.RunOutput;
import org.mmsim.report.RunRecorder;
import org.mmsim.study.RunRequest;
import org.mmsim.study.RunSettings;
import org.mmsim.study.ScenarioRun;
import org.mmsim.workload.ForwardingRecorder;
import org.mmsim.workload.SimulationView;

/**
 * One side of a comparison: a built-in scenario with its settings, booted when made (so a bad setting is refused
 * before anything runs), then run to its end as {@code mmsim run} runs it, into a {@link RunRecorder} writing in a
 * temporary folder that is deleted afterwards; what is kept is the recorder's {@link RunData}.
 */
final class CompareSide {
    private final List<String> words;
    private ScenarioRun.Booted booted;
    private final long durationNs;
    private volatile long doneNs;
    private volatile RunData data;

    CompareSide(String scenario, RunSettings settings) {
        this.words = settings.settings();
        RunRequest request = new RunRequest(scenario, settings, null, null, false);
        this.booted = ScenarioRun.boot(request, settings.loadBuiltin(scenario));
        this.durationNs = booted.scenario().durationNs();
    }

    /** Runs to the end, or until {@code stop} says so (the run then throws the simulation's RunStopped). */
    void run(BooleanSupplier stop) {
        Path dir;
        try {
            dir = Files.createTempDirectory("mmsim-compare");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RunRecorder recorder = new RunRecorder(booted.scenario(), dir, (now, duration) -> doneNs = now)) {
            SimulationView end = ScenarioRun.simulate(booted, new ForwardingRecorder(recorder) {
                @Override
                public boolean stopRequested() {
                    return stop.getAsBoolean();
                }
            }, false);
            doneNs = durationNs;
            data = recorder.data(end);
        } finally {
            booted = null;
            try {
                RunOutput.deleteTree(dir);
            } catch (IOException e) {
                dir.toFile().deleteOnExit();
            }
        }
    }

    List<String> words() {
        return words;
    }

    /** Simulated time run so far, as a fraction of the duration. */
    double progress() {
        return durationNs == 0 ? 1 : Math.min(1.0, (double) doneNs / durationNs);
    }

    /** The recorded run once it ended, else null. */
    RunData data() {
        return data;
    }
}
