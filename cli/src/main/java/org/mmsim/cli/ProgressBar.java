package org.mmsim.cli;

import java.io.PrintStream;

/** The terminal's progress bar: simulated time against the duration, and wall time, redrawn in place. */
final class ProgressBar implements ProgressDisplay {
    private final PrintStream err;
    private final long startWall = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(long simNs, long durationNs) {
        long wall = System.nanoTime();
        if (wall - lastDraw < 100_000_000L && simNs < durationNs) {
            return;
        }
        lastDraw = wall;
        int width = 40;
        int filled = (int) Math.min(width, width * simNs / Math.max(1, durationNs));
        err.printf("\r[%s%s] sim %.1f/%.1f s  wall %.1f s ", "#".repeat(filled), " ".repeat(width - filled),
                simNs / 1e9, durationNs / 1e9, (wall - startWall) / 1e9);
        err.flush();
    }

    @Override
    public void done() {
        err.println();
    }
}
