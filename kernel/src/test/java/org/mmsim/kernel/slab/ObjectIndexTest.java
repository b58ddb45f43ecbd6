package org.mmsim.kernel.slab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectIndexTest {
    @Test
    void reciprocalIndexEqualsDivisionOverWholeSlabs() {
        SlubSizing sz = new SlubSizing(SlubParams.x86_64(1, 1));
        for (int size : new int[] {8, 24, 96, 192, 200, 584, 1000, 3000, 4096, 8192, 40000, 131072}) {
            CacheLayout l = sz.calculateSizes(size, 8, 0, false);
            KmemCache c = new KmemCache(0, "t", size, 8, 0, false, 0, l, 5, 0, 0, 1, 1);
            long slabBytes = 4096L << Math.max(l.order(), 10);
            for (long off = 0; off < slabBytes; off += (size > 4096 ? 7 : 1)) {
                if (c.objectIndex(off) != (int) (off / l.size())) {
                    assertThat(c.objectIndex(off)).as("size %d offset %d", size, off).isEqualTo(off / l.size());
                }
            }
        }
    }
}
