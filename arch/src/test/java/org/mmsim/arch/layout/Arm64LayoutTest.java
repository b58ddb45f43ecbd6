package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmsim.arch.layout.DocRow.row;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

/** The arm64 tables of Documentation/arm64/memory.rst (Linux 6.1), rows typed in by hand from the document. */
class Arm64LayoutTest {

    /** "AArch64 Linux memory layout with 4KB pages + 4 levels (48-bit)". */
    static final List<DocRow> FOUR_K_48 = List.of(
            row("0000000000000000", "0000ffffffffffff", "256TB", "user"),
            row("ffff000000000000", "ffff7fffffffffff", "128TB", "kernel logical memory map"),
            row("ffff800000000000", "ffff800007ffffff", "128MB", "modules"),
            row("ffff800008000000", "fffffbffefffffff", "124TB", "vmalloc"),
            row("fffffbfff0000000", "fffffbfffdffffff", "224MB", "fixed mappings (top down)"),
            row("fffffbfffe000000", "fffffbfffe7fffff", "8MB", "[guard region]"),
            row("fffffbfffe800000", "fffffbffff7fffff", "16MB", "PCI I/O space"),
            row("fffffbffff800000", "fffffbffffffffff", "8MB", "[guard region]"),
            row("fffffc0000000000", "fffffdffffffffff", "2TB", "vmemmap"),
            row("fffffe0000000000", "ffffffffffffffff", "2TB", "[guard region]"));
    static final DocRow KASAN_4K_48 = row("ffff600000000000", "ffff7fffffffffff", "32TB", "[kasan shadow region]");

    /** "AArch64 Linux memory layout with 64KB pages + 3 levels (52-bit with HW support)". */
    static final List<DocRow> SIXTY_FOUR_K_52 = List.of(
            row("0000000000000000", "000fffffffffffff", "4PB", "user"),
            row("fff0000000000000", "ffff7fffffffffff", "~4PB", "kernel logical memory map"),
            row("ffff800000000000", "ffff800007ffffff", "128MB", "modules"),
            row("ffff800008000000", "fffffbffefffffff", "124TB", "vmalloc"),
            row("fffffbfff0000000", "fffffbfffdffffff", "224MB", "fixed mappings (top down)"),
            row("fffffbfffe000000", "fffffbfffe7fffff", "8MB", "[guard region]"),
            row("fffffbfffe800000", "fffffbffff7fffff", "16MB", "PCI I/O space"),
            row("fffffbffff800000", "fffffbffffffffff", "8MB", "[guard region]"),
            row("fffffc0000000000", "ffffffdfffffffff", "~4TB", "vmemmap"),
            row("ffffffe000000000", "ffffffffffffffff", "128GB", "[guard region]"));
    static final DocRow KASAN_64K_52 = row("fffd800000000000", "ffff7fffffffffff", "512TB", "[kasan shadow region]");

    private static MemoryLayout layout(int granule, int vaBits) {
        return Arm64Layout.build(granule, vaBits, null, Arm64Layout.QEMU_VIRT_DRAM_START, 48,
                Arm64Layout.QEMU_VIRT_IMAGE_PHYS, Arm64Layout.DEBIAN_IMAGE_SIZE);
    }

    private static void checkVmallocRow(DocRow doc, Region r) {
        // The document rounds vmalloc (0x7bffe8000000 bytes, 123.9996 TB) to "124TB" without a "~".
        new DocRow(doc.start(), doc.end(), "~" + doc.size(), doc.use()).check(r);
    }

    private static void checkAll(MemoryLayout layout, List<DocRow> rows) {
        for (DocRow row : rows) {
            Region r = layout.regionOf(row.start());
            if (row.use().equals("vmalloc")) {
                checkVmallocRow(row, r);
            } else {
                row.check(r);
            }
        }
    }

    private static Region kasan(MemoryLayout layout) {
        return layout.nested().stream().filter(r -> r.kind() == RegionKind.KASAN_SHADOW).findFirst().orElseThrow();
    }

    @Test
    void fourKPages48BitMatchesDocumentation() {
        MemoryLayout layout = layout(4, 48);
        checkAll(layout, FOUR_K_48);
        KASAN_4K_48.check(kasan(layout));
        assertThat(kasan(layout).optional()).isTrue();
    }

    @Test
    void sixtyFourKPages52BitMatchesDocumentation() {
        MemoryLayout layout = layout(64, 52);
        checkAll(layout, SIXTY_FOUR_K_52);
        KASAN_64K_52.check(kasan(layout));
    }

