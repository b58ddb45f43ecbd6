package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.arch.layout.DocRow.row;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;

/**
 * The x86_64 tables of Documentation/x86/x86_64/mm.rst (Linux 6.1), rows typed in by hand from the document.
 * The document draws the CONFIG_RANDOMIZE_BASE=n kernel (512 MB text, 1520 MB modules) without KASLR.
 */
class X86_64LayoutTest {

    /** "Complete virtual memory map with 4-level page tables". */
    static final List<DocRow> FOUR_LEVEL = List.of(
            row("0000000000000000", "00007fffffffffff", "128 TB", "user-space virtual memory"),
            row("0000800000000000", "ffff7fffffffffff", "~16M TB", "non-canonical hole"),
            row("ffff800000000000", "ffff87ffffffffff", "8 TB", "guard hole"),
            row("ffff880000000000", "ffff887fffffffff", "0.5 TB", "LDT remap for PTI"),
            row("ffff888000000000", "ffffc87fffffffff", "64 TB", "direct mapping"),
            row("ffffc88000000000", "ffffc8ffffffffff", "0.5 TB", "unused hole"),
            row("ffffc90000000000", "ffffe8ffffffffff", "32 TB", "vmalloc/ioremap"),
            row("ffffe90000000000", "ffffe9ffffffffff", "1 TB", "unused hole"),
            row("ffffea0000000000", "ffffeaffffffffff", "1 TB", "vmemmap"),
            row("ffffeb0000000000", "ffffebffffffffff", "1 TB", "unused hole"),
            row("ffffec0000000000", "fffffbffffffffff", "16 TB", "KASAN shadow"));

    /** "Complete virtual memory map with 5-level page tables", up to where it says it is identical. */
    static final List<DocRow> FIVE_LEVEL = List.of(
            row("0000000000000000", "00ffffffffffffff", "64 PB", "user-space virtual memory"),
            row("0100000000000000", "feffffffffffffff", "~16K PB", "non-canonical hole"),
            row("ff00000000000000", "ff0fffffffffffff", "4 PB", "guard hole"),
            row("ff10000000000000", "ff10ffffffffffff", "0.25 PB", "LDT remap for PTI"),
            row("ff11000000000000", "ff90ffffffffffff", "32 PB", "direct mapping"),
            row("ff91000000000000", "ff9fffffffffffff", "3.75 PB", "unused hole"),
            row("ffa0000000000000", "ffd1ffffffffffff", "12.5 PB", "vmalloc/ioremap"),
            row("ffd2000000000000", "ffd3ffffffffffff", "0.5 PB", "unused hole"),
            row("ffd4000000000000", "ffd5ffffffffffff", "0.5 PB", "vmemmap"),
            row("ffd6000000000000", "ffdeffffffffffff", "2.25 PB", "unused hole"),
            row("ffdf000000000000", "fffffbffffffffff", "~8 PB", "KASAN shadow"));

    /** The rows both tables share, from fffffc0000000000 up (FIXADDR_START row checked separately). */
    static final List<DocRow> COMMON = List.of(
            row("fffffc0000000000", "fffffdffffffffff", "2 TB", "unused hole, vaddr_end for KASLR"),
            row("fffffe0000000000", "fffffe7fffffffff", "0.5 TB", "cpu_entry_area"),
            row("fffffe8000000000", "fffffeffffffffff", "0.5 TB", "unused hole"),
            row("ffffff0000000000", "ffffff7fffffffff", "0.5 TB", "%esp fixup stacks"),
            row("ffffff8000000000", "ffffffeeffffffff", "444 GB", "unused hole"),
            row("ffffffef00000000", "fffffffeffffffff", "64 GB", "EFI region"),
            row("ffffffff00000000", "ffffffff7fffffff", "2 GB", "unused hole"),
            row("ffffffff80000000", "ffffffff9fffffff", "512 MB", "kernel text"),
            row("ffffffffa0000000", "fffffffffeffffff", "1520 MB", "modules"),
            row("ffffffffff600000", "ffffffffff600fff", "4 kB", "legacy vsyscall"));

    private static void checkAll(MemoryLayout layout, List<DocRow> rows) {
        for (DocRow row : rows) {
            row.check(layout.regionOf(row.start()));
        }
    }

    private static void checkFixmapRow(MemoryLayout layout) {
        // "FIXADDR_START | ~-11 MB | ffffffffff5fffff | ~0.5 MB | kernel-internal fixmap range"
        Region fixmap = layout.regionOf(0xffffffffff5fffffL);
        assertThat(fixmap.kind()).isEqualTo(RegionKind.FIXMAP);
        assertThat(fixmap.end()).isEqualTo(0xffffffffff5fffffL);
        assertThat(Math.round(-fixmap.start() / (double) (1 << 20))).isEqualTo(11);
        assertThat(fixmap.size() / (double) (1 << 20)).isBetween(0.45, 0.55);
    }

    @Test
    void fourLevelMatchesDocumentation() {
        MemoryLayout layout = X86_64Layout.build(4, false, null, 0x140000);
        checkAll(layout, FOUR_LEVEL);
        checkAll(layout, COMMON);
        checkFixmapRow(layout);
        // "ffffffffffe00000 | -2 MB | ffffffffffffffff | 2 MB | ... unused hole" lies in our last hole.
        assertThat(layout.regionOf(0xffffffffffe00000L).kind()).isEqualTo(RegionKind.UNUSED);
        assertThat(layout.regionOf(-1L).kind()).isEqualTo(RegionKind.UNUSED);
    }

    @Test
    void fiveLevelMatchesDocumentation() {
        MemoryLayout layout = X86_64Layout.build(5, false, null, 0x140000);
        checkAll(layout, FIVE_LEVEL);
        checkAll(layout, COMMON);
        checkFixmapRow(layout);
    }

    @Test
    void randomizeBaseGivesTheKernelImageOneGigabyte() {
        // page_64_types.h: KERNEL_IMAGE_SIZE is 1 GiB with CONFIG_RANDOMIZE_BASE, so modules start at -1 GiB.
        MemoryLayout layout = X86_64Layout.build(4, true, null, 0x140000);
        row("ffffffff80000000", "ffffffffbfffffff", "1 GB", "kernel text").check(layout.first(RegionKind.KERNEL_IMAGE));
        row("ffffffffc0000000", "fffffffffeffffff", "1008 MB", "modules").check(layout.first(RegionKind.MODULES));
    }

    @Test
    void vmallocTotalMatchesOracleMeminfo() {
        // meminfo VmallocTotal = (VMALLOC_END - VMALLOC_START) >> 10, and on x86_64 VMALLOC_END is the last byte.
        MemoryLayout layout = X86_64Layout.build(4, true, null, 0x140000);
        Region vmalloc = layout.first(RegionKind.VMALLOC);
        long totalKb = (vmalloc.end() - vmalloc.start()) >>> 10;
        String meminfo = Oracle.read("x86_64-4G", "meminfo");
        assertThat(meminfo).containsPattern("VmallocTotal:\\s+" + totalKb + " kB");
    }

    @Test
    void regionsCoverTheWholeSpaceInOrder() {
        for (int levels : new int[] {4, 5}) {
            MemoryLayout layout = X86_64Layout.build(levels, false, null, 0x140000);
            List<Region> regions = layout.regions();
            assertThat(regions.get(0).start()).isZero();
            assertThat(regions.get(regions.size() - 1).end()).isEqualTo(-1L);
            for (int i = 1; i < regions.size(); i++) {
                assertThat(regions.get(i).start()).isEqualTo(regions.get(i - 1).end() + 1);
            }
        }
    }
}
