package org.mmsim.boot.memblock;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.InputError;

/**
 * Models memblock_debug_show() (mm/memblock.c), the contents of /sys/kernel/debug/memblock/memory and
 * /sys/kernel/debug/memblock/reserved: one line per region, {@code "%4d: %pa..%pa\n"} with the inclusive
 * end. An empty type shows its dummy region, whose end wraps to all ones. Also reads such a file back.
 */
public final class MemblockDebugfs {

    /** One line of the file: region index, first and last byte. */
    public record Line(int index, long base, long last) {
        /** Region size (last - base + 1). */
        public long size() {
            return last - base + 1;
        }
    }

    private MemblockDebugfs() {
    }

    /** The file's text for {@code type}. */
    public static String show(MemblockType type, MemblockConfig config) {
        StringBuilder sb = new StringBuilder(type.cnt() * 42);
        for (int i = 0; i < type.cnt(); i++) {
            long base = type.base[i];
            long last = base + type.size[i] - 1;
            String idx = Integer.toString(i);
            sb.append(" ".repeat(Math.max(0, 4 - idx.length()))).append(idx).append(": ");
            appendPa(sb, base, config.physAddrBytes());
            sb.append("..");
            appendPa(sb, last, config.physAddrBytes());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The kernel's {@code %pa}: "0x" and the phys_addr_t zero-padded to its full width in hex. */
    static void appendPa(StringBuilder sb, long value, int physAddrBytes) {
        String hex = Long.toHexString(physAddrBytes == 4 ? value & 0xffffffffL : value);
        sb.append("0x");
        for (int pad = physAddrBytes * 2 - hex.length(); pad > 0; pad--) {
            sb.append('0');
        }
        sb.append(hex);
    }

    /**
     * Parses a debugfs memblock file.
     *
     * @throws InputError "FILE:LINE: problem" on a malformed line
     */
    public static List<Line> parse(String text, String fileName) {
        List<Line> lines = new ArrayList<>();
        String[] rows = text.split("\n", -1);
        int n = rows.length;
        if (n > 0 && rows[n - 1].isEmpty()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            lines.add(parseLine(rows[i], fileName, i + 1));
        }
        return lines;
    }

    private static Line parseLine(String row, String fileName, int lineNo) {
        int colon = row.indexOf(": ");
        int dots = row.indexOf("..");
        if (colon < 0 || dots < colon) {
            throw InputError.at(fileName, lineNo, "expected 'INDEX: 0xBASE..0xEND', got '" + row + "'");
        }
        try {
            int index = Integer.parseInt(row.substring(0, colon).trim());
            long base = parseHex(row.substring(colon + 2, dots));
            long last = parseHex(row.substring(dots + 2));
            return new Line(index, base, last);
        } catch (NumberFormatException e) {
            throw InputError.at(fileName, lineNo, "bad number in '" + row + "'");
        }
    }

    private static long parseHex(String s) {
        if (!s.startsWith("0x")) {
            throw new NumberFormatException(s);
        }
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}
