package org.mmsim.trace.text;

import java.io.IOException;

/**
 * The lines of a trace, handed out in place: after {@link #next()} the current line is bytes {@link #start()} to
 * {@link #end()} (without its '\n' or "\r\n") of {@link #buffer()}, valid until the next call. A subclass moves
 * the cursor ({@link #start}, {@link #end}, {@link #number}, {@link #hadNewline}) in {@link #next()}.
 */
abstract class Lines implements AutoCloseable {
    /** A longer line is not text the kernel wrote: ftrace lines are at most a page (TRACE_SEQ_BUFFER_SIZE). */
    static final int MAX_LINE = 1 << 20;

    protected int start;
    protected int end;
    protected long number;
    protected boolean hadNewline;

    /**
     * Moves to the next line; false at the end. An unreadable stream (a truncated or corrupt gzip) surfaces as
     * the IOException of the underlying read, after every whole line before it; a line longer than
     * {@link #MAX_LINE} as a {@link Malformed}.
     */
    abstract boolean next() throws IOException;

    abstract byte[] buffer();

    final int start() {
        return start;
    }

    final int end() {
        return end;
    }

    /** The 1-based number of the current line. */
    final long number() {
        return number;
    }

    /** False for a last line the stream ended in the middle of. */
    final boolean hadNewline() {
        return hadNewline;
    }

    /** Closes the stream the lines come from. */
    @Override
    public abstract void close() throws IOException;
}
