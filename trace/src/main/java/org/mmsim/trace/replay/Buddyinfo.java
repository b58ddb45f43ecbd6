package org.mmsim.trace.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;

/**
 * Free blocks per zone and order, the numbers of /proc/buddyinfo (mm/vmstat.c frag_show_print: one line per
 * populated zone, "Node N, zone NAME" then free_area[order].nr_free for every order), read from a kernel file or
 * from the model. Zones are keyed by name ("DMA32").
 */
public final class Buddyinfo {
    private Buddyinfo() {
    }

    /** Parses a /proc/buddyinfo text; zones of every node are keyed "NAME" for node 0 and "N:NAME" else. */
    public static Map<String, long[]> parse(String text) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length < 5 || !t[0].equals("Node") || !t[2].equals("zone")) {
                continue;
            }
            int node = Integer.parseInt(t[1].replace(",", ""));
            long[] counts = new long[t.length - 4];
            for (int i = 4; i < t.length; i++) {
                counts[i - 4] = Long.parseLong(t[i]);
            }
            out.put(node == 0 ? t[3] : node + ":" + t[3], counts);
        }
        return out;
    }

    /** The model's free blocks per populated zone and order, keyed as {@link #parse} keys them. */
    public static Map<String, long[]> of(Machine m) {
        Map<String, long[]> out = new LinkedHashMap<>();
        int maxOrder = m.arch().maxOrder();
        for (Zone z : m.zones()) {
            if (!z.populated()) {
                continue;
            }
            long[] counts = new long[maxOrder];
            for (int o = 0; o < maxOrder; o++) {
                counts[o] = z.nrFree(o);
            }
            int nid = z.node().nid();
            out.put(nid == 0 ? z.name() : nid + ":" + z.name(), counts);
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
