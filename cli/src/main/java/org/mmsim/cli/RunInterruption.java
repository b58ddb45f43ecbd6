package org.mmsim.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mmsim.report.RunOutput;

/**
 * Stops a run cleanly when the user interrupts it (SIGINT, Ctrl-C) or the system terminates it (SIGTERM). A JVM
 * shutdown hook raises a flag, which the simulation reads before every event ({@link InterruptibleRecorder}), and
 * waits for the run to throw away its temporary output; the JVM then exits with the signal's status (130 or 143).
 * Should the run not come to an event in time (one long step), the hook removes the temporary folder itself.
 */
final class RunInterruption implements AutoCloseable {
    /** How long the hook waits for the run to reach its next event and clean up. */
    static final long CLEANUP_WAIT_SECONDS = 20;

    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "mmsim-interruption");
    private volatile boolean requested;
    private volatile RunOutput output;

    private RunInterruption() {
    }

    /** Starts watching for the end of the JVM: from now on, a signal stops the run instead of killing it. */
    static RunInterruption install() {
        RunInterruption r = new RunInterruption();
        Runtime.getRuntime().addShutdownHook(r.hook);
        return r;
    }

    /** The output whose temporary folder the hook removes if the run does not do it in time. */
    void watch(RunOutput unfinished) {
        this.output = unfinished;
    }

    /** True once the JVM is shutting down: the run must stop. */
    boolean requested() {
        return requested;
    }

    private void onShutdown() {
        requested = true;
        try {
            if (cleanedUp.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RunOutput o = output;
        for (int attempt = 0; o != null && attempt < 3; attempt++) {
            try {
                o.close();
                return;
            } catch (UncheckedIOException stillBeingWritten) {
                continue;
            }
        }
    }

    /** The run has cleaned up (or finished): lets a pending shutdown proceed and stops watching. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
    }
}
