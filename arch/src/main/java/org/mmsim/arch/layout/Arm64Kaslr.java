package org.mmsim.arch.layout;

import java.util.SplittableRandom;

/**
 * arm64 KASLR in 6.1: the kernel image offset chosen by arch/arm64/kernel/pi/kaslr_early.c
 * {@code kaslr_early_init()} and split in head.S into a 2 MiB aligned image offset and a 16-bit seed for the
 * linear map, which arch/arm64/mm/init.c {@code arm64_memblock_init()} uses to lower {@code memstart_addr}
 * when the linear region is larger than the CPU's physical address range. The boot RNG (FDT kaslr-seed or
 * RNDR) is replaced by a {@link SplittableRandom} seeded by the user.
 */
public final class Arm64Kaslr {
    private static final long SZ_2M = 1L << 21;

    private Arm64Kaslr() {
    }

    /**
     * @param kernelOffset       added to KIMAGE_VADDR to get kimage_vaddr (2 MiB aligned)
     * @param memstartOffsetSeed the 16-bit linear-map seed (low bits of the raw offset)
     * @param memstartShift      how far memstart_addr was lowered (0 if the linear map is not randomised)
     */
    public record Result(long kernelOffset, int memstartOffsetSeed, long memstartShift) {
    }

    /**
     * @param vaBits           CONFIG_ARM64_VA_BITS
     * @param linearRegionSize PAGE_END - _PAGE_OFFSET(vabits_actual)
     * @param paBits           the CPU's physical address range (ID_AA64MMFR0_EL1.PARange in bits)
     * @param memstartAlign    ARM64_MEMSTART_ALIGN
     * @param seed             the user's seed
     */
    public static Result randomize(int vaBits, long linearRegionSize, int paBits, long memstartAlign, long seed) {
        int vaBitsMin = Math.min(vaBits, 48);
        long random = new SplittableRandom(seed).nextLong();
        if (random == 0) {
            return new Result(0, 0, 0);
        }
        // BIT(VA_BITS_MIN - 3) + (seed & GENMASK(VA_BITS_MIN - 3, 0)): the middle half of vmalloc.
        long raw = (1L << (vaBitsMin - 3)) + (random & ((1L << (vaBitsMin - 2)) - 1));
        long offset = raw & -SZ_2M;
        int linearSeed = (int) (raw & (SZ_2M - 1) & 0xffff);
        long range = linearRegionSize - (1L << paBits);
        long shift = 0;
        if (linearSeed > 0 && range >= memstartAlign) {
            long slots = range / memstartAlign;
            shift = memstartAlign * ((slots * linearSeed) >>> 16);
        }
        return new Result(offset, linearSeed, shift);
    }
}
