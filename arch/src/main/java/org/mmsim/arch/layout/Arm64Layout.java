package org.mmsim.arch.layout;

import org.mmsim.arch.InputError;

/**
 * The arm64 kernel virtual memory map in 6.1 for any granule (4K, 16K, 64K) and CONFIG_ARM64_VA_BITS, as
 * Documentation/arm64/memory.rst draws it for 4K/48-bit and 64K/52-bit, computed from the macros of
 * arch/arm64/include/asm/memory.h and pgtable.h (PAGE_OFFSET, PAGE_END, MODULES_VADDR, VMALLOC_END,
 * VMEMMAP_START, FIXADDR_TOP, PCI_IO_START) and, for the linear map base, kernel-pgtable.h
 * ARM64_MEMSTART_ALIGN and mm/init.c arm64_memblock_init().
 */
public final class Arm64Layout {
    /** QEMU virt's DRAM base (the arm64-1G oracle's first memory range starts here). */
    public static final long QEMU_VIRT_DRAM_START = 0x40000000L;
    /** Physical start of the kernel image (_text) in the arm64-1G oracle (iomem: Kernel code at 0x40210000, 64K of head before it). */
    public static final long QEMU_VIRT_IMAGE_PHYS = 0x40200000L;
    /** Size of Debian's 6.1 arm64 image, _text to _end, from the arm64-1G oracle's iomem (Kernel data ends 0x4220ffff). */
    public static final long DEBIAN_IMAGE_SIZE = 0x42210000L - 0x40200000L;
    public static final int STRUCT_PAGE_SIZE = 64;
    private static final long SZ_8M = 8L << 20;
    private static final long SZ_16M = 16L << 20;
    private static final long SZ_32M = 32L << 20;
    private static final long SZ_128M = 128L << 20;
    private static final long SZ_256M = 256L << 20;

    private Arm64Layout() {
    }

    /** PAGE_SHIFT of a granule given in KiB, or an InputError. */
    public static int pageShift(int granuleKb) {
        return switch (granuleKb) {
            case 4 -> 12;
            case 16 -> 14;
            case 64 -> 16;
            default -> throw InputError.at("--granule", 0, "arm64 granule must be 4, 16 or 64 (KiB), not " + granuleKb);
        };
    }

    /** Throws InputError unless arch/arm64/Kconfig offers that VA size for that granule. */
    public static void checkVaBits(int granuleKb, int vaBits) {
        boolean ok = switch (granuleKb) {
            case 4 -> vaBits == 39 || vaBits == 48;
            case 16 -> vaBits == 36 || vaBits == 47 || vaBits == 48;
            case 64 -> vaBits == 42 || vaBits == 48 || vaBits == 52;
            default -> false;
        };
        if (!ok) {
            throw InputError.at("--va-bits", 0, "arm64 " + granuleKb + "K pages support VA_BITS "
                    + switch (granuleKb) {
                        case 4 -> "39 or 48";
                        case 16 -> "36, 47 or 48";
                        case 64 -> "42, 48 or 52";
                        default -> "(none)";
                    } + ", not " + vaBits);
        }
    }

    /** SECTION_SIZE_BITS (arch/arm64/include/asm/sparsemem.h): 29 for 64K pages, else 27. */
    public static int sectionSizeBits(int granuleKb) {
        return granuleKb == 64 ? 29 : 27;
    }

    /**
     * ARM64_MEMSTART_ALIGN: PUD_SIZE with 4K pages, CONT_PMD_SIZE (32 PMDs of 32 MiB) with 16K, PMD_SIZE
     * with 64K, but never less than a memory section.
     */
    public static long memstartAlign(int granuleKb) {
        int shift = switch (granuleKb) {
            case 4 -> 30;
            case 16 -> 25 + 5;
            default -> 29;
        };
        return 1L << Math.max(shift, sectionSizeBits(granuleKb));
    }

    /** KASAN_SHADOW_END for generic KASAN: 2^61 + CONFIG_KASAN_SHADOW_OFFSET (arch/arm64/Kconfig defaults). */
    static long kasanShadowEnd(int vaBits) {
        long offset = switch (vaBits) {
            case 48, 52 -> 0xdfff800000000000L;
            case 47 -> 0xdfffc00000000000L;
            case 42 -> 0xdffffe0000000000L;
            case 39 -> 0xdfffffc000000000L;
            default -> 0xdffffff800000000L;
        };
        return (1L << 61) + offset;
    }

