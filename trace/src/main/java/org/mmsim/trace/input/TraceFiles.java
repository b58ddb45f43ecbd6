package org.mmsim.trace.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceReader;
import org.mmsim.trace.dat.TraceDatReader;
import org.mmsim.trace.text.FtraceTextReader;
import org.mmsim.trace.text.ReadAheadInputStream;

/**
 * Opens a trace file whatever its form: gzip is recognised by its magic bytes (1f 8b, RFC 1952), not by the
 * file's name, and trace-cmd's binary trace.dat by its own magic ({@code \x17\x08\x44tracing}, the first bytes
 * tracecmd_output writes); anything else is read as ftrace text. The streams are peeked through pushback, not
 * through a buffer that reads ahead, so a gzip cut short fails at the line where its data ends. A text trace is
 * read (for gzip, inflated) and split into lines on a thread of its own, a trace.dat in gzip is inflated on one,
 * and the events are decoded ahead on another ({@link ReadAheadTraceReader}) while the caller replays them.
 */
public final class TraceFiles {
    private static final int BUFFER = 1 << 16;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final int MAGIC = 16;
    private static final byte[] TRACE_DAT_MAGIC = {0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g'};

    private TraceFiles() {
    }

    /** A reader of {@code file}; an unreadable file is an {@link InputError} naming it. */
    public static TraceReader open(Path file, boolean lenient) {
        InputStream in = null;
        boolean gzip = false;
        try {
            PushbackInputStream raw =
                    new PushbackInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), MAGIC);
            in = raw;
            gzip = startsWith(raw, GZIP_MAGIC);
            PushbackInputStream text = gzip ? new PushbackInputStream(new GZIPInputStream(raw, BUFFER), MAGIC) : raw;
            in = text;
            TraceReader reader;
            if (startsWith(text, TRACE_DAT_MAGIC)) {
                InputStream dat = gzip ? new ReadAheadInputStream(text, file.toString()) : text;
                in = dat;
                reader = TraceDatReader.open(file, dat, lenient);
            } else {
                reader = FtraceTextReader.readAhead(file.toString(), text, lenient);
            }
            return new ReadAheadTraceReader(reader, file.toString());
        } catch (IOException e) {
            closeQuietly(in);
            throw gzip ? InputError.at(file, 1, FtraceTextReader.UNREADABLE_GZIP + e.getMessage())
                    : InputError.at(file, 0, "cannot read trace: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** True when the stream's next bytes are {@code magic}; they are pushed back, so nothing is consumed. */
    private static boolean startsWith(PushbackInputStream in, byte[] magic) throws IOException {
        byte[] head = in.readNBytes(magic.length);
        in.unread(head);
        return Arrays.equals(head, magic);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with the error that matters
            }
        }
    }
}
