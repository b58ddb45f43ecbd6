package org.mmsim.trace.dat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One CPU's ring-buffer pages as the file stores them, handed out one at a time into the caller's page buffer.
 * Plain data is a run of whole pages; version 7 compressed data is a count of chunks, each a compressed size,
 * an uncompressed size (whole pages) and the compressed bytes (trace-cmd.dat.v7(5), "compression format of the
 * trace data"), so at most one chunk is held.
 */
final class CpuPages implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private final int pageSize;
    private final long size;
    private final Compression compression;
    private final boolean littleEndian;
    private final long start;
    private long read;
    private long pageAt;
    private long chunksLeft = -1;
    private byte[] packed = new byte[0];
    private byte[] chunk = new byte[0];
    private int chunkLength;
    private int chunkNext;
    private long chunkAt;

    CpuPages(Path file, InputStream in, long offset, long size, int pageSize, Compression compression,
            boolean littleEndian) {
        this.file = file;
        this.in = in;
        this.start = offset;
        this.pageAt = offset;
        this.size = size;
        this.pageSize = pageSize;
        this.compression = compression;
        this.littleEndian = littleEndian;
    }

    /** The byte offset in the file of the page last handed out, or of its compressed chunk. */
    long pageAt() {
        return pageAt;
    }

    /** Fills {@code page} with the next page; false when the CPU's data is done. */
    boolean next(byte[] page) {
        return compression == null ? nextPlain(page) : nextCompressed(page);
    }

    private boolean nextPlain(byte[] page) {
        if (read >= size) {
            return false;
        }
        long at = start + read;
        if (size - read < pageSize) {
            throw DatError.at(file, at, "CPU data ends inside a page (" + (size - read) + " of " + pageSize + " bytes)");
        }
        fill(page, pageSize, at, "page");
        pageAt = at;
        return true;
    }

    private boolean nextCompressed(byte[] page) {
        if (chunkNext >= chunkLength && !nextChunk()) {
            return false;
        }
        System.arraycopy(chunk, chunkNext, page, 0, pageSize);
        chunkNext += pageSize;
        pageAt = chunkAt;
        return true;
    }

    private boolean nextChunk() {
        if (chunksLeft < 0) {
            if (size == 0) {
                chunksLeft = 0;
                return false;
            }
            chunksLeft = u32(start + read, "chunk count");
        }
        if (chunksLeft == 0) {
            return false;
        }
        long at = start + read;
        long csize = u32(at, "chunk size");
        long usize = u32(at, "chunk uncompressed size");
        if (csize > Integer.MAX_VALUE - 16 || usize > Integer.MAX_VALUE - 16 || usize % pageSize != 0) {
            throw DatError.at(file, at, "compressed chunk of " + csize + " bytes giving " + usize
                    + ", not whole pages of " + pageSize);
        }
        if (packed.length < csize) {
            packed = new byte[(int) csize];
        }
        if (chunk.length < usize) {
            chunk = new byte[(int) usize];
        }
        fill(packed, (int) csize, at, "compressed chunk");
        String problem = compression.decompress(packed, (int) csize, chunk, (int) usize);
        if (problem != null) {
            throw DatError.at(file, at, problem);
        }
        chunkAt = at;
        chunkLength = (int) usize;
        chunkNext = 0;
        chunksLeft--;
        return chunkLength > 0 || nextChunk();
    }

    private long u32(long at, String what) {
        byte[] b = new byte[4];
        fill(b, 4, at, what);
        return littleEndian
                ? (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24
                : (b[3] & 0xffL) | (b[2] & 0xffL) << 8 | (b[1] & 0xffL) << 16 | (b[0] & 0xffL) << 24;
    }

    private void fill(byte[] into, int n, long at, String what) {
        try {
            int got = in.readNBytes(into, 0, n);
            read += got;
            if (got < n) {
                throw DatError.at(file, at, "truncated: " + what + " ends after " + got + " of " + n + " bytes");
            }
        } catch (IOException e) {
            throw DatError.at(file, at, what + " unreadable: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
