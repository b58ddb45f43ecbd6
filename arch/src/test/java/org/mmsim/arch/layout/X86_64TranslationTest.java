package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** __pa, __va, pfn_to_page and page_to_pfn on x86_64 (arch/x86/include/asm/page_64.h), worked by hand. */
class X86_64TranslationTest {
    private final MemoryLayout layout = X86_64Layout.build(4, true, null, 0x140000);

    @Test
    void directMapAddress() {
        AddressInfo info = layout.classify(0xffff888000100000L);
        assertThat(info.kind()).isEqualTo(RegionKind.DIRECT_MAP);
        assertThat(info.phys().getAsLong()).isEqualTo(0x100000L);
        assertThat(info.pfn().getAsLong()).isEqualTo(0x100L);
        // vmemmap_base + 0x100 * 64
        assertThat(info.structPage().getAsLong()).isEqualTo(0xffffea0000004000L);
        assertThat(layout.va(0x13ffff000L).getAsLong()).isEqualTo(0xffff88813ffff000L);
    }

    @Test
    void kernelImageAddressUsesStartKernelMap() {
        // _text at 0xffffffff81000000 is physical 0x1000000 (the oracle's iomem: "Kernel code" at 01000000).
        AddressInfo info = layout.classify(0xffffffff81000000L);
        assertThat(info.kind()).isEqualTo(RegionKind.KERNEL_IMAGE);
        assertThat(info.phys().getAsLong()).isEqualTo(0x1000000L);
        assertThat(info.structPage().getAsLong()).isEqualTo(0xffffea0000000000L + 0x1000L * 64);
    }

    @Test
    void vmemmapAddressNamesThePfnItDescribes() {
        AddressInfo info = layout.classify(0xffffea0000004010L);
        assertThat(info.kind()).isEqualTo(RegionKind.VMEMMAP);
        assertThat(info.phys()).isEmpty();
        assertThat(info.describedPfn().getAsLong()).isEqualTo(0x100L);
    }

    @Test
    void otherKinds() {
        assertThat(layout.classify(0x00007ffffffff000L).kind()).isEqualTo(RegionKind.USER);
        assertThat(layout.classify(0x0000800000000000L).kind()).isEqualTo(RegionKind.NON_CANONICAL);
        assertThat(layout.classify(0xffff800000000000L).kind()).isEqualTo(RegionKind.GUARD);
        assertThat(layout.classify(0xffffc90000001000L).kind()).isEqualTo(RegionKind.VMALLOC);
        assertThat(layout.classify(0xffffc90000001000L).phys()).isEmpty();
        assertThat(layout.classify(0xffffffffc0001000L).kind()).isEqualTo(RegionKind.MODULES);
        assertThat(layout.classify(0xffffffffff5ff000L).kind()).isEqualTo(RegionKind.FIXMAP);
        assertThat(layout.classify(0xffffffffff600000L).kind()).isEqualTo(RegionKind.VSYSCALL);
        assertThat(layout.classify(0xfffffe0000001000L).kind()).isEqualTo(RegionKind.CPU_ENTRY_AREA);
        assertThat(layout.classify(0xffffff0000000000L).kind()).isEqualTo(RegionKind.ESPFIX);
        assertThat(layout.classify(0xffffffef00000000L).kind()).isEqualTo(RegionKind.EFI);
    }

    @Test
    void describeNamesTheZoneThroughTheHook() {
        AddressInfo info = layout.classify(0xffff888000100000L);
        List<String> lines = info.describe(layout, pfn -> pfn < 0x1000 ? "DMA" : "Normal");
        assertThat(lines).contains("zone:        DMA", "pa:          0x100000", "struct page: ffffea0000004000");
        assertThat(info.describe(layout, null)).noneMatch(l -> l.startsWith("zone:"));
    }

    @Test
    void kaslrMovesTheDirectMapAndTheConversionsFollow() {
        MemoryLayout k = X86_64Layout.build(4, false, 42L, 0x440000);
        long base = k.first(RegionKind.DIRECT_MAP).start();
        assertThat(k.pa(base + 0x2000).getAsLong()).isEqualTo(0x2000L);
        long vmemmap = k.first(RegionKind.VMEMMAP).start();
        assertThat(k.pfnToPage(3).getAsLong()).isEqualTo(vmemmap + 192);
        assertThat(k.pageToPfn(vmemmap + 192).getAsLong()).isEqualTo(3);
    }
}
