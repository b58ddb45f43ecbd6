package org.mmsim.boot.zone;

import org.mmsim.arch.Arch;

/**
 * Build-configuration facts of Debian's 6.1 kernels that boot depends on: SPARSEMEM (x86_64, arm64) or
 * FLATMEM (i386), the section size (SECTION_SIZE_BITS), and sizeof(struct page): 64 bytes on 64-bit, 40 on
 * i386 with PAE (found from the 686-pae boot log's "Total pages", which only this size reproduces).
 */
public record BootArch(boolean sparsemem, int sectionSizeBits, int structPageSize, int memSectionSize,
        int memSectionUsageSize) {

    public static BootArch of(Arch arch) {
        switch (arch) {
            case X86_64:
                return new BootArch(true, 27, 64, 32, 24);
            case ARM64:
                return new BootArch(true, 27, 64, 16, 0);
            case I386_PAE:
                return new BootArch(false, 29, 40, 16, 0);
            default:
                throw new IllegalStateException(arch.toString());
        }
    }

    /**
     * Pages the kernel takes from the buddy allocator in mem_init() right after memblock_free_all(), before
     * the "Memory:" line: x86_64's preallocate_vmalloc_pages() allocates one PUD table for each of the 64
     * PGD entries that cover the 32 TiB vmalloc area of 4-level paging (arch/x86/mm/init_64.c).
     */
    public static long pagesAllocatedInMemInit(Arch arch) {
        return arch == Arch.X86_64 ? 64 : 0;
    }

    /** PAGES_PER_SECTION for a page shift. */
    public long pagesPerSection(int pageShift) {
        return 1L << (sectionSizeBits - pageShift);
    }
}
