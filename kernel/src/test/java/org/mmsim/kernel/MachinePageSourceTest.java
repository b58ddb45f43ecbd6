package org.mmsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.kernel.init.KernelBoot;
import org.mmsim.kernel.slab.Kmalloc;
import org.mmsim.kernel.slab.SlabFlags;
import org.mmsim.kernel.slab.KmemCache;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.vmalloc.Vmalloc;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;

/**
 * SLUB, kmalloc and vmalloc on the real buddy allocator of a booted oracle machine: every page they count comes
 * from the machine, the free lists stay consistent, and everything goes back once freed and shrunk.
 */
class MachinePageSourceTest {
    /** Free pages of the machine with the per-CPU lists drained (pcp pages are not counted as free). */
    private static long free(Machine m) {
        m.drainAllPages();
        return m.nrFreePages();
    }

    private static long slabPages(Slub slub) {
        return slub.nrSlabReclaimable() + slub.nrSlabUnreclaimable();
    }

    @Test
    void kmallocOfManySizesTakesItsPagesFromTheBuddyAllocatorAndGivesThemBack() {
        BootedMachine booted = MemoryInit.boot(MachineFile.preset("x86_64-4G"));
        Machine m = booted.machine();
        long beforeSlub = free(m);
        KernelBoot kb = KernelBoot.boot(booted);
        Slub slub = kb.slub();
        assertThat(slabPages(slub)).isPositive();
        assertThat(beforeSlub - free(m)).as("kmem_cache_init's slabs come from the machine").isEqualTo(slabPages(slub));
        slub.shrinkAll();
        long start = free(m);
        long startSlab = slabPages(slub);

        Kmalloc km = slub.kmalloc();
        int[] gfps = {Gfp.GFP_KERNEL, Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE, Gfp.GFP_KERNEL_ACCOUNT,
            Gfp.GFP_KERNEL | Gfp.__GFP_DMA, Gfp.GFP_ATOMIC};
        List<Long> live = new ArrayList<>();
        long largeBytes = 0;
        for (int round = 0; round < 6; round++) {
            for (long size = 1; size <= (4L << 20); size = size * 3 / 2 + 1) {
                // large kmalloc goes to the page allocator: GFP_KERNEL, not the 16 MiB DMA zone
                int gfp = size > km.maxCacheSize() ? Gfp.GFP_KERNEL : gfps[(int) ((size + round) % gfps.length)];
                for (int i = 0; i < (size <= 4096 ? 40 : 2); i++) {
                    long a = km.kmallocNode(size, gfp, Slub.NUMA_NO_NODE, i % m.nrCpus());
                    assertThat(a).as("kmalloc(%d)", size).isNotZero();
                    live.add(a);
                    if (size > km.maxCacheSize()) {
                        largeBytes += 4096L << KernelMath.getOrder(size, 12);
                    }
                }
            }
        }
        KmemCache dentry = slub.kmemCacheCreate("dentry", 192, 8,
                SlabFlags.SLAB_RECLAIM_ACCOUNT | SlabFlags.SLAB_HWCACHE_ALIGN);
        List<Long> dentries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            dentries.add(slub.kmemCacheAlloc(dentry, Gfp.GFP_KERNEL, 0));
        }
        assertThat(slub.nrSlabReclaimable()).isGreaterThanOrEqualTo(5000 / dentry.objectsPerSlab());
        BuddyChecker.check(m);
        long used = start - free(m);
        assertThat(used).as("pages SLUB and large kmalloc count are exactly the pages taken")
                .isEqualTo(slabPages(slub) - startSlab);
        assertThat(used).isGreaterThan(largeBytes / 4096);
        long cachePages = slub.slabCaches().stream().mapToLong(KmemCache::pages).sum();
        assertThat(cachePages + largeBytes / 4096).as("per-cache pages plus large kmalloc").isEqualTo(slabPages(slub));

