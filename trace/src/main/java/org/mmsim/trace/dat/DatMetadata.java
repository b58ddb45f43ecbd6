package org.mmsim.trace.dat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a trace.dat says before its event data: version, byte order, page size, compression, the ring
 * buffer's layout, the event formats, the saved task names, the time offsets, and where each CPU's data lies.
 * Version 6 keeps it all in one run of headers (trace-cmd.dat.v6(5)); version 7 in sections found through
 * chains of option sections (trace-cmd.dat.v7(5)). Only the top instance's flyrecord data is read.
 */
final class DatMetadata {
    static final byte[] MAGIC = {0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g'};
    private static final int OPTION_DONE = 0;
    private static final int OPTION_DATE = 1;
    private static final int OPTION_BUFFER = 3;
    private static final int OPTION_OFFSET = 7;
    private static final int OPTION_TSC2NSEC = 14;
    private static final int OPTION_HEADER_INFO = 16;
    private static final int OPTION_FTRACE_EVENTS = 17;
    private static final int OPTION_EVENT_FORMATS = 18;
    private static final int OPTION_CMDLINES = 21;
    private static final int SECTION_OPTIONS = 0;
    private static final int SECTION_FLAG_COMPRESSED = 1;
    private static final int MAX_NAME = 4096;

    final Path file;
    int version;
    boolean littleEndian;
    int pageSize;
    Compression compression = Compression.NONE;
    boolean dataCompressed;
    RingBufferLayout layout;
    final Map<Integer, EventDecoder> decoders = new HashMap<>();
    SavedCmdlines cmdlines = SavedCmdlines.none();
    long timeOffsetNs;
    long tscMult;
    int tscShift;
    long tscOffset;
    int[] cpuIds = new int[0];
    long[] cpuOffsets = new long[0];
    long[] cpuSizes = new long[0];

    private final DatFile dat;

    private DatMetadata(DatFile dat) {
        this.dat = dat;
        this.file = dat.path();
    }

    /** Reads the metadata, {@code in} at the file's first byte; {@code dat} opens the file at other offsets. */
    static DatMetadata read(DatFile dat, InputStream in) {
        DatMetadata m = new DatMetadata(dat);
        DatCursor c = new DatCursor(dat.path(), in, 0);
        byte[] magic = c.bytes(MAGIC.length, "magic");
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw DatError.at(dat.path(), i, "not a trace.dat file (wrong magic)");
            }
        }
        long versionAt = c.position();
        String v = c.cstring("version", 16);
        if (v.equals("6")) {
            m.version = 6;
        } else if (v.equals("7")) {
            m.version = 7;
        } else {
            throw DatError.at(dat.path(), versionAt, "trace.dat version '" + v + "' is not supported (only 6 and 7)");
        }
        long endianAt = c.position();
        int endian = c.u8("byte order");
        if (endian > 1) {
            throw DatError.at(dat.path(), endianAt, "byte order flag " + endian + " is neither 0 nor 1");
        }
        m.littleEndian = endian == 0;
        c.littleEndian(m.littleEndian);
        c.u8("long size");
        m.pageSize = (int) c.u32("page size");
        if (m.pageSize < 256 || m.pageSize > (1 << 24)) {
            throw DatError.at(dat.path(), c.position() - 4, "page size " + m.pageSize + " is not plausible");
        }
        if (m.version == 6) {
            m.readVersion6(c);
        } else {
            m.readVersion7(c);
        }
        if (m.layout == null) {
            throw DatError.at(dat.path(), c.position(), "no header_page and header_event information");
        }
        return m;
    }

    private void readVersion6(DatCursor c) {
        readHeaderInfo(c);
        readFtraceFormats(c);
        readEventFormats(c);
        c.skip(c.size32("kallsyms size"), "kallsyms");
        c.skip(c.size32("printk formats size"), "printk formats");
        cmdlines = SavedCmdlines.parse(c.text(c.size64("saved cmdlines size"), "saved cmdlines"));
        int cpus = (int) c.u32("CPU count");
        String label = c.text(10, "options or data label");
        if (label.equals("options  \0")) {
            while (true) {
                int id = c.u16("option id");
                if (id == OPTION_DONE) {
                    break;
                }
                int size = c.size32("option size");
                long at = c.position();
                readOption(id, c.bytes(size, "option"), at, null);
            }
            label = c.text(10, "data label");
        }
        if (label.equals("latency  \0")) {
            throw c.error("a latency trace (text, no binary events) is not supported");
        }
        if (!label.equals("flyrecord\0")) {
            throw DatError.at(file, c.position() - 10, "expected 'flyrecord', found '" + printable(label) + "'");
        }
        if (cpus > 4096) {
            throw DatError.at(file, c.position(), "CPU count " + cpus + " is not plausible");
        }
        cpuIds = new int[cpus];
        cpuOffsets = new long[cpus];
        cpuSizes = new long[cpus];
        for (int i = 0; i < cpus; i++) {
            cpuIds[i] = i;
            cpuOffsets[i] = c.u64("CPU data offset");
            cpuSizes[i] = c.u64("CPU data size");
        }
    }

    private void readVersion7(DatCursor c) {
        long compressionAt = c.position();
        String name = c.cstring("compression name", MAX_NAME);
        c.cstring("compression version", MAX_NAME);
        compression = Compression.named(name);
        if (compression == null) {
            throw DatError.at(file, compressionAt, "compression '" + name + "' is not supported (none, zlib, zstd)");
        }
        long optionsAt = c.u64("options offset");
        Map<Integer, Long> sections = new HashMap<>();
        List<Long> seen = new ArrayList<>();
        while (optionsAt != 0) {
            if (seen.contains(optionsAt)) {
                throw DatError.at(file, optionsAt, "option sections form a loop");
            }
            seen.add(optionsAt);
            DatCursor s = section(optionsAt, SECTION_OPTIONS, "options");
            long next = 0;
            while (true) {
                int id = s.u16("option id");
                int size = s.size32("option size");
                long at = s.position();
                byte[] data = s.bytes(size, "option");
                if (id == OPTION_DONE) {
                    next = size >= 8 ? number(data, 0, 8) : 0;
                    break;
                }
                readOption(id, data, at, sections);
            }
            optionsAt = next;
        }
        Long header = sections.get(OPTION_HEADER_INFO);
        if (header == null) {
            throw DatError.at(file, compressionAt, "no header info section");
        }
        readHeaderInfo(section(header, OPTION_HEADER_INFO, "header info"));
        Long ftrace = sections.get(OPTION_FTRACE_EVENTS);
        if (ftrace != null) {
            readFtraceFormats(section(ftrace, OPTION_FTRACE_EVENTS, "ftrace event formats"));
        }
        Long events = sections.get(OPTION_EVENT_FORMATS);
        if (events != null) {
            readEventFormats(section(events, OPTION_EVENT_FORMATS, "event formats"));
        }
        Long cmd = sections.get(OPTION_CMDLINES);
        if (cmd != null) {
            DatCursor s = section(cmd, OPTION_CMDLINES, "saved cmdlines");
            cmdlines = SavedCmdlines.parse(s.text(s.size64("saved cmdlines size"), "saved cmdlines"));
        }
    }

    /** A cursor on the body of the section at {@code offset}, decompressed when the section is compressed. */
    private DatCursor section(long offset, int expectedId, String what) {
        InputStream in = dat.openAt(offset);
        DatCursor c = new DatCursor(file, in, offset);
        c.littleEndian(littleEndian);
        try {
            int id = c.u16(what + " section id");
            if (id != expectedId) {
                throw DatError.at(file, offset, "expected the " + what + " section (id " + expectedId + "), found id " + id);
            }
            int flags = c.u16(what + " section flags");
            c.u32(what + " section description");
            int size = c.size64(what + " section size");
            if ((flags & SECTION_FLAG_COMPRESSED) == 0) {
                long body = c.position();
                DatCursor d = new DatCursor(file, new ByteArrayInputStream(c.bytes(size, what + " section")), body);
                d.littleEndian(littleEndian);
                return d;
            }
            int csize = c.size32(what + " compressed size");
            int usize = c.size32(what + " uncompressed size");
            byte[] packed = c.bytes(csize, what + " compressed data");
            byte[] plain = new byte[usize];
            String problem = compression.decompress(packed, csize, plain, usize);
            if (problem != null) {
                throw DatError.at(file, offset, what + " section: " + problem);
            }
            DatCursor d = new DatCursor(file, new ByteArrayInputStream(plain), 0, offset);
            d.littleEndian(littleEndian);
            return d;
        } finally {
            close(in);
        }
    }

    private void readOption(int id, byte[] data, long at, Map<Integer, Long> sections) {
        switch (id) {
            case OPTION_DATE:
            case OPTION_OFFSET:
                timeOffsetNs += signedNumber(cstring(data, 0), at);
                break;
            case OPTION_TSC2NSEC:
                if (data.length < 16) {
                    throw DatError.at(file, at, "TSC2NSEC option of " + data.length + " bytes, not 16");
                }
                tscMult = number(data, 0, 4);
                tscShift = (int) number(data, 4, 4);
                tscOffset = number(data, 8, 8);
                break;
            case OPTION_BUFFER:
                if (sections != null) {
                    readBufferOption(data, at);
                }
                break;
            default:
                if (sections != null && id >= OPTION_HEADER_INFO && id <= OPTION_CMDLINES) {
                    if (data.length < 8) {
                        throw DatError.at(file, at, "section option " + id + " of " + data.length + " bytes, not 8");
                    }
                    sections.put(id, number(data, 0, 8));
                }
                break;
        }
    }

    /** Version 7's BUFFER option: the flyrecord section of one instance and its CPUs' data; the top one is kept. */
    private void readBufferOption(byte[] data, long at) {
        try {
            DatCursor c = new DatCursor(file, new ByteArrayInputStream(data), at);
            c.littleEndian(littleEndian);
            long sectionAt = c.u64("buffer section offset");
            String instance = c.cstring("instance name", MAX_NAME);
            c.cstring("trace clock", MAX_NAME);
            int bufferPage = (int) c.u32("buffer page size");
            int cpus = (int) c.u32("buffer CPU count");
            if (!instance.isEmpty()) {
                return;
            }
            if (cpus < 0 || cpus > 4096) {
                throw DatError.at(file, at, "CPU count " + cpus + " is not plausible");
            }
            if (bufferPage >= 256 && bufferPage <= (1 << 24)) {
                pageSize = bufferPage;
            }
            cpuIds = new int[cpus];
            cpuOffsets = new long[cpus];
            cpuSizes = new long[cpus];
            for (int i = 0; i < cpus; i++) {
                cpuIds[i] = (int) c.u32("CPU id");
                cpuOffsets[i] = c.u64("CPU data offset");
                cpuSizes[i] = c.u64("CPU data size");
            }
            dataCompressed = flyrecordCompressed(sectionAt);
        } catch (IndexOutOfBoundsException e) {
            throw DatError.at(file, at, "BUFFER option is cut short");
        }
    }

    private boolean flyrecordCompressed(long sectionAt) {
        InputStream in = dat.openAt(sectionAt);
        try {
            DatCursor c = new DatCursor(file, in, sectionAt);
            c.littleEndian(littleEndian);
            int id = c.u16("flyrecord section id");
            if (id != OPTION_BUFFER) {
                throw DatError.at(file, sectionAt, "expected a flyrecord section (id 3), found id " + id);
            }
            return (c.u16("flyrecord section flags") & SECTION_FLAG_COMPRESSED) != 0;
        } finally {
            close(in);
        }
    }

    private void readHeaderInfo(DatCursor c) {
        long at = c.position();
        String label = c.text(12, "header_page label");
        if (!label.equals("header_page\0")) {
            throw DatError.at(file, at, "expected 'header_page', found '" + printable(label) + "'");
        }
        long pageAt = c.position();
        String page = c.text(c.size64("header_page size"), "header_page");
        at = c.position();
        label = c.text(13, "header_event label");
        if (!label.equals("header_event\0")) {
            throw DatError.at(file, at, "expected 'header_event', found '" + printable(label) + "'");
        }
        String event = c.text(c.size64("header_event size"), "header_event");
        try {
            layout = RingBufferLayout.parse(page, event);
        } catch (BadMetadata e) {
            throw DatError.at(file, pageAt, e.getMessage());
        }
    }

    private void readFtraceFormats(DatCursor c) {
        int count = (int) c.u32("ftrace format count");
        for (int i = 0; i < count; i++) {
            readFormat(c, "ftrace");
        }
    }

    private void readEventFormats(DatCursor c) {
        int systems = (int) c.u32("event system count");
        for (int s = 0; s < systems; s++) {
            String system = c.cstring("event system name", MAX_NAME);
            int count = (int) c.u32("event count");
            for (int i = 0; i < count; i++) {
                readFormat(c, system);
            }
        }
    }

    private void readFormat(DatCursor c, String system) {
        int size = c.size64("format size");
        long at = c.position();
        String text = c.text(size, "format of a " + system + " event");
        try {
            EventFormat f = EventFormat.parse(system, text);
            decoders.put(f.id, new EventDecoder(f));
        } catch (BadMetadata e) {
            throw DatError.at(file, at, e.getMessage());
        }
    }

    private long number(byte[] b, int from, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int idx = littleEndian ? from + n - 1 - i : from + i;
            v = (v << 8) | (b[idx] & 0xff);
        }
        return v;
    }

    private long signedNumber(String s, long at) {
        String t = s.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.startsWith("-0x")) {
                return -Long.parseLong(t.substring(3), 16);
            }
            return t.isEmpty() ? 0 : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw DatError.at(file, at, "time offset option '" + printable(t) + "' is not a number");
        }
    }

    private static String cstring(byte[] data, int from) {
        int end = from;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return b.toString();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
