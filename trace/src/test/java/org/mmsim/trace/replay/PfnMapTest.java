package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PfnMap against java.util.HashMap under a random mix of puts and removes (clustered keys, as pfns are). */
class PfnMapTest {
    @Test
    void behavesAsAHashMapThroughGrowthAndBackwardShiftDeletion() {
        PfnMap map = new PfnMap();
        Map<Long, Long> reference = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            long pfn = 0x100000 + rnd.nextInt(20_000);
            if (rnd.nextInt(3) == 0) {
                Long expected = reference.remove(pfn);
                assertThat(map.remove(pfn)).isEqualTo(expected == null ? PfnMap.ABSENT : expected);
            } else {
                long v = rnd.nextLong(1L << 40);
                reference.put(pfn, v);
                map.put(pfn, v);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (long pfn = 0x100000; pfn < 0x100000 + 20_000; pfn++) {
            Long expected = reference.get(pfn);
            assertThat(map.get(pfn)).isEqualTo(expected == null ? PfnMap.ABSENT : expected);
        }
    }

    @Test
    void pfnZeroIsAKeyLikeAnyOther() {
        PfnMap map = new PfnMap();
        map.put(0, 7);
        assertThat(map.get(0)).isEqualTo(7);
        assertThat(map.remove(0)).isEqualTo(7);
        assertThat(map.get(0)).isEqualTo(PfnMap.ABSENT);
    }
}
