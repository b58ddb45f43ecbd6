package org.mmsim.trace.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.mmsim.trace.ReadAhead;

/**
 * Lines read and split ahead by a thread of its own ({@link ReadAhead}): it reads blocks of about 1 MiB (for a
 * gzipped trace, inflating them), finds every line end in them, and hands over blocks of whole lines, so that the
 * parsing thread neither searches for line ends nor copies bytes. The lines, their numbers, and where a read fails are exactly
 * those of {@link LineSource} over the same stream: the whole lines before a failure are handed out first, then
 * the failure, again at every later call.
 */
final class ReadAheadLines extends Lines {
    private static final int BLOCK = 1 << 20;

    /** A block of whole lines: ends[i] is the index of line i's '\n' (or, for a last line cut short, its end). */
    private static final class Block {
        final byte[] data = new byte[BLOCK];
        int[] ends = new int[BLOCK / 64];
        int count;
        boolean lastCutShort;
        boolean end;
        IOException ioFailure;
        RuntimeException failure;
    }

    private final InputStream in;
    private final ReadAhead<Block> ahead;
    /** The unfinished line at the end of the block filled last, which starts the next one. */
    private final byte[] carry = new byte[MAX_LINE];
    private int carried;
    private Block current;
    private int index;

    ReadAheadLines(InputStream in, String name) {
        this.in = in;
        this.ahead = new ReadAhead<>("lines-ahead " + name, this::fill, new Block(), new Block(), new Block(),
                new Block());
    }

    @Override
    boolean next() throws IOException {
        while (current == null || index == current.count) {
            if (current != null) {
                if (current.ioFailure != null) {
                    throw current.ioFailure;
                }
                if (current.failure != null) {
                    throw current.failure;
                }
                if (current.end) {
                    return false;
                }
                ahead.recycle(current);
            }
            current = ahead.take();
            index = 0;
        }
        start = index == 0 ? 0 : current.ends[index - 1] + 1;
        int e = current.ends[index];
        hadNewline = !(current.lastCutShort && index == current.count - 1);
        end = hadNewline && e > start && current.data[e - 1] == '\r' ? e - 1 : e;
        index++;
        number++;
        return true;
    }

    @Override
    byte[] buffer() {
        return current.data;
    }

    @Override
    public void close() throws IOException {
        ahead.close();
        in.close();
    }


    /**
     * Fills a block: it starts with the previous block's unfinished line, is filled from the stream to
     * {@link #BLOCK} bytes, and ends after its last '\n'; the rest is carried to the next block. False for the last
     * block: the end of the stream, or a failure it records after its whole lines.
     */
    private boolean fill(Block b) {
        b.count = 0;
        b.lastCutShort = false;
        b.end = false;
        b.ioFailure = null;
        b.failure = null;
        System.arraycopy(carry, 0, b.data, 0, carried);
        int n = carried;
        boolean eof = false;
        try {
            while (n < BLOCK) {
                int r = in.read(b.data, n, BLOCK - n);
                if (r < 0) {
                    eof = true;
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            splitLines(b, n);
            b.ioFailure = e;
            return false;
        } catch (RuntimeException e) {
            splitLines(b, n);
            b.failure = e;
            return false;
        }
        int whole = splitLines(b, n);
        carried = n - whole;
        if (eof) {
            if (carried > 0) {
                addEnd(b, n);
                b.lastCutShort = true;
            }
            b.end = true;
            return false;
        }
        if (carried >= MAX_LINE) {
            b.failure = new Malformed("line longer than " + MAX_LINE + " bytes: not an ftrace text trace");
            return false;
        }
        System.arraycopy(b.data, whole, carry, 0, carried);
        return true;
    }

    /** Records the end of every whole line in the block's first {@code n} bytes; returns the bytes they take. */
    private static int splitLines(Block b, int n) {
        int from = 0;
        while (true) {
            int nl = Text.find(b.data, from, n, (byte) '\n');
            if (nl < 0) {
                return from;
            }
            addEnd(b, nl);
            from = nl + 1;
        }
    }

    private static void addEnd(Block b, int at) {
        if (b.count == b.ends.length) {
            b.ends = Arrays.copyOf(b.ends, b.count * 2);
        }
        b.ends[b.count++] = at;
    }
}
