package org.mmsim.kernel.slab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mmsim.page.Gfp;
import org.mmsim.kernel.SimplePageSource;

class SlubTest {
    private static Slub bootX86(int cpus, SimplePageSource src) {
        return Slub.boot(SlubParams.x86_64(cpus, 1), src);
    }

    @Test
    void kmallocSizeToCacheOnX86() {
        Kmalloc k = bootX86(1, SimplePageSource.ofBytes(1L << 30)).kmalloc();
        assertThat(k.kmallocSlab(1, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-8");
        assertThat(k.kmallocSlab(8, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-8");
        assertThat(k.kmallocSlab(9, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-16");
        assertThat(k.kmallocSlab(24, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-32");
        assertThat(k.kmallocSlab(65, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-96");
        assertThat(k.kmallocSlab(96, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-96");
        assertThat(k.kmallocSlab(97, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-128");
        assertThat(k.kmallocSlab(129, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-192");
        assertThat(k.kmallocSlab(193, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-256");
        assertThat(k.kmallocSlab(4097, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-8k");
        assertThat(k.kmallocSlab(8193, Gfp.GFP_KERNEL)).isNull();
        assertThat(k.maxCacheSize()).isEqualTo(8192);
    }

    @Test
    void kmallocSizeToCacheOnArm64UsesKmallocMinSize128() {
        Kmalloc k = Slub.boot(SlubParams.arm64(1, 1), SimplePageSource.ofBytes(1L << 30)).kmalloc();
        assertThat(k.kmallocSlab(1, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-128");
        assertThat(k.kmallocSlab(96, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-128");
        assertThat(k.kmallocSlab(129, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-256");
        assertThat(k.kmallocSlab(192, Gfp.GFP_KERNEL).name()).isEqualTo("kmalloc-256");
    }

    @Test
    void kmallocTypeFollowsGfpPriority() {
        Kmalloc k = bootX86(1, SimplePageSource.ofBytes(1L << 30)).kmalloc();
        assertThat(k.kmallocSlab(64, Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE).name()).isEqualTo("kmalloc-rcl-64");
        assertThat(k.kmallocSlab(64, Gfp.GFP_KERNEL_ACCOUNT).name()).isEqualTo("kmalloc-cg-64");
        assertThat(k.kmallocSlab(64, Gfp.GFP_KERNEL | Gfp.GFP_DMA | Gfp.__GFP_RECLAIMABLE).name())
                .isEqualTo("dma-kmalloc-64");
        assertThat(k.kmallocSlab(64, Gfp.GFP_KERNEL_ACCOUNT | Gfp.__GFP_RECLAIMABLE).name())
                .isEqualTo("kmalloc-rcl-64");
        assertThat(k.kmallocSlab(64, Gfp.GFP_KERNEL | Gfp.GFP_DMA).allocflags() & Gfp.__GFP_DMA).isNotZero();
        assertThat(k.kmallocSlab(64, Gfp.__GFP_RECLAIMABLE).allocflags() & Gfp.__GFP_RECLAIMABLE).isNotZero();
        assertThat(k.kmallocSlab(8192, Gfp.GFP_KERNEL).allocflags() & Gfp.__GFP_COMP).isNotZero();
        assertThat(k.kmallocSlab(64, Gfp.GFP_KERNEL).allocflags() & Gfp.__GFP_COMP).isZero();
    }

    @Test
    void largeKmallocComesFromThePageAllocatorAndCountsAsUnreclaimableSlab() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Slub slub = bootX86(1, src);
        long before = slub.nrSlabUnreclaimable();
        long pagesBefore = src.allocatedPages();
        long a = slub.kmalloc().kmalloc(8193, Gfp.GFP_KERNEL);
        // get_order(8193) = 2 with 4 KiB pages
        assertThat(src.allocatedPages() - pagesBefore).isEqualTo(4);
        assertThat(slub.nrSlabUnreclaimable() - before).isEqualTo(4);
        assertThat(a & 4095).isZero();
        slub.kmalloc().kfree(a);
        assertThat(src.allocatedPages()).isEqualTo(pagesBefore);
        assertThat(slub.nrSlabUnreclaimable()).isEqualTo(before);
        assertThat(slub.kmalloc().kmalloc(0, Gfp.GFP_KERNEL)).isEqualTo(Kmalloc.ZERO_SIZE_PTR);
        assertThatThrownBy(() -> slub.kmalloc().kfree(1L << 29)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workedSlabOrdersForEightCpus() {
        // linux-mm-facts 8.3 worked values (8 present CPUs -> min_objects 20), derived from calculate_order().
        SlubSizing sz = new SlubSizing(SlubParams.x86_64(8, 1));
        assertThat(sz.minObjects()).isEqualTo(20);
        assertThat(sz.calculateOrder(8)).isEqualTo(0);
        assertThat(sz.calculateOrder(512)).isEqualTo(2);
        assertThat(sz.orderObjects(2, 512)).isEqualTo(32);
        assertThat(sz.calculateOrder(1024)).isEqualTo(3);
        assertThat(sz.calculateOrder(2048)).isEqualTo(3);
        assertThat(sz.calculateOrder(4096)).isEqualTo(3);
        assertThat(sz.calculateOrder(8192)).isEqualTo(3);
        assertThat(sz.orderObjects(3, 8192)).isEqualTo(4);
    }

    @Test
    void minPartialAndCpuPartial() {
        assertThat(SlubSizing.minPartial(8)).isEqualTo(5);
        assertThat(SlubSizing.minPartial(4096)).isEqualTo(6);
        assertThat(SlubSizing.minPartial(1 << 21)).isEqualTo(10);
        Slub slub = bootX86(1, SimplePageSource.ofBytes(1L << 30));
        KmemCache k64 = slub.findCache("kmalloc-64");
        assertThat(k64.cpuPartial()).isEqualTo(120);
        assertThat(k64.cpuPartialSlabs()).isEqualTo(4); // DIV_ROUND_UP(240, 64)
        KmemCache k8k = slub.findCache("kmalloc-8k");
        assertThat(k8k.cpuPartial()).isEqualTo(6);
        assertThat(k8k.cpuPartialSlabs()).isEqualTo(3); // DIV_ROUND_UP(12, 4)
        KmemCache k1k = slub.findCache("kmalloc-1k");
        assertThat(k1k.cpuPartial()).isEqualTo(24);
    }

    @Test
    void freePointerPlacement() {
        SlubSizing sz = new SlubSizing(SlubParams.x86_64(1, 1));
        CacheLayout inside = sz.calculateSizes(100, 8, 0, false);
        assertThat(inside.size()).isEqualTo(104);
        assertThat(inside.offset()).isEqualTo(48); // ALIGN_DOWN(100 / 2, 8)
        assertThat(inside.freePointerOutside()).isFalse();
        CacheLayout rcu = sz.calculateSizes(100, 8, SlabFlags.SLAB_TYPESAFE_BY_RCU, false);
        assertThat(rcu.size()).isEqualTo(112);
        assertThat(rcu.offset()).isEqualTo(104);
        CacheLayout hw = sz.calculateSizes(100, sz.calculateAlignment(SlabFlags.SLAB_HWCACHE_ALIGN, 0, 100),
                SlabFlags.SLAB_HWCACHE_ALIGN, false);
        assertThat(hw.size()).isEqualTo(128);
        assertThat(sz.calculateAlignment(SlabFlags.SLAB_HWCACHE_ALIGN, 0, 24)).isEqualTo(32);
        assertThat(sz.calculateAlignment(SlabFlags.SLAB_HWCACHE_ALIGN, 0, 8)).isEqualTo(8);
    }

    @Test
    void objectsAreDistinctAndShrinkReturnsEmptySlabs() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Slub slub = bootX86(1, src);
        KmemCache c = slub.kmemCacheCreate("test_obj", 200, 0, SlabFlags.SLAB_RECLAIM_ACCOUNT);
        assertThat(c.size()).isEqualTo(200);
        long pagesBefore = src.allocatedPages();
        long recBefore = slub.nrSlabReclaimable();
        int n = 5000;
        long[] objs = new long[n];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            objs[i] = slub.kmemCacheAlloc(c, Gfp.GFP_KERNEL, 0);
            assertThat(seen.add(objs[i])).isTrue();
            assertThat(slub.cacheOf(objs[i])).isSameAs(c);
        }
        long slabs = slub.slabinfo(c).numSlabs();
        assertThat(slabs).isEqualTo((n + c.objectsPerSlab() - 1) / c.objectsPerSlab());
        assertThat(slub.nrSlabReclaimable() - recBefore).isEqualTo(slabs << c.order());
        for (int i = 0; i < n; i++) {
            slub.kmemCacheFree(c, objs[i], 0);
        }
        // Empty slabs beyond min_partial were freed on the way; the rest go with shrink.
        assertThat(slub.slabinfo(c).numSlabs()).isLessThanOrEqualTo(c.minPartial() + c.cpuPartialSlabs() + 1);
        assertThat(slub.kmemCacheShrink(c)).isZero();
        assertThat(slub.slabinfo(c).numSlabs()).isZero();
        assertThat(slub.nrSlabReclaimable()).isEqualTo(recBefore);
        assertThat(src.allocatedPages()).isLessThanOrEqualTo(pagesBefore + 1); // kmem_cache may have grown a slab
    }

    @Test
    void slabinfoCountsFreeObjectsOnlyOnNodePartialLists() {
        Slub slub = bootX86(1, SimplePageSource.ofBytes(1L << 30));
        KmemCache c = slub.kmemCacheCreate("test_obj2", 512, 0, 0);
        long a = slub.kmemCacheAlloc(c, Gfp.GFP_KERNEL, 0);
        SlabInfo.Row r = slub.slabinfo(c);
        // The whole CPU slab counts as active (free objects of CPU slabs are not subtracted).
        assertThat(r.numObjs()).isEqualTo(c.objectsPerSlab());
        assertThat(r.activeObjs()).isEqualTo(c.objectsPerSlab());
        slub.flushAll(c);
        r = slub.slabinfo(c);
        assertThat(r.activeObjs()).isEqualTo(1);
        slub.kmemCacheFree(c, a, 0);
        assertThat(slub.slabinfo(c).activeObjs()).isZero();
    }

    @Test
    void allocateSlabFallsBackToMinOrder() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Slub slub = bootX86(1, src);
        KmemCache c = slub.kmemCacheCreate("test_big", 1000, 0, 0);
        assertThat(c.order()).isEqualTo(1);
        src.failOrdersAbove(0);
        for (int i = 0; i < 3; i++) {
            slub.kmemCacheAlloc(c, Gfp.GFP_KERNEL, 0);
        }
        assertThat(slub.orderFallbacks()).isEqualTo(1);
        // s->min = get_order(1000) = 0: four objects in the fallback slab
        assertThat(c.layout().minObjects()).isEqualTo(4);
        assertThat(slub.slabinfo(c).numObjs()).isEqualTo(4);
    }

    @Test
    void mergesCompatibleCaches() {
        Slub slub = bootX86(1, SimplePageSource.ofBytes(1L << 30));
        KmemCache a = slub.kmemCacheCreate("merge_a", 120, 0, 0);
        KmemCache b = slub.kmemCacheCreate("merge_b", 116, 0, 0);
        assertThat(b).isSameAs(a);
        assertThat(a.refcount()).isEqualTo(2);
        KmemCache rcl = slub.kmemCacheCreate("merge_c", 120, 0, SlabFlags.SLAB_RECLAIM_ACCOUNT);
        assertThat(rcl).isNotSameAs(a);
        KmemCache small = slub.kmemCacheCreate("merge_d", 100, 0, 0);
        assertThat(small).isNotSameAs(a); // 120 - 104 >= sizeof(void *)
        assertThat(slub.kmemCacheCreate("merge_e", 120, 0, 0, true, 0)).isNotSameAs(a); // ctor
    }

    @Test
    void bootCountsOneKmemCacheObjectPerCache() {
        Slub slub = bootX86(1, SimplePageSource.ofBytes(1L << 30));
        int caches = slub.slabCaches().size();
        assertThat(caches).isEqualTo(2 + 4 * 13);
        slub.flushAll(slub.kmemCache());
        slub.flushAll(slub.kmemCacheNode());
        assertThat(slub.slabinfo(slub.kmemCache()).activeObjs()).isEqualTo(caches);
        assertThat(slub.slabinfo(slub.kmemCacheNode()).activeObjs()).isEqualTo(caches);
        assertThat(slub.meminfoLines()).startsWith("Slab:           ")
                .contains("SReclaimable:   ").contains(" kB\nSUnreclaim:");
    }

    @Test
    void destroyFreesEverythingOrRefusesWithObjectsRemaining() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Slub slub = bootX86(1, src);
        int cachesBefore = slub.slabCaches().size();
        KmemCache c = slub.kmemCacheCreate("destroy_me", 300, 0, 0);
        long a = slub.kmemCacheAlloc(c, Gfp.GFP_KERNEL, 0);
        assertThat(slub.kmemCacheDestroy(c)).isFalse(); // one object still allocated
        assertThat(slub.slabCaches()).contains(c);
        slub.kmemCacheFree(c, a, 0);
        assertThat(slub.kmemCacheDestroy(c)).isTrue();
        assertThat(slub.slabCaches()).hasSize(cachesBefore).doesNotContain(c);
        assertThat(slub.slabinfo(c).numSlabs()).isZero();
    }
}
