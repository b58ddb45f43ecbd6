package org.mmsim.cli;

import org.mmsim.workload.ForwardingRecorder;
import org.mmsim.workload.Recorder;

/** A recorder that passes everything on and asks the simulation to stop once the run is interrupted. */
final class InterruptibleRecorder extends ForwardingRecorder {
    private final RunInterruption interruption;

    InterruptibleRecorder(Recorder inner, RunInterruption interruption) {
        super(inner);
        this.interruption = interruption;
    }

    @Override
    public boolean stopRequested() {
        return interruption.requested();
    }
}
