package org.mmsim.trace.text;

import java.io.IOException;

/**
 * The lines of a trace, handed out in place: after {@link #next()} the current line is bytes {@link #start()} to
 * {@link #end()} (without its '\n' or "\r\n") of {@link #buffer()}, valid until the next call.
 */
interface Lines extends AutoCloseable {
    /**
     * Moves to the next line; false at the end. An unreadable stream (a truncated or corrupt gzip) surfaces as
     * the IOException of the underlying read, after every whole line before it; a line longer than
     * {@link LineSource#MAX_LINE} as a {@link Malformed}.
     */
    boolean next() throws IOException;

    byte[] buffer();

    int start();

    int end();

    /** The 1-based number of the current line. */
    long number();

    /** False for a last line the stream ended in the middle of. */
    boolean hadNewline();

    /** Closes the stream the lines come from. */
    @Override
    void close() throws IOException;
}
