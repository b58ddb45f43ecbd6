package org.mmsim.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /proc/buddyinfo, both ways. Models mm/vmstat.c {@code frag_show_print()}: per populated
 * zone {@code "Node %d, zone %8s "}, then {@code "%6lu "} per order, then a newline. Parsing refuses what no kernel
 * prints ({@link KernelLimits}): unknown or repeated zones, zones out of order, node ids from MAX_NUMNODES up, and
 * free counts that make more than 2^52 pages.
 */
public final class BuddyInfoFormat {
    /** MAX_ORDER of 6.1 with 4 KiB pages: orders 0..10. */
    public static final int DEFAULT_ORDERS = 11;

    private static final Pattern ZONE_LINE = Pattern.compile("Node +(\\S+), +zone +(\\S+)(.*)");

    private BuddyInfoFormat() {
    }

    public static String render(BuddyInfo info) {
        StringBuilder sb = new StringBuilder();
        for (ZoneFreeArea z : info.zones()) {
            zoneLabel(sb, z.nodeId(), z.zoneName());
            for (int o = 0; o < z.orders(); o++) {
                Columns.unsigned(sb, z.nrFree(o), 6).append(' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code "Node %d, zone %8s "}: the label that starts buddyinfo's and the debugfs index files' lines. */
    public static StringBuilder zoneLabel(StringBuilder sb, int nodeId, String zoneName) {
        sb.append("Node ").append(nodeId).append(", zone ");
        return Columns.right(sb, zoneName, 8).append(' ');
    }

    /**
     * Parses buddyinfo whose lines all carry the same number of free counts, MAX_ORDER: 11 on x86 and on arm64 with
     * 4 KiB pages, other values with other page sizes or configurations (1..{@link KernelLimits#MAX_ORDERS}).
     */
    public static BuddyInfo parse(String file, String text) {
        return parse(file, text, 0);
    }

    /** Parses buddyinfo whose lines carry {@code orders} free counts each (0: as many as the first line). */
    public static BuddyInfo parse(String file, String text, int orders) {
        TextLines in = new TextLines(file, text);
        in.requireNotEmpty();
        List<ZoneFreeArea> zones = new ArrayList<>();
        ZoneSequence sequence = new ZoneSequence();
        int expected = orders;
        while (in.hasNext()) {
            String line = in.next("a zone line");
            Matcher m = ZONE_LINE.matcher(line);
            if (!m.matches() || !m.group(1).chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
                throw in.error("expected 'Node N, zone NAME' and free counts, found '"
                        + TextLines.abbreviate(line) + "'");
            }
            int node = in.nodeId(m.group(1));
            String[] cols = in.fields(m.group(3), KernelLimits.MAX_ORDERS, "free counts (one per order)");
            if (expected == 0) {
                if (cols.length == 0) {
                    throw in.error("no free counts; a kernel prints one per order, 1 to " + KernelLimits.MAX_ORDERS
                            + " (11 on x86 and on arm64 with 4 KiB pages)");
                }
                expected = cols.length;
            }
            if (cols.length != expected) {
                throw in.error("expected " + expected + " free counts (orders 0.." + (expected - 1) + "), found "
                        + cols.length);
            }
            long[] nrFree = new long[expected];
            for (int o = 0; o < expected; o++) {
                nrFree[o] = in.pages(cols[o], "free count of order " + o);
            }
            if (KernelLimits.pagesOrOver(nrFree) < 0) {
                throw in.error("these free counts make more than 2^52 free pages, more than a 64-bit machine has");
            }
            sequence.next(in, node, m.group(2));
            zones.add(new ZoneFreeArea(node, m.group(2), nrFree));
        }
        return new BuddyInfo(zones);
    }
}
