package org.mmsim.vm;

import org.mmsim.arch.Arch;

/**
 * Page-table geometry of a user address space: 4 levels of 512 entries (9 index bits each) over a 48-bit
 * virtual address, as x86_64 4-level paging (PGD[47:39] PUD[38:30] PMD[29:21] PTE[20:12]) and arm64 with a
 * 4 KiB granule and 48-bit VA (L0..L3 at the same bits). Also the user address-space limits
 * (TASK_SIZE/STACK_TOP) and whether CONFIG_MEM_SOFT_DIRTY exists.
 */
public enum Paging {
    X86_64(X86PteFormat.INSTANCE, (1L << 47) - 4096, true, new String[] {"PGD", "PUD", "PMD", "PTE"}),
    ARM64(Arm64PteFormat.INSTANCE, 1L << 48, false, new String[] {"PGD", "PUD", "PMD", "PTE"});

    public static final int LEVELS = 4;
    public static final int ENTRIES = 512;
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final int PMD_SHIFT = 21;
    public static final long PMD_SIZE = 1L << PMD_SHIFT;
    public static final long PMD_MASK = ~(PMD_SIZE - 1);
    public static final int HPAGE_PMD_ORDER = 9;
    public static final int HPAGE_PMD_NR = 512;

    private final PteFormat format;
    private final long taskSize;
    private final boolean softDirty;
    private final String[] levelNames;

    Paging(PteFormat format, long taskSize, boolean softDirty, String[] levelNames) {
        this.format = format;
        this.taskSize = taskSize;
        this.softDirty = softDirty;
        this.levelNames = levelNames;
    }

    public PteFormat format() {
        return format;
    }

    /** TASK_SIZE of a 64-bit process: one past the highest user address. */
    public long taskSize() {
        return taskSize;
    }

    /** VM_SOFTDIRTY if the architecture has CONFIG_MEM_SOFT_DIRTY (x86_64 in Debian), else 0. */
    public long softDirtyFlag() {
        return softDirty ? VmFlags.VM_SOFTDIRTY : 0;
    }

    /** Shift of the address bits indexing level 0 (PGD) .. 3 (PTE): 39, 30, 21, 12. */
    public static int shift(int level) {
        return PAGE_SHIFT + 9 * (LEVELS - 1 - level);
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
            default:
                throw new IllegalArgumentException("no 4-level 48-bit user paging model for " + arch.id());
        }
    }
}
