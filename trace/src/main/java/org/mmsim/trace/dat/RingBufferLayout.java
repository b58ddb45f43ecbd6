package org.mmsim.trace.dat;

/**
 * The binary layout of the kernel's ring buffer as the file declares it in header_page and header_event
 * (kernel/trace/ring_buffer.c, ring_buffer_print_page_header and ring_buffer_print_entry_header): where a page's
 * time stamp, commit (bytes of data) and data lie, how wide the event header's type_len and time_delta are, and
 * the type_len codes of padding, time extend and absolute time stamp records.
 */
final class RingBufferLayout {
    final int timestampOffset;
    final int timestampSize;
    final int commitOffset;
    final int commitSize;
    final int dataOffset;
    final int typeLenBits;
    final int timeDeltaBits;
    final int padding;
    final int timeExtend;
    final int timeStamp;
    final int dataMaxTypeLen;

    private RingBufferLayout(FormatField ts, FormatField commit, FormatField data, int[] header) {
        this.timestampOffset = ts.offset;
        this.timestampSize = ts.size;
        this.commitOffset = commit.offset;
        this.commitSize = commit.size;
        this.dataOffset = data.offset;
        this.typeLenBits = header[0];
        this.timeDeltaBits = header[1];
        this.padding = header[2];
        this.timeExtend = header[3];
        this.timeStamp = header[4];
        this.dataMaxTypeLen = header[5];
    }

    /** The layout the two header texts give; {@link BadMetadata} when they cannot be read. */
    static RingBufferLayout parse(String headerPage, String headerEvent) {
        FormatField ts = null;
        FormatField commit = null;
        FormatField data = null;
        for (String line : headerPage.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            FormatField f = FormatField.parse(line);
            if (f == null) {
                throw new BadMetadata("header_page: cannot read the line '" + line.trim() + "'");
            }
            if (f.name.equals("timestamp")) {
                ts = f;
            } else if (f.name.equals("commit")) {
                commit = f;
            } else if (f.name.equals("data")) {
                data = f;
            }
        }
        if (ts == null || commit == null || data == null) {
            throw new BadMetadata("header_page: no timestamp, commit or data field");
        }
        if ((ts.size != 8 && ts.size != 4) || (commit.size != 8 && commit.size != 4)) {
            throw new BadMetadata("header_page: time stamp or commit of an unexpected size");
        }
        int[] header = {-1, -1, -1, -1, -1, -1};
        for (String raw : headerEvent.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("type_len") && line.endsWith("bits")) {
                header[0] = FormatField.decimal(line.substring(line.indexOf(':') + 1, line.length() - 4));
            } else if (line.startsWith("time_delta") && line.endsWith("bits")) {
                header[1] = FormatField.decimal(line.substring(line.indexOf(':') + 1, line.length() - 4));
            } else if (line.startsWith("padding")) {
                header[2] = after(line, "==");
            } else if (line.startsWith("time_extend")) {
                header[3] = after(line, "==");
            } else if (line.startsWith("time_stamp")) {
                header[4] = after(line, "==");
            } else if (line.startsWith("data max type_len")) {
                header[5] = after(line, "==");
            }
        }
        for (int v : header) {
            if (v < 0) {
                throw new BadMetadata("header_event: cannot read the event header's layout");
            }
        }
        if (header[0] + header[1] != 32) {
            throw new BadMetadata("header_event: type_len and time_delta do not fill 32 bits");
        }
        return new RingBufferLayout(ts, commit, data, header);
    }

    private static int after(String line, String sep) {
        int at = line.lastIndexOf(sep);
        return at < 0 ? -1 : FormatField.decimal(line.substring(at + sep.length()));
    }
}
