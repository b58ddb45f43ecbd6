package org.mmsim.trace.dat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceReader;

/**
 * Reads trace-cmd's trace.dat (versions 6 and 7, uncompressed, zlib or zstd) as a stream of
 * {@link TraceEvent}s: every CPU's records in time-stamp order, the CPUs merged by time stamp (the lower CPU
 * first on a tie, as trace-cmd report does), one page (or compressed chunk) per CPU in memory. Time stamps are
 * the ring buffer's nanoseconds with the file's offsets added (and the TSC converted when the file says how);
 * trace-cmd report prints them rounded to microseconds. An event's position is the byte offset of its record in
 * the file, or, in compressed data, of the compressed chunk holding it.
 * A record of an unknown event id, or a page whose records overrun it, is an error naming the file and the byte
 * offset; a lenient reader skips the page and counts it in {@link #skipped()}.
 */
public final class TraceDatReader implements TraceReader {
    private final Path file;
    private final DatMetadata meta;
    private final CpuRecords[] cpus;
    private final EventDecoder[] byId;
    private final EventRecord record = new EventRecord();
    private final FormatField commonType;
    private final boolean lenient;
    private final InputStream in;
    private CpuRecords pending;
    private long skippedRecords;
    private long brokenStreams;

    private TraceDatReader(Path file, DatMetadata meta, InputStream in, boolean lenient) {
        this.file = file;
        this.meta = meta;
        this.in = in;
        this.lenient = lenient;
        int max = 0;
        FormatField type = null;
        for (Map.Entry<Integer, EventDecoder> e : meta.decoders.entrySet()) {
            max = Math.max(max, e.getKey());
            if (type == null) {
                type = e.getValue().format.field("common_type");
            }
        }
        this.commonType = type;
        this.byId = new EventDecoder[max + 1];
        for (Map.Entry<Integer, EventDecoder> e : meta.decoders.entrySet()) {
            byId[e.getKey()] = e.getValue();
        }
        this.cpus = new CpuRecords[meta.cpuIds.length];
    }

    /**
     * Opens {@code file}, {@code in} positioned at its first byte (the magic {@code \x17\x08\x44tracing}), and
     * reads its metadata; the file itself (plain or gzipped) is opened again for each CPU's data.
     */
    public static TraceReader open(Path file, InputStream in, boolean lenient) {
        DatFile dat;
        DatMetadata meta;
        try {
            dat = DatFile.of(file);
            meta = DatMetadata.read(dat, in);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
        TraceDatReader r = new TraceDatReader(file, meta, in, lenient);
        try {
            for (int i = 0; i < r.cpus.length; i++) {
                Compression c = meta.dataCompressed ? meta.compression : null;
                CpuPages pages = new CpuPages(file, dat.openAt(meta.cpuOffsets[i]), meta.cpuOffsets[i],
                        meta.cpuSizes[i], meta.pageSize, c, meta.littleEndian);
                r.cpus[i] = new CpuRecords(file, meta.cpuIds[i], pages, meta.layout, meta.pageSize,
                        meta.littleEndian, lenient);
                r.advance(r.cpus[i]);
            }
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        if (r.commonType == null && r.cpus.length > 0) {
            r.close();
            throw DatError.at(file, 0, "no event formats");
        }
        return r;
    }

    /** A record's position is its byte offset in the file. */
    @Override
    public String positionUnit() {
        return "offset";
    }

    @Override
    public boolean next(TraceEvent into) {
        while (true) {
            if (pending != null) {
                advance(pending);
                pending = null;
            }
            CpuRecords best = null;
            for (CpuRecords c : cpus) {
                if (!c.done && (best == null || Long.compareUnsigned(c.timeStamp, best.timeStamp) < 0)) {
                    best = c;
                }
            }
            if (best == null) {
                return false;
            }
            pending = best;
            record.point(best.page(), best.dataStart, best.dataLength, best.littleEndian());
            int type = (int) record.number(commonType);
            EventDecoder d = type >= 0 && type < byId.length ? byId[type] : null;
            if (d == null || !record.holds(commonType)) {
                if (!lenient) {
                    throw DatError.at(file, best.recordAt, "CPU " + best.cpu + ": a record of unknown event id "
                            + type);
                }
                skippedRecords++;
                continue;
            }
            into.clear();
            into.position = best.recordAt;
            into.cpu = best.cpu;
            into.timeNs = time(best.timeStamp);
            d.decode(record, into);
            into.comm = meta.cmdlines.comm(into.pid);
            return true;
        }
    }

    /** The ring buffer's time stamp in nanoseconds: through TSC2NSEC when the file gives it, plus the offsets. */
    private long time(long ts) {
        long t = ts;
        if (meta.tscMult != 0) {
            t = multiplyShift(ts, meta.tscMult, meta.tscShift) + meta.tscOffset;
        }
        return t + meta.timeOffsetNs;
    }

    private static long multiplyShift(long ts, long mult, int shift) {
        long hi = Math.multiplyHigh(ts, mult) + ((ts >> 63) & mult);
        long lo = ts * mult;
        return shift == 0 ? lo : (lo >>> shift) | (hi << (64 - shift));
    }

    private void advance(CpuRecords c) {
        try {
            c.advance();
        } catch (InputError e) {
            if (!lenient) {
                throw e;
            }
            brokenStreams++;
            c.done = true;
        }
    }

    @Override
    public long skipped() {
        long pages = 0;
        for (CpuRecords c : cpus) {
            if (c != null) {
                pages += c.badPages();
            }
        }
        return pages + skippedRecords + brokenStreams;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException alreadyFailing) {
            return;
        }
    }

    @Override
    public void close() {
        for (CpuRecords c : cpus) {
            if (c != null) {
                c.close();
            }
        }
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
