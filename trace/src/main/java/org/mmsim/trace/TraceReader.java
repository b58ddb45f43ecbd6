package org.mmsim.trace;

/**
 * A stream of trace events, read one at a time into a caller's {@link TraceEvent}. A malformed line or record is an
 * {@link org.mmsim.arch.InputError} naming the file and its line (or byte offset), unless the reader is lenient,
 * when it is counted ({@link #skipped()}) and passed over.
 */
public interface TraceReader extends AutoCloseable {
    /** Fills {@code into} with the next event; false at the end of the trace. */
    boolean next(TraceEvent into);

    /**
     * The next event, or null at the end of the trace: {@code scratch} filled, or an event the reader holds
     * itself, which stays valid until the next call (a reader that decodes ahead hands out its own, uncopied).
     */
    default TraceEvent nextEvent(TraceEvent scratch) {
        return next(scratch) ? scratch : null;
    }

    /** What an event's {@link TraceEvent#position} counts: "line" for a text trace, "offset" for a trace.dat. */
    default String positionUnit() {
        return "line";
    }

    /** Malformed lines or records passed over (lenient readers only). */
    long skipped();

    @Override
    void close();
}
