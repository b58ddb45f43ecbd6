package org.mmsim.trace.replay;

import org.mmsim.trace.TraceEvent;

/** What a replay applies events to: {@link ForcedReplay} or {@link ModelReplay}. */
public interface ReplaySink {
    /** Applies one event (any kind; those the replay does not use are ignored). */
    void apply(TraceEvent e);
}
