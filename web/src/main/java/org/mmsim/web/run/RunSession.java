package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.mmsim.study.RunRequest;
import org.mmsim.study.RunSettings;
import org.mmsim.study.ScenarioRun;
import org.mmsim.web.ApiError;
import org.mmsim.web.Simulation;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.RunStepper;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.sim.Simulations;

/**
 * One session's run: a scenario booted and started as {@code mmsim run} would run it, advanced by the page (an
 * event, a time step, to the end), with a {@link Frame} kept at every scenario snapshot and every step, so the
 * page can scrub back through kept frames without running again. The live model is reached only through {@link
 * #withLive}, under the session's lock.
 */
public final class RunSession implements Simulation {
    /** The session slot of the run. */
    public static final String SLOT = "run";

    private final Scenario scenario;
    private final RunStepper stepper;
    private final List<Frame> frames = new ArrayList<>();

    private RunSession(ScenarioRun.Booted booted) {
        this.scenario = booted.scenario();
        this.stepper = Simulations.create().start(booted.scenario(), booted.machine(), new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                keep(label, timeNs, view);
            }
        });
    }

    /** A run of a built-in scenario, booted and at its start. */
    public static RunSession builtin(String name) {
        if (!org.mmsim.workload.scenario.ScenarioFile.builtins().contains(name)) {
            throw ApiError.badRequest("no built-in scenario named '" + name + "'");
        }
        RunRequest request = new RunRequest(name, new RunSettings(List.of(), "explore", 0), null, null, false);
        return new RunSession(ScenarioRun.boot(request, ScenarioRun.scenario(request)));
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Runs the next event (or ends the run); the frame of the moment reached. */
    public synchronized Frame stepEvent() {
        stepper.stepEvent();
        return stepFrame();
    }

    /** Runs up to {@code timeNs} (clamped to the duration); the frame of the moment reached. */
    public synchronized Frame runUntil(long timeNs) {
        stepper.runUntil(Math.min(timeNs, stepper.durationNs()));
        return stepFrame();
    }

    public synchronized long nowNs() {
        return stepper.nowNs();
    }

    public long durationNs() {
        return stepper.durationNs();
    }

    public synchronized boolean finished() {
        return stepper.finished();
    }

    /** The kept frames, oldest first. */
    public synchronized List<Frame> frames() {
        return Collections.unmodifiableList(new ArrayList<>(frames));
    }

    /** Frame {@code index}, or 404. */
    public synchronized Frame frame(int index) {
        if (index < 0 || index >= frames.size()) {
            throw ApiError.notFound("no frame " + index + " (the run has " + frames.size() + ")");
        }
        return frames.get(index);
    }

    /** Reads the live model (the run's present moment, the last frame's). */
    public synchronized <T> T withLive(Function<SimulationView, T> read) {
        return read.apply(stepper.view());
    }

    private Frame stepFrame() {
        Frame last = frames.get(frames.size() - 1);
        if (last.timeNs() == stepper.nowNs() && last.events() == stepper.events()) {
            return last;
        }
        return keep("step", stepper.nowNs(), stepper.view());
    }

    /** Keeps a frame of the model at {@code timeNs} (the start snapshot comes before the stepper exists). */
    private Frame keep(String label, long timeNs, SimulationView view) {
        Frame f = new Frame(frames.size(), timeNs, stepper == null ? 0 : stepper.events(), label, view.counters(),
                PageblockFrame.capture(view));
        frames.add(f);
        return f;
    }

    @Override
    public synchronized void close() {
        frames.clear();
    }
}
