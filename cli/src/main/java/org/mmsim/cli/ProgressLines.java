package org.mmsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a stderr that is not a terminal: a plain line every {@value #EVERY_SECONDS} seconds of wall time,
 * the first one only after that long, so that short runs (and tests) print nothing.
 */
final class ProgressLines implements ProgressDisplay {
    static final int EVERY_SECONDS = 5;
    private static final long EVERY_NS = EVERY_SECONDS * 1_000_000_000L;

    private final PrintStream err;
    private final LongSupplier clock;
    private final long start;
    private long next;

    /** @param clock wall-clock nanoseconds (System::nanoTime) */
    ProgressLines(PrintStream err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.next = start + EVERY_NS;
    }

    @Override
    public void update(long simNs, long durationNs) {
        long now = clock.getAsLong();
        if (now < next) {
            return;
        }
        next = now + EVERY_NS;
        err.printf(Locale.ROOT, "mmsim: simulated %.1f s of %.1f s (%.0f%%), wall %.0f s%n", simNs / 1e9,
                durationNs / 1e9, 100.0 * simNs / Math.max(1, durationNs), (now - start) / 1e9);
        err.flush();
    }

    @Override
    public void done() {
    }
}
