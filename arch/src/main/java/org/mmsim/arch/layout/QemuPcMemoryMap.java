package org.mmsim.arch.layout;

/**
 * The highest RAM pfn (max_pfn, the kernel's e820__end_of_ram_pfn()) that a QEMU "pc" machine with SeaBIOS
 * reports for {@code -m SIZE}: RAM below 4 GiB is all of it when it is under 3.5 GiB, else 3 GiB with the
 * rest placed from 4 GiB up (gigabyte alignment); the firmware keeps the top 128 KiB below 4 GiB. Checked
 * against every x86 oracle boot log ("last_pfn = ...").
 */
public final class QemuPcMemoryMap {
    private static final long BELOW_4G_LIMIT = 0xe0000000L;
    private static final long BELOW_4G_ALIGNED = 0xc0000000L;
    private static final long FIRMWARE_RESERVED = 128L << 10;

    private QemuPcMemoryMap() {
    }

    /** max_pfn for a RAM size in bytes, capped at the architecture's max_arch_pfn. */
    public static long maxPfn(long ramBytes, long maxArchPfn) {
        long pfn;
        if (ramBytes >= BELOW_4G_LIMIT) {
            pfn = ((1L << 32) + (ramBytes - BELOW_4G_ALIGNED)) >>> 12;
        } else {
            pfn = (ramBytes - FIRMWARE_RESERVED) >>> 12;
        }
        return Math.min(pfn, maxArchPfn);
    }

    /** max_arch_pfn: 2^(MAX_PHYSMEM_BITS - 12); 36 bits with PAE, 32 without, 46 on x86_64 4-level. */
    public static long maxArchPfn(int physAddrBits) {
        return 1L << (physAddrBits - 12);
    }

    /**
     * The memory pfn ranges {@code [starts[i], ends[i])} the kernel's memblock holds for that RAM size ("Early
     * memory node ranges"): page 0 is reserved by the kernel, the firmware area from 0x9f000 to 1 MiB is
     * not RAM, then RAM to the top of the below-4 GiB part, then from 4 GiB up.
     */
    public static long[][] memoryPfnRanges(long ramBytes, long maxArchPfn) {
        long maxPfn = maxPfn(ramBytes, maxArchPfn);
        long lowEnd = Math.min(maxPfn, (ramBytes >= BELOW_4G_LIMIT ? BELOW_4G_ALIGNED : ramBytes) - FIRMWARE_RESERVED >>> 12);
        if (maxPfn > (1L << 20)) {
            return new long[][] {{1, 0x100, 1L << 20}, {0x9f, lowEnd, maxPfn}};
        }
        return new long[][] {{1, 0x100}, {0x9f, lowEnd}};
    }
}
