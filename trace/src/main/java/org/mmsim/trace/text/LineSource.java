package org.mmsim.trace.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, handed out in place: after {@link #next()} the current line is bytes
 * {@link #start()} to {@link #end()} (without its '\n' or "\r\n") of {@link #buffer()}, valid until the next call.
 * Reads in large blocks and copies nothing per line, so parsing runs at memory speed.
 */
final class LineSource extends Lines {
    private final InputStream in;
    private byte[] buf = new byte[1 << 18];
    private int pos;
    private int limit;
    private boolean eof;
    private long bytesRead;

    LineSource(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line; false at the end of the stream. An unreadable stream (a truncated or corrupt gzip)
     * surfaces as the IOException of the underlying read.
     */
    @Override
    boolean next() throws IOException {
        while (true) {
            int nl = Text.find(buf, pos, limit, (byte) '\n');
            if (nl >= 0) {
                start = pos;
                end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                pos = nl + 1;
                hadNewline = true;
                number++;
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                start = pos;
                end = limit;
                pos = limit;
                hadNewline = false;
                number++;
                return true;
            }
            fill();
        }
    }

    @Override
    byte[] buffer() {
        return buf;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes read from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new Malformed("line longer than " + MAX_LINE + " bytes: not an ftrace text trace");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
            bytesRead += n;
        }
    }
}
