package org.mmsim.arch.layout;

/**
 * The i386 3G/1G virtual memory map (CONFIG_VMSPLIT_3G), PAE or not: user space below PAGE_OFFSET, lowmem
 * (the direct map) up to high_memory, the 8 MiB VMALLOC_OFFSET gap, vmalloc (modules live in it), pkmap,
 * the LDT remap, the cpu_entry_area and the fixmap (arch/x86/include/asm/pgtable_32_areas.h, fixmap.h,
 * page_32_types.h). Where lowmem ends depends on the RAM size, so the layout is built from max_pfn through
 * {@link I386Lowmem}. The memory map is FLATMEM (the oracle's page-flags layout has no section field), an
 * array allocated at boot, so struct page addresses are not fixed.
 */
public final class I386Layout {

    private I386Layout() {
    }

    public static MemoryLayout build(I386Lowmem.Result split) {
        I386FixedAreas a = split.areas();
        I386Config c = a.config();
        long pageOffset = c.pageOffset();
        String title = "i386 " + (c.pae() ? "PAE" : "non-PAE") + " 3G/1G split, max_pfn 0x"
                + Long.toHexString(split.maxPfn()) + " (RAM ends at " + (split.maxPfn() >>> 8) + " MiB)";
        MemoryLayout.Builder b = MemoryLayout.builder(title, 32, 12);
        b.region(0, pageOffset - 1, RegionKind.USER, "user space (TASK_SIZE = PAGE_OFFSET)");
        b.region(pageOffset, split.highMemory() - 1, RegionKind.DIRECT_MAP,
                "lowmem: direct map of pfns 0.." + Long.toHexString(split.maxLowPfn())
                        + " (kernel image inside, at 16 MiB)");
        b.region(split.highMemory(), split.vmallocStart() - 1, RegionKind.GUARD, "VMALLOC_OFFSET gap");
        b.region(split.vmallocStart(), a.vmallocEnd() - 1, RegionKind.VMALLOC,
                "vmalloc/ioremap and modules (MODULES_VADDR = VMALLOC_START)");
        b.region(a.vmallocEnd(), a.pkmapBase() - 1, RegionKind.GUARD, "2 guard pages");
        b.region(a.pkmapBase(), a.pkmapEnd() - 1, RegionKind.PKMAP, "persistent kmap (kmap())");
        b.sized(a.ldtBase(), c.pmdSize(), RegionKind.LDT_REMAP, "LDT remap for PTI");
        b.sized(a.cpuEntryAreaBase(), a.cpuEntryAreaMapSize(), RegionKind.CPU_ENTRY_AREA,
                "cpu_entry_area (read-only IDT page + " + c.nrCpus() + " CPUs)");
        b.region(a.fixaddrTotStart(), a.fixaddrStart() - 1, RegionKind.FIXMAP,
                "fixmap: early_ioremap slots and FIX_WP_TEST");
        b.region(a.fixaddrStart(), a.fixaddrTop() - 1, RegionKind.FIXMAP,
                "fixmap: permanent slots (kmap_local, APIC, IO-APIC, ...)");
        b.directMap(new LinearMap(pageOffset, split.highMemory(), 0));
        b.structPageSize(StructPageCost.I386_STRUCT_PAGE_SIZE);
        b.note("__pa(v) = v - PAGE_OFFSET and __va(p) = p + PAGE_OFFSET, for lowmem only; highmem pages"
                + " (pfn >= 0x" + Long.toHexString(split.maxLowPfn()) + ") are mapped on demand by kmap()");
        return b.build();
    }

    /** Debian's 686-pae or 686 kernel on a machine whose RAM ends at max_pfn. */
    public static MemoryLayout build(long maxPfn, boolean pae) {
        return build(I386Lowmem.compute(maxPfn, pae));
    }
}
