package org.mmsim.arch.layout;

import org.mmsim.arch.InputError;

/**
 * The x86_64 virtual memory map with 4-level or 5-level paging, as Documentation/x86/x86_64/mm.rst draws it
 * and as arch/x86/include/asm/page_64_types.h, pgtable_64_types.h, fixmap.h, kasan.h and
 * uapi/asm/vsyscall.h define it in 6.1. With a KASLR seed the direct map, vmalloc and vmemmap bases move as
 * {@link X86_64Kaslr} (arch/x86/mm/kaslr.c kernel_randomize_memory()) places them.
 */
public final class X86_64Layout {
    public static final long PAGE_OFFSET_BASE_L4 = 0xffff888000000000L;
    public static final long PAGE_OFFSET_BASE_L5 = 0xff11000000000000L;
    public static final long VMALLOC_BASE_L4 = 0xffffc90000000000L;
    public static final long VMALLOC_BASE_L5 = 0xffa0000000000000L;
    public static final long VMALLOC_SIZE_TB_L4 = 32;
    public static final long VMALLOC_SIZE_TB_L5 = 12800;
    public static final long VMEMMAP_BASE_L4 = 0xffffea0000000000L;
    public static final long VMEMMAP_BASE_L5 = 0xffd4000000000000L;
    /** P4D_SHIFT: 39 in both modes (in 4-level mode the p4d folds into the pgd). */
    public static final int P4D_SHIFT = 39;
    /** CPU_ENTRY_AREA_PGD (-4) shifted by P4D_SHIFT; also kaslr.c's vaddr_end. */
    public static final long CPU_ENTRY_AREA_BASE = -4L << P4D_SHIFT;
    /** ESPFIX_PGD_ENTRY (-2) shifted by P4D_SHIFT. */
    public static final long ESPFIX_BASE_ADDR = -2L << P4D_SHIFT;
    public static final long EFI_VA_START = -4L << 30;
    public static final long EFI_VA_END = -68L << 30;
    public static final long START_KERNEL_MAP = 0xffffffff80000000L;
    public static final long MODULES_END = 0xffffffffff000000L;
    public static final long VSYSCALL_ADDR = -10L << 20;
    /** round_up(VSYSCALL_ADDR + PAGE_SIZE, PMD_SIZE) - PAGE_SIZE. */
    public static final long FIXADDR_TOP = ((VSYSCALL_ADDR + 4096 + (1L << 21) - 1) & -(1L << 21)) - 4096;
    /**
     * __end_of_permanent_fixed_addresses for Debian's amd64 configuration: the enum starts at VSYSCALL_PAGE
     * = (FIXADDR_TOP - VSYSCALL_ADDR) >> 12 = 511, then FIX_DBGP_BASE, FIX_EARLYCON_MEM_BASE, FIX_APIC_BASE,
     * 128 IO-APIC slots (MAX_IO_APICS on 64-bit), FIX_PARAVIRT_BOOTMAP (PARAVIRT_XXL) and the two GHES
     * slots: 511 + 1 + 1 + 1 + 128 + 1 + 2 + 1 = 646. (No KMAP_LOCAL slots: x86_64 has no HIGHMEM.)
     */
    public static final int FIXMAP_PERMANENT_SLOTS = 646;
    public static final long FIXADDR_START = FIXADDR_TOP - ((long) FIXMAP_PERMANENT_SLOTS << 12);
    /** CONFIG_KASAN_SHADOW_OFFSET on x86_64. */
    public static final long KASAN_SHADOW_OFFSET = 0xdffffc0000000000L;
    public static final int STRUCT_PAGE_SIZE = 64;

    private X86_64Layout() {
    }

