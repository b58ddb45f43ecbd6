package org.mmsim.cli;

import java.io.PrintStream;

/**
 * The progress of a run on stderr: a bar redrawn in place on a terminal, plain lines every few seconds otherwise
 * (a log, a pipe). It reads the wall clock, for the display only.
 */
interface ProgressDisplay {
    /** Simulated time so far against the scenario's duration. */
    void update(long simNs, long durationNs);

    /** The run has ended. */
    void done();

    /** The display that suits stderr: the bar when a terminal is attached, lines otherwise. */
    static ProgressDisplay onStderr() {
        PrintStream err = System.err;
        return System.console() != null ? new ProgressBar(err) : new ProgressLines(err, System::nanoTime);
    }
}
