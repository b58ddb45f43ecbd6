package org.mmsim.boot.memblock;

import org.mmsim.arch.Arch;

/**
 * The build-time constants mm/memblock.c depends on.
 *
 * @param numa                CONFIG_NUMA: regions carry a node id; without it every region is on node 0
 *                            and memblock_set_node() does nothing
 * @param maxNumNodes         MAX_NUMNODES (1 &lt;&lt; CONFIG_NODES_SHIFT); memblock_add() and memblock_reserve()
 *                            tag regions with it, meaning "no node yet"
 * @param pageShift           PAGE_SHIFT
 * @param smpCacheBytes       SMP_CACHE_BYTES, the alignment used when a caller passes align 0
 * @param archLowAddressLimit ARCH_LOW_ADDRESS_LIMIT, the ceiling of memblock_alloc_low()
 * @param physAddrBytes       sizeof(phys_addr_t), which sets the width of {@code %pa} in debugfs output
 */
public record MemblockConfig(boolean numa, int maxNumNodes, int pageShift, long smpCacheBytes,
                             long archLowAddressLimit, int physAddrBytes) {

    /** ARCH_LOW_ADDRESS_LIMIT's generic default (include/linux/memblock.h). */
    public static final long DEFAULT_ARCH_LOW_ADDRESS_LIMIT = 0xffffffffL;

    /**
     * Debian's x86_64 6.1 build: NUMA with CONFIG_NODES_SHIFT=10 (the oracle's mminit pageflags_layout_widths
     * line shows "Node 10"), 4 KiB pages, 64-byte cache lines.
     */
    public static final MemblockConfig X86_64 =
            new MemblockConfig(true, 1 << 10, 12, 64, DEFAULT_ARCH_LOW_ADDRESS_LIMIT, 8);

    /**
     * Debian's arm64 6.1 build: NUMA with CONFIG_NODES_SHIFT=4 (oracle: "Node 4"). The kernel's
     * ARCH_LOW_ADDRESS_LIMIT is arm64_dma_phys_limit - 1, known only at boot: use
     * {@link #withArchLowAddressLimit(long)}.
     */
    public static final MemblockConfig ARM64 =
            new MemblockConfig(true, 1 << 4, 12, 64, DEFAULT_ARCH_LOW_ADDRESS_LIMIT, 8);

    /** Debian's 686-pae 6.1 build: no NUMA (oracle: "Node 0"), 64-bit phys_addr_t with PAE. */
    public static final MemblockConfig I386_PAE =
            new MemblockConfig(false, 1, 12, 64, DEFAULT_ARCH_LOW_ADDRESS_LIMIT, 8);

    public MemblockConfig {
        if (maxNumNodes < 1 || pageShift < 1 || Long.bitCount(smpCacheBytes) != 1
                || (physAddrBytes != 4 && physAddrBytes != 8)) {
            throw new IllegalArgumentException("bad memblock config");
        }
    }

    /** The configuration of Debian's build for {@code arch}. */
    public static MemblockConfig forArch(Arch arch) {
        return switch (arch) {
            case X86_64 -> X86_64;
            case ARM64 -> ARM64;
            case I386_PAE -> I386_PAE;
        };
    }

    public long pageSize() {
        return 1L << pageShift;
    }

    public MemblockConfig withArchLowAddressLimit(long limit) {
        return new MemblockConfig(numa, maxNumNodes, pageShift, smpCacheBytes, limit, physAddrBytes);
    }
}
