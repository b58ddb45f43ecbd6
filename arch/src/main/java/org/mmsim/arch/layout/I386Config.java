package org.mmsim.arch.layout;

/**
 * The build options of an i386 kernel that decide where its top-of-memory areas (fixmap, cpu_entry_area,
 * LDT, pkmap) and so the end of lowmem fall. {@link #debian686Pae()} is Debian 12's 6.1 686-pae kernel,
 * the kernel of the i386pae oracle cases (its boot log prints "NR_CPUS:32").
 *
 * @param pae                      CONFIG_X86_PAE (HIGHMEM64G): 2 MiB PMDs, 512 pkmap slots
 * @param nrCpus                   CONFIG_NR_CPUS
 * @param maxIoApics               MAX_IO_APICS (64 on 32-bit, arch/x86/include/asm/apicdef.h)
 * @param kmapMaxIdx               KM_MAX_IDX (16 without DEBUG_KMAP_LOCAL, include/asm-generic/kmap_size.h)
 * @param pciMmconfig              CONFIG_PCI_MMCONFIG: one FIX_PCIE_MCFG slot
 * @param acpiApeiGhes             CONFIG_ACPI_APEI_GHES: two GHES slots
 * @param intelTxt                 CONFIG_INTEL_TXT: one FIX_TBOOT_BASE slot
 * @param cpuEntryAreaPagesPerCpu  DIV_ROUND_UP(sizeof(struct cpu_entry_area), PAGE_SIZE)
 * @param fixaddrTop               __FIXADDR_TOP (arch/x86/mm/pgtable_32.c), unless reservetop= moves it
 * @param pageOffset               PAGE_OFFSET (CONFIG_PAGE_OFFSET, 0xC0000000 with VMSPLIT_3G)
 * @param vmallocReserve           __VMALLOC_RESERVE: 128 MiB, or vmalloc=SIZE plus VMALLOC_OFFSET
 */
public record I386Config(boolean pae, int nrCpus, int maxIoApics, int kmapMaxIdx, boolean pciMmconfig,
                         boolean acpiApeiGhes, boolean intelTxt, int cpuEntryAreaPagesPerCpu, long fixaddrTop,
                         long pageOffset, long vmallocReserve) {

    /** VMALLOC_OFFSET: the 8 MiB gap between the end of lowmem and VMALLOC_START. */
    public static final long VMALLOC_OFFSET = 8L << 20;
    public static final long DEFAULT_VMALLOC_RESERVE = 128L << 20;

    /**
     * Pages of one CPU's struct cpu_entry_area on i386 (arch/x86/include/asm/cpu_entry_area.h): GDT 1, guard 1,
     * entry stack 1, guard 1, doublefault stack 1, TSS 5 (104-byte hardware TSS + two 8 KiB I/O bitmaps,
     * page aligned), Intel debug store 1, BTS and PEBS buffers 16 + 16: 43.
     */
    public static final int CPU_ENTRY_AREA_PAGES_PER_CPU = 43;

    /** Debian 12's 686-pae kernel. */
    public static I386Config debian686Pae() {
        return new I386Config(true, 32, 64, 16, true, true, false, CPU_ENTRY_AREA_PAGES_PER_CPU, 0xfffff000L,
                0xc0000000L, DEFAULT_VMALLOC_RESERVE);
    }

    /** The same build without PAE (HIGHMEM4G, Debian's plain 686 flavour). */
    public static I386Config debian686() {
        return new I386Config(false, 32, 64, 16, true, true, false, CPU_ENTRY_AREA_PAGES_PER_CPU, 0xfffff000L,
                0xc0000000L, DEFAULT_VMALLOC_RESERVE);
    }

    /** This configuration with the kernel parameter vmalloc=SIZE. */
    public I386Config withVmallocParam(long vmallocBytes) {
        return new I386Config(pae, nrCpus, maxIoApics, kmapMaxIdx, pciMmconfig, acpiApeiGhes, intelTxt,
                cpuEntryAreaPagesPerCpu, fixaddrTop, pageOffset, vmallocBytes + VMALLOC_OFFSET);
    }

    public long pmdSize() {
        return pae ? 1L << 21 : 1L << 22;
    }

    /** PTRS_PER_PTE: 512 with PAE, 1024 without. */
    public int ptrsPerPte() {
        return pae ? 512 : 1024;
    }

    /** LAST_PKMAP. */
    public int lastPkmap() {
        return pae ? 512 : 1024;
    }

    /** MAX_PHYSMEM_BITS: 36 with PAE, 32 without. */
    public int physAddrBits() {
        return pae ? 36 : 32;
    }
}
