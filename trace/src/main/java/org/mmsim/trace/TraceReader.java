package org.mmsim.trace;

/**
 * A stream of trace events, read one at a time into a caller's {@link TraceEvent}. A malformed line or record is an
 * {@link org.mmsim.arch.InputError} naming the file and its line (or byte offset), unless the reader is lenient,
 * when it is counted ({@link #skipped()}) and passed over.
 */
public interface TraceReader extends AutoCloseable {
    /** Fills {@code into} with the next event; false at the end of the trace. */
    boolean next(TraceEvent into);

    /** Malformed lines or records passed over (lenient readers only). */
    long skipped();

    @Override
    void close();
}
