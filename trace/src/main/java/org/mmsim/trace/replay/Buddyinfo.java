package org.mmsim.trace.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.model.BuddyInfoModel;

/**
 * Free blocks per zone and order, the numbers of /proc/buddyinfo (mm/vmstat.c frag_show_print: one line per
 * populated zone, "Node N, zone NAME" then free_area[order].nr_free for every order), read from a kernel file or
 * from the model. Zones are keyed by name ("DMA32").
 */
public final class Buddyinfo {
    private Buddyinfo() {
    }

    /**
     * Parses a /proc/buddyinfo text with proc's parser; zones of every node are keyed "NAME" for node 0 and
     * "N:NAME" else.
     */
    public static Map<String, long[]> parse(String text) {
        return byZone(BuddyInfoFormat.parse("buddyinfo", text));
    }

    /** The model's free blocks per populated zone and order (proc's BuddyInfoModel), keyed as {@link #parse} keys them. */
    public static Map<String, long[]> of(Machine m) {
        return byZone(BuddyInfoModel.of(m));
    }

    private static Map<String, long[]> byZone(BuddyInfo info) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (ZoneFreeArea z : info.zones()) {
            out.put(z.nodeId() == 0 ? z.zoneName() : z.nodeId() + ":" + z.zoneName(), z.nrFree());
        }
        return out;
    }

    /** Free pages the counts stand for: sum of count x 2^order. */
    public static long pages(long[] counts) {
        long n = 0;
        for (int o = 0; o < counts.length; o++) {
            n += counts[o] << o;
        }
        return n;
    }

    /**
     * The error of {@code model} against {@code kernel}: the sum over zones and orders of |model - kernel| in
     * free pages (count difference x 2^order), divided by the kernel's free pages; 0 is exact.
     */
    public static double relativeError(Map<String, long[]> model, Map<String, long[]> kernel) {
        long diff = 0;
        long total = 0;
        for (Map.Entry<String, long[]> k : kernel.entrySet()) {
            long[] mc = model.getOrDefault(k.getKey(), new long[0]);
            long[] kc = k.getValue();
            for (int o = 0; o < kc.length; o++) {
                long mv = o < mc.length ? mc[o] : 0;
                diff += Math.abs(mv - kc[o]) << o;
            }
            total += pages(kc);
        }
        return total == 0 ? 0 : (double) diff / total;
    }
}
