package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * KASLR: the same seed gives the same layout, and every randomised layout keeps the constraints of
 * arch/x86/mm/kaslr.c kernel_randomize_memory() and arch/arm64/kernel/pi/kaslr_early.c / mm/init.c.
 */
class KaslrPropertiesTest {
    private static final long PUD = 1L << 30;

    @Property(tries = 200, seed = "20261125")
    void x86RegionsStayAlignedOrderedAndInsideTheirWindow(@ForAll long seed, @ForAll @IntRange(min = 4, max = 5) int levels,
                                                          @ForAll @LongRange(min = 0x1000, max = 1L << 40) long maxPfn) {
        X86_64Kaslr.Result r = X86_64Kaslr.randomize(levels, maxPfn, seed, X86_64Kaslr.DEFAULT_PADDING_TB);
        long start = levels == 5 ? X86_64Layout.PAGE_OFFSET_BASE_L5 : X86_64Layout.PAGE_OFFSET_BASE_L4;
        long[] bases = {r.pageOffsetBase(), r.vmallocBase(), r.vmemmapBase()};
        long[] sizes = {r.directMapTb() << 40, r.vmallocTb() << 40, r.vmemmapTb() << 40};
        for (long b : bases) {
            assertThat(b & (PUD - 1)).isZero();
        }
        assertThat(Long.compareUnsigned(bases[0], start)).isGreaterThanOrEqualTo(0);
        for (int i = 1; i < 3; i++) {
            // each region begins at least one PUD past the end of the one before
            assertThat(Long.compareUnsigned(bases[i], bases[i - 1] + sizes[i - 1] + PUD)).isGreaterThanOrEqualTo(0);
        }
        assertThat(Long.compareUnsigned(bases[2] + sizes[2], X86_64Layout.CPU_ENTRY_AREA_BASE)).isLessThanOrEqualTo(0);
        // the direct map still covers all RAM
        assertThat(sizes[0]).isGreaterThanOrEqualTo(Math.min(maxPfn << 12, 1L << (levels == 5 ? 52 : 46)));
        // vmemmap covers the struct pages of the whole direct map
        assertThat(sizes[2]).isGreaterThanOrEqualTo(sizes[0] / 4096 * 64);
        // and the table builds: the builder rejects any overlap
        MemoryLayout layout = X86_64Layout.build(levels, false, seed, maxPfn);
        assertThat(layout.first(RegionKind.DIRECT_MAP).start()).isEqualTo(bases[0]);
        assertThat(layout.first(RegionKind.VMEMMAP).start()).isEqualTo(bases[2]);
        assertThat(layout.first(RegionKind.KERNEL_IMAGE).size()).isEqualTo(1L << 30);
    }

    @Property(tries = 100, seed = "20261125")
    void x86SameSeedSameLayout(@ForAll long seed, @ForAll @IntRange(min = 4, max = 5) int levels) {
        assertThat(X86_64Kaslr.randomize(levels, 0x140000, seed, 10))
                .isEqualTo(X86_64Kaslr.randomize(levels, 0x140000, seed, 10));
        assertThat(X86_64Layout.build(levels, false, seed, 0x140000).regions())
                .isEqualTo(X86_64Layout.build(levels, false, seed, 0x140000).regions());
    }

    @Test
    void x86EntropyAndSizesWorkedByHand() {
        // 4-level, 16 GiB RAM (max_pfn 0x440000): direct map ceil(17 GiB / 1 TB) + 10 = 11 TB, vmalloc 32 TB,
        // vmemmap ceil(11 TB / 4096 * 64 / 1 TB) = 1 TB. Window 0xfffffe0000000000 - 0xffff888000000000
        // = 0x758000000000 (117.5 TB); entropy = 117.5 - 44 = 73.5 TB = 0x498000000000.
        X86_64Kaslr.Result r = X86_64Kaslr.randomize(4, 0x440000, 1, 10);
        assertThat(r.directMapTb()).isEqualTo(11);
        assertThat(r.vmallocTb()).isEqualTo(32);
        assertThat(r.vmemmapTb()).isEqualTo(1);
        assertThat(r.entropyBytes()).isEqualTo(0x498000000000L);
        // 5-level: direct map capped at 2^(52-40) = 4096 TB only for huge RAM; 12800 TB vmalloc.
        X86_64Kaslr.Result r5 = X86_64Kaslr.randomize(5, 1L << 40, 1, 10);
        assertThat(r5.directMapTb()).isEqualTo(4096);
        assertThat(r5.vmallocTb()).isEqualTo(12800);
        assertThat(r5.vmemmapTb()).isEqualTo(64);
    }

