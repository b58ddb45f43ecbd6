package org.mmsim.kernel.slab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.page.Gfp;
import org.mmsim.kernel.SimplePageSource;

/** The per-CPU partial list and remote frees, worked by hand through mm/slub.c of 6.1. */
class SlubPartialListTest {
    private static final int K = Gfp.GFP_KERNEL;

    @Test
    void freedObjectsOfFullSlabsAreReusedThroughTheCpuPartialList() {
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), SimplePageSource.ofBytes(1L << 30));
        KmemCache c = slub.kmemCacheCreate("t512", 512, 0, 0);
        assertThat(c.objectsPerSlab()).isEqualTo(8);
        assertThat(c.cpuPartialSlabs()).isEqualTo(13); // DIV_ROUND_UP(52 * 2, 8)
        long[] o = new long[24];
        for (int i = 0; i < 24; i++) {
            o[i] = slub.kmemCacheAlloc(c, K, 0);
        }
        // slabs A = o[0..7], B = o[8..15] are full; C = o[16..23] is the CPU slab
        slub.kmemCacheFree(c, o[3], 0);  // A: full -> frozen onto the CPU partial list
        slub.kmemCacheFree(c, o[10], 0); // B: pushed in front of A
        assertThat(c.nrPartial(0)).isZero();
        assertThat(slub.kmemCacheAlloc(c, K, 0)).isEqualTo(o[10]); // C exhausted: B taken from the CPU partials
        assertThat(slub.kmemCacheAlloc(c, K, 0)).isEqualTo(o[3]);  // then A
        long fresh = slub.kmemCacheAlloc(c, K, 0);                 // then a new slab
        assertThat(slub.slabinfo(c).numSlabs()).isEqualTo(4);
        assertThat(fresh).isNotIn((Object[]) box(o));
    }

    @Test
    void cpuPartialListDrainsToTheNodeWhenItHoldsCpuPartialSlabs() {
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), SimplePageSource.ofBytes(1L << 30));
        KmemCache c = slub.kmemCacheCreate("t512b", 512, 0, 0);
        long[] o = new long[120];
        for (int i = 0; i < 120; i++) {
            o[i] = slub.kmemCacheAlloc(c, K, 0); // 15 slabs, the last is the CPU slab
        }
        for (int s = 0; s < 13; s++) {
            slub.kmemCacheFree(c, o[8 * s], 0);
        }
        assertThat(c.nrPartial(0)).isZero();
        slub.kmemCacheFree(c, o[8 * 13], 0); // the list holds 13 = cpu_partial_slabs: unfreeze them all first
        assertThat(c.nrPartial(0)).isEqualTo(13);
        SlabInfo.Row r = slub.slabinfo(c);
        assertThat(r.numObjs()).isEqualTo(120);
        assertThat(r.activeObjs()).isEqualTo(120 - 13); // free objects count only on node partial lists
    }

    @Test
    void getPartialNodeMovesSlabsToTheCpuUntilMoreThanHalfOfCpuPartialSlabs() {
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), SimplePageSource.ofBytes(1L << 30));
        KmemCache c = slub.kmemCacheCreate("t512e", 512, 0, 0);
        long[] o = new long[160];
        for (int i = 0; i < 160; i++) {
            o[i] = slub.kmemCacheAlloc(c, K, 0); // 20 slabs
        }
        for (int s = 0; s < 14; s++) {
            slub.kmemCacheFree(c, o[8 * s], 0); // the 14th drains slabs 12, 11, .., 0 to the node list
        }
        slub.flushAll(c); // the full CPU slab goes nowhere; slab 13 from the CPU partials joins the tail
        assertThat(c.nrPartial(0)).isEqualTo(14);
        // get_partial_node(): slab 12 is acquired, then 11 .. 5 go to the CPU partial list until more than
        // cpu_partial_slabs / 2 = 6 have moved
        assertThat(slub.kmemCacheAlloc(c, K, 0)).isEqualTo(o[8 * 12]);
        assertThat(c.nrPartial(0)).isEqualTo(14 - 8);
        // put_cpu_partial() pushes at the head, so the CPU partial list is 5, 6, .., 11
        assertThat(slub.kmemCacheAlloc(c, K, 0)).isEqualTo(o[8 * 5]);
        assertThat(slub.kmemCacheAlloc(c, K, 0)).isEqualTo(o[8 * 6]);
    }

    @Test
    void remoteFreeGoesToTheFrozenSlabAndIsPickedUpByGetFreelist() {
        Slub slub = Slub.boot(SlubParams.x86_64(2, 1), SimplePageSource.ofBytes(1L << 30));
        KmemCache c = slub.kmemCacheCreate("t512c", 512, 0, 0);
        long x = slub.kmemCacheAlloc(c, K, 0);
        slub.kmemCacheAlloc(c, K, 0);
        assertThat(c.objectsPerSlab()).isEqualTo(16); // two CPUs: min_objects 12, order 1
        slub.kmemCacheFree(c, x, 1); // CPU 1 frees into CPU 0's slab
        for (int i = 0; i < 14; i++) {
            assertThat(slub.kmemCacheAlloc(c, K, 0)).isNotEqualTo(x);
        }
        assertThat(slub.kmemCacheAlloc(c, K, 0)).isEqualTo(x);
        assertThat(slub.slabinfo(c).numSlabs()).isEqualTo(1);
    }

    @Test
    void allocNodeTakesSlabsFromTheRequestedNode() {
        SimplePageSource src = new SimplePageSource(12, 11, 0, 1 << 18, 1 << 18, 1 << 19);
        Slub slub = Slub.boot(SlubParams.x86_64(2, 2), src);
        KmemCache c = slub.kmemCacheCreate("t512d", 512, 0, 0);
        long a = slub.kmemCacheAllocNode(c, K, 1, 0);
        assertThat(src.pfnToNid(a >>> 12)).isEqualTo(1);
        long b = slub.kmemCacheAllocNode(c, K, 0, 0); // CPU slab on node 1 is deactivated
        assertThat(src.pfnToNid(b >>> 12)).isEqualTo(0);
        assertThat(c.nrPartial(1)).isEqualTo(1);
        assertThat(c.nrSlabs(0)).isEqualTo(1);
        assertThat(c.nrSlabs(1)).isEqualTo(1);
    }

    private static Long[] box(long[] a) {
        Long[] b = new Long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }
}
