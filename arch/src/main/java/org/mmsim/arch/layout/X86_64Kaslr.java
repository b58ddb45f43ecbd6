package org.mmsim.arch.layout;

import java.util.SplittableRandom;

/**
 * Randomises the bases of the direct map, vmalloc and vmemmap the way arch/x86/mm/kaslr.c
 * {@code kernel_randomize_memory()} does (CONFIG_RANDOMIZE_MEMORY). The three regions keep their order inside
 * {@code [__PAGE_OFFSET_BASE, CPU_ENTRY_AREA_BASE)}; the direct map is sized to RAM plus a hotplug padding,
 * the spare space ("entropy") is shared out region by region, each base is PUD (1 GiB) aligned and each
 * next region starts at least one PUD after the previous one's end. The kernel draws its random numbers
 * from prandom seeded by the boot RNG; here a {@link SplittableRandom} seeded by the user draws them, so the
 * same seed always gives the same layout.
 */
public final class X86_64Kaslr {
    /** TB_SHIFT of kaslr.c. */
    public static final int TB_SHIFT = 40;
    /** PUD_SHIFT on x86_64 (both paging modes). */
    public static final int PUD_SHIFT = 30;
    /** CONFIG_RANDOMIZE_MEMORY_PHYSICAL_PADDING: 0xa when MEMORY_HOTPLUG is set (Debian), in TB. */
    public static final int DEFAULT_PADDING_TB = 10;

    private X86_64Kaslr() {
    }

    /**
     * The randomised bases and sizes.
     *
     * @param pageOffsetBase page_offset_base (direct map)
     * @param vmallocBase    vmalloc_base
     * @param vmemmapBase    vmemmap_base
     * @param directMapTb    size of the direct-map region in TB
     * @param vmallocTb      VMALLOC_SIZE_TB
     * @param vmemmapTb      size of the vmemmap region in TB
     * @param entropyBytes   the spare space shared out among the three regions
     */
    public record Result(long pageOffsetBase, long vmallocBase, long vmemmapBase,
                         long directMapTb, long vmallocTb, long vmemmapTb, long entropyBytes) {
    }

    /**
     * Runs kernel_randomize_memory().
     *
     * @param levels    4 or 5 (paging levels; 5 means pgtable_l5_enabled())
     * @param maxPfn    the highest RAM pfn + 1 (max_pfn from e820)
     * @param seed      the user's seed
     * @param paddingTb CONFIG_RANDOMIZE_MEMORY_PHYSICAL_PADDING
     */
    public static Result randomize(int levels, long maxPfn, long seed, int paddingTb) {
        long vaddrStart = levels == 5 ? X86_64Layout.PAGE_OFFSET_BASE_L5 : X86_64Layout.PAGE_OFFSET_BASE_L4;
        long vaddrEnd = X86_64Layout.CPU_ENTRY_AREA_BASE;
        int maxPhysmemBits = levels == 5 ? 52 : 46;
        long[] sizeTb = new long[3];
        sizeTb[0] = 1L << (maxPhysmemBits - TB_SHIFT);
        sizeTb[1] = levels == 5 ? X86_64Layout.VMALLOC_SIZE_TB_L5 : X86_64Layout.VMALLOC_SIZE_TB_L4;
        long memoryTb = ceilDiv(maxPfn << 12, 1L << TB_SHIFT) + paddingTb;
        if (memoryTb < sizeTb[0]) {
            sizeTb[0] = memoryTb;
        }
        long vmemmapBytes = (sizeTb[0] << (TB_SHIFT - 12)) * X86_64Layout.STRUCT_PAGE_SIZE;
        sizeTb[2] = ceilDiv(vmemmapBytes, 1L << TB_SHIFT);

        long remainEntropy = vaddrEnd - vaddrStart;
        for (long s : sizeTb) {
            remainEntropy -= s << TB_SHIFT;
        }
        long entropyTotal = remainEntropy;
        SplittableRandom rng = new SplittableRandom(seed);
        long pudMask = -(1L << PUD_SHIFT);
        long vaddr = vaddrStart;
        long[] base = new long[3];
        for (int i = 0; i < 3; i++) {
            long share = remainEntropy / (3 - i);
            long rand = rng.nextLong();
            long entropy = Long.remainderUnsigned(rand, share + 1) & pudMask;
            vaddr += entropy;
            base[i] = vaddr;
            vaddr += sizeTb[i] << TB_SHIFT;
            vaddr = roundUp(vaddr + 1, 1L << PUD_SHIFT);
            remainEntropy -= entropy;
        }
        return new Result(base[0], base[1], base[2], sizeTb[0], sizeTb[1], sizeTb[2], entropyTotal);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long roundUp(long x, long align) {
        return (x + align - 1) & -align;
    }
}