        for (int i = live.size() - 1; i >= 0; i -= 2) {
            km.kfree(live.get(i), i % m.nrCpus());
        }
        for (int i = live.size() - 2; i >= 0; i -= 2) {
            km.kfree(live.get(i), 0);
        }
        for (long d : dentries) {
            slub.kmemCacheFree(dentry, d, 0);
        }
        assertThat(slub.kmemCacheDestroy(dentry)).isTrue();
        slub.shrinkAll();
        BuddyChecker.check(m);
        assertThat(slabPages(slub)).isEqualTo(startSlab);
        assertThat(free(m)).isEqualTo(start);
        BuddyChecker.check(m);
    }

    @Test
    void hugeVmallocBlocksAreSplitWhenVfreeReturnsTheirPagesOneByOne() {
        BootedMachine booted = MemoryInit.boot(MachineFile.preset("x86_64-4G"));
        Machine m = booted.machine();
        KernelBoot kb = KernelBoot.boot(booted);
        Vmalloc vm = kb.vmalloc();
        long start = free(m);
        long a = vm.vmallocHuge(8L << 20, Gfp.GFP_KERNEL, "huge_test+0x0/0x10");
        long b = vm.vmalloc(300_000, "small_test+0x0/0x10");
        assertThat(a).isNotZero();
        assertThat(b).isNotZero();
        // 8 MiB in four order-9 blocks, its 2048-pointer pages array in a nested 4-page vmalloc, and 74 small pages
        // (the 592-byte array of those comes from kmalloc).
        assertThat(vm.nrVmallocPages()).isEqualTo(2048 + 4 + 74);
        assertThat(start - free(m)).isGreaterThanOrEqualTo(vm.nrVmallocPages());
        BuddyChecker.check(m);
        vm.vfree(a);
        vm.vfree(b);
        kb.slub().shrinkAll();
        BuddyChecker.check(m);
        assertThat(vm.nrVmallocPages()).isZero();
        assertThat(free(m)).isEqualTo(start);
    }

    @Test
    void thisNodeAllocationsStayOnTheRequestedNode() {
        BootedMachine booted = MemoryInit.boot(MachineFile.preset("x86_64-4G-numa2"));
        Machine m = booted.machine();
        KernelBoot kb = KernelBoot.boot(booted);
        MachinePageSource src = kb.pages();
        assertThat(m.nodes()).hasSize(2);
        for (int nid = 0; nid < 2; nid++) {
            long pfn = src.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_THISNODE, 2, nid);
            assertThat(src.pfnToNid(pfn)).isEqualTo(nid);
            assertThat(m.zoneOf(pfn).node().nid()).isEqualTo(nid);
            src.freePages(pfn, 2);
            long obj = kb.slub().kmalloc().kmallocNode(100, Gfp.GFP_KERNEL, nid, 0);
            assertThat(src.pfnToNid(obj >>> 12)).isEqualTo(nid);
            kb.slub().kmalloc().kfree(obj, 0);
        }
        long any = src.allocPages(Gfp.GFP_KERNEL, 0, Slub.NUMA_NO_NODE);
        assertThat(src.pfnToNid(any)).isEqualTo(m.cpuToNode(m.currentCpu()));
        src.freePages(any, 0);
        assertThat(src.endPfn()).isEqualTo(m.node(1).nodeStartPfn() + m.node(1).spannedPages());
        BuddyChecker.check(m);
    }

    @Test
    void nonCompoundBlocksSplitOnTheFirstOrderZeroFreeWhereverItFalls() {
        BootedMachine booted = MemoryInit.boot(MachineFile.preset("x86_64-256M"));
        Machine m = booted.machine();
        MachinePageSource src = new MachinePageSource(m);
        long start = free(m);
        long a = src.allocPages(Gfp.GFP_KERNEL, 3, 0);
        long b = src.allocPages(Gfp.GFP_KERNEL, 2, 0);
        long c = src.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_COMP, 2, 0);
        src.freePages(b, 2);
        for (long p : new long[] {a + 5, a, a + 7, a + 1, a + 2, a + 3, a + 4, a + 6}) {
            src.freePages(p, 0);
        }
        src.freePages(c, 2);
        BuddyChecker.check(m);
        assertThat(free(m)).isEqualTo(start);
    }
}
