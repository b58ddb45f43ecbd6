package org.mmsim.boot.zone;

import org.mmsim.arch.Arch;

/**
 * Build-configuration facts of Debian's 6.1 kernels that boot depends on: SPARSEMEM (x86_64, arm64) or
 * FLATMEM (i386), the section size (SECTION_SIZE_BITS), and sizeof(struct page): 64 bytes on 64-bit, 40 on
 * i386 with PAE (found from the 686-pae boot log's "Total pages", which only this size reproduces).
 * {@code memSectionSize} is sizeof(struct mem_section), which sets how many sections one root page holds
 * (SECTIONS_PER_ROOT): 32 bytes on x86_64, whose CONFIG_PAGE_EXTENSION adds page_ext and a pad (the
 * memblock=debug oracle's 32 KiB of roots); {@code memSectionUsageSize} is sizeof(struct mem_section_usage)
 * before the pageblock bits: 24 bytes on x86_64 (an rcu_head and the subsection map, as 6.1 stable has it; the
 * oracle's usemap is 56 bytes a section). arm64 keeps 16 and 0, which its oracle case cannot yet confirm.
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
