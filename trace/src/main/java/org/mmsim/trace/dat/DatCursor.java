package org.mmsim.trace.dat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the numbers and strings of trace.dat metadata in the file's byte order, keeping the byte offset so that
 * a truncated or garbled header is reported where it is. For a section that was decompressed, offsets count
 * within the uncompressed data and the error names the section's own offset.
 */
final class DatCursor {
    private final Path file;
    private final InputStream in;
    private final long sectionAt;
    private long position;
    private boolean littleEndian = true;

    /** A cursor over the file itself, {@code in} positioned at byte {@code start}. */
    DatCursor(Path file, InputStream in, long start) {
        this(file, in, start, -1);
    }

    /** A cursor over the decompressed data of the section at {@code sectionAt} ({@code -1}: over the file). */
    DatCursor(Path file, InputStream in, long start, long sectionAt) {
        this.file = file;
        this.in = in;
        this.position = start;
        this.sectionAt = sectionAt;
    }

    void littleEndian(boolean little) {
        this.littleEndian = little;
    }

    boolean littleEndian() {
        return littleEndian;
    }

    long position() {
        return position;
    }

    /** An error about what is at the cursor now. */
    RuntimeException error(String problem) {
        if (sectionAt >= 0) {
            return DatError.at(file, sectionAt, problem + " (at byte " + position + " of the decompressed section)");
        }
        return DatError.at(file, position, problem);
    }

    byte[] bytes(int n, String what) {
        if (n < 0) {
            throw error(what + ": negative size " + n);
        }
        byte[] b = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(b, got, n - got);
                if (r < 0) {
                    position += got;
                    throw error("truncated: " + what + " ends after " + got + " of " + n + " bytes");
                }
                got += r;
            }
        } catch (IOException e) {
            position += got;
            throw error("unreadable: " + e.getMessage());
        }
        position += n;
        return b;
    }

    void skip(long n, String what) {
        try {
            long left = n;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        position += n - left;
                        throw error("truncated: " + what + " ends after " + (n - left) + " of " + n + " bytes");
                    }
                    s = 1;
                }
                left -= s;
            }
        } catch (IOException e) {
            throw error("unreadable: " + e.getMessage());
        }
        position += n;
    }

    int u8(String what) {
        return bytes(1, what)[0] & 0xff;
    }

    int u16(String what) {
        return (int) number(bytes(2, what));
    }

    long u32(String what) {
        return number(bytes(4, what));
    }

    long u64(String what) {
        return number(bytes(8, what));
    }

    /** A size field that must fit an array. */
    int size32(String what) {
        long v = u32(what);
        if (v > Integer.MAX_VALUE - 16) {
            position -= 4;
            throw error(what + ": size " + v + " is too large");
        }
        return (int) v;
    }

    int size64(String what) {
        long v = u64(what);
        if (v < 0 || v > Integer.MAX_VALUE - 16) {
            position -= 8;
            throw error(what + ": size " + Long.toUnsignedString(v) + " is too large");
        }
        return (int) v;
    }

    /** A NUL-terminated string of at most {@code max} bytes. */
    String cstring(String what, int max) {
        StringBuilder s = new StringBuilder();
        long start = position;
        while (true) {
            int c = u8(what);
            if (c == 0) {
                return s.toString();
            }
            if (s.length() >= max) {
                position = start;
                throw error(what + ": no terminating NUL within " + max + " bytes");
            }
            s.append((char) c);
        }
    }

    /** {@code n} bytes of text. */
    String text(int n, String what) {
        return new String(bytes(n, what), StandardCharsets.ISO_8859_1);
    }

    private long number(byte[] b) {
        long v = 0;
        if (littleEndian) {
            for (int i = b.length - 1; i >= 0; i--) {
                v = (v << 8) | (b[i] & 0xff);
            }
        } else {
            for (byte x : b) {
                v = (v << 8) | (x & 0xff);
            }
        }
        return v;
    }
}
