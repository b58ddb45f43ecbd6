package org.mmsim.kernel.vmalloc;

/**
 * An architecture's vmalloc address range and the page-table geometry vmalloc maps into: VMALLOC_START and
 * VMALLOC_END as the kernel passes them to __vmalloc_node_range() (the end is used as an exclusive bound), the
 * width of unsigned long, PAGE_SHIFT, PMD_SHIFT and PUD_SHIFT, whether the kernel is built with CONFIG_NUMA
 * (vmallocinfo prints per-node page counts) and the size of phys_addr_t (for {@code %pa}).
 *
 * @param addressBits 64, or 32 on i386
 * @param physAddrBytes sizeof(phys_addr_t): 8, also on i386 with PAE
 */
public record VmallocRange(long start, long end, int addressBits, int pageShift, int pmdShift, int pudShift,
                           boolean numa, int physAddrBytes) {

    /** IOREMAP_MAX_ORDER: 7 + PAGE_SHIFT (128 pages). */
    public int ioremapMaxOrder() {
        return 7 + pageShift;
    }

    /** VMALLOC_TOTAL >> 10 as meminfo prints it (VmallocTotal, kB). */
    public long totalKb() {
        return (end - start) >>> 10;
    }

    /** The largest address (ULONG_MAX): the top of the kernel's initial free vmap space. */
    public long ulongMax() {
        return addressBits == 64 ? -1L : 0xffffffffL;
    }

    /**
     * x86_64 with 4-level paging and no KASLR (Documentation/x86/x86_64/mm.rst): vmalloc_base 0xffffc90000000000,
     * 32 TiB, VMALLOC_END = start + 32 TiB - 1.
     */
    public static VmallocRange x86_64() {
        return new VmallocRange(0xffffc90000000000L, 0xffffe8ffffffffffL, 64, 12, 21, 30, true, 8);
    }

    /**
     * arm64, 4 KiB pages, 48-bit VA (arch/arm64/include/asm/memory.h, pgtable.h in 6.1): VMALLOC_START =
     * MODULES_END = 0xffff800008000000, VMALLOC_END = VMEMMAP_START - 256 MiB = 0xfffffbfff0000000.
     */
    public static VmallocRange arm64() {
        return new VmallocRange(0xffff800008000000L, 0xfffffbfff0000000L, 64, 12, 21, 30, true, 8);
    }

    /**
     * i386 with PAE: VMALLOC_START = high_memory + 8 MiB and VMALLOC_END = PKMAP_BASE - 2 pages
     * (arch/x86/include/asm/pgtable_32_areas.h), both depending on the machine, so given here.
     */
    public static VmallocRange i386Pae(long start, long end) {
        return new VmallocRange(start, end, 32, 12, 21, 30, false, 8);
    }
}
