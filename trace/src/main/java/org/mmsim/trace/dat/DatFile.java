package org.mmsim.trace.dat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * Opens a trace.dat at any byte offset: version 7 places its sections by offset and every CPU's data is read in
 * parallel with the others. A plain file is opened at the offset directly; a gzipped one is decompressed from its
 * start and the bytes before the offset skipped (the metadata lies near the start, so only each CPU's stream
 * pays a full pass).
 */
final class DatFile {
    private static final int BUFFER = 1 << 16;
    private final Path file;
    private final boolean gzipped;

    private DatFile(Path file, boolean gzipped) {
        this.file = file;
        this.gzipped = gzipped;
    }

    static DatFile of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return new DatFile(file, head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b);
        } catch (IOException e) {
            throw DatError.at(file, 0, "cannot read: " + e.getMessage());
        }
    }

    Path path() {
        return file;
    }

    /** A stream of the trace.dat bytes from {@code offset} on; past the end it is simply empty. */
    InputStream openAt(long offset) {
        try {
            if (!gzipped) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                ch.position(offset);
                return new BufferedInputStream(Channels.newInputStream(ch), BUFFER);
            }
            InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), BUFFER);
            long left = offset;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    break;
                }
                left -= s;
            }
            return new BufferedInputStream(in, BUFFER);
        } catch (IOException e) {
            throw DatError.at(file, offset, "cannot read from here: " + e.getMessage());
        }
    }
}