    @Test
    void differentSeedsMoveTheBases() {
        long a = X86_64Kaslr.randomize(4, 0x140000, 1, 10).vmallocBase();
        long b = X86_64Kaslr.randomize(4, 0x140000, 2, 10).vmallocBase();
        assertThat(a).isNotEqualTo(b);
    }

    @Property(tries = 200, seed = "20261125")
    void arm64ImageAndLinearMapKeepTheirConstraints(@ForAll long seed,
                                                    @ForAll @IntRange(min = 0, max = 6) int config,
                                                    @ForAll @IntRange(min = 36, max = 48) int paBits) {
        int[][] configs = {{4, 39}, {4, 48}, {16, 47}, {16, 48}, {64, 42}, {64, 48}, {64, 52}};
        int granule = configs[config][0];
        int vaBits = configs[config][1];
        long dram = Arm64Layout.QEMU_VIRT_DRAM_START;
        MemoryLayout plain = Arm64Layout.build(granule, vaBits, null, dram, paBits, Arm64Layout.QEMU_VIRT_IMAGE_PHYS,
                Arm64Layout.DEBIAN_IMAGE_SIZE);
        MemoryLayout layout = Arm64Layout.build(granule, vaBits, seed, dram, paBits, Arm64Layout.QEMU_VIRT_IMAGE_PHYS,
                Arm64Layout.DEBIAN_IMAGE_SIZE);
        Region image = layout.first(RegionKind.KERNEL_IMAGE);
        Region vmalloc = layout.first(RegionKind.VMALLOC);
        long offset = image.start() - plain.first(RegionKind.KERNEL_IMAGE).start();
        int vaMin = Math.min(vaBits, 48);
        // 2 MiB aligned, in [2^(VA_MIN-3), 2^(VA_MIN-3) + 2^(VA_MIN-2)): the middle half of vmalloc.
        assertThat(offset & ((1L << 21) - 1)).isZero();
        assertThat(offset).isBetween(1L << (vaMin - 3), (1L << (vaMin - 3)) + (1L << (vaMin - 2)));
        assertThat(vmalloc.contains(image.start()) && vmalloc.contains(image.end())).isTrue();
        // the linear map base moves down by a multiple of ARM64_MEMSTART_ALIGN, never up, and the whole
        // physical address range of the CPU stays inside the linear map.
        LinearMap lm = layout.directMap();
        long shift = plain.directMap().physStart() - lm.physStart();
        assertThat(shift).isGreaterThanOrEqualTo(0);
        assertThat(shift % Arm64Layout.memstartAlign(granule)).isZero();
        if (lm.virtEnd() - lm.virtStart() > (1L << paBits)) {
            assertThat(lm.containsPhys(dram)).isTrue();
            assertThat(lm.containsPhys((1L << paBits) - 1)).isTrue();
        } else {
            assertThat(shift).isZero();
        }
        // the struct page of DRAM's first pfn stays inside the vmemmap region
        long page = layout.pfnToPage(dram >>> layout.pageShift()).getAsLong();
        assertThat(layout.first(RegionKind.VMEMMAP).contains(page)).isTrue();
        assertThat(layout.pageToPfn(page).getAsLong()).isEqualTo(dram >>> layout.pageShift());
        MemoryLayout again = Arm64Layout.build(granule, vaBits, seed, dram, paBits, Arm64Layout.QEMU_VIRT_IMAGE_PHYS,
                Arm64Layout.DEBIAN_IMAGE_SIZE);
        assertThat(again.nested()).isEqualTo(layout.nested());
        assertThat(again.directMap()).isEqualTo(layout.directMap());
    }
}
