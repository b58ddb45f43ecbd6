package org.mmsim.proc.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.NamedCounters;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.ZoneBlockCounts;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneFreeByType;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;

/** The diagnosis of hand-made zones, each verdict worked from the mm/vmstat.c formula. */
class FragmentationDiagnosisTest {

    private static long[] free(int order, long count) {
        long[] nrFree = new long[11];
        nrFree[order] = count;
        return nrFree;
    }

    private static final BuddyInfo BUDDY = new BuddyInfo(List.of(
            // nothing free
            new ZoneFreeArea(0, "DMA", new long[11]),
            // 3 order-8 blocks: index(9) = 1000 - (1000 + 768000/512) / 3 = 1000 - 833 = 167
            new ZoneFreeArea(0, "DMA32", free(8, 3)),
            // 1000 single pages: index(9) = 1000 - (1000 + 1000000/512) / 1000 = 1000 - 2 = 998
            new ZoneFreeArea(0, "Normal", free(0, 1000)),
            // 2 order-10 blocks: 4 order-9 blocks available
            new ZoneFreeArea(0, "Movable", free(10, 2))));

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    @Test
    void eachVerdictFromTheFragmentationIndex() {
        String d = oneLine(FragmentationDiagnosis.diagnose(BUDDY, null, null));
        assertThat(d).startsWith("Diagnosis: Node 0 DMA: no free pages at all")
                .contains("Node 0 DMA32: 768 free pages (3072 KiB), the largest free block is order 8; 768 free pages"
                        + " (100%) sit in blocks below order 9. Order-9 allocations would fail for lack of memory: its"
                        + " fragmentation index 0.167 is at most extfrag_threshold 0.500")
                .contains("Node 0 Normal: 1000 free pages (4000 KiB)")
                .contains("fragmentation index 0.998 is above extfrag_threshold 0.500")
                .contains("Node 0 Movable: 2048 free pages (8192 KiB), the largest free block is order 10; 0 free pages"
                        + " (0%) sit in blocks below order 9. Order-9 allocations succeed from the free lists (4 free"
                        + " order-9 blocks).")
                .endsWith("Overall, 3 of 4 zones cannot serve order-9 allocations now; fragmentation is the cause in 1"
                        + " (compaction would help) and a lack of free memory in the others (reclaim). ");
        assertThat(FragmentationDiagnosis.diagnose(BUDDY, null, null).lines()).allMatch(l -> l.length() <= 100);
    }

    @Test
    void aNegativeIndexMeansTooFewBlocksNotFragmentation() {
        // one order-8 block: 1000 - (1000 + 256000/512) / 1 = -500, no suitable block, not -1000
        BuddyInfo b = new BuddyInfo(List.of(new ZoneFreeArea(0, "Normal", free(8, 1))));
        assertThat(oneLine(FragmentationDiagnosis.diagnose(b, null, null)))
                .contains("Order-9 allocations would fail for lack of memory: only 1 small free blocks are left.");
    }

    private static ZoneInfoZone zone(String name, long free, long min, long low, long high) {
        return new ZoneInfoZone(name, free, 0, min, low, high, 4096, 4096, 4096, 0, new long[] {0, 0, 0, 0, 0},
                NamedCounters.empty(), List.of(new Pageset(0, 0, 0, 1, 2)), false, 0);
    }

    @Test
    void watermarksFromZoneinfo() {
        ZoneInfo zi = new ZoneInfo(List.of(new ZoneInfoNode(0, NamedCounters.builder().add("nr_dirty", 0).build(),
                List.of(zone("DMA", 5, 10, 20, 30), zone("DMA32", 15, 10, 20, 30), zone("Normal", 25, 10, 20, 30),
                        zone("Movable", 35, 10, 20, 30)))));
        String d = oneLine(FragmentationDiagnosis.diagnose(BUDDY, null, zi));
        assertThat(d).contains("Zoneinfo counts 5 free pages against watermarks min 10, low 20, high 30: below min")
                .contains("Zoneinfo counts 15 free pages against watermarks min 10, low 20, high 30: below low,"
                        + " so allocations wake kswapd")
                .contains("Zoneinfo counts 25 free pages against watermarks min 10, low 20, high 30: between low"
                        + " and high")
                .contains("Zoneinfo counts 35 free pages against watermarks min 10, low 20, high 30: above high");
    }

    @Test
    void pageblockMixFromPagetypeinfo() {
        List<String> types = List.of("Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate");
        PageTypeInfo pti = new PageTypeInfo(List.of(new PageTypeInfoNode(0, 9, 512, 11, types,
                List.of(new ZoneFreeByType("Normal", new long[5][11])),
                List.of(new ZoneBlockCounts("Normal", new long[] {46, 460, 6, 0, 0})), List.of())));
        String d = oneLine(FragmentationDiagnosis.diagnose(BUDDY, pti, null));
        // 460/512 = 89.84%, 46/512 = 8.98%, 6/512 = 1.17%
        assertThat(d).contains("Its 512 pageblocks are 89.8% Movable, 9.0% Unmovable and 1.2% Reclaimable.");
    }
}
