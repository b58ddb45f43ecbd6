package org.mmsim.trace.dat;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of the event record being decoded (a slice of a ring-buffer page), read field by field as its format
 * says: integers of 1, 2, 4 or 8 bytes in the file's byte order, sign-extended when the field is signed; char
 * arrays and {@code __data_loc} strings up to their NUL.
 */
final class EventRecord {
    private byte[] data;
    private int start;
    private int length;
    private boolean littleEndian;

    void point(byte[] data, int start, int length, boolean littleEndian) {
        this.data = data;
        this.start = start;
        this.length = length;
        this.littleEndian = littleEndian;
    }

    /** Whether the record holds the field's bytes. */
    boolean holds(FormatField f) {
        return f.offset + f.size <= length;
    }

    long number(FormatField f) {
        if (f == null || f.size == 0 || !holds(f)) {
            return 0;
        }
        return number(f.offset, Math.min(f.size, 8), f.signed);
    }

    long number(int offset, int size, boolean signed) {
        int at = start + offset;
        long v = 0;
        for (int i = 0; i < size; i++) {
            int idx = littleEndian ? at + size - 1 - i : at + i;
            v = (v << 8) | (data[idx] & 0xff);
        }
        return signed ? PrintExpression.narrow(v, size, true) : v;
    }

    /** The text of a char array or {@code __data_loc} field, to its first NUL, a trailing newline dropped. */
    String string(FormatField f) {
        if (f == null) {
            return "";
        }
        int from;
        int max;
        if (f.dataLoc) {
            if (!holds(f)) {
                return "";
            }
            long loc = number(f.offset, 4, false);
            from = (int) (loc & 0xffff);
            max = (int) (loc >>> 16);
        } else {
            from = f.offset;
            max = f.size == 0 ? length - f.offset : f.size;
        }
        if (from < 0 || from > length) {
            return "";
        }
        max = Math.min(max, length - from);
        int end = 0;
        while (end < max && data[start + from + end] != 0) {
            end++;
        }
        if (end > 0 && data[start + from + end - 1] == '\n') {
            end--;
        }
        return new String(data, start + from, end, StandardCharsets.ISO_8859_1);
    }
}
