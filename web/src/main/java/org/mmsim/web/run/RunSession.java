package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.study.BootExhaustion;
import org.mmsim.study.RunRequest;
import org.mmsim.study.RunSettings;
import org.mmsim.study.ScenarioRun;
import org.mmsim.web.ApiError;
import org.mmsim.web.Simulation;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.RunStepper;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;
import org.mmsim.workload.sim.Simulations;

/**
 * One session's run: a scenario booted and started as {@code mmsim run} would run it, advanced by the page (an
 * event, a time step, to the end), with a {@link Frame} kept at every scenario snapshot and every step, so the
 * page can scrub back through kept frames without running again. At most {@link #MAX_FRAMES} frames are kept:
 * past that, every second step or interval frame older than the newest {@link #RECENT_FRAMES} is dropped (the
 * start, the end and the workload's labelled snapshots stay). The live model is reached only through {@link
 * #withLive}, under the run's lock.
 */
public final class RunSession implements Simulation {
    /** The session slot of the run. */
    public static final String SLOT = "run";
    /** Frames kept before old ones are thinned out. */
    public static final int MAX_FRAMES = 2000;
    /** The newest frames never thinned out. */
    public static final int RECENT_FRAMES = 500;

    private final ScenarioRun.Booted booted;
    private final long freeAtBoot;
    private final long swapPages;
    private final RunStepper stepper;
    private final List<Frame> frames = new ArrayList<>();
    private final int maxFrames;
    private final int recentFrames;
    private int thinnings;
    private String failure;

    private RunSession(ScenarioRun.Booted booted, int maxFrames, int recentFrames) {
        this.booted = booted;
        this.maxFrames = maxFrames;
        this.recentFrames = recentFrames;
        this.freeAtBoot = booted.machine().machine().nrFreePages();
        this.swapPages = booted.scenario().swapBytes() >> 12;
        try {
            this.stepper = Simulations.create().start(booted.scenario(), booted.machine(), new Recorder() {
                @Override
                public void snapshot(long timeNs, String label, SimulationView view) {
                    keep(label, timeNs, view);
                }
            });
        } catch (BootOutOfMemory e) {
            throw explain(e);
        }
    }

    /** A run of a built-in scenario, booted and at its start. */
    public static RunSession builtin(String name) {
        return builtin(name, MAX_FRAMES, RECENT_FRAMES);
    }

    /** A run of a built-in scenario keeping at most {@code maxFrames}, never thinning the newest {@code recent}. */
    static RunSession builtin(String name, int maxFrames, int recent) {
        if (!ScenarioFile.builtins().contains(name)) {
            throw ApiError.badRequest("no built-in scenario named '" + name + "'");
        }
        RunRequest request = new RunRequest(name, new RunSettings(List.of(), "explore", 0), null, null, false);
        return new RunSession(ScenarioRun.boot(request, request.settings().loadBuiltin(name)), maxFrames, recent);
    }

    /**
     * A run of scenario text edited in the page, booted and at its start. Its {@code machine:} must be a preset:
     * a path is refused before anything is read, as the page may not name files on the server.
     */
    public static RunSession fromYaml(String text) {
        ScenarioText.requirePresetMachine(text);
        ScenarioRun.Booted booted = ScenarioRun.bootText(ScenarioText.FILE, text);
        ScenarioText.requirePreset(booted.scenario());
        return new RunSession(booted, MAX_FRAMES, RECENT_FRAMES);
    }

    public Scenario scenario() {
        return booted.scenario();
    }

    /** Runs the next event (or ends the run); the frame of the moment reached. */
    public synchronized Frame stepEvent() {
        advance(() -> stepper.stepEvent());
        return stepFrame();
    }

    /** Runs up to {@code timeNs} (clamped to the duration); the frame of the moment reached. */
    public synchronized Frame runUntil(long timeNs) {
        advance(() -> stepper.runUntil(Math.min(timeNs, stepper.durationNs())));
        return stepFrame();
    }

    private void advance(Runnable step) {
        if (failure != null) {
            throw ApiError.conflict("the run stopped: " + failure);
        }
        try {
            step.run();
        } catch (BootOutOfMemory e) {
            RuntimeException explained = explain(e);
            failure = explained.getMessage();
            throw explained;
        }
    }

    private RuntimeException explain(BootOutOfMemory e) {
        return BootExhaustion.explain(e, booted.machine().machine(), booted.spec(), booted.inputs(), freeAtBoot);
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

    /** Frames kept now. */
    public synchronized int frameCount() {
        return frames.size();
    }

    /** How many times old frames were thinned out (their places changed each time). */
    public synchronized int thinnings() {
        return thinnings;
    }

    /** Bytes the kept frames take on the heap, roughly (see {@link Frame#heapBytes}). */
    public synchronized long keptBytes() {
        long n = 0;
        for (Frame f : frames) {
            n += f.heapBytes();
        }
        return n;
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
        var m = view.booted().machine();
        Frame f = new Frame(frames.size(), timeNs, stepper == null ? 0 : stepper.events(), label,
                Collections.unmodifiableMap(ChartedCounters.read(m, view.counters())), PageblockFrame.capture(view),
                ZoneFrame.of(m), ProcTexts.capture(view, swapPages));
        frames.add(f);
        if (frames.size() > maxFrames) {
            thin();
            return frames.get(frames.size() - 1);
        }
        return f;
    }

    /** Drops every second step or interval frame older than the recent ones, and renumbers the rest. */
    private void thin() {
        List<Frame> kept = new ArrayList<>();
        boolean drop = false;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            boolean thinnable = i > 0 && i < frames.size() - recentFrames
                    && (f.label().equals("step") || f.label().equals("interval"));
            if (thinnable) {
                drop = !drop;
                if (drop) {
                    continue;
                }
            }
            kept.add(f.withIndex(kept.size()));
        }
        frames.clear();
        frames.addAll(kept);
        thinnings++;
    }

    @Override
    public synchronized void close() {
        frames.clear();
    }
}
