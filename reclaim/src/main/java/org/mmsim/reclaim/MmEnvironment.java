package org.mmsim.reclaim;

import org.mmsim.page.trace.FtraceWriter;

/**
 * What the memory model needs from the simulation around it: the simulated clock, the scheduling of the
 * kswapd and kcompactd kernel threads (wake_up_interruptible of their wait queues), tracepoints and notes.
 */
public interface MmEnvironment {
    long nowNs();

    /** kswapd of node nid must run (it was asleep and got woken). */
    void wakeKswapdThread(int nid);

    /** kcompactd of node nid must run. */
    void wakeKcompactdThread(int nid);

    /** The flusher (or a writeback completion) has work due at this time: call {@link Writeback#run()} then. */
    default void scheduleWriteback(long atNs) {
    }

    /** The writer every tracepoint of reclaim and compaction is reported to; {@link FtraceWriter#OFF} by default. */
    default FtraceWriter ftrace() {
        return FtraceWriter.OFF;
    }

    /** A notable moment. */
    void note(String text);

    /** An environment that ignores everything (for unit tests). */
    MmEnvironment NONE = new MmEnvironment() {
        @Override
        public long nowNs() {
            return 0;
        }

        @Override
        public void wakeKswapdThread(int nid) {
        }

        @Override
        public void wakeKcompactdThread(int nid) {
        }

        @Override
        public void note(String text) {
        }
    };
}
