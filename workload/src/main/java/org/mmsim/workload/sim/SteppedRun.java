package org.mmsim.workload.sim;

import org.mmsim.workload.RunStepper;
import org.mmsim.workload.SimulationView;

/** A begun {@link SimulationRun} advanced by its caller: the explorer's play, step and "run to". */
final class SteppedRun implements RunStepper {
    private final SimulationRun run;

    SteppedRun(SimulationRun run) {
        this.run = run;
    }

    @Override
    public long nowNs() {
        return run.now;
    }

    @Override
    public long durationNs() {
        return run.scenario.durationNs();
    }

    @Override
    public long events() {
        return run.events;
    }

    @Override
    public long nextEventNs() {
        return run.finished ? -1 : run.nextEventNs();
    }

    @Override
    public boolean finished() {
        return run.finished;
    }

    @Override
    public boolean stepEvent() {
        return run.stepEvent();
    }

    /**
     * Runs the events up to {@code timeNs}, then moves the clock there: the time between two events passes with
     * nothing happening, as it does between the events of {@link SimulationRun#run()}.
     */
    @Override
    public void runUntil(long timeNs) {
        while (!run.finished) {
            long next = run.nextEventNs();
            if (next > timeNs || (next < 0 && timeNs < durationNs())) {
                run.now = Math.max(run.now, timeNs);
                return;
            }
            run.stepEvent();
        }
    }

    @Override
    public SimulationView view() {
        return run.view;
    }
}
