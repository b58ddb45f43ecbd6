package org.mmsim.trace.dat;

import java.nio.file.Path;

/**
 * Walks one CPU's ring-buffer pages record by record (kernel/trace/ring_buffer.c): a page starts with its time
 * stamp and commit (the bytes of data it holds); each record has a 32-bit header of type_len and time_delta.
 * type_len 0 keeps the data length in the next word, 1 up to data max gives it in words; padding skips a
 * discarded record (or, with a zero delta, the rest of the page); time extend adds its upper bits to the
 * clock; an absolute time stamp sets it, its top bits taken from the clock as rb_fix_abs_ts does. Time deltas
 * of padding are added, as trace-cmd's reader does.
 */
final class CpuRecords {
    private static final long TS_MSB = 0xf8L << 56;
    private static final long COMMIT_MASK = (1L << 30) - 1;

    final int cpu;
    private final Path file;
    private final CpuPages pages;
    private final RingBufferLayout layout;
    private final boolean littleEndian;
    private final boolean lenient;
    private final byte[] page;
    private final int typeLenMask;
    private final int deltaMask;
    private int index;
    private int end;
    private long clock;
    private long badPages;

    /** The current record: its data's start in {@link #page()}, its length, time stamp and file offset. */
    int dataStart;
    int dataLength;
    long timeStamp;
    long recordAt;
    boolean done;

    CpuRecords(Path file, int cpu, CpuPages pages, RingBufferLayout layout, int pageSize, boolean littleEndian,
            boolean lenient) {
        this.file = file;
        this.cpu = cpu;
        this.pages = pages;
        this.layout = layout;
        this.littleEndian = littleEndian;
        this.lenient = lenient;
        this.page = new byte[pageSize];
        this.typeLenMask = (1 << layout.typeLenBits) - 1;
        this.deltaMask = (1 << layout.timeDeltaBits) - 1;
    }

    byte[] page() {
        return page;
    }

    boolean littleEndian() {
        return littleEndian;
    }

    /** Pages found bad and skipped (lenient only). */
    long badPages() {
        return badPages;
    }

    /** Moves to the next data record; false (and {@link #done}) at the end of the CPU's data. */
    boolean advance() {
        while (true) {
            if (index >= end && !nextPage()) {
                done = true;
                return false;
            }
            String problem = step();
            if (problem == null) {
                if (dataLength >= 0) {
                    return true;
                }
                continue;
            }
            if (!lenient) {
                throw DatError.at(file, pages.pageAt() + index, "CPU " + cpu + ": " + problem);
            }
            badPages++;
            index = end;
        }
    }

    /** Reads one record at {@link #index}; sets dataLength to -1 for a record with no event data. */
    private String step() {
        if (index + 4 > end) {
            return "a record header overruns the page's data";
        }
        int header = (int) u32(index);
        int typeLen = littleEndian ? header & typeLenMask : header >>> layout.timeDeltaBits;
        long delta = littleEndian ? header >>> layout.typeLenBits : header & deltaMask;
        int at = index;
        dataLength = -1;
        if (typeLen == layout.padding) {
            if (delta == 0) {
                index = end;
                return null;
            }
            if (index + 8 > end) {
                return "a padding record overruns the page's data";
            }
            long length = u32(index + 4);
            if (length > end - index - 4) {
                return "a padding record of " + length + " bytes overruns the page's data";
            }
            clock += delta;
            index += 4 + (int) length;
            return null;
        }
        if (typeLen == layout.timeExtend || typeLen == layout.timeStamp) {
            if (index + 8 > end) {
                return "a time record overruns the page's data";
            }
            long upper = u32(index + 4) << layout.timeDeltaBits;
            if (typeLen == layout.timeExtend) {
                clock += upper + delta;
            } else {
                clock = absolute(upper | delta, clock);
            }
            index += 8;
            return null;
        }
        int start;
        int length;
        if (typeLen == 0) {
            if (index + 8 > end) {
                return "a record's length word overruns the page's data";
            }
            long declared = u32(index + 4) - 4;
            if (declared < 0 || declared > end - index - 8) {
                return "a record of " + declared + " bytes overruns the page's data";
            }
            length = (int) declared;
            start = index + 8;
            index = start + ((length + 3) & ~3);
        } else if (typeLen <= layout.dataMaxTypeLen) {
            length = typeLen * 4;
            start = index + 4;
            if (length > end - start) {
                return "a record of " + length + " bytes overruns the page's data";
            }
            index = start + length;
        } else {
            return "a record of unknown type_len " + typeLen;
        }
        if (index > end) {
            index = end;
        }
        clock += delta;
        dataStart = start;
        dataLength = length;
        timeStamp = clock;
        recordAt = pages.pageAt() + at;
        return null;
    }

    private boolean nextPage() {
        while (true) {
            if (!pages.next(page)) {
                return false;
            }
            clock = field(layout.timestampOffset, layout.timestampSize);
            long commit = field(layout.commitOffset, layout.commitSize) & COMMIT_MASK;
            index = layout.dataOffset;
            if (commit > page.length - layout.dataOffset) {
                String problem = "CPU " + cpu + ": page commit of " + commit + " bytes overruns the page of "
                        + page.length;
                if (!lenient) {
                    throw DatError.at(file, pages.pageAt() + layout.commitOffset, problem);
                }
                badPages++;
                continue;
            }
            end = layout.dataOffset + (int) commit;
            return true;
        }
    }

    /** The full time stamp of an absolute one whose top bits the kernel dropped (rb_fix_abs_ts). */
    private static long absolute(long abs, long saved) {
        if ((saved & TS_MSB) != 0) {
            long fixed = abs | (saved & TS_MSB);
            return Long.compareUnsigned(fixed, saved) < 0 ? fixed + (1L << 59) : fixed;
        }
        return abs;
    }

    private long field(int offset, int size) {
        return size == 8 ? u64(offset) : u32(offset);
    }

    long u32(int at) {
        return littleEndian
                ? (page[at] & 0xffL) | (page[at + 1] & 0xffL) << 8 | (page[at + 2] & 0xffL) << 16
                        | (page[at + 3] & 0xffL) << 24
                : (page[at + 3] & 0xffL) | (page[at + 2] & 0xffL) << 8 | (page[at + 1] & 0xffL) << 16
                        | (page[at] & 0xffL) << 24;
    }

    long u64(int at) {
        long lo = u32(littleEndian ? at : at + 4);
        long hi = u32(littleEndian ? at + 4 : at);
        return hi << 32 | lo;
    }

    void close() {
        pages.close();
    }
}
