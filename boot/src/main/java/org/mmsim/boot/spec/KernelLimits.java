package org.mmsim.boot.spec;

/**
 * The bounds Debian's 6.1 kernels put on the figures a machine description holds, shared by the boot-log import
 * and the machine file: NR_CPUS is 8192 (CONFIG_NR_CPUS of the amd64 config, printed as {@code setup_percpu:
 * NR_CPUS:8192}), MAX_NUMNODES is 1024 (CONFIG_NODES_SHIFT=10, include/linux/numa.h), and no physical address
 * reaches 2^52 (MAX_PHYSMEM_BITS of x86's 5-level paging in arch/x86/include/asm/sparsemem.h, and arm64's widest
 * physical address, CONFIG_ARM64_PA_BITS).
 */
public final class KernelLimits {
    /** NR_CPUS. */
    public static final int MAX_CPUS = 8192;
    /** MAX_NUMNODES. */
    public static final int MAX_NODES = 1024;
    /** The first physical address no supported kernel can describe. */
    public static final long PHYS_LIMIT = 1L << 52;

    private KernelLimits() {
    }
}
