package org.mmsim.workload;

/**
 * A recorder that passes everything on to another: the base of a front end's recorder that adds to one call (writes
 * more files at a snapshot, stops a run) and leaves the others as they are.
 */
public abstract class ForwardingRecorder implements Recorder {
    private final Recorder inner;

    protected ForwardingRecorder(Recorder inner) {
        this.inner = inner;
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
    public boolean stopRequested() {
        return inner.stopRequested();
    }

    @Override
    public void note(long timeNs, String text) {
        inner.note(timeNs, text);
    }
}