    /**
     * Builds the layout.
     *
     * @param granuleKb  4, 16 or 64
     * @param vaBits     CONFIG_ARM64_VA_BITS (hardware assumed to support it: vabits_actual = VA_BITS)
     * @param kaslrSeed  null without KASLR
     * @param dramStart  memblock_start_of_DRAM()
     * @param paBits     the CPU's physical address bits (PARange), for linear-map randomisation
     * @param imagePhys  physical address of _text
     * @param imageSize  _end - _text
     */
    public static MemoryLayout build(int granuleKb, int vaBits, Long kaslrSeed, long dramStart, int paBits,
                                     long imagePhys, long imageSize) {
        int pageShift = pageShift(granuleKb);
        checkVaBits(granuleKb, vaBits);
        int vaBitsMin = Math.min(vaBits, 48);
        long pageOffset = -(1L << vaBits);
        long pageEnd = -(1L << (vaBitsMin - 1));
        long modulesVaddr = pageEnd;
        long modulesEnd = modulesVaddr + SZ_128M;
        long vmallocStart = modulesEnd;
        int vmemmapShift = pageShift - 6;
        long vmemmapStart = -(1L << (vaBits - vmemmapShift));
        long vmemmapSize = (pageEnd - pageOffset) >>> vmemmapShift;
        long vmallocEnd = vmemmapStart - SZ_256M;
        long fixaddrTop = vmemmapStart - SZ_32M;
        long pciIoEnd = vmemmapStart - SZ_8M;
        long pciIoStart = pciIoEnd - SZ_16M;
        int levels = (vaBits - 4) / (pageShift - 3);

        long align = memstartAlign(granuleKb);
        long memstart = Math.floorDiv(dramStart, align) * align;
        long kimageVaddr = modulesEnd;
        String title = "arm64 " + granuleKb + "K pages, " + vaBits + "-bit VA, " + levels + " levels"
                + (kaslrSeed == null ? ", no KASLR" : ", KASLR seed " + kaslrSeed);
        MemoryLayout.Builder b = MemoryLayout.builder(title, 64, pageShift);
        if (kaslrSeed != null) {
            Arm64Kaslr.Result r = Arm64Kaslr.randomize(vaBits, pageEnd - pageOffset, paBits, align, kaslrSeed);
            kimageVaddr += r.kernelOffset();
            memstart -= r.memstartShift();
            b.note("kaslr_early_init: kernel image offset 0x" + Long.toHexString(r.kernelOffset())
                    + " (2 MiB aligned, in the middle half of vmalloc); linear-map seed " + r.memstartOffsetSeed()
                    + (r.memstartShift() == 0
                        ? ": linear map not moved (the " + paBits + "-bit physical range leaves no room)"
                        : ": memstart_addr lowered by 0x" + Long.toHexString(r.memstartShift())));
        }
        b.region(0, (1L << vaBits) - 1, RegionKind.USER, "user");
        b.region(1L << vaBits, pageOffset - 1, RegionKind.NON_CANONICAL,
                "not mapped by TTBR0 or TTBR1 (bits 63:" + vaBits + " neither all 0 nor all 1)");
        b.region(pageOffset, pageEnd - 1, RegionKind.DIRECT_MAP, "kernel logical memory map");
        b.region(modulesVaddr, modulesEnd - 1, RegionKind.MODULES, "modules");
        b.region(vmallocStart, vmallocEnd - 1, RegionKind.VMALLOC, "vmalloc");
        b.region(vmallocEnd, fixaddrTop - 1, RegionKind.FIXMAP, "fixed mappings (top down)");
        b.region(fixaddrTop, pciIoStart - 1, RegionKind.GUARD, "[guard region]");
        b.region(pciIoStart, pciIoEnd - 1, RegionKind.PCI_IO, "PCI I/O space");
        b.region(pciIoEnd, vmemmapStart - 1, RegionKind.GUARD, "[guard region]");
        b.sized(vmemmapStart, vmemmapSize, RegionKind.VMEMMAP, "vmemmap");
        if (vmemmapStart + vmemmapSize != 0) {
            b.region(vmemmapStart + vmemmapSize, -1L, RegionKind.GUARD, "[guard region]");
        }
        long kasanEnd = kasanShadowEnd(vaBits);
        b.nested(new Region(kasanEnd - (1L << (vaBits - 3)), kasanEnd - 1, RegionKind.KASAN_SHADOW,
                "[kasan shadow region] (CONFIG_KASAN only; the linear map then ends below it)", true));
        b.nested(new Region(kimageVaddr, kimageVaddr + imageSize - 1, RegionKind.KERNEL_IMAGE,
                "kernel image (_text to _end), inside vmalloc"));

        b.directMap(new LinearMap(pageOffset, pageEnd, memstart));
        b.kernelImage(new LinearMap(kimageVaddr, kimageVaddr + imageSize, imagePhys));
        // vmemmap = VMEMMAP_START - (memstart_addr >> PAGE_SHIFT) * sizeof(struct page)
        b.vmemmap(vmemmapStart - (memstart >> pageShift) * STRUCT_PAGE_SIZE, STRUCT_PAGE_SIZE);
        b.note("PHYS_OFFSET (memstart_addr) = " + signedHex(memstart) + ": DRAM start 0x"
                + Long.toHexString(dramStart) + " rounded down to ARM64_MEMSTART_ALIGN 0x" + Long.toHexString(align)
                + (kaslrSeed == null ? "" : ", then lowered by KASLR"));
        b.note("__va(p) = (p - PHYS_OFFSET) | PAGE_OFFSET; kimage_vaddr = 0x" + Long.toHexString(kimageVaddr)
                + ", kimage_voffset = 0x" + Long.toHexString(kimageVaddr - imagePhys));
        b.note("pfn_to_page(pfn) = VMEMMAP_START + (pfn - PHYS_OFFSET/PAGE_SIZE) * 64");
        return b.build();
    }

    private static String signedHex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }
}
