package org.mmsim.web.process;

import java.util.ArrayList;
import java.util.List;

/**
 * One VMA as a row of the process view's table, read from /proc/PID/smaps: its header line (the maps line:
 * range, permissions, offset, device, inode, name) and its Rss and Swap lines.
 *
 * @param start  the first address, hex as maps prints it
 * @param end    the address after the last, hex
 * @param perms  rwxp / rwxs
 * @param offset the file offset, hex
 * @param name   the path or [heap], [stack], ...; empty for an anonymous mapping
 * @param rssKb  Rss in kB
 * @param swapKb Swap in kB
 */
public record VmaRow(String start, String end, String perms, String offset, String name, long rssKb, long swapKb) {
    /** The rows of an smaps text, in its order. */
    public static List<VmaRow> of(String smaps) {
        List<VmaRow> out = new ArrayList<>();
        String[] header = null;
        long rss = 0;
        for (String line : smaps.split("\n")) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                if (header != null) {
                    out.add(row(header, rss, 0));
                }
                header = line.trim().split("\\s+", 6);
                rss = -1;
            } else if (line.startsWith("Rss:")) {
                rss = kb(line);
            } else if (line.startsWith("Swap:") && header != null) {
                out.add(row(header, rss, kb(line)));
                header = null;
            }
        }
        if (header != null) {
            out.add(row(header, rss, 0));
        }
        return out;
    }

    private static VmaRow row(String[] h, long rss, long swap) {
        String[] range = h[0].split("-");
        return new VmaRow(range[0], range[1], h[1], h[2], h.length > 5 ? h[5] : "", Math.max(rss, 0), swap);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