    @Test
    void otherConfigurationsFollowTheMemoryHFormulas() {
        // Worked by hand from arch/arm64/include/asm/memory.h: PAGE_OFFSET = -2^VA, PAGE_END = -2^(VA-1),
        // VMEMMAP_START = -2^(VA - (PAGE_SHIFT - 6)), VMEMMAP_SIZE = (PAGE_END - PAGE_OFFSET) >> (PAGE_SHIFT - 6).
        MemoryLayout l39 = layout(4, 39);
        row("ffffff8000000000", "ffffffbfffffffff", "256GB", "linear").check(l39.first(RegionKind.DIRECT_MAP));
        row("ffffffc000000000", "ffffffc007ffffff", "128MB", "modules").check(l39.first(RegionKind.MODULES));
        row("fffffffe00000000", "fffffffeffffffff", "4GB", "vmemmap").check(l39.first(RegionKind.VMEMMAP));
        MemoryLayout l47 = layout(16, 47);
        row("ffff800000000000", "ffffbfffffffffff", "64TB", "linear").check(l47.first(RegionKind.DIRECT_MAP));
        row("ffffff8000000000", "ffffffbfffffffff", "256GB", "vmemmap").check(l47.first(RegionKind.VMEMMAP));
        MemoryLayout l42 = layout(64, 42);
        row("fffffc0000000000", "fffffdffffffffff", "2TB", "linear").check(l42.first(RegionKind.DIRECT_MAP));
        row("ffffffff00000000", "ffffffff7fffffff", "2GB", "vmemmap").check(l42.first(RegionKind.VMEMMAP));
        row("fffffffef0000000", "fffffffefdffffff", "224MB", "fixmap").check(l42.first(RegionKind.FIXMAP));
    }

    @Test
    void vmallocTotalMatchesOracleMeminfo() {
        // arm64 VMALLOC_END is exclusive (VMEMMAP_START - SZ_256M), so VmallocTotal is the region size >> 10.
        Region vmalloc = layout(4, 48).first(RegionKind.VMALLOC);
        assertThat(Oracle.read("arm64-1G", "meminfo")).containsPattern("VmallocTotal:\\s+" + (vmalloc.size() >>> 10) + " kB");
    }

    @Test
    void translatesLinearMapAndImageAddressesOfTheQemuVirtMachine() {
        MemoryLayout layout = layout(4, 48);
        // DRAM at 0x40000000 (arm64-1G zone ranges) is the linear map's first byte: memstart_addr = 1 GiB.
        AddressInfo first = layout.classify(0xffff000000000000L);
        assertThat(first.kind()).isEqualTo(RegionKind.DIRECT_MAP);
        assertThat(first.phys().getAsLong()).isEqualTo(0x40000000L);
        assertThat(first.pfn().getAsLong()).isEqualTo(0x40000L);
        // vmemmap = VMEMMAP_START - memstart_pfn * 64, so the first DRAM pfn's struct page is VMEMMAP_START.
        assertThat(first.structPage().getAsLong()).isEqualTo(0xfffffc0000000000L);
        assertThat(layout.pageToPfn(0xfffffc0000000040L).getAsLong()).isEqualTo(0x40001L);
        assertThat(layout.va(0x40001000L).getAsLong()).isEqualTo(0xffff000000001000L);
        // _stext is 64 KiB into the image; the oracle's iomem puts "Kernel code" at 0x40210000.
        AddressInfo stext = layout.classify(0xffff800008010000L);
        assertThat(stext.kind()).isEqualTo(RegionKind.KERNEL_IMAGE);
        assertThat(stext.phys().getAsLong()).isEqualTo(0x40210000L);
        assertThat(layout.classify(0xffff800000001000L).kind()).isEqualTo(RegionKind.MODULES);
        assertThat(layout.classify(0xfffffbfffe800000L).kind()).isEqualTo(RegionKind.PCI_IO);
        assertThat(layout.classify(0xffff900000000000L).phys()).isEmpty();
    }

    @Test
    void memstartAlignFollowsKernelPgtableH() {
        assertThat(Arm64Layout.memstartAlign(4)).isEqualTo(1L << 30);
        assertThat(Arm64Layout.memstartAlign(16)).isEqualTo(1L << 30);
        assertThat(Arm64Layout.memstartAlign(64)).isEqualTo(1L << 29);
    }

    @Test
    void rejectsGranuleAndVaBitsThatKconfigDoesNotOffer() {
        assertThatThrownBy(() -> layout(4, 52)).isInstanceOf(InputError.class).hasMessageContaining("39 or 48");
        assertThatThrownBy(() -> layout(64, 39)).isInstanceOf(InputError.class);
        assertThatThrownBy(() -> layout(16, 42)).isInstanceOf(InputError.class);
        assertThatThrownBy(() -> layout(8, 48)).isInstanceOf(InputError.class).hasMessageContaining("granule");
    }
}
