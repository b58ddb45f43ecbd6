package org.mmsim.trace.text;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The lines of a byte stream, handed out in place: after {@link #next()} the current line is bytes
 * {@link #start()} to {@link #end()} (without its '\n' or "\r\n") of {@link #buffer()}, valid until the next call.
 * Reads in large blocks and copies nothing per line, so parsing runs at memory speed.
 */
final class LineSource {
    /** A longer line is not text the kernel wrote: ftrace lines are at most a page (TRACE_SEQ_BUFFER_SIZE). */
    static final int MAX_LINE = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private byte[] buf = new byte[1 << 18];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private boolean lastHadNewline;
    private long number;
    private long bytesRead;

    LineSource(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line; false at the end of the stream. An unreadable stream (a truncated or corrupt gzip)
     * surfaces as the IOException of the underlying read.
     */
    boolean next() throws IOException {
        while (true) {
            int nl = indexOfNewline(buf, pos, limit);
            if (nl >= 0) {
                start = pos;
                end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
                pos = nl + 1;
                lastHadNewline = true;
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
                lastHadNewline = false;
                number++;
                return true;
            }
            fill();
        }
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The 1-based number of the current line. */
    long number() {
        return number;
    }

    /** False for a last line the stream ended in the middle of. */
    boolean hadNewline() {
        return lastHadNewline;
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

    /**
     * The first '\n' in {@code [from, to)}, or -1. Eight bytes at a time: a byte of {@code w ^ 0x0a..0a} is zero
     * where w holds a newline, and {@code (x - 0x01..01) & ~x & 0x80..80} sets the top bit of the lowest zero byte
     * (the first, in little-endian order) exactly.
     */
    private static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
