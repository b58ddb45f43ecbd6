package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.proc.frag.ContigPageInfo;
import org.mmsim.proc.frag.FragmentationIndex;

/**
 * One populated zone at one moment, as the run view charts it: the free blocks per order (a buddyinfo row), free
 * pages, the min/low/high watermarks, and per order the kernel's fragmentation measures (mm/vmstat.c's
 * __fragmentation_index and unusable_free_index, computed by proc's {@link FragmentationIndex} as the report's
 * recorder computes them at order 9).
 *
 * @param name      "Node N, zone NAME", as buddyinfo names it
 * @param nrFree    free blocks per order
 * @param freePages free base pages
 * @param min       min watermark, pages
 * @param low       low watermark, pages
 * @param high      high watermark, pages
 * @param extfrag   __fragmentation_index per order, thousandths (-1000: an allocation would succeed)
 * @param unusable  unusable_free_index per order, thousandths
 */
public record ZoneFrame(String name, long[] nrFree, long freePages, long min, long low, long high, int[] extfrag,
        int[] unusable) {

    /** Every populated zone of the machine, in buddyinfo order. */
    public static List<ZoneFrame> of(Machine m) {
        List<ZoneFrame> out = new ArrayList<>();
        for (Zone z : m.zones()) {
            if (z.populated()) {
                out.add(of(z, m.arch().maxOrder()));
            }
        }
        return List.copyOf(out);
    }

    private static ZoneFrame of(Zone z, int orders) {
        long[] nrFree = new long[orders];
        for (int o = 0; o < orders; o++) {
            nrFree[o] = z.nrFree(o);
        }
        int[] extfrag = new int[orders];
        int[] unusable = new int[orders];
        for (int o = 0; o < orders; o++) {
            ContigPageInfo info = ContigPageInfo.of(nrFree, o);
            extfrag[o] = FragmentationIndex.fragmentationIndex(o, info);
            unusable[o] = FragmentationIndex.unusableFreeIndex(o, info);
        }
        return new ZoneFrame("Node " + z.node().nid() + ", zone " + z.name(), nrFree, z.nrFreePages(),
                z.minWmarkPages(), z.lowWmarkPages(), z.highWmarkPages(), extfrag, unusable);
    }

    /** Bytes this takes on the heap, roughly (the arrays and the record). */
    long heapBytes() {
        return 64 + 3L * (16 + 8L * nrFree.length);
    }
}
