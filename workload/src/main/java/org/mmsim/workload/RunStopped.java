package org.mmsim.workload;

/**
 * A run stopped before its end because its recorder asked it to ({@link Recorder#stopRequested}), as when the user
 * interrupts {@code mmsim run}: the front end discards what the run wrote.
 */
public final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param atNs the simulated time at which the run stopped */
    public RunStopped(long atNs) {
        super(String.format(java.util.Locale.ROOT, "run stopped at simulated time %.3f s", atNs / 1e9));
    }
}
