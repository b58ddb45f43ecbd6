package org.mmsim.workload;

/**
 * A run advanced from outside, an event at a time or up to a simulated time, for a front end that shows the model
 * as it goes (the explorer). It makes the same run as {@link Simulation#run}: the same events in the same order and
 * the same recorder calls, so stepping never changes what a run does. Not thread-safe: one caller at a time.
 */
public interface RunStepper {
    /** Simulated time now: the last event's time, the duration once finished. */
    long nowNs();

    /** The scenario's duration. */
    long durationNs();

    /** Events run so far. */
    long events();

    /** The time of the next event, or -1 when none is left before the end. */
    long nextEventNs();

    /** True once the run reached its end (and the recorder had the end snapshot). */
    boolean finished();

    /** Runs the next event, or ends the run when none is left; false once the run has finished. */
    boolean stepEvent();

    /** Runs every event at or before {@code timeNs}; reaching the duration ends the run. */
    void runUntil(long timeNs);

    /** The live model. */
    SimulationView view();
}
