package org.mmsim.reclaim;

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

    /** Whether the trace event of this name is enabled. */
    boolean traceEnabled(String event);

    /** One trace event from a task (comm, pid) with its printed fields. */
    void trace(String comm, int pid, String event, String fields);

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
        public boolean traceEnabled(String event) {
            return false;
        }

        @Override
        public void trace(String comm, int pid, String event, String fields) {
        }

        @Override
        public void note(String text) {
        }
    };
}
