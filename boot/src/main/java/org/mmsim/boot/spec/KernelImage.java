package org.mmsim.boot.spec;

/**
 * Sizes of the kernel image sections in KiB, as {@code mem_init_print_info()} (mm/page_alloc.c) prints them on
 * the {@code Memory:} line. They are properties of the kernel binary; machine files default to Debian 6.1's.
 */
public record KernelImage(long codeK, long rwdataK, long rodataK, long initK, long bssK) {
    /** Debian 6.1.0 amd64 (from the oracle boot logs). */
    public static final KernelImage DEBIAN_AMD64 = new KernelImage(14343, 2338, 9132, 2824, 17344);
    /** Debian 6.1.0 arm64. */
    public static final KernelImage DEBIAN_ARM64 = new KernelImage(13248, 2806, 9524, 6464, 627);
    /** Debian 6.1.0 686-pae. */
    public static final KernelImage DEBIAN_686_PAE = new KernelImage(9423, 1265, 3188, 928, 476);
}
