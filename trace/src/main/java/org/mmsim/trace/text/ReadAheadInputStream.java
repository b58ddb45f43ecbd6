package org.mmsim.trace.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream read ahead by a thread of its own, in blocks of 1 MiB, so that decompressing a gzipped trace
 * and parsing it run at the same time on two cores. The bytes, and where a read fails (a truncated gzip), are
 * exactly those of the stream read directly: the data before a failure is handed out first, then the failure, again at every later read.
 */
public final class ReadAheadInputStream extends InputStream {
    private static final int BLOCK = 1 << 20;
    private static final int BLOCKS = 4;

    /** A block read ahead: {@code length} bytes of {@code data}; or the end (length -1); or a failure. */
    private record Block(byte[] data, int length, IOException failure) {
    }

    private static final Block END = new Block(null, -1, null);

    private final InputStream in;
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 2);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread reader;
    private Block current;
    private int pos;

    public ReadAheadInputStream(InputStream in, String name) {
        this.in = in;
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new byte[BLOCK]);
        }
        reader = new Thread(this::readAhead, "read-ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (current == END) {
            return -1;
        }
        if (current != null && current.failure() != null) {
            throw current.failure();
        }
        if (len == 0) {
            return 0;
        }
        if (current == null || pos == current.length()) {
            if (current != null) {
                free.add(current.data());
            }
            current = take();
            pos = 0;
            if (current.failure() != null) {
                throw current.failure();
            }
            if (current == END) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }

    private Block take() throws IOException {
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading ahead", e);
        }
    }

    /** The reading thread: fills free blocks until the end, a failure, or close(). */
    private void readAhead() {
        try {
            while (true) {
                byte[] data = free.take();
                int n = 0;
                try {
                    while (n < data.length) {
                        int r = in.read(data, n, data.length - n);
                        if (r < 0) {
                            break;
                        }
                        n += r;
                    }
                } catch (IOException | RuntimeException e) {
                    if (n > 0) {
                        full.put(new Block(data, n, null));
                    }
                    full.put(new Block(null, 0, e instanceof IOException io ? io : new IOException(e.toString(), e)));
                    return;
                }
                if (n > 0) {
                    full.put(new Block(data, n, null));
                }
                if (n < data.length) {
                    full.put(END);
                    return;
                }
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }
}
