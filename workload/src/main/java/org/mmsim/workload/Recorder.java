package org.mmsim.workload;

/**
 * What a running simulation tells the front ends. The simulation calls {@link #snapshot} at every recording
 * interval (and at start and end) with the live model, which the front end reads through its public API
 * only; {@link #trace} receives ftrace-format lines for the events the scenario asked for; {@link #progress}
 * reports simulated time for a progress bar (at every snapshot and every few thousand events); {@link
 * #stopRequested} lets the front end stop a run between two events. Implementations must not change the model.
 */
public interface Recorder {
    /** The model at simulated time {@code timeNs}; {@code label} is "start", "end" or "interval". */
    void snapshot(long timeNs, String label, SimulationView view);

    /** One trace line in ftrace text format, without a trailing newline. */
    default void trace(String line) {
    }

    /** Simulated time so far against the scenario's duration. */
    default void progress(long simulatedNs, long durationNs) {
    }

    /**
     * Asked before every event: true when the run must stop there (the user interrupted it), and the simulation
     * then throws {@link RunStopped}. It must not depend on the model, so that a run that is not stopped is the
     * same run.
     */
    default boolean stopRequested() {
        return false;
    }

    /** A notable moment worth a sentence in the report (first THP failure, OOM kill, ...). */
    default void note(long timeNs, String text) {
    }
}
