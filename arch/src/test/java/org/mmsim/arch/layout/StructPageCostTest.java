package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;

/** struct page cost and HVO savings, checked against oracle boot logs and worked by hand. */
class StructPageCostTest {

    @Test
    void x86_64SectionMemmapMatchesTheMemblockDebugLog() {
        // x86_64-1G-memblockdebug: memory pfns [1, 0x9f) and [0x100, 0x3ffe0) touch sections 0..7 (128 MiB each);
        // sparse_init_nid allocates 8 x 32768 x 64 bytes = 16777216 in one go.
        StructPageCost c = StructPageCost.x86_64();
        long[] starts = {0x1, 0x100};
        long[] ends = {0x9f, 0x3ffe0};
        assertThat(c.pagesPerSection()).isEqualTo(32768);
        assertThat(c.memmapBytesPerSection()).isEqualTo(2L << 20);
        assertThat(c.presentSections(starts, ends)).isEqualTo(8);
        long bytes = c.bootMemmapBytes(starts, ends);
        assertThat(bytes).isEqualTo(16777216);
        assertThat(Oracle.read("x86_64-1G-memblockdebug", "dmesg"))
                .contains("memblock_alloc_exact_nid_raw: " + bytes + " bytes align=0x200000");
    }

    @Test
    void x86_64FourGigabyteMachineHasThirtyTwoSections() {
        // pfns [1,0x9f), [0x100,0xbffe0) -> sections 0..23 (3 GiB below 4 GiB); [0x100000,0x140000) -> sections
        // 32..39: 32 sections x 2 MiB.
        StructPageCost c = StructPageCost.x86_64();
        assertThat(c.bootMemmapBytes(new long[] {1, 0x100, 0x100000}, new long[] {0x9f, 0xbffe0, 0x140000}))
                .isEqualTo(64L << 20);
    }

    @Test
    void hvoMatchesTheOracleBootLogs() {
        // "HugeTLB: 28 KiB vmemmap can be freed for a 2.00 MiB page" on x86_64: 512 x 64 = 32 KiB, one page kept.
        StructPageCost x86 = StructPageCost.x86_64();
        assertThat(x86.hvoVmemmapPages(9)).isEqualTo(8);
        assertThat(x86.hvoFreeableBytes(9) >> 10).isEqualTo(28);
        assertThat(x86.hvoFreeablePages(9)).isEqualTo(7);
        assertThat(Oracle.read("x86_64-4G", "dmesg")).contains("HugeTLB: 28 KiB vmemmap can be freed for a 2.00 MiB page");
        // 1 GiB: 262144 x 64 = 16 MiB = 4096 pages, 4095 freed.
        assertThat(x86.hvoVmemmapPages(18)).isEqualTo(4096);
        assertThat(x86.hvoFreeablePages(18)).isEqualTo(4095);
        // arm64 does not select ARCH_WANT_HUGETLB_PAGE_OPTIMIZE_VMEMMAP in 6.1; i386 has no vmemmap.
        assertThat(StructPageCost.arm64(4).hvoFreeableBytes(9)).isZero();
        assertThat(Oracle.read("arm64-1G", "dmesg")).contains("HugeTLB: 0 KiB vmemmap can be freed for a 2.00 MiB page");
        assertThat(StructPageCost.i386().hvoFreeableBytes(9)).isZero();
        assertThat(Oracle.read("i386pae-1G", "dmesg")).contains("HugeTLB: 0 KiB vmemmap can be freed for a 2.00 MiB page");
    }

    @Test
    void arm64GranulesAndSections() {
        // 64K pages, 512 MiB sections: 8192 pages x 64 = 512 KiB per section; overhead 64/65536.
        StructPageCost c64 = StructPageCost.arm64(64);
        assertThat(c64.pagesPerSection()).isEqualTo(8192);
        assertThat(c64.memmapBytesPerSection()).isEqualTo(512L << 10);
        assertThat(c64.overheadFraction()).isEqualTo(64.0 / 65536);
        StructPageCost c16 = StructPageCost.arm64(16);
        assertThat(c16.pagesPerSection()).isEqualTo(8192);
        assertThat(StructPageCost.arm64(4).memmapBytes(262144)).isEqualTo(16L << 20);
    }

    @Test
    void i386FlatMemmapExplainsTheReservedDifferenceBetweenTheOracles() {
        // FLATMEM alloc_node_mem_map: span rounded out to 1024 pages, 40 bytes per struct page.
        StructPageCost c = StructPageCost.i386();
        long oneG = c.bootMemmapBytes(new long[] {1, 0x100}, new long[] {0x9f, 0x3ffe0});
        long eightG = c.bootMemmapBytes(new long[] {1, 0x100, 0x100000}, new long[] {0x9f, 0xbffe0, 0x240000});
        assertThat(oneG).isEqualTo(0x40000L * 40);
        assertThat(eightG).isEqualTo(0x240000L * 40);
        // "Memory: ... 28336K reserved" (1G) vs "176304K reserved" (8G). Besides the memmap, only the 8G boot
        // sets up SWIOTLB: a 64 MiB bounce buffer plus 32768 slots of 16 bytes (512 KiB).
        long reservedDiffKb = 176304 - 28336;
        assertThat(Oracle.read("i386pae-1G", "dmesg")).contains("28336K reserved");
        assertThat(Oracle.read("i386pae-8G", "dmesg")).contains("176304K reserved");
        assertThat((eightG - oneG) / 1024 + 65536 + 512).isEqualTo(reservedDiffKb);
    }

    @Test
    void reportHasTheNumbers() {
        assertThat(StructPageCost.x86_64().report(new long[] {1, 0x100}, new long[] {0x9f, 0x3ffe0}, new int[] {9, 18}))
                .contains("memory section: 128 MiB = 32768 pages, memmap 2048 KiB per section",
                        "HVO, 2 MB huge page: 8 vmemmap pages, 28 KiB can be freed (7 pages)",
                        "HVO, 1 GB huge page: 4096 vmemmap pages, 16380 KiB can be freed (4095 pages)");
    }
}