    /**
     * Builds the layout.
     *
     * @param levels          4 or 5
     * @param randomizeBase   CONFIG_RANDOMIZE_BASE: kernel image area 1 GiB instead of 512 MiB (the document
     *                        draws the 512 MiB case; Debian builds with it set)
     * @param kaslrSeed       null for no memory randomisation, else the seed of {@link X86_64Kaslr}
     * @param maxPfn          max_pfn (highest RAM pfn + 1), used by KASLR to size the direct map
     */
    public static MemoryLayout build(int levels, boolean randomizeBase, Long kaslrSeed, long maxPfn) {
        if (levels != 4 && levels != 5) {
            throw InputError.at("--levels", 0, "x86_64 has 4 or 5 paging levels, not " + levels);
        }
        boolean l5 = levels == 5;
        int pgdirShift = l5 ? 48 : 39;
        int virtualMaskShift = l5 ? 56 : 47;
        boolean kaslr = kaslrSeed != null;
        boolean imageGig = randomizeBase || kaslr;
        String title = "x86_64 " + levels + "-level paging"
                + (kaslr ? ", KASLR seed " + kaslrSeed : ", no KASLR")
                + ", CONFIG_RANDOMIZE_BASE=" + (imageGig ? "y" : "n");
        MemoryLayout.Builder b = MemoryLayout.builder(title, 64, 12);

        long userTop = 1L << virtualMaskShift;
        b.region(0, userTop - 1, RegionKind.USER, "user-space virtual memory, different per mm");
        long guard = -256L << pgdirShift;
        b.region(userTop, guard - 1, RegionKind.NON_CANONICAL, "non-canonical addresses (sign-extension hole)");
        b.sized(guard, 16L << pgdirShift, RegionKind.GUARD, "guard hole, also reserved for hypervisor");
        b.sized(-240L << pgdirShift, 1L << pgdirShift, RegionKind.LDT_REMAP, "LDT remap for PTI");

        long directBase;
        long directSize;
        long vmallocBase;
        long vmallocSize = (l5 ? VMALLOC_SIZE_TB_L5 : VMALLOC_SIZE_TB_L4) << 40;
        long vmemmapBase;
        long vmemmapSize;
        if (kaslr) {
            X86_64Kaslr.Result r = X86_64Kaslr.randomize(levels, maxPfn, kaslrSeed, X86_64Kaslr.DEFAULT_PADDING_TB);
            directBase = r.pageOffsetBase();
            directSize = r.directMapTb() << 40;
            vmallocBase = r.vmallocBase();
            vmemmapBase = r.vmemmapBase();
            vmemmapSize = r.vmemmapTb() << 40;
            b.note("kernel_randomize_memory: direct map " + r.directMapTb() + " TB (RAM rounded up to a TB + "
                    + X86_64Kaslr.DEFAULT_PADDING_TB + " TB hotplug padding), vmalloc " + r.vmallocTb()
                    + " TB, vmemmap " + r.vmemmapTb() + " TB; " + (r.entropyBytes() >> 30)
                    + " GiB of entropy shared out, bases PUD (1 GiB) aligned");
            b.note("KASAN is not drawn: CONFIG_RANDOMIZE_MEMORY requires KASAN off");
        } else {
            directBase = l5 ? PAGE_OFFSET_BASE_L5 : PAGE_OFFSET_BASE_L4;
            // 4-level: MAXMEM = 2^MAX_PHYSMEM_BITS = 64 TB; 5-level: the document allots 32 PB (2^55), though
            // MAX_PHYSMEM_BITS = 52 lets at most 4 PB of it be used.
            directSize = l5 ? 1L << 55 : 1L << 46;
            vmallocBase = l5 ? VMALLOC_BASE_L5 : VMALLOC_BASE_L4;
            vmemmapBase = l5 ? VMEMMAP_BASE_L5 : VMEMMAP_BASE_L4;
            vmemmapSize = directSize / 4096 * STRUCT_PAGE_SIZE;
            long shadowStart = KASAN_SHADOW_OFFSET + ((-1L << virtualMaskShift) >>> 3);
            long shadowEnd = shadowStart + (1L << (virtualMaskShift - 3));
            long pgdMask = -(1L << pgdirShift);
            b.region(shadowStart & pgdMask, shadowEnd - 1, RegionKind.KASAN_SHADOW,
                    "KASAN shadow memory (CONFIG_KASAN; shadow proper starts at 0x"
                            + Long.toHexString(shadowStart) + ")");
        }
        b.sized(directBase, directSize, RegionKind.DIRECT_MAP,
                "direct mapping of all physical memory (page_offset_base)");
        b.sized(vmallocBase, vmallocSize, RegionKind.VMALLOC, "vmalloc/ioremap space (vmalloc_base)");
        b.sized(vmemmapBase, vmemmapSize, RegionKind.VMEMMAP, "virtual memory map (vmemmap_base)");
        b.sized(CPU_ENTRY_AREA_BASE, 1L << P4D_SHIFT, RegionKind.CPU_ENTRY_AREA,
                "cpu_entry_area mapping (its start is KASLR's vaddr_end)");
        b.sized(ESPFIX_BASE_ADDR, 1L << P4D_SHIFT, RegionKind.ESPFIX, "%esp fixup stacks");
        b.region(EFI_VA_END, EFI_VA_START - 1, RegionKind.EFI, "EFI region mapping space");
        long imageSize = imageGig ? 1L << 30 : 512L << 20;
        b.sized(START_KERNEL_MAP, imageSize, RegionKind.KERNEL_IMAGE,
                "kernel text mapping, mapped to physical address 0");
        b.region(START_KERNEL_MAP + imageSize, MODULES_END - 1, RegionKind.MODULES, "module mapping space");
        b.region(FIXADDR_START, VSYSCALL_ADDR - 1, RegionKind.FIXMAP,
                "kernel-internal fixmap range (FIXADDR_START for Debian's config)");
        b.sized(VSYSCALL_ADDR, 4096, RegionKind.VSYSCALL, "legacy vsyscall ABI");
        b.region(VSYSCALL_ADDR + 4096, FIXADDR_TOP + 4095, RegionKind.FIXMAP,
                "fixmap slots above the vsyscall page (never used)");

        b.directMap(new LinearMap(directBase, directBase + directSize, 0));
        b.kernelImage(new LinearMap(START_KERNEL_MAP, START_KERNEL_MAP + imageSize, 0));
        b.vmemmap(vmemmapBase, STRUCT_PAGE_SIZE);
        b.note("__pa(v) = v - page_offset_base in the direct map, v - __START_KERNEL_map + phys_base (0) in the"
                + " kernel image; pfn_to_page(pfn) = vmemmap_base + 64 * pfn");
        return b.build();
    }
}
