package org.mmsim.cli;

import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;

/** A recorder that passes everything on and asks the simulation to stop once the run is interrupted. */
final class InterruptibleRecorder implements Recorder {
    private final Recorder inner;
    private final RunInterruption interruption;

    InterruptibleRecorder(Recorder inner, RunInterruption interruption) {
        this.inner = inner;
        this.interruption = interruption;
    }

    @Override
    public void snapshot(long timeNs, String label, SimulationView view) {
        inner.snapshot(timeNs, label, view);
    }

    @Override
    public void trace(String line) {
        inner.trace(line);
    }

    @Override
    public void progress(long simulatedNs, long durationNs) {
        inner.progress(simulatedNs, durationNs);
    }

    @Override
    public void note(long timeNs, String text) {
        inner.note(timeNs, text);
    }

    @Override
    public boolean stopRequested() {
        return interruption.requested();
    }
}
