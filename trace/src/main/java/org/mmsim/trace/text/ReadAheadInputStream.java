package org.mmsim.trace.text;

import java.io.IOException;
import java.io.InputStream;
import org.mmsim.trace.ReadAhead;

/**
 * An input stream read ahead by a thread of its own ({@link ReadAhead}), in blocks of 1 MiB, so that
 * decompressing a gzipped trace.dat and decoding it run at the same time on two cores. The bytes, and where a
 * read fails (a truncated gzip), are exactly those of the stream read directly: the data before a failure is
 * handed out first, then the failure, again at every later read.
 */
public final class ReadAheadInputStream extends InputStream {
    private static final int BLOCK = 1 << 20;
    private static final int BLOCKS = 4;

    /** A block read ahead: {@code length} bytes of {@code data}, then the end or a failure when it is the last. */
    private static final class Block {
        final byte[] data = new byte[BLOCK];
        int length;
        boolean end;
        IOException failure;
    }

    private final InputStream in;
    private final ReadAhead<Block> ahead;
    private Block current;
    private int pos;

    public ReadAheadInputStream(InputStream in, String name) {
        this.in = in;
        this.ahead = new ReadAhead<>("read-ahead " + name, this::fill, new Block(), new Block(), new Block(),
                new Block());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length) {
            if (current != null) {
                if (current.failure != null) {
                    throw current.failure;
                }
                if (current.end) {
                    return -1;
                }
                ahead.recycle(current);
            }
            current = ahead.take();
            pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current.data, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        ahead.close();
        in.close();
    }


    /** Fills a block from the stream; false at the end or a failure, which the block records after its data. */
    private boolean fill(Block b) {
        b.length = 0;
        b.end = false;
        b.failure = null;
        try {
            while (b.length < BLOCK) {
                int r = in.read(b.data, b.length, BLOCK - b.length);
                if (r < 0) {
                    b.end = true;
                    return false;
                }
                b.length += r;
            }
            return true;
        } catch (IOException e) {
            b.failure = e;
            return false;
        } catch (RuntimeException e) {
            b.failure = new IOException(e.toString(), e);
            return false;
        }
    }
}
