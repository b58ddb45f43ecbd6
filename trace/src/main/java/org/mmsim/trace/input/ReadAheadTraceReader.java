package org.mmsim.trace.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.mmsim.trace.ReadAhead;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceReader;

/**
 * A trace reader whose events are decoded ahead, in batches, by a thread of its own ({@link ReadAhead}), so that parsing a trace and
 * replaying it run at the same time on two cores. The events, their order, and where a bad line stops the reading
 * are exactly those of the wrapped reader: the events before a failure are handed out first, then the failure is
 * thrown, again at every later call.
 */
public final class ReadAheadTraceReader implements TraceReader {
    private static final int BATCH = 16384;
    private static final int BATCHES = 4;

    /** A batch decoded ahead: {@code count} events; {@code end} after the last event; or a failure. */
    private static final class Batch {
        final TraceEvent[] events = new TraceEvent[BATCH];
        int count;
        boolean end;
        Throwable failure;

        Batch() {
            for (int i = 0; i < BATCH; i++) {
                events[i] = new TraceEvent();
            }
        }
    }

    private final TraceReader in;
    private final ReadAhead<Batch> ahead;
    private Batch current;
    private int pos;

    /** Reads {@code in} ahead, on a daemon thread named after {@code name}; closing this closes {@code in}. */
    public ReadAheadTraceReader(TraceReader in, String name) {
        this.in = in;
        Batch[] batches = new Batch[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            batches[i] = new Batch();
        }
        this.ahead = new ReadAhead<>("decode-ahead " + name, this::fill, batches);
    }

    @Override
    public boolean next(TraceEvent into) {
        TraceEvent e = nextEvent(null);
        if (e == null) {
            return false;
        }
        into.copyFrom(e);
        return true;
    }

    /** The next event of the batch at hand, not copied: valid until the next call. */
    @Override
    public TraceEvent nextEvent(TraceEvent scratch) {
        while (current == null || pos == current.count) {
            if (current != null) {
                if (current.failure instanceof RuntimeException e) {
                    throw e;
                }
                if (current.failure != null) {
                    throw (Error) current.failure;
                }
                if (current.end) {
                    return null;
                }
                ahead.recycle(current);
            }
            current = take();
            pos = 0;
        }
        return current.events[pos++];
    }

    /**
     * The reader decoded ahead, for what it counts beside the events (a text trace's header figures): read it
     * once {@link #next} has returned false, never its events.
     */
    public TraceReader source() {
        return in;
    }

    @Override
    public String positionUnit() {
        return in.positionUnit();
    }

    @Override
    public long skipped() {
        return in.skipped();
    }

    @Override
    public void close() {
        ahead.close();
        in.close();
    }

    private Batch take() {
        try {
            return ahead.take();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Decodes a batch; false for the last: the end of the trace, or a failure it records after its events. */
    private boolean fill(Batch b) {
        b.count = 0;
        b.end = false;
        b.failure = null;
        try {
            while (b.count < BATCH && in.next(b.events[b.count])) {
                b.count++;
            }
            b.end = b.count < BATCH;
        } catch (RuntimeException | Error e) {
            b.failure = e;
        }
        return !b.end && b.failure == null;
    }
}
