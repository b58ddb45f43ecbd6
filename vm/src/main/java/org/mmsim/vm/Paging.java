package org.mmsim.vm;

import org.mmsim.arch.Arch;
import org.mmsim.arch.layout.I386Config;

/**
 * Page-table geometry of a user address space. The model's tables are 4 levels of 512 entries (9 index bits each)
 * over a 48-bit virtual address: x86_64 4-level paging (PGD[47:39] PUD[38:30] PMD[29:21] PTE[20:12]) and arm64
 * with a 4 KiB granule and 48-bit VA (L0..L3 at the same bits). i386 PAE (arch/x86/include/asm/pgtable-3level*.h)
 * has 3 levels: a 4-entry PGD at bits 31:30, PMD[29:21] and PTE[20:12], with the P4D and PUD folded into the PGD
 * as pgtable-nop4d.h/pgtable-nopud.h fold them. A 32-bit address has bits 47:39 zero and bits 38:30 equal to its
 * PAE PGD index, so PAE uses the model's levels 1..3 and its root is the level-1 table ({@link #topLevel()}).
 * Also the user address-space limits (TASK_SIZE/STACK_TOP), the PIE load address, the width of the kernel's
 * {@code unsigned long}, the PGD's allocation and whether CONFIG_MEM_SOFT_DIRTY exists.
 */
public enum Paging {
    X86_64(X86PteFormat.INSTANCE, (1L << 47) - 4096, true, new String[] {"PGD", "PUD", "PMD", "PTE"}, 0, 1, 0,
            0x555555554000L, 64),
    /** arm64 keeps x86_64's PIE load address: its own ELF_ET_DYN_BASE (2/3 of the 48-bit window) is not modelled. */
    ARM64(Arm64PteFormat.INSTANCE, 1L << 48, false, new String[] {"PGD", "PUD", "PMD", "PTE"}, 0, 0, 0,
            0x555555554000L, 64),
    /**
     * i386 PAE as Debian's 686-pae builds it: TASK_SIZE = PAGE_OFFSET = 0xC0000000 (page_32_types.h), no
     * CONFIG_MEM_SOFT_DIRTY; the PGD is a 32-byte pgd_cache object (SHARED_KERNEL_PMD, no PTI on the oracle's
     * CPU) and pgd_alloc() preallocates the PMDs of the 3 user PGD entries (PREALLOCATED_PMDS =
     * KERNEL_PGD_BOUNDARY, arch/x86/mm/pgtable.c). ELF_ET_DYN_BASE is 0x400000 (mmap_is_ia32(), asm/elf.h).
     */
    I386_PAE(X86PteFormat.PAE, I386Config.debian686Pae().pageOffset(), false, new String[] {"P4D", "PGD", "PMD", "PTE"}, 1, Paging.PGD_IN_SLAB, 3,
            0x400000L, 32);

    public static final int LEVELS = 4;
    public static final int ENTRIES = 512;
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final int PMD_SHIFT = 21;
    public static final long PMD_SIZE = 1L << PMD_SHIFT;
    public static final long PMD_MASK = ~(PMD_SIZE - 1);
    public static final int HPAGE_PMD_ORDER = 9;
    public static final int HPAGE_PMD_NR = 512;
    /** {@link #pgdOrder()} of a PGD that is a slab object, not pages of its own. */
    public static final int PGD_IN_SLAB = -1;
    /** PTRS_PER_PGD of PAE: 4 entries, 32 bytes. */
    public static final int PAE_PTRS_PER_PGD = 4;

    private final PteFormat format;
    private final long taskSize;
    private final boolean softDirty;
    private final String[] levelNames;
    private final int topLevel;
    private final int pgdOrder;
    private final int preallocatedPmds;
    private final long elfEtDynBase;
    private final int longBits;

    Paging(PteFormat format, long taskSize, boolean softDirty, String[] levelNames, int topLevel, int pgdOrder,
            int preallocatedPmds, long elfEtDynBase, int longBits) {
        this.format = format;
        this.taskSize = taskSize;
        this.softDirty = softDirty;
        this.levelNames = levelNames;
        this.topLevel = topLevel;
        this.pgdOrder = pgdOrder;
        this.preallocatedPmds = preallocatedPmds;
        this.elfEtDynBase = elfEtDynBase;
        this.longBits = longBits;
    }

    public PteFormat format() {
        return format;
    }

    /** TASK_SIZE of a process: one past the highest user address. */
    public long taskSize() {
        return taskSize;
    }

    /** VM_SOFTDIRTY if the architecture has CONFIG_MEM_SOFT_DIRTY (x86_64 in Debian), else 0. */
    public long softDirtyFlag() {
        return softDirty ? VmFlags.VM_SOFTDIRTY : 0;
    }

    /** The model level of the table mm->pgd points at: 0 with 4 levels, 1 on PAE (the P4D and PUD folded). */
    public int topLevel() {
        return topLevel;
    }

    /**
     * The allocation order of the PGD: 1 on x86_64 (PGD_ALLOCATION_ORDER with page table isolation, the second
     * page the PTI user copy), 0 on arm64, {@link #PGD_IN_SLAB} on PAE.
     */
    public int pgdOrder() {
        return pgdOrder;
    }

    /** Pages the PGD itself occupies: 2, 1, or none for PAE's slab object. */
    public long pgdPages() {
        return pgdOrder == PGD_IN_SLAB ? 0 : 1L << pgdOrder;
    }

    /** PMD tables pgd_alloc() preallocates for the user PGD entries 0.. (PREALLOCATED_PMDS); 0 without PAE. */
    public int preallocatedPmds() {
        return preallocatedPmds;
    }

    /** ELF_ET_DYN_BASE rounded down to a page: where a PIE executable is loaded without randomisation (see ARM64). */
    public long elfEtDynBase() {
        return elfEtDynBase;
    }

    /** BITS_PER_LONG of the kernel: the width of addresses in /proc output. */
    public int longBits() {
        return longBits;
    }

    /**
     * The entry at {@code level} pointing at a next-level table (pgd/pud/pmd_populate()). A PAE PGD entry (a
     * PDPTE) holds only _PAGE_PRESENT: the CPU reserves the other bits (pud_populate() in arch/x86/mm/pgtable.c).
     */
    public long mkTable(int level, long pfn) {
        if (this == I386_PAE && level == topLevel) {
            return (pfn << PAGE_SHIFT) | X86PteFormat.PRESENT;
        }
        return format.mkTable(pfn);
    }

    /** Shift of the address bits indexing level 0 (PGD) .. 3 (PTE): 39, 30, 21, 12. */
    public static int shift(int level) {
        return PAGE_SHIFT + 9 * (LEVELS - 1 - level);
    }

    /** The highest address bit of this paging's index at the level: 47, 38, 29, 20; PAE's PGD index ends at 31. */
    public int highBit(int level) {
        return level == topLevel && longBits == 32 ? longBits - 1 : shift(level) + 8;
    }

    /** The span of virtual addresses one entry at this level maps. */
    public static long entrySpan(int level) {
        return 1L << shift(level);
    }

    public static int index(long addr, int level) {
        return (int) ((addr >>> shift(level)) & (ENTRIES - 1));
    }

    public String levelName(int level) {
        return levelNames[level];
    }

    public static Paging forArch(Arch arch) {
        switch (arch) {
            case X86_64:
                return X86_64;
            case ARM64:
                return ARM64;
            case I386_PAE:
                return I386_PAE;
            default:
                throw new IllegalArgumentException("no user paging model for " + arch.id());
        }
    }
}
